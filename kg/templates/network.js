// Conflict KG network page. Article text is only ever set with textContent.
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var network = new vis.Network(document.getElementById("network"), {nodes: nodes, edges: edges}, {
    physics: false,
    interaction: {hover: true},
    nodes: {shape: "dot", font: {size: 14}},
    edges: {smooth: {type: "curvedCW", roundness: 0.15}}
  });
  window.kgNetwork = network;

  function text(tag, content, className) {
    var element = document.createElement(tag);
    element.textContent = content;
    if (className) { element.className = className; }
    return element;
  }

  network.on("click", function (params) {
    if (!params.edges.length || params.nodes.length) { return; }
    var list = document.getElementById("evidence");
    list.replaceChildren();
    params.edges.forEach(function (id) {
      var edge = edges.get(id);
      var source = nodes.get(edge.from), target = nodes.get(edge.to);
      (edge.evidence || []).forEach(function (item) {
        var li = document.createElement("li");
        li.appendChild(text("strong", source.label + " \u2192 " + target.label + ": " + item.event_type));
        li.appendChild(text("div", [item.date, item.place, item.modality].filter(Boolean).join(" \u00b7 "), "muted"));
        li.appendChild(text("blockquote", item.sentence));
        list.appendChild(li);
      });
    });
  });

  document.getElementById("search").addEventListener("input", function (event) {
    var query = event.target.value.trim().toLowerCase();
    var result = document.getElementById("search-result");
    if (!query) { result.textContent = ""; return; }
    var hit = nodes.get().find(function (node) {
      return node.label.toLowerCase().indexOf(query) >= 0 || (node.aliases || []).some(function (alias) {
        return alias.toLowerCase() === query || alias.toLowerCase().indexOf(query) >= 0;
      });
    });
    result.textContent = hit ? hit.label : "no actor matches";
    if (hit) { network.selectNodes([hit.id]); network.focus(hit.id, {scale: 1.2}); }
  });
}());
