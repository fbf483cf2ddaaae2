// Conflict KG timeline: events in date order, filtered like the network. Text only via textContent.
(function () {
  "use strict";
  var K = window.KG, el = K.el, link = K.link, SVG = "http://www.w3.org/2000/svg";
  var data = K.data(), meta = data.meta, $ = function (id) { return document.getElementById(id); };
  var checked = K.groupToggles(meta, render), range = K.dateRange(meta, render);
  $("actor").addEventListener("input", render);
  $("undated").addEventListener("change", render);

  function names(e) { return e.agents.concat(e.targets, e.mediators); }
  function matches(e, q) {
    return !q || names(e).some(function (a) { return a.label.toLowerCase().indexOf(q) >= 0; });
  }
  function actors(list, word) {
    var span = el("span");
    if (!list.length) { return span; }
    span.appendChild(document.createTextNode(word));
    list.forEach(function (a, i) {
      if (i) { span.appendChild(document.createTextNode(", ")); }
      span.appendChild(link(a.label, a.href));
    });
    return span;
  }
  function item(e) {
    var li = el("li");
    li.appendChild(K.swatch(meta.groups[e.group].colour));
    li.appendChild(el("strong", K.displayDate(e.date, e.date_basis) + " "));
    li.appendChild(link(e.type, e.href));
    var who = el("div", null, "meta");
    who.appendChild(actors(e.agents, "by "));
    who.appendChild(actors(e.targets, K.targetWord(e.group)));
    who.appendChild(actors(e.mediators, " mediated by "));
    if (e.place) { who.appendChild(document.createTextNode(" at ")); who.appendChild(link(e.place, e.place_href)); }
    li.appendChild(who);
    li.appendChild(el("blockquote", e.sentence));
    var src = el("div", e.modality + " \u00b7 ", "muted meta");
    src.appendChild(link(e.article_title, e.article_href));
    li.appendChild(src);
    return li;
  }
  function chart(shown) {
    var svg = $("timeline-chart"), months = {};
    svg.replaceChildren();
    shown.forEach(function (e) { if (e.date) { var m = e.date.slice(0, 7); months[m] = (months[m] || 0) + 1; } });
    var keys = Object.keys(months).sort(), max = Math.max.apply(null, keys.map(function (k) { return months[k]; }).concat([1]));
    var w = 800 / Math.max(keys.length, 1);
    keys.forEach(function (k, i) {
      var h = 90 * months[k] / max, rect = document.createElementNS(SVG, "rect"), label = document.createElementNS(SVG, "text");
      rect.setAttribute("x", i * w + 1); rect.setAttribute("y", 100 - h); rect.setAttribute("width", Math.max(w - 2, 1));
      rect.setAttribute("height", h); rect.setAttribute("fill", "#5d6d7e");
      label.setAttribute("x", i * w + 2); label.setAttribute("y", 114); label.setAttribute("font-size", "9");
      label.textContent = k + " (" + months[k] + ")";
      svg.appendChild(rect); if (keys.length <= 24) { svg.appendChild(label); }
    });
  }
  function render() {
    var on = checked(), q = $("actor").value.trim().toLowerCase(), undated = $("undated").checked;
    var shown = data.events.filter(function (e) {
      return on[e.group] && K.inRange(e.date, range.from(), range.to(), undated) && matches(e, q);
    });
    var list = $("timeline");
    list.replaceChildren();
    shown.forEach(function (e) { list.appendChild(item(e)); });
    chart(shown);
    $("counts").textContent = shown.length + " of " + data.events.length + " events";
  }
  render();
  K.pager((data.meta || {}).paging, $("counts"));
  window.kgReady = true;
}());
