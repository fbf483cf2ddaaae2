// Conflict KG network page, 8 of 10: the same network as lists of buttons beside the canvas,
// for keyboards and screen readers, kept in step with the filters and the selection.
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, el = K.el, data = V.data, byId = V.byId;
  var LISTED = 200;

  function listButton(kind, id, text) {
    var li = el("li"), button = el("button", text);
    button.type = "button"; button.dataset.kind = kind; button.dataset.id = id;
    button.addEventListener("click", V.timed("list " + kind, function () { V.select(kind, id); }));
    li.appendChild(button);
    return li;
  }
  V.relationText = function (e) {
    return byId[e.from].label + (e.arrows ? " → " : " — ") + byId[e.to].label + ": " + e.group + ", " + e.type + " (" + (V.current.counts[e.id] || 0) + ")";
  };
  V.refreshLists = function () {
    var counts = V.current.counts;
    var actors = data.nodes.filter(function (n) { return n._listed !== false; })
      .sort(function (a, b) { return (b.centrality.strength - a.centrality.strength) || (a.label < b.label ? -1 : 1); });
    var relations = data.edges.filter(function (e) { return e._listed !== undefined ? e._listed : !e._hidden; })
      .sort(function (a, b) { return (counts[b.id] || 0) - (counts[a.id] || 0); });
    $("actor-list").replaceChildren.apply($("actor-list"), actors.slice(0, LISTED).map(function (n) { return listButton("node", n.id, n.label); }));
    $("relation-list").replaceChildren.apply($("relation-list"), relations.slice(0, LISTED).map(function (e) { return listButton("edge", e.id, V.relationText(e)); }));
    $("lists-summary").textContent = "Actors (" + actors.length + ") and relations (" + relations.length + ")" +
      (actors.length > LISTED || relations.length > LISTED ? ", the " + LISTED + " most active of each" : "");
    V.markListed(pressed[0], pressed[1]);
  };
  // Rebuilt after the frame that shows a change (a sort of every edge, 400 buttons and the
  // layout they force took 10-40 ms of each filter change at 5,000 actors); a rebuild still
  // pending takes in any newer change.
  var pending = false;
  V.listsLater = function () {
    if (pending) { return; }
    pending = true;
    requestAnimationFrame(function () { setTimeout(function () { pending = false; V.refreshLists(); }, 0); });
  };
  var pressed = [null, null];  // the selection, marked again in rebuilt lists
  V.markListed = function (kind, id) {
    pressed = [kind, id];
    document.querySelectorAll("#network-lists button[aria-pressed]").forEach(function (b) { b.removeAttribute("aria-pressed"); });
    if (kind === null) { return; }
    var button = document.querySelector("#network-lists button[data-kind='" + kind + "'][data-id='" + id + "']");
    if (button) { button.setAttribute("aria-pressed", "true"); }
  };
}());
