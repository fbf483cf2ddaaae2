// Conflict KG map: events by place on an SVG (projected coordinates, no tiles). Text via textContent.
(function () {
  "use strict";
  var K = window.KG, el = K.el, link = K.link, SVG = "http://www.w3.org/2000/svg";
  var data = K.data(), meta = data.meta, $ = function (id) { return document.getElementById(id); };
  var checked = K.groupToggles(meta, render), range = K.dateRange(meta, render);
  $("undated").addEventListener("change", render);
  var svg = $("map-svg");

  function svgEl(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }
  function frame(places) {
    // Zoom to the places (with a margin), keeping the equirectangular aspect.
    if (!places.length) { return [0, 0, data.width, data.height]; }
    var xs = places.map(function (p) { return p.x; }), ys = places.map(function (p) { return p.y; });
    var x0 = Math.min.apply(null, xs), x1 = Math.max.apply(null, xs), y0 = Math.min.apply(null, ys), y1 = Math.max.apply(null, ys);
    var pad = Math.max(x1 - x0, y1 - y0, 4) * 0.25;
    var w = Math.max(x1 - x0 + 2 * pad, 2 * (y1 - y0 + 2 * pad)), h = w / 2;
    return [(x0 + x1 - w) / 2, (y0 + y1 - h) / 2, w, h];
  }
  function showPlace(p, shown) {
    $("place-title").replaceChildren(link(p.label || "place", p.href));
    var list = $("place-events");
    list.replaceChildren();
    shown.forEach(function (e) {
      var li = el("li");
      li.appendChild(el("strong", K.displayDate(e.date, e.date_basis) + " "));
      li.appendChild(link(e.type, e.href));
      li.appendChild(el("blockquote", e.sentence));
      var src = el("div", "", "muted meta"); src.appendChild(link(e.article_title, e.article_href));
      li.appendChild(src); list.appendChild(li);
    });
  }
  function render() {
    var on = checked(), undated = $("undated").checked, total = 0;
    var places = data.places.map(function (p) {
      var shown = p.events.filter(function (e) { return on[e.group] && K.inRange(e.date, range.from(), range.to(), undated); });
      return {p: p, events: shown, n: p.count || shown.length};  // count: a large store's tally, events not sent
    }).filter(function (x) { return x.n; });
    var box = frame(data.places), unit = box[2] / 100;
    svg.setAttribute("viewBox", box.join(" "));
    svg.replaceChildren();
    for (var lon = -180; lon <= 180; lon += 10) { svg.appendChild(svgEl("line", {"class": "grid", x1: (lon + 180) / 360 * data.width, x2: (lon + 180) / 360 * data.width, y1: 0, y2: data.height, "stroke-width": unit * 0.1})); }
    for (var lat = -90; lat <= 90; lat += 10) { svg.appendChild(svgEl("line", {"class": "grid", y1: (90 - lat) / 180 * data.height, y2: (90 - lat) / 180 * data.height, x1: 0, x2: data.width, "stroke-width": unit * 0.1})); }
    places.forEach(function (x) {
      total += x.n;
      var dot = svgEl("circle", {cx: x.p.x, cy: x.p.y, r: unit * (1 + Math.sqrt(x.n)), "stroke-width": unit * 0.15});
      dot.dataset.place = x.p.uri;
      var title = document.createElementNS(SVG, "title"); title.textContent = x.p.label + ": " + x.n + " event(s)";
      dot.appendChild(title);
      dot.setAttribute("tabindex", "0");  // reachable with Tab, opened with Enter or Space
      dot.setAttribute("role", "button");
      dot.setAttribute("aria-label", x.p.label + ": " + x.n + " event(s)");
      dot.addEventListener("click", function () { showPlace(x.p, x.events); });
      dot.addEventListener("keydown", function (event) {
        if (event.key === "Enter" || event.key === " ") { event.preventDefault(); showPlace(x.p, x.events); }
      });
      var label = svgEl("text", {x: x.p.x + unit * 2, y: x.p.y, "font-size": unit * 1.6});
      label.textContent = x.p.label;
      svg.appendChild(dot); svg.appendChild(label);
    });
    $("counts").textContent = total + " events at " + places.length + " places";
    $("unplaced").textContent = data.unplaced ? data.unplaced + " event(s) have no place with coordinates." : "";
  }
  render();
  window.kgReady = true;
}());
