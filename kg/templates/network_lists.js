// Conflict KG network page, 8 of 10: the same network as lists of buttons beside the canvas,
// for keyboards and screen readers, kept in step with the filters and the selection.
(function () {
  "use strict";
  var K = window.KG, V = K.network, $ = V.$, el = K.el, data = V.data, byId = V.byId;
  var LISTED = 200;

  // One listener for every button (created per button, 400 listeners went with each rebuild).
  $("network-lists").addEventListener("click", V.timed(null, function (event) {
    var button = event.target.closest && event.target.closest("button[data-kind]");
    var item = button && (button.dataset.kind === "node" ? byId : V.edgeById)[button.dataset.id];
    if (!item) { return null; }
    V.select(button.dataset.kind, item.id);
    return "list " + button.dataset.kind;
  }));
  function listButton(kind, id, text) {
    var li = el("li"), button = el("button", text);
    button.type = "button"; button.dataset.kind = kind; button.dataset.id = id;
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
    fill("actor-list", "node", actors.slice(0, LISTED), function (n) { return n.label; });
    fill("relation-list", "edge", relations.slice(0, LISTED), V.relationText);
    var summary = "Actors (" + actors.length + ") and relations (" + relations.length + ")" +
      (actors.length > LISTED || relations.length > LISTED ? ", the " + LISTED + " most active of each" : "");
    if ($("lists-summary").textContent !== summary) { $("lists-summary").textContent = summary; }
    V.markListed(pressed[0], pressed[1]);
  };
  // A list's items kept from the last refresh: a filter change that leaves a list as it was
  // touches none of its DOM, and an item still listed keeps its button (text set if changed).
  var kept = {};
  function fill(listId, kind, items, text) {
    var list = $(listId), before = kept[listId] || {}, now = {}, same = list.children.length === items.length;
    var rows = items.map(function (item, i) {
      var li = now[item.id] = before[item.id] || listButton(kind, item.id, ""), label = text(item);
      if (li.firstChild.textContent !== label) { li.firstChild.textContent = label; }
      same = same && list.children[i] === li;
      return li;
    });
    kept[listId] = now;
    if (!same) { list.replaceChildren.apply(list, rows); }
  }
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
