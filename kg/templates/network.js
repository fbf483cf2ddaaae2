// Conflict KG network page, 10 of 10: the start. The other network_*.js files define the parts
// (window.KG.network); this draws the first filtered state once and wires the canvas.
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, meta = V.meta, state = V.state, link = K.link;

  var first = V.compute(), network = V.draw(first);
  V.batched = V.batchCanvas();
  V.addCommunities();
  var nodeChanges = [];
  V.syncCommunities(first, nodeChanges);
  V.hide([], nodeChanges);
  if (V.communities.length) { network.fit(); }  // to what the first state shows, meta-nodes included
  V.keepLabels();
  if (V.large) { V.dashesFollowZoom(); }
  V.addClaimsLayer();
  network.on("click", V.timed(null, V.clicked));

  var agg = meta.aggregated, notice = $("notice");
  if (meta.total_nodes > meta.shown_nodes || (agg && agg.total_edges > agg.shown_edges)) {
    notice.hidden = false;
    notice.textContent = meta.total_nodes > meta.shown_nodes ? "Showing the " + meta.shown_nodes + " most active of " + meta.total_nodes + " actors. Select one and use the ego view to expand its neighbourhood. " : "";
    if (agg) {
      if (meta.total_nodes > meta.shown_nodes && agg.top < agg.max_top) {
        var more = V.params(); more.top = String(Math.min(agg.max_top, meta.total_nodes, agg.top * 2));
        notice.appendChild(link("Show more actors", "/network?" + V.query(more)));
        notice.appendChild(document.createTextNode(" "));
      }
      if (agg.total_edges > agg.shown_edges) {
        notice.appendChild(document.createTextNode("Lines: the " + agg.shown_edges + " strongest of the " + agg.total_edges +
          " relations among them (every actor keeps its strongest; the ego view shows all of an actor's). "));
        var denser = V.params(); denser.edges = String(Math.min(agg.total_edges, agg.edges * 2));
        notice.appendChild(link("Draw more relations", "/network?" + V.query(denser)));
      }
    } else if (meta.server) {
      var wider = V.params(); wider.limit = String(Math.min(meta.total_nodes, meta.shown_nodes * 2));
      notice.appendChild(link("Show more", "/network?" + V.query(wider)));
    }
  } else if (meta.focus_missing) {
    notice.hidden = false; notice.textContent = "No actor with that URI in this view; showing the whole network.";
  }

  V.legend($("colour-by").value, $("edge-colour-by").value);
  V.shown(first);
  if (state.focus !== null) { V.select("node", state.focus); }
  V.markFirstDraw(network);
  var data = V.data;
  window.kgView = {apply: V.apply, params: V.params, state: state,
                   edgeIds: function () { return data.edges.map(function (e) { return e.id; }); },
                   visibleEdgeIds: function () { return data.edges.filter(function (e) { return !e._hidden; }).map(function (e) { return e.id; }); },
                   visibleNodeLabels: function () { return data.nodes.filter(function (n) { return !n._hidden; }).map(function (n) { return n.label; }).sort(); },
                   edge: function (id) { return V.edgeById[id]; }, node: function (id) { return V.byId[id]; },
                   events: V.events, claims: V.claims};
}());
