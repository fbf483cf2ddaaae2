// Conflict KG network page, 7 of 10: selection (click, search) and the evidence panel.
// Article text is only ever set with textContent (see network_common.js).
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, el = K.el, link = K.link, data = V.data, meta = V.meta;
  var byId = V.byId, edgeById = V.edgeById, events = V.events, claims = V.claims, state = V.state;

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
    if (V.claimEdgeById[id]) { showClaimEdge(id); return; }
    var e = edgeById[id]; if (!e) { return; }
    var from = byId[e.from], to = byId[e.to], range = V.range;
    header(from.label + (e.arrows ? " \u2192 " : " \u2014 ") + to.label + ": " + e.type, null);
    $("summary").appendChild(el("p", e.group + " \u00b7 " + e.count + " event(s)", "muted"));
    var on = {}, r = [range.from(), range.to(), $("undated").checked];
    on[e.group] = true;
    if (e.evidence) { moreEvidence(e, 1); return; }
    e.events.filter(function (i) { return range.full() || K.inRange(events[i].date, r[0], r[1], r[2]); })
      .forEach(function (i) { $("evidence").appendChild(eventItem(events[i])); });
  }
  function showClaimEdge(id) {
    var e = V.claimEdgeById[id];
    header(byId[e.from].label + " \u2192 " + byId[e.to].label + ": claims", null);
    $("summary").appendChild(el("p", e.claims.length + " claim(s) by the speaker about an event of the actor", "muted"));
    e.claims.forEach(function (i) { $("evidence").appendChild(claimItem(claims[i])); });
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
     ["bloc", V.blocName(n.bloc)], ["degree", n.centrality.degree], ["events", n.centrality.strength],
     ["PageRank", n.centrality.pagerank], ["betweenness", n.centrality.betweenness]].forEach(function (f) {
      facts.appendChild(el("dt", f[0])); facts.appendChild(el("dd", f[1]));
    });
    s.appendChild(facts);
    var dyads = {};
    data.edges.forEach(function (e) {
      if (e._hidden || (e.from !== id && e.to !== id)) { return; }
      var other = e.from === id ? e.to : e.from, d = dyads[other] = dyads[other] || {n: 0, types: {}};
      d.n += V.current.counts[e.id] || 0; d.types[e.type] = true;
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

  V.select = function (kind, id) {
    var network = V.network;
    if (kind === "node") { V.reveal(id); } else if (edgeById[id]) { V.reveal(edgeById[id].from); V.reveal(edgeById[id].to); }
    if (kind === "node") {
      network.selectNodes([id]); showNode(id); V.emphasise(network.getConnectedEdges(id));
    } else {
      network.selectEdges([id]); showEdge(id); V.emphasise([id]);
    }
    V.markListed(kind, id);
    $("details").scrollIntoView({block: "start"});
  };
  // vis gives a click to the node drawn last under the pointer, so a small node lying on a big
  // one took clicks aimed at the big one's centre: take the node whose centre is nearest instead,
  // relative to its radius, among the drawn nodes whose disc holds the pointer.
  function nodeUnder(pointer, fallback) {
    var network = V.network, best = fallback, bestRatio = Infinity, positions = network.getPositions(network.body.nodeIndices);
    network.body.nodeIndices.forEach(function (id) {
      var at = positions[id], radius = network.body.nodes[id].options.size || 1;
      var ratio = Math.hypot(at.x - pointer.x, at.y - pointer.y) / radius;
      if (ratio <= 1 && ratio < bestRatio) { best = id; bestRatio = ratio; }
    });
    return best;
  }
  // A click on the canvas; returns what it did, the name of its timing.
  V.clicked = function (p) {
    var node = !p.nodes.length ? null : p.pointer ? nodeUnder(p.pointer.canvas, p.nodes[0]) : p.nodes[0];
    if (node !== null && String(node).indexOf("community-") === 0) {
      V.unfold(+String(node).slice(10)); return "community";
    }
    if (node !== null) { V.select("node", node); return "node"; }
    if (p.edges.length) { V.select("edge", p.edges[0]); return "edge"; }
    V.emphasise(null); V.markListed(null, null); return "deselect";
  };

  $("search").addEventListener("input", V.timed("search", function (event) {
    var q = event.target.value.trim().toLowerCase(), result = $("search-result");
    if (!q) { result.textContent = ""; return; }
    var exact = function (n) { return n.label.toLowerCase() === q || n.aliases.some(function (a) { return a.toLowerCase() === q; }); };
    var partial = function (n) { return n.label.toLowerCase().indexOf(q) >= 0 || n.aliases.some(function (a) { return a.toLowerCase().indexOf(q) >= 0; }); };
    var hit = data.nodes.find(exact) || data.nodes.find(partial);
    result.textContent = hit ? hit.label : "no actor matches";
    if (hit) { state.selected = hit.id; V.select("node", hit.id); V.network.focus(hit.id, {scale: 1.2}); }
  }));
}());
