// Conflict KG claims view: contradicting claims side by side. Text only via textContent.
(function () {
  "use strict";
  var K = window.KG, el = K.el, link = K.link;
  var data = K.data(), $ = function (id) { return document.getElementById(id); };

  function claim(c, tag) {
    var box = el(tag || "div");
    var head = el("div");
    head.appendChild(link(c.speaker_label || "unknown speaker", c.speaker_href));
    head.appendChild(document.createTextNode(" " + (c.verb || "said") + (c.via_label ? " (via " + c.via_label + ")" : "") + (c.negated ? " \u2014 denial" : "")));
    box.appendChild(head);
    var quote = el("blockquote");
    quote.appendChild(link("\u201c" + c.quote + "\u201d", c.href));
    box.appendChild(quote);
    var meta = el("div", K.displayDate(c.date) + " \u00b7 ", "muted meta");
    meta.appendChild(link(c.article_title, c.article_href));
    if (c.asserts) { meta.appendChild(document.createTextNode(" \u00b7 asserts ")); meta.appendChild(link(c.asserts, c.asserts_href)); }
    box.appendChild(meta);
    return box;
  }
  function text(c) { return [c.speaker_label, c.verb, c.quote, c.via_label].join(" ").toLowerCase(); }
  function render() {
    var q = $("claim-search").value.trim().toLowerCase();
    var body = $("pairs").tBodies[0], shown = 0;
    body.replaceChildren();
    data.pairs.forEach(function (p) {
      var a = data.claims[p[0]], b = data.claims[p[1]];
      if (q && text(a).indexOf(q) < 0 && text(b).indexOf(q) < 0) { return; }
      var row = body.insertRow();
      row.className = "pair";
      row.appendChild(claim(a, "td")); row.appendChild(claim(b, "td"));
    });
    $("no-pairs").hidden = data.pairs.length > 0;
    var list = $("claims");
    list.replaceChildren();
    data.claims.forEach(function (c) {
      if (q && text(c).indexOf(q) < 0) { return; }
      shown++; list.appendChild(claim(c, "li"));
    });
    $("counts").textContent = shown + " of " + data.claims.length + " claims; " + data.pairs.length + " contradicting pair(s)";
  }
  $("claim-search").addEventListener("input", render);
  render();
  K.pager((data.meta || {}).paging, $("counts"));
  window.kgReady = true;
}());
