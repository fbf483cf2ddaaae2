// The query editor: YASGUI (served from this app) on the local endpoint, with the
// project's prefixes, the example gallery, and a note when an answer was truncated.
(function () {
  "use strict";
  var root = document.getElementById("yasgui");
  if (!root || typeof window.Yasgui === "undefined") { return; }
  var endpoint = root.getAttribute("data-endpoint");
  var examples = JSON.parse(document.getElementById("kg-examples").textContent);

  var yasgui = new window.Yasgui(root, {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: false,
    persistenceId: "conflict-kg-editor",
    // Only this endpoint: the default catalogue lists public endpoints elsewhere.
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; }, keys: [] },
    // Prefix and variable completion are local; class/property completion would call LOV.
    yasqe: { value: examples[0].sparql,
             autocompleters: ["prefixes", "variables"] },
    populateFromUrl: false,
  });
  window.kgYasgui = yasgui;

  // YASGUI leaves a few controls without names and puts a button in its tab list;
  // name them and move the button out, now and whenever YASGUI redraws.
  var NAMES = [["input.autocomplete", "SPARQL endpoint"], [".CodeMirror textarea", "SPARQL query"],
               [".tab input", "Tab name"], ["select.tableSizer", "Rows per page"],
               ["select", "Option"]];
  function repairAccessibility() {
    NAMES.forEach(function (pair) {
      Array.prototype.forEach.call(root.querySelectorAll(pair[0]), function (element) {
        if (!element.getAttribute("aria-label") && !element.labels.length) {
          element.setAttribute("aria-label", pair[1]);
        }
      });
    });
    Array.prototype.forEach.call(root.querySelectorAll("[role=tablist] > :not(.tab)"),
      function (element) { element.parentNode.parentNode.insertBefore(element, element.parentNode.nextSibling); });
    Array.prototype.forEach.call(root.querySelectorAll(".CodeMirror-scroll[tabindex='-1']"),
      function (element) { element.setAttribute("tabindex", "0"); });
    Array.prototype.forEach.call(root.querySelectorAll("th"), function (header) {
      if (!header.textContent.trim()) {
        var text = document.createElement("span");
        text.className = "visually-hidden";
        text.textContent = "Row";
        header.appendChild(text);
      }
    });
  }
  repairAccessibility();
  new MutationObserver(repairAccessibility).observe(root, { childList: true, subtree: true });

  var notice = document.getElementById("truncated");
  // Yasqe hands over the HTTP response (Yasgui's own event does not):
  // its headers say whether the server cut the rows. Watch every tab's editor once.
  function announceTruncation(yasqe, response) {
    var headers = (response && (response.headers || response.header)) || {};
    var header = function (name) {  // a fetch Headers object, or superagent's plain object
      return typeof headers.get === "function" ? headers.get(name) : headers[name];
    };
    if (header("x-kg-truncated") === "true") {
      notice.textContent = "The answer was cut at " + header("x-kg-row-limit") +
        " rows (the server's row limit): add a LIMIT or narrow the query.";
      notice.hidden = false;
    }
  }
  function watch(tab) {
    var yasqe = tab && tab.getYasqe();
    if (!yasqe || yasqe.kgWatched) { return; }
    yasqe.kgWatched = true;
    yasqe.on("query", function () { notice.hidden = true; });
    yasqe.on("queryResponse", announceTruncation);
  }
  watch(yasgui.getTab());
  yasgui.on("tabSelect", function () { window.setTimeout(function () { watch(yasgui.getTab()); }); });
  yasgui.on("query", function (instance, tab) { watch(tab); });

  function run(example) {
    var tab = yasgui.getTab();
    tab.setQuery(example.sparql);
    tab.getYasqe().query();
  }
  Array.prototype.forEach.call(document.querySelectorAll("button.example"), function (button) {
    button.addEventListener("click", function () {
      var key = button.getAttribute("data-example");
      var example = examples.filter(function (e) { return e.key === key; })[0];
      if (example) { run(example); }
    });
  });
}());
