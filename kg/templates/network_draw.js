// Conflict KG network page, 4 of 10: drawing. Node and edge styles, the legend, the vis-network
// canvas (drawn once from the first filtered state), labels that survive zooming, the claims layer.
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, el = K.el, data = V.data, meta = V.meta;
  var byId = V.byId, claims = V.claims, events = V.events, large = V.large;

  ["size-by", "colour-by", "edge-colour-by"].forEach(function (id) { $(id).addEventListener("change", V.timed("style", restyle)); });
  // Arrows cost more than half of each redraw: off by default above 3,000 edges.
  $("arrows").checked = !large;
  $("arrows").addEventListener("change", function () {
    var on = $("arrows").checked;
    V.edges.update(data.edges.map(function (e) { return {id: e.id, arrows: on ? e.arrows : ""}; }));
  });

  V.nodeStyle = function (n, max) {
    var by = $("size-by").value, colourBy = $("colour-by").value;
    var colour = colourBy === "bloc" ? (meta.bloc_colours[n.bloc] || "#95a5a6") : (meta.kind_colours[n.kind] || "#95a5a6");
    return {id: n.id, size: 8 + 28 * Math.sqrt(max ? (n.centrality[by] || 0) / max : 0), color: colour};
  };
  V.maxCentrality = function () {
    var by = $("size-by").value, max = 0;
    data.nodes.forEach(function (n) { max = Math.max(max, n.centrality[by] || 0); });
    return max;
  };
  // Selection keeps each edge's colour; it is shown by width and by fading the rest.
  var BASE_OPACITY = 0.8, FADED_OPACITY = 0.15;
  V.edgeColour = function (e) {
    var colour = $("edge-colour-by").value === "sign" ? meta.sign_colours[e.sign] : meta.groups[e.group].colour;
    return {color: colour, highlight: colour, hover: colour, opacity: BASE_OPACITY};
  };
  V.emphasise = function (edgeIds) {  // null: nothing selected, every edge at its base opacity
    var keep = {};
    (edgeIds || []).forEach(function (id) { keep[id] = true; });
    var body = V.network.body;
    data.edges.forEach(function (e) {
      var edge = body.edges[e.id];
      if (edge) { edge.options.color.opacity = !edgeIds || keep[e.id] ? BASE_OPACITY : FADED_OPACITY; }
    });
    body.emitter.emit("_requestRedraw");
  };
  function restyle() {
    var max = V.maxCentrality();
    V.nodes.update(data.nodes.map(function (n) { return V.nodeStyle(n, max); }));
    V.edges.update(data.edges.map(function (e) { return {id: e.id, color: V.edgeColour(e)}; }));
    V.legend($("colour-by").value, $("edge-colour-by").value);
  }

  V.legend = function (colourBy, edgeBy) {
    var box = $("legend");
    box.replaceChildren();
    box.appendChild(el("h2", "Edges"));
    var edgeItems = edgeBy === "sign" ? [["-1", "hostile"], ["0", "neutral"], ["1", "cooperative"]].map(function (s) {
      return [meta.sign_colours[s[0]], s[1]];
    }) : Object.keys(meta.groups).map(function (g) { return [meta.groups[g].colour, g, meta.groups[g].dashes]; });
    edgeItems.push([null, "width: number of events"]);
    box.appendChild(list(edgeItems));
    box.appendChild(el("h2", colourBy === "bloc" ? "Blocs (signed camps, kg analyze blocs)" : "Actors"));
    var kinds = {};
    data.nodes.forEach(function (n) { kinds[colourBy === "bloc" ? n.bloc : n.kind] = true; });
    var items = Object.keys(kinds).sort().slice(0, 12).map(function (k) {
      return colourBy === "bloc" ? [meta.bloc_colours[k] || "#95a5a6", V.blocName(+k)] : [meta.kind_colours[k] || "#95a5a6", k];
    });
    items.push([null, "size: " + $("size-by").selectedOptions[0].textContent]);
    box.appendChild(list(items));
  };
  function list(items) {
    var div = el("div");
    items.forEach(function (item) {
      var row = el("div");
      if (item[0]) { row.appendChild(item.length > 2 ? K.lineSample(item[0], item[2]) : K.swatch(item[0])); }
      row.appendChild(document.createTextNode(item[1]));
      div.appendChild(row);
    });
    return div;
  }

  // The first state is computed before vis sees the data, so it is drawn once.
  V.draw = function (first) {
    var max = V.maxCentrality();
    V.nodes = new vis.DataSet(data.nodes.map(function (n) {
      n._hidden = first.nodeHidden[n.id];
      var item = V.nodeStyle(n, max);
      item.label = n.label; item.x = n.x; item.y = n.y; item.physics = false; item.hidden = n._hidden;
      return item;
    }).concat(V.communityNodes()));
    V.edges = new vis.DataSet(data.edges.map(function (e) {
      e._hidden = !first.visible[e.id]; e._width = V.width(first.counts[e.id]);
      var item = {id: e.id, from: e.from, to: e.to, arrows: large ? "" : e.arrows, width: e._width, hidden: e._hidden,
                  color: V.edgeColour(e), dashes: meta.groups[e.group].dashes};
      if (e.smooth) { item.smooth = e.smooth; }  // parallel edges bend apart (kg.views.data.parallel_curves)
      return item;
    }));
    V.network = new vis.Network(document.getElementById("network"), {nodes: V.nodes, edges: V.edges}, {
      physics: false,
      layout: {improvedLayout: false},
      interaction: {hover: !large, hideEdgesOnDrag: large, hideEdgesOnZoom: large, tooltipDelay: 1e9},
      nodes: {shape: "dot", font: {size: 14}},
      edges: {smooth: large ? false : {type: "curvedCW", roundness: 0.15}, selectionWidth: 2}
    });
    window.kgNetwork = V.network;
    return V.network;
  };

  // The most active actors keep a readable label at every zoom.
  V.keepLabels = function () {
    var labelled = V.ranked.slice(0, 20).map(function (n) { return n.id; });
    V.network.on("zoom", function () {
      var size = Math.min(48, 14 / Math.max(V.network.getScale(), 0.05));
      V.nodes.update(labelled.map(function (id) { return {id: id, font: {size: size}}; }));
    });
  };

  // Above 3,000 edges a dash pattern costs four times a solid line to draw (380 against 85 ms a
  // frame with 20,000 edges shown, tests/perf/test_views_bench.py), and below half scale a pattern
  // of a few units is a pixel or two on screen, unreadable: there lines are drawn solid, and each
  // family's pattern comes back when the view is zoomed in (set before each frame is drawn).
  var DASH_SCALE = 0.5;
  V.dashesFollowZoom = function () {
    var dashed = true;
    V.network.on("beforeDrawing", function () {
      var on = V.network.getScale() >= DASH_SCALE, body = V.network.body;
      if (on === dashed) { return; }
      dashed = on;
      data.edges.forEach(function (e) {
        var edge = body.edges[e.id];
        if (edge) { edge.options.dashes = on ? meta.groups[e.group].dashes : false; }
      });
    });
  };

  // The claims layer (off by default): speaker -> each actor of the event a claim asserts.
  V.claimEdgeById = {};
  claims.forEach(function (c, i) {
    if (c.speaker === null || c.speaker === undefined || c.asserts === null || c.asserts === undefined) { return; }
    (events[c.asserts].actors || []).forEach(function (actor) {
      if (actor === c.speaker || byId[actor] === undefined || byId[c.speaker] === undefined) { return; }
      var id = "claim-" + c.speaker + "-" + actor;
      (V.claimEdgeById[id] = V.claimEdgeById[id] || {id: id, from: c.speaker, to: actor, claims: []}).claims.push(i);
    });
  });
  var CLAIM_COLOUR = "#444444";
  V.addClaimsLayer = function () {
    V.edges.add(Object.keys(V.claimEdgeById).map(function (id) {
      var e = V.claimEdgeById[id];
      return {id: id, from: e.from, to: e.to, arrows: "to", hidden: true, dashes: [1, 4], width: 1.5,
              color: {color: CLAIM_COLOUR, highlight: CLAIM_COLOUR, hover: CLAIM_COLOUR, opacity: 0.9},
              smooth: {type: "curvedCCW", roundness: 0.35}};
    }));
    $("claims-layer").addEventListener("change", function () {
      var on = $("claims-layer").checked;
      V.edges.update(Object.keys(V.claimEdgeById).map(function (id) { return {id: id, hidden: !on}; }));
    });
  };
}());
