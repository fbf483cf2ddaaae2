// Conflict KG network page, 6 of 10: communities as meta-nodes.
// Above a few hundred actors the page opens on communities (computed on the server) folded
// into meta-nodes, labelled by their most active actors; a click on one unfolds it. Folding
// hides members through the same fast path as the filters; meta-edges carry the counts.
(function () {
  "use strict";
  var V = window.KG.network, $ = V.$, data = V.data, communities = V.communities, collapsed = V.collapsed;

  // The meta-nodes, at their members' centre; they go to vis with the actors (added after
  // them, they made vis rebuild its whole state: 55 ms of the first draw at 5,000 actors).
  V.communityNodes = function () {
    var sums = {};
    data.nodes.forEach(function (n) {
      var s = sums[n.community] || (sums[n.community] = {x: 0, y: 0, k: 0});
      s.x += n.x; s.y += n.y; s.k++;
    });
    return communities.map(function (c) {
      var s = sums[c.id] || {x: 0, y: 0, k: 0};
      return {id: "community-" + c.id, x: s.x / Math.max(s.k, 1), y: s.y / Math.max(s.k, 1), physics: false,
              hidden: !collapsed[c.id], shape: "dot", color: "#56b4e9", size: 12 + 4 * Math.sqrt(c.members),
              font: {size: 18}, label: c.top.join(", ") + " (+" + Math.max(0, c.members - c.top.length) + ")",
              title: c.members + " actors; activity " + c.activity};
    });
  };
  V.addCommunities = function () {
    $("communities").hidden = !communities.length;
    $("group-communities").addEventListener("click", function () { fold(true); });
    $("expand-communities").addEventListener("click", function () { fold(false); });
  };
  // Meta-edges are no vis edges: vis builds an object for each (13 us, ~70 ms for the ~5,000
  // meta-edges of the largest community at 5,000 actors) and draws each alone; they are lines
  // drawn with the batched edges (network_canvas.js), rebuilt from the counts.
  // Where vis's renderer cannot be batched, they go through the DataSet (V.metaDataSet).
  V.syncCommunities = function (result, nodeChanges) {
    communities.forEach(function (c) {
      var hidden = !(collapsed[c.id] && result.communitiesShown[c.id]);
      if (hidden !== c._hidden) { c._hidden = hidden; nodeChanges.push({id: "community-" + c.id, hidden: hidden}); }
    });
    if (!V.batched) { metaDataSet(result.metaCounts); return; }
    var nodes = V.network.body.nodes;
    V.metaLines = Object.keys(result.metaCounts).map(function (key) {
      var ends = result.metaEnds[key];
      return V.metaLine(nodes[ends[0]], nodes[ends[1]], V.width(result.metaCounts[key]));
    });
  };
  var metaIds = [];
  function metaDataSet(metaCounts) {
    V.edges.remove(metaIds);
    var items = Object.keys(metaCounts).map(function (key) {
      var ends = key.split("|"), count = metaCounts[key], c = V.META_COLOUR;
      return {id: "meta-" + key, from: isNaN(+ends[0]) ? ends[0] : +ends[0], to: isNaN(+ends[1]) ? ends[1] : +ends[1],
              width: V.width(count), color: {color: c, highlight: c, hover: c, opacity: 0.5}, arrows: "", title: count + " event(s)"};
    });
    metaIds = items.map(function (item) { return item.id; });
    V.edges.add(items);
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
