// Conflict KG network page, 1 of 10: the page's data, its indices and the shared state.
// The network page's scripts share one object, window.KG.network (V below); each adds its part.
(function () {
  "use strict";
  var K = window.KG, data = K.data(), meta = data.meta;
  var V = K.network = {data: data, meta: meta, events: data.events, claims: data.claims, byId: {}, edgeById: {}};
  data.nodes.forEach(function (n) { V.byId[n.id] = n; });
  data.edges.forEach(function (e) { V.edgeById[e.id] = e; });
  V.large = data.edges.length > 3000;  // arrows, hover and curves cost too much above this
  var initial = meta.focus === undefined ? null : meta.focus;
  V.state = {focus: initial, hops: meta.filter.hops, selected: initial};
  V.$ = function (id) { return document.getElementById(id); };
  V.current = {counts: {}, visibleEdges: 0, visibleNodes: 0};  // the last computed view

  // Actors by activity, most active first: the top-N slider keeps the first N.
  V.ranked = data.nodes.slice().sort(function (a, b) { return b.centrality.strength - a.centrality.strength; });
  V.rankOf = {};
  V.ranked.forEach(function (n, i) { V.rankOf[n.id] = i; });

  // Communities (computed on the server) of two or more actors; folded at first unless focused.
  V.communities = (meta.communities || []).filter(function (c) { return c.members >= 2; });
  V.collapsed = {};
  if (V.state.focus === null) { V.communities.forEach(function (c) { V.collapsed[c.id] = true; }); }

  V.width = function (count) { return 1 + 1.5 * Math.log2(Math.max(1, count)); };
  V.blocName = function (bloc) { return bloc < 0 ? "no signed ties" : "bloc " + (bloc + 1); };
  V.query = function (p) {
    return Object.keys(p).map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(p[k]); }).join("&");
  };
}());
