// Conflict KG network page, 5 of 10: the canvas drawn in batches. vis-network 9.1.2 draws each
// node and each edge on its own (a path, a fill or stroke, save/restore and a dozen option
// look-ups each): a frame of 5,000 nodes and 20,000 edges took 68-98 ms of script, 22 in batches
// (tests/perf/test_views_bench.py). Plain items are drawn here as one path per style instead;
// the rest (selected, hovered, curved, with arrows or a label drawn at this scale) still by vis,
// after them, in vis's order. Lines whose box misses the view are left out. Meta-edges
// (V.metaLines, network_communities.js) join the batches.
(function () {
  "use strict";
  var V = window.KG.network;
  var META_COLOUR = V.META_COLOUR = "#7f7f7f", drawnAlone = [];
  // Items per path: the browser rasterises one path as one shape, and a path of thousands of
  // crossing lines took seconds to paint (Event Timing 2.3 s); short paths paint as fast as vis's.
  // A dashed line is a path of its own: the browser dashes only the part of a lone line in view.
  var PER_PATH = 32;
  V.metaLines = [];  // {from, to: vis nodes, style: {color, width, dashes}}: the meta-edges shown
  V.metaLine = function (from, to, width) {
    return {from: from, to: to, style: {color: {color: META_COLOUR, opacity: 0.5}, width: width, dashes: false}};
  };

  // vis's renderer draws through these three methods; false where they are not vis 9's.
  V.batchCanvas = function () {
    var renderer = V.network.renderer;
    if (!renderer || typeof renderer._drawEdges !== "function" || typeof renderer._drawNodes !== "function" ||
        typeof renderer._drawArrows !== "function" || !renderer.canvas || !renderer.body) { return false; }
    renderer._drawEdges = drawEdges;
    renderer._drawArrows = function (ctx) { drawnAlone.forEach(function (e) { e.drawArrows(ctx); }); };  // a batched edge has none
    renderer._drawNodes = drawNodes;
    return true;
  };

  // What vis draws: its visible indices, by vis's own rule (shown items; an edge between two
  // shown nodes). vis's pass walks its objects with for-in (17 ms at 5,000 actors and 20,000
  // edges); the same over its node and edge objects and each edge's end nodes, listed until
  // vis's data next changes (vis makes new objects only then), needs no look-up by id.
  var items = null;
  V.updateVisibleIndices = function (network) {
    var body = network.body, clustering = network.clustering;
    if (!clustering || Object.keys(clustering.clusteredNodes || {}).length || Object.keys(clustering.clusteredEdges || {}).length) {
      network._updateVisibleIndices(); return;
    }
    if (items === null) {
      items = {nodes: Object.keys(body.nodes).map(function (id) { return body.nodes[id]; }), edges: [], from: [], to: []};
      Object.keys(body.edges).forEach(function (id) {
        var e = body.edges[id];
        items.edges.push(e); items.from.push(body.nodes[e.fromId]); items.to.push(body.nodes[e.toId]);
      });
      body.emitter.once("_dataChanged", function () { items = null; });
    }
    var nodeIndices = [], edgeIndices = [], edges = items.edges, from = items.from, to = items.to;
    items.nodes.forEach(function (n) { if (n.options.hidden === false) { nodeIndices.push(n.id); } });
    for (var i = 0; i < edges.length; i++) {
      if (edges[i].options.hidden === false && from[i] && to[i] && from[i].options.hidden === false && to[i].options.hidden === false) {
        edgeIndices.push(edges[i].id);
      }
    }
    body.nodeIndices = nodeIndices; body.edgeIndices = edgeIndices;
  };

  function drawEdges(ctx) {
    var edges = this.body.edges, indices = this.body.edgeIndices, batches = {}, alone = [], view = viewable(this.canvas);
    var scale = this.body.view.scale, covers = {};
    for (var i = 0; i < indices.length; i++) {
      var edge = edges[indices[i]], o = edge.options;
      if (edge.connected !== true) { continue; }
      if (!plainEdge(edge)) { alone.push(edge); continue; }
      if (outside(edge.from, edge.to, view)) { continue; }
      var points = addTo(batches, o.color.color + "|" + o.color.opacity + "|" + o.width + "|" + (o.dashes ? String(o.dashes) : ""), o);
      if (o.dashes) { pushLine(points, edge.from.x, edge.from.y, edge.to.x, edge.to.y, edge.from, edge.to); } else { pushUncovered(points, edge.from, edge.to, o.width, covers); }
    }
    V.metaLines.forEach(function (m) {
      if (m.from.options.hidden || m.to.options.hidden || outside(m.from, m.to, view)) { return; }
      pushUncovered(addTo(batches, META_COLOUR + "|0.5|" + m.style.width + "|", m.style), m.from, m.to, m.style.width, covers);
    });
    Object.keys(batches).forEach(function (key) { strokeLines(ctx, batches[key], scale); });
    alone.forEach(function (e) { drawScaled(e, ctx); });
    drawnAlone = alone;
  }
  // A line in a batch: the part drawn, and the whole line's length on which the batch's paths
  // are cut (strokeLines), so they group the same lines whatever is left out.
  function pushLine(points, x0, y0, x1, y1, from, to) {
    points.push(x0, y0, x1, y1, Math.abs(to.x - from.x) + Math.abs(to.y - from.y));
  }
  // A solid line without its ends under its nodes' discs (opaque dots, drawn over the lines):
  // it stops where the corners of its end meet the disc's rim, sqrt(r^2 - (w/2)^2) from the
  // centre, so no part of it outside the disc is left out, and a line wholly under its two discs is left
  // out (drawn as nothing, still one of its path's lines). Lines converge on hubs and
  // meta-nodes: zoomed in after the bench's searches at 5,000 actors (3,200 lines, 2,849 of
  // them meta-edges) a frame took 74 ms to draw and rasterise with the ends, 42 without
  // (redraw to a getImageData, median of 7). A dashed line keeps its ends: its dashes count
  // from its start. The picture differs only in the anti-aliasing where lines overlap
  // (tests/browser/test_network_canvas.py switches this off to compare).
  V.trimLineEnds = true;
  function pushUncovered(points, from, to, width, covers) {
    var a = covered(from, width, covers), b = covered(to, width, covers);
    var dx = to.x - from.x, dy = to.y - from.y, length = Math.sqrt(dx * dx + dy * dy);
    if (a + b === 0) { pushLine(points, from.x, from.y, to.x, to.y, from, to); return; }
    if (length <= a + b) { pushLine(points, from.x, from.y, from.x, from.y, from, to); return; }
    pushLine(points, from.x + dx * a / length, from.y + dy * a / length, to.x - dx * b / length, to.y - dy * b / length, from, to);
  }
  // How far from a node's centre a line `width` wide lies under its disc (0: not a disc that hides it).
  function covered(node, width, covers) {
    var radius = covers[node.id];
    if (radius === undefined) { radius = covers[node.id] = V.trimLineEnds && opaqueDot(node) ? node.options.size : 0; }
    var half = width / 2;
    return radius > half ? Math.sqrt(radius * radius - half * half) : 0;
  }
  var OPAQUE = /^#(?:[0-9a-f]{3}){1,2}$/i;
  function opaqueDot(node) {
    var o = node.options, c = o.color;
    return o.shape === "dot" && o.hidden !== true && (o.opacity === undefined || o.opacity === 1) && typeof o.size === "number" &&
      OPAQUE.test(c.background) && OPAQUE.test(c.highlight.background) && OPAQUE.test(c.hover.background);
  }
  // A family's dash pattern is given for a line 1 unit wide and drawn in proportion to the
  // line's width (as matplotlib scales dashes by linewidth): a wide line's round caps closed the
  // gaps of the unscaled pattern (a 10-unit line drew [2, 5] as a solid line), and its many
  // short dashes were most of what the browser rasterised after each click: 686 dashed lines of
  // 1,040 (two communities open in the 100k store's default view) took 62-84 ms to rasterise
  // with the unscaled patterns, 20-35 scaled, 11-12 with no dashes (a redraw, then the time to
  // a getImageData).
  V.dashPattern = function (dashes, width) {
    var factor = Math.max(1, width || 1);
    return factor === 1 ? dashes : dashes.map(function (d) { return d * factor; });
  };
  // vis draws an edge with the pattern in its options: scaled for that draw only, so its
  // options keep the family's pattern.
  function drawScaled(edge, ctx) {
    var o = edge.options, declared = o.dashes;
    if (Array.isArray(declared) && o.width > 1) { o.dashes = V.dashPattern(declared, o.width); }
    try { edge.draw(ctx); } finally { o.dashes = declared; }
  }
  function outside(a, b, view) {  // the line's box misses the view
    return (a.x < view.left && b.x < view.left) || (a.x > view.right && b.x > view.right) ||
      (a.y < view.top && b.y < view.top) || (a.y > view.bottom && b.y > view.bottom);
  }
  function plainEdge(edge) {
    var o = edge.options, a = o.arrows;
    return !edge.selected && !edge.hover && edge.from !== edge.to && !(o.smooth && o.smooth.enabled === true) &&
      !a.to.enabled && !a.from.enabled && !a.middle.enabled && (o.label === null || o.label === undefined) &&
      !o.shadow.enabled && o.color.inherit === false;
  }
  // The batch of items drawn alike (`style`: the options of the first), created on first use.
  function addTo(batches, key, style) {
    return (batches[key] || (batches[key] = {style: style, points: []})).points;
  }
  // A path ends after PER_PATH lines or PATH_LENGTH pixels of line on screen (|dx| + |dy|),
  // whichever comes first: the browser rasterises a path of crossing lines in time that grows
  // with its extent, so long lines (zoomed in) go one or two to a path, short ones in batches.
  // At 5,000 actors a frame zoomed in on a searched actor (800 edges, 2,400 meta-edges) drew and
  // rasterised in 45-49 ms instead of 72 with 32 lines a path (timed to a getImageData after
  // network.redraw()); the whole graph zoomed out as fast as before.
  var PATH_LENGTH = 1200;
  function strokeLines(ctx, batch, scale) {
    var p = batch.points, o = batch.style, most = o.dashes ? 1 : PER_PATH, room = PATH_LENGTH / scale;
    ctx.save();
    ctx.strokeStyle = o.color.color; ctx.globalAlpha = o.color.opacity; ctx.lineWidth = o.width;
    if (o.dashes) { ctx.lineCap = "round"; ctx.setLineDash(V.dashPattern(Array.isArray(o.dashes) ? o.dashes : [5, 5], o.width)); }
    for (var i = 0, lines = 0, length = 0; i < p.length; i += 5) {  // x0, y0, x1, y1, the whole line's length
      if (lines === 0) { ctx.beginPath(); }
      if (p[i] !== p[i + 2] || p[i + 1] !== p[i + 3]) { ctx.moveTo(p[i], p[i + 1]); ctx.lineTo(p[i + 2], p[i + 3]); }
      lines++; length += p[i + 4];
      if (lines >= most || length >= room || i + 5 >= p.length) { ctx.stroke(); lines = 0; length = 0; }
    }
    ctx.restore();
  }

  // As vis's _drawNodes: nodes outside the view (20 px margin) only get their bounding box
  // (kept for clicks), selected ones are drawn last and hovered ones over them.
  function drawNodes(ctx, alwaysShow) {
    var nodes = this.body.nodes, indices = this.body.nodeIndices, scale = this.body.view.scale, batches = {};
    var view = viewable(this.canvas), later = [], selected = [], hovered = [], labels = [];
    for (var i = 0; i < indices.length; i++) {
      var node = nodes[indices[i]];
      if (node.hover) { hovered.push(node); continue; }
      if (node.isSelected()) { selected.push(node); continue; }
      if (!plainDot(node, scale)) { later.push(node); continue; }
      place(node, ctx);
      if (alwaysShow === true || node.isBoundingBoxOverlappingWith(view)) { addDot(batches, node, scale); }
    }
    Object.keys(batches).forEach(function (key) { fillDots(ctx, batches[key]); });
    later.forEach(function (n) {
      if (alwaysShow === true || n.isBoundingBoxOverlappingWith(view)) { labels.push(n.draw(ctx).drawExternalLabel); } else { n.updateBoundingBox(ctx, n.selected); }
    });
    selected.concat(hovered).forEach(function (n) { labels.push(n.draw(ctx).drawExternalLabel); });
    return {drawExternalLabels: function () { labels.forEach(function (draw) { if (draw) { draw(); } }); }};
  }
  // What vis's draw of a dot sets for clicks (its box) and for culling (its bounding box); its
  // label is measured when vis first draws it (measuring every newly shown actor's label cost
  // 15 ms of a community's opening).
  function place(node, ctx) {
    var shape = node.shape, size = node.options.size;
    shape.width = shape.height = 2 * size; shape.radius = size;
    shape.left = node.x - size; shape.top = node.y - size;
    node.updateBoundingBox(ctx);
  }
  function viewable(canvas) {
    var margin = 20, from = canvas.DOMtoCanvas({x: -margin, y: -margin});
    var to = canvas.DOMtoCanvas({x: canvas.frame.canvas.clientWidth + margin, y: canvas.frame.canvas.clientHeight + margin});
    return {top: from.y, left: from.x, bottom: to.y, right: to.x};
  }
  // A dot without shadow, dashes, icon or opacity whose label vis would not draw at this scale.
  function plainDot(node, scale) {
    var o = node.options, label = node.labelModule;
    var unlabelled = o.label === undefined || o.label === null || o.label === "" ||
      label.fontOptions.size * scale < label.elementOptions.scaling.label.drawThreshold - 1;
    return o.shape === "dot" && unlabelled && !o.shadow.enabled && !o.shapeProperties.borderDashes &&
      (o.opacity === undefined || o.opacity === 1) && (o.icon === undefined || o.icon.code === undefined);
  }
  function addDot(batches, node, scale) {
    var o = node.options, border = Math.min(2 * o.size, o.borderWidth / scale);
    addTo(batches, o.color.background + "|" + o.color.border + "|" + border, {fill: o.color.background, stroke: o.color.border, width: border})
      .push(node.x, node.y, o.size);
  }
  function fillDots(ctx, batch) {
    var p = batch.points, o = batch.style;
    ctx.save();
    ctx.fillStyle = o.fill; ctx.strokeStyle = o.stroke; ctx.lineWidth = o.width;
    for (var start = 0; start < p.length; start += 3 * PER_PATH) {
      ctx.beginPath();
      for (var i = start; i < Math.min(p.length, start + 3 * PER_PATH); i += 3) { ctx.moveTo(p[i] + p[i + 2], p[i + 1]); ctx.arc(p[i], p[i + 1], p[i + 2], 0, 2 * Math.PI); }
      ctx.fill();
      if (o.width > 0) { ctx.stroke(); }
    }
    ctx.restore();
  }
}());
