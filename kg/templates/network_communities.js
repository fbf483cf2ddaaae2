// Conflict KG network page, 5 of 9: communities as meta-nodes.
// Above a few hundred actors the page opens on communities (computed on the server) folded
// into meta-nodes, labelled by their most active actors; a click on one unfolds it. Folding
// hides members through the same fast path as the filters; meta-edges carry the counts.
(function () {
  "use strict";
  var V = window.KG.network, $ = V.$, data = V.data, communities = V.communities, collapsed = V.collapsed;

  V.addCommunities = function () {
    V.nodes.add(communities.map(function (c) {
      var xs = 0, ys = 0, k = 0;
      data.nodes.forEach(function (n) { if (n.community === c.id) { xs += n.x; ys += n.y; k++; } });
      return {id: "community-" + c.id, x: xs / Math.max(k, 1), y: ys / Math.max(k, 1), physics: false,
              hidden: !collapsed[c.id], shape: "dot", color: "#56b4e9", size: 12 + 4 * Math.sqrt(c.members),
              font: {size: 18}, label: c.top.join(", ") + " (+" + Math.max(0, c.members - c.top.length) + ")",
              title: c.members + " actors; activity " + c.activity};
    }));
    $("communities").hidden = !communities.length;
    $("group-communities").addEventListener("click", function () { fold(true); });
    $("expand-communities").addEventListener("click", function () { fold(false); });
  };
  // Only what changed goes through vis: every DataSet add, remove or update makes it rebuild its
  // whole state, so a meta-edge, once made, is never removed: it is hidden, shown or restyled in
  // place (V.hide), and a new one goes straight into vis's edges (placeEdges). At 5,000 actors
  // this took a search from 492 to 200 ms (tests/perf/test_views_bench.py, load ~5).
  var metaCountOf = {};  // meta-edge id -> the count it shows; 0 while hidden
  // Meta-nodes and meta-edges for `result`; their changes join `edgeChanges` and `nodeChanges`
  // (shown or hidden by the caller, with vis's visible indices rebuilt once).
  V.syncCommunities = function (result, edgeChanges, nodeChanges) {
    communities.forEach(function (c) {
      var hidden = !(collapsed[c.id] && result.communitiesShown[c.id]);
      if (hidden !== c._hidden) { c._hidden = hidden; nodeChanges.push({id: "community-" + c.id, hidden: hidden}); }
    });
    var wanted = {}, fresh = [], changes = edgeChanges;
    Object.keys(result.metaCounts).forEach(function (key) {
      var id = "meta-" + key, count = result.metaCounts[key];
      wanted[id] = true;
      if (!(id in metaCountOf)) { fresh.push(metaEdge(key, count)); }
      else if (metaCountOf[id] !== count) { changes.push({id: id, hidden: false, width: V.width(count), title: count + " event(s)"}); }
      metaCountOf[id] = count;
    });
    Object.keys(metaCountOf).forEach(function (id) {
      if (!wanted[id] && metaCountOf[id] !== 0) { metaCountOf[id] = 0; changes.push({id: id, hidden: true, width: 1}); }
    });
    if (fresh.length) { placeEdges(fresh); }
    return fresh.length > 0;
  };
  function placeEdges(items) {  // vis-network 9.1.2's own edge constructor (see V.hide); else the DataSet
    var body = V.network.body;
    if (!body || !body.functions || typeof body.functions.createEdge !== "function" ||
        typeof V.network._updateVisibleIndices !== "function") { V.edges.add(items); return; }
    items.forEach(function (item) { body.edges[item.id] = body.functions.createEdge(item); });
  }
  function metaEdge(key, count) {
    var ends = key.split("|");
    return {id: "meta-" + key, from: isNaN(+ends[0]) ? ends[0] : +ends[0], to: isNaN(+ends[1]) ? ends[1] : +ends[1],
            width: V.width(count), color: {color: "#7f7f7f", highlight: "#7f7f7f", hover: "#7f7f7f", opacity: 0.5},
            arrows: "", title: count + " event(s)"};
  }
  function fold(all) {
    communities.forEach(function (c) { collapsed[c.id] = all; });
    V.apply();
  }
  V.unfold = function (communityId) { collapsed[communityId] = false; V.apply(); };
  V.reveal = function (nodeId) {  // unfold the community holding an actor before selecting it
    var c = V.byId[nodeId] && V.byId[nodeId].community;
    if (collapsed[c]) { collapsed[c] = false; V.apply(); }
  };
}());
