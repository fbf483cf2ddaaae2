// Conflict KG network page. Article text is only ever set with textContent (see network_common.js).
(function () {
  "use strict";
  var K = window.KG, el = K.el, link = K.link;
  var data = K.data(), meta = data.meta, events = data.events, claims = data.claims;
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var large = data.edges.length > 3000, edgeById = {};
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  var initial = meta.focus === undefined ? null : meta.focus;
  var state = {focus: initial, hops: meta.filter.hops, selected: initial};
  var $ = function (id) { return document.getElementById(id); };
  var checked = K.groupToggles(meta, apply);
  var range = K.dateRange(meta, apply);
  ["min-weight", "undated", "isolated", "hops"].forEach(function (id) { $(id).addEventListener("change", apply); });
  $("min-weight").value = meta.filter.min_weight;
  $("hops").value = meta.filter.hops;
  $("isolated").checked = meta.filter.isolated;
  ["size-by", "colour-by", "edge-colour-by"].forEach(function (id) { $(id).addEventListener("change", restyle); });
  // Arrows cost more than half of each redraw: off by default above 3,000 edges.
  $("arrows").checked = !large;
  $("arrows").addEventListener("change", function () {
    var on = $("arrows").checked;
    edges.update(data.edges.map(function (e) { return {id: e.id, arrows: on ? e.arrows : ""}; }));
  });

  function visibleCount(edge, on) {
    if (!on[edge.group]) { return 0; }
    if (edge.evidence || (range.full() && $("undated").checked)) { return edge.count; }  // evidence: counted on the server
    var from = range.from(), to = range.to(), undated = $("undated").checked;
    return edge.events.filter(function (i) { return K.inRange(events[i].date, from, to, undated); }).length;
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

  // Actors by activity, most active first: the top-N slider keeps the first N.
  var ranked = data.nodes.slice().sort(function (a, b) { return b.centrality.strength - a.centrality.strength; });
  var rankOf = {};
  ranked.forEach(function (n, i) { rankOf[n.id] = i; });
  $("top-n").max = String(data.nodes.length); $("top-n").value = String(data.nodes.length);
  $("top-n").addEventListener("input", function () { $("top-n-label").textContent = $("top-n").value; apply(); });
  $("top-n-label").textContent = $("top-n").value;

  var communities = (meta.communities || []).filter(function (c) { return c.members >= 2; }), collapsed = {};
  if (state.focus === null) { communities.forEach(function (c) { collapsed[c.id] = true; }); }
  var current = {counts: {}, visibleEdges: 0, visibleNodes: 0};
  function compute() {
    var on = checked(), minWeight = Math.max(1, +$("min-weight").value || 1), counts = {}, topN = +$("top-n").value;
    var shown = data.edges.filter(function (e) {
      counts[e.id] = visibleCount(e, on);
      return counts[e.id] >= minWeight && counts[e.id] > 0 && rankOf[e.from] < topN && rankOf[e.to] < topN;
    });
    var ego = egoSet(shown);
    if (ego) { shown = shown.filter(function (e) { return ego[e.from] && ego[e.to]; }); }
    var visible = {}, touched = {}, isolated = $("isolated").checked, nodeHidden = {}, visibleNodes = 0;
    shown.forEach(function (e) { touched[e.from] = touched[e.to] = true; });
    var filteredOut = {}, inCommunity = {}, metaCounts = {};
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
      if (from === e.from && to === e.to) { visible[e.id] = true; return; }
      if (from !== to) { var key = from + "|" + to; metaCounts[key] = (metaCounts[key] || 0) + counts[e.id]; }
    });
    return {counts: counts, visible: visible, nodeHidden: nodeHidden, visibleEdges: shown.length, visibleNodes: visibleNodes,
            filteredOut: filteredOut, communitiesShown: inCommunity, metaCounts: metaCounts, listed: listed};
  }
  function represent(nodeId) {
    var c = byId[nodeId].community;
    return collapsed[c] ? "community-" + c : nodeId;
  }
  function width(count) { return 1 + 1.5 * Math.log2(Math.max(1, count)); }
  function apply() {
    var result = compute(), edgeChanges = [], nodeChanges = [];
    data.edges.forEach(function (e) {
      var hidden = !result.visible[e.id], w = width(result.counts[e.id]);
      if (hidden !== e._hidden || w !== e._width) {
        e._hidden = hidden; e._width = w;
        edgeChanges.push({id: e.id, hidden: hidden, width: w});
      }
    });
    data.nodes.forEach(function (n) {
      var hidden = result.nodeHidden[n.id];
      if (hidden !== n._hidden) { n._hidden = hidden; nodeChanges.push({id: n.id, hidden: hidden}); }
    });
    if (edgeChanges.length || nodeChanges.length) { hide(edgeChanges, nodeChanges); }
    data.nodes.forEach(function (n) { n._listed = !result.filteredOut[n.id]; });
    data.edges.forEach(function (e) { e._listed = result.listed[e.id] === true; });
    if (typeof network !== "undefined") { syncCommunities(result); }
    shown(result);
  }
  // Showing and hiding thousands of items through DataSet.update costs ~40 us each (every
  // item's options are re-parsed, then clustering state is rebuilt); vis-network 9.1.2
  // (pinned with pyvis 0.3.2) reads `hidden` and `width` from each item's options and draws
  // what its visible indices list, so those are set directly; the DataSets are the fallback.
  function hide(edgeChanges, nodeChanges) {
    var body = network.body;
    if (!body || !body.edges || !body.nodes || !body.emitter) {
      edges.update(edgeChanges); nodes.update(nodeChanges); return;
    }
    edgeChanges.forEach(function (c) {
      var edge = body.edges[c.id];
      if (edge) { edge.options.hidden = c.hidden; edge.options.width = c.width; if (c.title) { edge.options.title = c.title; } }
    });
    nodeChanges.forEach(function (c) { var node = body.nodes[c.id]; if (node) { node.options.hidden = c.hidden; } });
    if (typeof network._updateVisibleIndices === "function") {
      network._updateVisibleIndices();  // 10 ms where the full "_dataUpdated" pass takes 400
      body.emitter.emit("_requestRedraw");
    } else {
      body.emitter.emit("_dataUpdated");
    }
  }
  function shown(result) {
    current = result;
    $("counts").textContent = result.visibleNodes + " actors, " + result.visibleEdges + " edges shown";
    exportLinks();
    if (typeof network !== "undefined") { refreshLists(); }
  }

  function nodeStyle(n, max) {
    var by = $("size-by").value, colourBy = $("colour-by").value;
    var colour = colourBy === "bloc" ? (meta.bloc_colours[n.bloc] || "#95a5a6") : (meta.kind_colours[n.kind] || "#95a5a6");
    return {id: n.id, size: 8 + 28 * Math.sqrt(max ? (n.centrality[by] || 0) / max : 0), color: colour};
  }
  function maxCentrality() {
    var by = $("size-by").value, max = 0;
    data.nodes.forEach(function (n) { max = Math.max(max, n.centrality[by] || 0); });
    return max;
  }
  // Selection keeps each edge's colour; it is shown by width and by fading the rest.
  var BASE_OPACITY = 0.8, FADED_OPACITY = 0.15;
  function edgeColour(e) {
    var colour = $("edge-colour-by").value === "sign" ? meta.sign_colours[e.sign] : meta.groups[e.group].colour;
    return {color: colour, highlight: colour, hover: colour, opacity: BASE_OPACITY};
  }
  function emphasise(edgeIds) {  // null: nothing selected, every edge at its base opacity
    var keep = {};
    (edgeIds || []).forEach(function (id) { keep[id] = true; });
    var body = network.body;
    data.edges.forEach(function (e) {
      var edge = body.edges[e.id];
      if (edge) { edge.options.color.opacity = !edgeIds || keep[e.id] ? BASE_OPACITY : FADED_OPACITY; }
    });
    body.emitter.emit("_requestRedraw");
  }
  function restyle() {
    var max = maxCentrality();
    nodes.update(data.nodes.map(function (n) { return nodeStyle(n, max); }));
    edges.update(data.edges.map(function (e) { return {id: e.id, color: edgeColour(e)}; }));
    legend($("colour-by").value, $("edge-colour-by").value);
  }

  function legend(colourBy, edgeBy) {
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
      return colourBy === "bloc" ? [meta.bloc_colours[k] || "#95a5a6", blocName(+k)] : [meta.kind_colours[k] || "#95a5a6", k];
    });
    items.push([null, "size: " + $("size-by").selectedOptions[0].textContent]);
    box.appendChild(list(items));
  }
  function blocName(bloc) { return bloc < 0 ? "no signed ties" : "bloc " + (bloc + 1); }
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
  var first = compute(), max = maxCentrality();
  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    n._hidden = first.nodeHidden[n.id];
    var item = nodeStyle(n, max);
    item.label = n.label; item.x = n.x; item.y = n.y; item.physics = false; item.hidden = n._hidden;
    return item;
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    e._hidden = !first.visible[e.id]; e._width = width(first.counts[e.id]);
    var item = {id: e.id, from: e.from, to: e.to, arrows: large ? "" : e.arrows, width: e._width, hidden: e._hidden,
                color: edgeColour(e), dashes: meta.groups[e.group].dashes};
    if (e.smooth) { item.smooth = e.smooth; }  // parallel edges bend apart (kg.views.data.parallel_curves)
    return item;
  }));
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, {
    physics: false,
    layout: {improvedLayout: false},
    interaction: {hover: !large, hideEdgesOnDrag: large, hideEdgesOnZoom: large, tooltipDelay: 1e9},
    nodes: {shape: "dot", font: {size: 14}},
    edges: {smooth: large ? false : {type: "curvedCW", roundness: 0.15}, selectionWidth: 2}
  });
  window.kgNetwork = network;

  // Above a few hundred actors the page opens on communities (computed on the server) folded
  // into meta-nodes, labelled by their most active actors; a click on one unfolds it. Folding
  // hides members through the same fast path as the filters; meta-edges carry the counts.
  nodes.add(communities.map(function (c) {
    var xs = 0, ys = 0, k = 0;
    data.nodes.forEach(function (n) { if (n.community === c.id) { xs += n.x; ys += n.y; k++; } });
    return {id: "community-" + c.id, x: xs / Math.max(k, 1), y: ys / Math.max(k, 1), physics: false,
            hidden: !collapsed[c.id], shape: "dot", color: "#56b4e9", size: 12 + 4 * Math.sqrt(c.members),
            font: {size: 18}, label: c.top.join(", ") + " (+" + Math.max(0, c.members - c.top.length) + ")",
            title: c.members + " actors; activity " + c.activity};
  }));
  // Only what changed goes through the DataSets: each add, remove or update makes vis rebuild
  // its state (~50 ms at 5,000 actors), so a meta-edge whose count changed is restyled in place.
  var metaCountOf = {};
  function syncCommunities(result) {
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
      else if (metaCountOf[id] !== count) { restyled.push({id: id, hidden: false, width: width(count), title: count + " event(s)"}); }
      metaCountOf[id] = count;
    });
    var gone = Object.keys(metaCountOf).filter(function (id) { return !wanted[id]; });
    gone.forEach(function (id) { delete metaCountOf[id]; });
    if (gone.length) { edges.remove(gone); }
    if (fresh.length) { edges.add(fresh); }
    if (restyled.length || nodeChanges.length) { hide(restyled, nodeChanges); }
  }
  function metaEdge(key, count) {
    var ends = key.split("|");
    return {id: "meta-" + key, from: isNaN(+ends[0]) ? ends[0] : +ends[0], to: isNaN(+ends[1]) ? ends[1] : +ends[1],
            width: width(count), color: {color: "#7f7f7f", highlight: "#7f7f7f", hover: "#7f7f7f", opacity: 0.5},
            arrows: "", title: count + " event(s)"};
  }
  function fold(all) {
    communities.forEach(function (c) { collapsed[c.id] = all; });
    apply();
  }
  function reveal(nodeId) {  // unfold the community holding an actor before selecting it
    var c = byId[nodeId] && byId[nodeId].community;
    if (collapsed[c]) { collapsed[c] = false; apply(); }
  }
  $("communities").hidden = !communities.length;
  $("group-communities").addEventListener("click", function () { fold(true); });
  $("expand-communities").addEventListener("click", function () { fold(false); });
  syncCommunities(first);

  // The most active actors keep a readable label at every zoom.
  var labelled = ranked.slice(0, 20).map(function (n) { return n.id; });
  network.on("zoom", function () {
    var size = Math.min(48, 14 / Math.max(network.getScale(), 0.05));
    nodes.update(labelled.map(function (id) { return {id: id, font: {size: size}}; }));
  });

  // The claims layer (off by default): speaker -> each actor of the event a claim asserts.
  var claimEdgeById = {};
  claims.forEach(function (c, i) {
    if (c.speaker === null || c.speaker === undefined || c.asserts === null || c.asserts === undefined) { return; }
    (events[c.asserts].actors || []).forEach(function (actor) {
      if (actor === c.speaker || byId[actor] === undefined || byId[c.speaker] === undefined) { return; }
      var id = "claim-" + c.speaker + "-" + actor;
      (claimEdgeById[id] = claimEdgeById[id] || {id: id, from: c.speaker, to: actor, claims: []}).claims.push(i);
    });
  });
  var CLAIM_COLOUR = "#444444";
  edges.add(Object.keys(claimEdgeById).map(function (id) {
    var e = claimEdgeById[id];
    return {id: id, from: e.from, to: e.to, arrows: "to", hidden: true, dashes: [1, 4], width: 1.5,
            color: {color: CLAIM_COLOUR, highlight: CLAIM_COLOUR, hover: CLAIM_COLOUR, opacity: 0.9},
            smooth: {type: "curvedCCW", roundness: 0.35}};
  }));
  $("claims-layer").addEventListener("change", function () {
    var on = $("claims-layer").checked;
    edges.update(Object.keys(claimEdgeById).map(function (id) { return {id: id, hidden: !on}; }));
  });
  function showClaimEdge(id) {
    var e = claimEdgeById[id];
    header(byId[e.from].label + " \u2192 " + byId[e.to].label + ": claims", null);
    $("summary").appendChild(el("p", e.claims.length + " claim(s) by the speaker about an event of the actor", "muted"));
    e.claims.forEach(function (i) { $("evidence").appendChild(claimItem(claims[i])); });
  }

  function params() {
    var on = checked(), groups = Object.keys(on).filter(function (g) { return on[g]; }), p = range.params();
    if (groups.length !== Object.keys(on).length) { p.groups = groups.join(","); }
    if (+$("min-weight").value > 1) { p.min_weight = String(+$("min-weight").value); }
    if (state.focus !== null) { p.focus = byId[state.focus].uri; p.hops = String(+$("hops").value); }
    if (!$("isolated").checked) { p.isolated = "0"; }
    if (meta.filter.limit !== 5000) { p.limit = String(meta.filter.limit); }
    return p;
  }
  function query(p) {
    return Object.keys(p).map(function (k) { return encodeURIComponent(k) + "=" + encodeURIComponent(p[k]); }).join("&");
  }
  function exportLinks() {
    if (!meta.server) { $("server-exports").hidden = true; return; }
    var q = query(params());
    $("export-gexf").href = "/network.gexf" + (q ? "?" + q : "");
    $("export-graphml").href = "/network.graphml" + (q ? "?" + q : "");
    $("export-sparql").href = "/network.rq" + (q ? "?" + q : "");
  }
  $("export-sparql").addEventListener("click", function (event) {
    event.preventDefault();
    fetch($("export-sparql").href).then(function (r) { return r.text(); }).then(function (t) { $("sparql-text").textContent = t; });
  });
  // Exports carry the legend and the active filters, so a picture says what it shows.
  function download(href, name) {
    var a = el("a"); a.href = href; a.download = name;
    document.body.appendChild(a); a.click(); a.remove();
  }
  function filterLines() {
    var on = checked(), p = params(), lines = [];
    lines.push("Relations: " + Object.keys(on).filter(function (g) { return on[g]; }).join(", "));
    lines.push("Dates: " + (p.from || "start") + " to " + (p.to || "end") + ($("undated").checked ? ", undated included" : ", undated left out"));
    if (p.min_weight) { lines.push("At least " + p.min_weight + " events per edge"); }
    if (p.focus) { lines.push("Ego view of " + byId[state.focus].label + ", " + p.hops + " hop(s)"); }
    lines.push(current.visibleNodes + " actors, " + current.visibleEdges + " edges");
    return lines;
  }
  function legendEntries() {
    var on = checked();
    return Object.keys(meta.groups).filter(function (g) { return on[g]; }).map(function (g) {
      return {label: g, colour: meta.groups[g].colour, dashes: meta.groups[g].dashes || []};
    });
  }
  var LEGEND_WIDTH = 300;
  $("export-png").addEventListener("click", function () {
    var source = document.querySelector("#network canvas"), ratio = source.width / source.clientWidth || 1;
    var out = document.createElement("canvas"), ctx = out.getContext("2d"), lines = filterLines(), entries = legendEntries();
    out.width = source.width + LEGEND_WIDTH * ratio;
    out.height = Math.max(source.height, (60 + 18 * (lines.length + entries.length)) * ratio);
    ctx.fillStyle = "#ffffff"; ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(source, 0, 0);
    ctx.scale(ratio, ratio);
    var x = source.width / ratio + 12, y = 24;
    ctx.fillStyle = "#111111"; ctx.font = "bold 14px sans-serif"; ctx.fillText(document.title, x, y);
    ctx.font = "12px sans-serif";
    lines.forEach(function (line) { y += 18; ctx.fillText(line, x, y); });
    y += 10;
    entries.forEach(function (entry) {
      y += 18;
      ctx.strokeStyle = entry.colour; ctx.lineWidth = 3; ctx.setLineDash(entry.dashes);
      ctx.beginPath(); ctx.moveTo(x, y - 4); ctx.lineTo(x + 30, y - 4); ctx.stroke();
      ctx.setLineDash([]); ctx.fillStyle = "#111111"; ctx.fillText(entry.label, x + 38, y);
    });
    download(out.toDataURL("image/png"), "network.png");
  });
  $("export-svg").addEventListener("click", function () {
    var NS = "http://www.w3.org/2000/svg", svg = document.createElementNS(NS, "svg");
    var positions = network.getPositions(), xs = [], ys = [];
    function add(parent, name, attrs, text) {
      var node = document.createElementNS(NS, name);
      Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
      if (text !== undefined) { node.textContent = text; }
      parent.appendChild(node); return node;
    }
    var shownNodes = data.nodes.filter(function (n) { return !n._hidden; });
    shownNodes.forEach(function (n) { xs.push(positions[n.id].x); ys.push(positions[n.id].y); });
    var pad = 60, x0 = Math.min.apply(null, xs.concat([0])) - pad, y0 = Math.min.apply(null, ys.concat([0])) - pad;
    var width = Math.max.apply(null, xs.concat([0])) - x0 + pad, height = Math.max.apply(null, ys.concat([0])) - y0 + pad;
    svg.setAttribute("xmlns", NS); svg.setAttribute("viewBox", [x0, y0, width + LEGEND_WIDTH, Math.max(height, 400)].join(" "));
    add(svg, "rect", {x: x0, y: y0, width: width + LEGEND_WIDTH, height: Math.max(height, 400), fill: "#ffffff"});
    data.edges.forEach(function (e) {
      if (e._hidden) { return; }
      var a = positions[e.from], b = positions[e.to], c = edgeColour(e);
      add(svg, "line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: c.color, "stroke-opacity": c.opacity,
                        "stroke-width": e._width, "stroke-dasharray": (meta.groups[e.group].dashes || []).join(" ")},
          undefined).appendChild(document.createElementNS(NS, "title")).textContent = relationText(e);
    });
    var max = maxCentrality();
    shownNodes.forEach(function (n) {
      var p = positions[n.id], style = nodeStyle(n, max);
      add(svg, "circle", {cx: p.x, cy: p.y, r: style.size, fill: style.color});
      add(svg, "text", {x: p.x, y: p.y + style.size + 14, "text-anchor": "middle", "font-size": 14, "font-family": "sans-serif"}, n.label);
    });
    var lx = x0 + width + 12, ly = y0 + 24;
    add(svg, "text", {x: lx, y: ly, "font-size": 14, "font-weight": "bold", "font-family": "sans-serif"}, document.title);
    filterLines().forEach(function (line) { ly += 18; add(svg, "text", {x: lx, y: ly, "font-size": 12, "font-family": "sans-serif"}, line); });
    ly += 10;
    legendEntries().forEach(function (entry) {
      ly += 18;
      add(svg, "line", {x1: lx, y1: ly - 4, x2: lx + 30, y2: ly - 4, stroke: entry.colour, "stroke-width": 3, "stroke-dasharray": entry.dashes.join(" ")});
      add(svg, "text", {x: lx + 38, y: ly, "font-size": 12, "font-family": "sans-serif", "class": "legend-entry"}, entry.label);
    });
    var blob = new Blob([new XMLSerializer().serializeToString(svg)], {type: "image/svg+xml"});
    download(URL.createObjectURL(blob), "network.svg");
  });

  function header(title, href) {
    $("evidence-hint").hidden = true;
    $("summary").replaceChildren(); $("evidence").replaceChildren();
    $("details-title").replaceChildren(link(title, href));
  }
  function claimItem(c) {
    var li = el("li");
    li.appendChild(link(c.speaker_label || "unknown speaker", c.speaker_href));
    li.appendChild(document.createTextNode(" " + (c.verb || "said") + (c.via_label ? " (via " + c.via_label + ")" : "") + ": "));
    li.appendChild(link("\u201c" + c.quote + "\u201d", c.href));
    li.appendChild(el("div", [c.date && K.displayDate(c.date), c.negated ? "denial" : ""].filter(Boolean).join(" \u00b7 "), "muted"));
    li.appendChild(link(c.article_title, c.article_href));
    c.contradicts.forEach(function (i) {
      var other = claims[i], note = el("div", "contradicted by " + other.speaker_label + ": \u201c" + other.quote + "\u201d", "status-contradicted");
      li.appendChild(note);
    });
    return li;
  }
  function eventItem(e) {
    var li = el("li");
    li.appendChild(link(e.type, e.href));
    var line = el("div", null, "muted");
    line.appendChild(document.createTextNode([K.displayDate(e.date, e.date_basis), e.modality].join(" \u00b7 ") + " \u00b7 "));
    line.appendChild(e.place ? link(e.place, e.place_href) : el("span", "no place"));
    li.appendChild(line);
    li.appendChild(el("div", e.status || "single source", e.status === "contradicted" ? "status-contradicted" : e.sources > 1 ? "status-corroborated" : "muted"));
    li.appendChild(el("blockquote", e.sentence));
    var source = el("div", "Article: ", "muted");
    source.appendChild(link(e.article_title, e.article_href));
    li.appendChild(source);
    if (e.claims) {
      var ul = el("ul");
      e.claims.forEach(function (i) { ul.appendChild(claimItem(claims[i])); });
      li.appendChild(el("div", "Claims about it:")); li.appendChild(ul);
    }
    return li;
  }

  function showEdge(id) {
    if (claimEdgeById[id]) { showClaimEdge(id); return; }
    var e = edgeById[id]; if (!e) { return; }
    var from = byId[e.from], to = byId[e.to];
    header(from.label + (e.arrows ? " \u2192 " : " \u2014 ") + to.label + ": " + e.type, null);
    $("summary").appendChild(el("p", e.group + " \u00b7 " + e.count + " event(s)", "muted"));
    var on = {}, r = [range.from(), range.to(), $("undated").checked];
    on[e.group] = true;
    if (e.evidence) { moreEvidence(e, 1); return; }
    e.events.filter(function (i) { return range.full() || K.inRange(events[i].date, r[0], r[1], r[2]); })
      .forEach(function (i) { $("evidence").appendChild(eventItem(events[i])); });
  }

  // A large store's edges carry counts only: their events come a page at a time.
  function moreEvidence(e, page) {
    var q = new URLSearchParams({agent: e.evidence.agent, other: e.evidence.other, type: e.evidence.type, page: page});
    fetch(meta.aggregated.evidence + "?" + q).then(function (r) { return r.json(); }).then(function (found) {
      found.events.forEach(function (ev) { $("evidence").appendChild(eventItem(ev)); });
      if (page * found.per_page < e.count) {
        var more = el("button", "more evidence");
        more.addEventListener("click", function () { more.remove(); moreEvidence(e, page + 1); });
        $("evidence").appendChild(more);
      }
    });
  }

  function showNode(id) {
    var n = byId[id]; if (!n) { return; }
    state.selected = id;
    header(n.label, n.href);
    var s = $("summary"), facts = el("dl");
    [["type", n.kind], ["country", n.country || "\u2014"], ["aliases", n.aliases.join(", ") || "\u2014"],
     ["bloc", blocName(n.bloc)], ["degree", n.centrality.degree], ["events", n.centrality.strength],
     ["PageRank", n.centrality.pagerank], ["betweenness", n.centrality.betweenness]].forEach(function (f) {
      facts.appendChild(el("dt", f[0])); facts.appendChild(el("dd", f[1]));
    });
    s.appendChild(facts);
    var dyads = {};
    data.edges.forEach(function (e) {
      if (e._hidden || (e.from !== id && e.to !== id)) { return; }
      var other = e.from === id ? e.to : e.from, d = dyads[other] = dyads[other] || {n: 0, types: {}};
      d.n += current.counts[e.id] || 0; d.types[e.type] = true;
    });
    s.appendChild(el("h2", "Top dyads"));
    var ul = el("ul");
    Object.keys(dyads).sort(function (a, b) { return dyads[b].n - dyads[a].n; }).slice(0, 8).forEach(function (o) {
      ul.appendChild(el("li", byId[o].label + ": " + dyads[o].n + " event(s) (" + Object.keys(dyads[o].types).join(", ") + ")"));
    });
    s.appendChild(ul);
    var made = claims.filter(function (c) { return c.speaker === id; });
    var about = claims.filter(function (c) { return c.asserts !== null && c.asserts !== undefined && (events[c.asserts].actors || []).indexOf(id) >= 0; });
    [["Claims made", made], ["Claims about it", about]].forEach(function (part) {
      s.appendChild(el("h2", part[0] + " (" + part[1].length + ")"));
      var list = el("ul"); part[1].forEach(function (c) { list.appendChild(claimItem(c)); }); s.appendChild(list);
    });
  }

  function select(kind, id) {
    if (kind === "node") { reveal(id); } else if (edgeById[id]) { reveal(edgeById[id].from); reveal(edgeById[id].to); }
    if (kind === "node") {
      network.selectNodes([id]); showNode(id); emphasise(network.getConnectedEdges(id));
    } else {
      network.selectEdges([id]); showEdge(id); emphasise([id]);
    }
    markListed(kind, id);
    $("details").scrollIntoView({block: "start"});
  }
  // vis gives a click to the node drawn last under the pointer, so a small node lying on a big
  // one took clicks aimed at the big one's centre: take the node whose centre is nearest instead,
  // relative to its radius, among the drawn nodes whose disc holds the pointer.
  function nodeUnder(pointer, fallback) {
    var best = fallback, bestRatio = Infinity, positions = network.getPositions(network.body.nodeIndices);
    network.body.nodeIndices.forEach(function (id) {
      var at = positions[id], radius = network.body.nodes[id].options.size || 1;
      var ratio = Math.hypot(at.x - pointer.x, at.y - pointer.y) / radius;
      if (ratio <= 1 && ratio < bestRatio) { best = id; bestRatio = ratio; }
    });
    return best;
  }
  network.on("click", function (p) {
    var node = !p.nodes.length ? null : p.pointer ? nodeUnder(p.pointer.canvas, p.nodes[0]) : p.nodes[0];
    if (node !== null && String(node).indexOf("community-") === 0) {
      collapsed[+String(node).slice(10)] = false; apply(); return;
    }
    if (node !== null) { select("node", node); } else if (p.edges.length) { select("edge", p.edges[0]); }
    else { emphasise(null); markListed(null, null); }
  });

  // The same network as lists of buttons beside the canvas, for keyboards and screen readers.
  var LISTED = 200;
  function listButton(kind, id, text) {
    var li = el("li"), button = el("button", text);
    button.type = "button"; button.dataset.kind = kind; button.dataset.id = id;
    button.addEventListener("click", function () { select(kind, id); });
    li.appendChild(button);
    return li;
  }
  function relationText(e) {
    return byId[e.from].label + (e.arrows ? " → " : " — ") + byId[e.to].label + ": " + e.group + ", " + e.type + " (" + (current.counts[e.id] || 0) + ")";
  }
  function refreshLists() {
    var actors = data.nodes.filter(function (n) { return n._listed !== false; })
      .sort(function (a, b) { return (b.centrality.strength - a.centrality.strength) || (a.label < b.label ? -1 : 1); });
    var relations = data.edges.filter(function (e) { return e._listed !== undefined ? e._listed : !e._hidden; })
      .sort(function (a, b) { return (current.counts[b.id] || 0) - (current.counts[a.id] || 0); });
    $("actor-list").replaceChildren.apply($("actor-list"), actors.slice(0, LISTED).map(function (n) { return listButton("node", n.id, n.label); }));
    $("relation-list").replaceChildren.apply($("relation-list"), relations.slice(0, LISTED).map(function (e) { return listButton("edge", e.id, relationText(e)); }));
    $("lists-summary").textContent = "Actors (" + actors.length + ") and relations (" + relations.length + ")" +
      (actors.length > LISTED || relations.length > LISTED ? ", the " + LISTED + " most active of each" : "");
  }
  function markListed(kind, id) {
    document.querySelectorAll("#network-lists button[aria-pressed]").forEach(function (b) { b.removeAttribute("aria-pressed"); });
    if (kind === null) { return; }
    var button = document.querySelector("#network-lists button[data-kind='" + kind + "'][data-id='" + id + "']");
    if (button) { button.setAttribute("aria-pressed", "true"); }
  }

  $("ego").addEventListener("click", function () {
    var id = state.selected !== null ? state.selected : network.getSelectedNodes()[0];
    if (id === undefined || id === null) { $("search-result").textContent = "select an actor first"; return; }
    if (meta.server && meta.total_nodes > meta.shown_nodes) {
      state.focus = id;
      var around = params(); delete around.limit;  // the neighbourhood, not the top-N cut
      window.location.search = "?" + query(around); return;
    }
    state.focus = id; apply(); network.fit();
  });
  $("ego-clear").addEventListener("click", function () {
    if (meta.server && meta.filter.focus) { state.focus = null; window.location.search = "?" + query(params()); return; }
    state.focus = null; apply(); network.fit();
  });

  $("search").addEventListener("input", function (event) {
    var q = event.target.value.trim().toLowerCase(), result = $("search-result");
    if (!q) { result.textContent = ""; return; }
    var exact = function (n) { return n.label.toLowerCase() === q || n.aliases.some(function (a) { return a.toLowerCase() === q; }); };
    var partial = function (n) { return n.label.toLowerCase().indexOf(q) >= 0 || n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); };
    var hit = data.nodes.find(exact) || data.nodes.find(partial);
    result.textContent = hit ? hit.label : "no actor matches";
    if (hit) { state.selected = hit.id; select("node", hit.id); network.focus(hit.id, {scale: 1.2}); }
  });

  if (meta.total_nodes > meta.shown_nodes) {
    var notice = $("notice"), more = {};
    notice.hidden = false;
    notice.textContent = "Showing the " + meta.shown_nodes + " most active of " + meta.total_nodes + " actors. Select one and use the ego view to expand its neighbourhood. ";
    if (meta.server) {
      more = params(); more.limit = String(Math.min(meta.total_nodes, meta.shown_nodes * 2));
      notice.appendChild(link("Show more", "/network?" + query(more)));
    }
  } else if (meta.focus_missing) {
    $("notice").hidden = false; $("notice").textContent = "No actor with that URI in this view; showing the whole network.";
  }

  legend($("colour-by").value, $("edge-colour-by").value);
  shown(first);
  if (state.focus !== null) { select("node", state.focus); }
  network.once("afterDrawing", function () { window.kgReady = true; });
  window.kgView = {apply: apply, params: params, state: state,
                   edgeIds: function () { return data.edges.map(function (e) { return e.id; }); },
                   visibleEdgeIds: function () { return data.edges.filter(function (e) { return !e._hidden; }).map(function (e) { return e.id; }); },
                   visibleNodeLabels: function () { return data.nodes.filter(function (n) { return !n._hidden; }).map(function (n) { return n.label; }).sort(); },
                   edge: function (id) { return edgeById[id]; }, node: function (id) { return byId[id]; }, events: events, claims: claims};
}());
