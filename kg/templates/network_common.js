// Conflict KG view pages: shared helpers. Article text is only ever set with textContent.
(function () {
  "use strict";
  var DAY = 86400000;

  function el(tag, content, className) {
    var element = document.createElement(tag);
    if (content !== undefined && content !== null) { element.textContent = String(content); }
    if (className) { element.className = className; }
    return element;
  }

  // A link only for our own paths and http(s) URIs; anything else stays text.
  function link(content, href) {
    if (typeof href !== "string" || !(/^\/(?!\/)/.test(href) || /^https?:\/\//i.test(href))) {
      return el("span", content);
    }
    var a = el("a", content);
    a.href = href;
    return a;
  }

  function swatch(colour) {
    var span = el("span", null, "swatch");
    span.style.background = colour;
    return span;
  }

  // A short line in a relation family's colour and dash pattern (legend and toggles).
  var SVG_NS = "http://www.w3.org/2000/svg";
  function lineSample(colour, dashes) {
    var svg = document.createElementNS(SVG_NS, "svg"), line = document.createElementNS(SVG_NS, "line");
    svg.setAttribute("class", "line-sample"); svg.setAttribute("width", "30"); svg.setAttribute("height", "10");
    svg.setAttribute("aria-hidden", "true");
    line.setAttribute("x1", "1"); line.setAttribute("x2", "29"); line.setAttribute("y1", "5"); line.setAttribute("y2", "5");
    line.setAttribute("stroke", colour); line.setAttribute("stroke-width", "3");
    if (dashes) { line.setAttribute("stroke-dasharray", dashes.join(" ")); }
    svg.appendChild(line);
    return svg;
  }

  // A date as people read it, at its own granularity: "2017", "Aug 2017", "27 Aug 2017",
  // "27 Aug 2017, 14:05" (time as written, no time-zone conversion). One policy on every page
  // (kg.datepolicy): a date inferred from the article's publication says so, none is "date unknown".
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  function displayDate(date, basis) {
    var m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2}))?)?)?/.exec(date || "");
    if (!date || basis === "unknown") { return "date unknown"; }
    if (!m) { return date; }
    var text = m[1];
    if (m[2]) { text = MONTHS[+m[2] - 1] + " " + text; }
    if (m[3]) { text = (+m[3]) + " " + text; }
    if (m[4]) { text += ", " + m[4] + ":" + m[5]; }
    return basis === "inferred" ? text + " (article date)" : text;
  }
  // How the target of an event relates to its agent, by relation family.
  var TARGET_WORDS = {fights: " against ", coerces: " against ", accuses: " against ", negotiates: " with ",
                      mediates: " with ", supports: " for ", allied: " with ", "co-acts": " with ",
                      other: " toward "};
  function targetWord(group) { return TARGET_WORDS[group] || " toward "; }

  // Dates: "YYYY", "YYYY-MM" or "YYYY-MM-DD[T...]" -> [first day, last day] as day numbers.
  function bounds(date) {
    if (!date) { return null; }
    var day = String(date).slice(0, 10), parts = day.split("-").map(Number);
    if (parts.length === 1) { return [Date.UTC(parts[0], 0, 1) / DAY, Date.UTC(parts[0], 11, 31) / DAY]; }
    if (parts.length === 2) { return [Date.UTC(parts[0], parts[1] - 1, 1) / DAY, Date.UTC(parts[0], parts[1], 0) / DAY]; }
    var d = Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY;
    return [d, d];
  }
  function dayString(day) { return new Date(day * DAY).toISOString().slice(0, 10); }
  // Same rule as kg.views.filters.in_range; undated events pass when `undated` is true.
  function inRange(date, from, to, undated) {
    var b = bounds(date);
    if (!b) { return undated !== false; }
    return b[1] >= from && b[0] <= to;
  }

  function data() { return JSON.parse(document.getElementById("kg-data").textContent); }

  // A date-range control over two range inputs (day numbers), with a Play button.
  function dateRange(meta, onChange) {
    var from = document.getElementById("from"), to = document.getElementById("to");
    var first = bounds(meta.date_min), last = bounds(meta.date_max);
    var low = first ? first[0] : 0, high = last ? last[1] : 0, timer = null;
    [from, to].forEach(function (input) { input.min = low; input.max = high; });
    var f = meta.filter || {};
    from.value = f.start && bounds(f.start) ? bounds(f.start)[0] : low;
    to.value = f.end && bounds(f.end) ? bounds(f.end)[1] : high;
    function labels() {
      document.getElementById("from-label").textContent = first ? dayString(+from.value) : "no dates";
      document.getElementById("to-label").textContent = last ? dayString(+to.value) : "";
    }
    function changed(event) {
      if (+from.value > +to.value) {
        if (event && event.target === from) { to.value = from.value; } else { from.value = to.value; }
      }
      labels(); onChange();
    }
    from.addEventListener("input", changed);
    to.addEventListener("input", changed);
    var play = document.getElementById("play");
    if (play) {
      play.addEventListener("click", function () {
        if (timer) { clearInterval(timer); timer = null; play.textContent = "Play"; return; }
        var step = Math.max(1, Math.round((high - low) / 60));
        if (+to.value >= high) { to.value = from.value; }
        play.textContent = "Pause";
        timer = setInterval(function () {
          to.value = Math.min(high, +to.value + step); changed();
          if (+to.value >= high) { clearInterval(timer); timer = null; play.textContent = "Play"; }
        }, 250);
      });
    }
    labels();
    return {
      from: function () { return +from.value; }, to: function () { return +to.value; },
      full: function () { return +from.value <= low && +to.value >= high; },
      params: function () {
        var p = {};
        if (first && +from.value > low) { p.from = dayString(+from.value); }
        if (last && +to.value < high) { p.to = dayString(+to.value); }
        return p;
      },
      set: function (a, b) { from.value = a; to.value = b; changed(); }
    };
  }

  // One checkbox per edge group, in the fieldset #groups.
  function groupToggles(meta, onChange) {
    var box = document.getElementById("groups"), chosen = (meta.filter || {}).groups || [];
    Object.keys(meta.groups).forEach(function (group) {
      var label = el("label"), input = el("input");
      input.type = "checkbox"; input.value = group; input.dataset.group = group;
      input.checked = !chosen.length || chosen.indexOf(group) >= 0;
      input.addEventListener("change", onChange);
      label.appendChild(input); label.appendChild(lineSample(meta.groups[group].colour, meta.groups[group].dashes));
      label.appendChild(document.createTextNode(group));
      box.appendChild(label);
    });
    return function () {
      var on = {};
      box.querySelectorAll("input").forEach(function (i) { on[i.value] = i.checked; });
      return on;
    };
  }

  // Previous / next links of a paged view (meta.paging: page, pages, total, prev, next query strings).
  function pager(paging, after) {
    if (!paging || paging.pages < 2) { return; }
    var nav = el("nav", null, "pager muted");
    if (paging.prev) { nav.appendChild(link("\u2190 previous", location.pathname + paging.prev)); }
    nav.appendChild(el("span", " page " + paging.page + " of " + paging.pages + " (" + paging.total + ") "));
    if (paging.next) { nav.appendChild(link("next \u2192", location.pathname + paging.next)); }
    after.parentNode.insertBefore(nav, after.nextSibling);
  }

  window.KG = {el: el, link: link, pager: pager, swatch: swatch, lineSample: lineSample, displayDate: displayDate, targetWord: targetWord, bounds: bounds, dayString: dayString,
               inRange: inRange, data: data, dateRange: dateRange, groupToggles: groupToggles};
}());
