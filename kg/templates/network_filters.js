// Conflict KG network page, 3 of 10: the filters (edge types, dates, weight, top N, ego view),
// what they leave visible, and showing or hiding it on the canvas.
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, data = V.data, meta = V.meta, events = V.events;
  var byId = V.byId, state = V.state, rankOf = V.rankOf, collapsed = V.collapsed;

  V.apply = apply;
  V.checked = K.groupToggles(meta, V.timed("filter", apply));
  var range = V.range = K.dateRange(meta, V.timed("dates", apply));
  ["min-weight", "undated", "isolated", "hops"].forEach(function (id) { $(id).addEventListener("change", V.timed("filter", apply)); });
  $("min-weight").value = meta.filter.min_weight;
  $("max-lines").value = String(meta.max_lines);
  $("max-lines").addEventListener("change", V.timed("filter", function () {
    var agg = meta.aggregated, wanted = Math.max(1, +$("max-lines").value || 1);
    if (agg && agg.total_edges > agg.shown_edges && wanted > agg.edges) {  // the server holds more
      var p = V.params(); p.edges = String(wanted); window.location.search = "?" + V.query(p); return;
    }
    apply();
  }));
  $("hops").value = meta.filter.hops;
  $("isolated").checked = meta.filter.isolated;
  $("top-n").max = String(data.nodes.length); $("top-n").value = String(data.nodes.length);
  $("top-n").addEventListener("input", V.timed("top-n", function () { $("top-n-label").textContent = $("top-n").value; apply(); }));
  $("top-n-label").textContent = $("top-n").value;

  // The filter inputs, read once per change (not once per edge).
  function dates() {
    var undated = $("undated").checked;
    return {all: range.full() && undated, from: range.from(), to: range.to(), undated: undated};
  }
  function visibleCount(edge, on, d) {
    if (!on[edge.group]) { return 0; }
    if (edge.evidence || d.all) { return edge.count; }  // evidence: counted on the server
    return edge.events.filter(function (i) { return K.inRange(events[i].date, d.from, d.to, d.undated); }).length;
  }

  function egoSet(shown) {
    if (state.focus === null || !byId[state.focus]) { return null; }
    var adjacency = {};
    shown.forEach(function (e) {
      (adjacency[e.from] = adjacency[e.from] || []).push(e.to);
      (adjacency[e.to] = adjacency[e.to] || []).push(e.from);
    });
    var seen = {}, frontier = [state.focus], hops = Math.max(0, +$("hops").value || 0);
    seen[state.focus] = true;
    for (var h = 0; h < hops; h++) {
      var next = [];
      frontier.forEach(function (n) {
        (adjacency[n] || []).forEach(function (m) { if (!seen[m]) { seen[m] = true; next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }

  V.compute = function () {
    var on = V.checked(), minWeight = Math.max(1, +$("min-weight").value || 1), counts = {}, topN = +$("top-n").value, d = dates();
    var shown = data.edges.filter(function (e) {
      counts[e.id] = visibleCount(e, on, d);
      return counts[e.id] >= minWeight && counts[e.id] > 0 && rankOf[e.from] < topN && rankOf[e.to] < topN;
    });
    var ego = egoSet(shown);
    if (ego) { shown = shown.filter(function (e) { return ego[e.from] && ego[e.to]; }); }
    var drawn = strongest(shown, counts, Math.max(1, +$("max-lines").value || Infinity)), drawnEdges = 0;
    var visible = {}, touched = {}, isolated = $("isolated").checked, nodeHidden = {}, visibleNodes = 0;
    shown.forEach(function (e) { touched[e.from] = touched[e.to] = true; });
    var filteredOut = {}, inCommunity = {}, metaCounts = {}, metaEnds = {};
    data.nodes.forEach(function (n) {
      filteredOut[n.id] = Boolean((ego && !ego[n.id]) || (!isolated && !touched[n.id]) || rankOf[n.id] >= topN);
      nodeHidden[n.id] = filteredOut[n.id] || collapsed[n.community] === true;
      if (!filteredOut[n.id] && collapsed[n.community]) { inCommunity[n.community] = true; }
      if (!nodeHidden[n.id]) { visibleNodes++; }
    });
    var listed = {};
    shown.forEach(function (e) {  // an edge touching a folded community joins its meta-edge
      var from = represent(e.from), to = represent(e.to);
      listed[e.id] = true;
      if (from === e.from && to === e.to) { if (drawn[e.id]) { visible[e.id] = true; drawnEdges++; } return; }
      if (from === to) { return; }
      var key = from + "|" + to;
      if (metaCounts[key] === undefined) { metaCounts[key] = 0; metaEnds[key] = [from, to]; }
      metaCounts[key] += counts[e.id];
    });
    return {counts: counts, visible: visible, nodeHidden: nodeHidden, visibleEdges: shown.length, visibleNodes: visibleNodes,
            drawnEdges: drawnEdges, cut: shown.length > Object.keys(drawn).length,
            filteredOut: filteredOut, communitiesShown: inCommunity, metaCounts: metaCounts, metaEnds: metaEnds, listed: listed};
  };
  // The `budget` edges of most events (ties: the lower id; a view from the tallies sends its
  // edges strongest first), and each actor's strongest besides: a line budget that leaves no
  // actor without a line (kg.aggregates.network.strongest_edges on the server).
  function strongest(edges, counts, budget) {
    var keep = {}, tied = {};
    if (edges.length <= budget) { edges.forEach(function (e) { keep[e.id] = true; }); return keep; }
    edges.slice().sort(function (a, b) { return (counts[b.id] - counts[a.id]) || (a.id < b.id ? -1 : 1); })
      .forEach(function (e, rank) {
        if (rank < budget) { keep[e.id] = true; }
        if (!tied[e.from]) { tied[e.from] = keep[e.id] = true; }
        if (!tied[e.to]) { tied[e.to] = keep[e.id] = true; }
      });
    return keep;
  }
  var metaNodeIds = {};  // a community's meta-node id, made once (not for each edge of each change)
  function represent(nodeId) {
    var c = byId[nodeId].community;
    return collapsed[c] ? metaNodeIds[c] || (metaNodeIds[c] = "community-" + c) : nodeId;
  }
  function apply() {
    var result = V.compute(), edgeChanges = [], nodeChanges = [];
    data.edges.forEach(function (e) {
      var hidden = !result.visible[e.id], w = V.width(result.counts[e.id]);
      if (hidden !== e._hidden || w !== e._width) {
        e._hidden = hidden; e._width = w;
        edgeChanges.push({id: e.id, hidden: hidden, width: w});
      }
    });
    data.nodes.forEach(function (n) {
      var hidden = result.nodeHidden[n.id];
      if (hidden !== n._hidden) { n._hidden = hidden; nodeChanges.push({id: n.id, hidden: hidden}); }
    });
    if (V.network) { V.syncCommunities(result, nodeChanges); V.hide(edgeChanges, nodeChanges); }
    data.nodes.forEach(function (n) { n._listed = !result.filteredOut[n.id]; });
    data.edges.forEach(function (e) { e._listed = result.listed[e.id] === true; });
    V.shown(result);
  }
  // Showing and hiding thousands of items through DataSet.update costs ~40 us each (every
  // item's options are re-parsed, then clustering state is rebuilt); vis-network 9.1.2
  // (pinned with pyvis 0.3.2) reads `hidden` and `width` from each item's options and draws
  // what its visible indices list, so those are set directly; the DataSets are the fallback.
  V.hide = function (edgeChanges, nodeChanges) {
    var network = V.network, body = network.body;
    if (!body || !body.edges || !body.nodes || !body.emitter) {
      V.edges.update(edgeChanges); V.nodes.update(nodeChanges); return;
    }
    edgeChanges.forEach(function (c) {
      var edge = body.edges[c.id];
      if (edge) { edge.options.hidden = c.hidden; edge.options.width = c.width; }
    });
    nodeChanges.forEach(function (c) { var node = body.nodes[c.id]; if (node) { node.options.hidden = c.hidden; } });
    if (typeof network._updateVisibleIndices === "function") {
      V.updateVisibleIndices(network);  // a few ms where the full "_dataUpdated" pass takes 400
      body.emitter.emit("_requestRedraw");
    } else {
      body.emitter.emit("_dataUpdated");
    }
  };
  V.shown = function (result) {
    V.current = result;
    var folded = Object.keys(result.communitiesShown).length;
    $("counts").textContent = result.visibleNodes + " actors" + (folded ? " and " + folded + " folded communities" : "") +
      ", " + result.visibleEdges + " edges shown" +
      (result.cut ? "; " + result.drawnEdges + " lines drawn, the strongest (see Lines drawn at most)" : "");
    V.exportLinks();
    if (V.network) { V.listsLater(); }
  };

  V.params = function () {
    var on = V.checked(), groups = Object.keys(on).filter(function (g) { return on[g]; }), p = range.params();
    if (groups.length !== Object.keys(on).length) { p.groups = groups.join(","); }
    if (+$("min-weight").value > 1) { p.min_weight = String(+$("min-weight").value); }
    if (state.focus !== null) { p.focus = byId[state.focus].uri; p.hops = String(+$("hops").value); }
    if (!$("isolated").checked) { p.isolated = "0"; }
    if (meta.filter.limit !== meta.default_limit) { p.limit = String(meta.filter.limit); }
    if (meta.aggregated) { p.top = String(meta.aggregated.top); p.edges = String(meta.aggregated.edges); }
    return p;
  };

  // The ego view: the selected actor and its neighbours within `hops` (on a server holding more
  // actors than it sent, the neighbourhood is asked for).
  $("ego").addEventListener("click", function () {
    var network = V.network, id = state.selected !== null ? state.selected : network.getSelectedNodes()[0];
    if (id === undefined || id === null) { $("search-result").textContent = "select an actor first"; return; }
    if (meta.server && meta.total_nodes > meta.shown_nodes) {
      state.focus = id;
      var around = V.params(); delete around.limit;  // the neighbourhood, not the top-N cut
      window.location.search = "?" + V.query(around); return;
    }
    state.focus = id; apply(); network.fit();
  });
  $("ego-clear").addEventListener("click", function () {
    if (meta.server && meta.filter.focus) { state.focus = null; window.location.search = "?" + V.query(V.params()); return; }
    state.focus = null; apply(); V.network.fit();
  });
}());
