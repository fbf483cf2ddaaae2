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
  // Only what changed goes through the DataSets: each add, remove or update makes vis rebuild
  // its state (~50 ms at 5,000 actors), so a meta-edge whose count changed is restyled in place.
  var metaCountOf = {};
  V.syncCommunities = function (result) {
    var nodeChanges = [];
    communities.forEach(function (c) {
      var hidden = !(collapsed[c.id] && result.communitiesShown[c.id]);
      if (hidden !== c._hidden) { c._hidden = hidden; nodeChanges.push({id: "community-" + c.id, hidden: hidden}); }
    });
    var wanted = {}, fresh = [], restyled = [];
    Object.keys(result.metaCounts).forEach(function (key) {
      var id = "meta-" + key, count = result.metaCounts[key];
      wanted[id] = true;
      if (!(id in metaCountOf)) { fresh.push(metaEdge(key, count)); }
      else if (metaCountOf[id] !== count) { restyled.push({id: id, hidden: false, width: V.width(count), title: count + " event(s)"}); }
      metaCountOf[id] = count;
    });
    var gone = Object.keys(metaCountOf).filter(function (id) { return !wanted[id]; });
    gone.forEach(function (id) { delete metaCountOf[id]; });
    if (gone.length) { V.edges.remove(gone); }
    if (fresh.length) { V.edges.add(fresh); }
    if (restyled.length || nodeChanges.length) { V.hide(restyled, nodeChanges); }
  };
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
