// Conflict KG network page, 9 of 10: exports of the current view. Server formats (GEXF, GraphML,
// SPARQL) follow the filters; PNG and SVG carry the legend and the active filters, so a picture
// says what it shows.
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, el = K.el, data = V.data, meta = V.meta;
  var byId = V.byId, state = V.state, checked = V.checked;

  V.exportLinks = function () {
    if (!meta.server) { $("server-exports").hidden = true; return; }
    var q = V.query(V.params());
    $("export-gexf").href = "/network.gexf" + (q ? "?" + q : "");
    $("export-graphml").href = "/network.graphml" + (q ? "?" + q : "");
    $("export-sparql").href = "/network.rq" + (q ? "?" + q : "");
  };
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
    var on = checked(), p = V.params(), lines = [];
    lines.push("Relations: " + Object.keys(on).filter(function (g) { return on[g]; }).join(", "));
    lines.push("Dates: " + (p.from || "start") + " to " + (p.to || "end") + ($("undated").checked ? ", undated included" : ", undated left out"));
    if (p.min_weight) { lines.push("At least " + p.min_weight + " events per edge"); }
    if (p.focus) { lines.push("Ego view of " + byId[state.focus].label + ", " + p.hops + " hop(s)"); }
    lines.push(V.current.visibleNodes + " actors, " + V.current.visibleEdges + " edges");
    var agg = meta.aggregated;
    if (agg && agg.total_edges > agg.shown_edges) { lines.push("Lines: the strongest " + agg.shown_edges + " of " + agg.total_edges + " relations"); }
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
    var positions = V.network.getPositions(), xs = [], ys = [];
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
      var a = positions[e.from], b = positions[e.to], c = V.edgeColour(e);
      add(svg, "line", {x1: a.x, y1: a.y, x2: b.x, y2: b.y, stroke: c.color, "stroke-opacity": c.opacity,
                        "stroke-width": e._width, "stroke-dasharray": V.dashPattern(meta.groups[e.group].dashes || [], e._width).join(" ")},
          undefined).appendChild(document.createElementNS(NS, "title")).textContent = V.relationText(e);
    });
    var max = V.maxCentrality();
    shownNodes.forEach(function (n) {
      var p = positions[n.id], style = V.nodeStyle(n, max);
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
}());
