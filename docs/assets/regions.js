// Sortable tables (the regions index, provinces, rankings): sort by any column
// (tablesort, vendored). Filtering is filters.js; without JavaScript the full
// tables are shown. The regions index keeps its order in the address
// (?urut=<column number>&arah=naik|turun), so that a sorted list can be shared.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-sc-sortable]"), function (table) {
    var hint = table.querySelector(".sc-js-hint");
    if (hint) hint.hidden = false;
    if (!window.Tablesort) return;
    var sort = new window.Tablesort(table);
    if (table.id !== "sc-regions") return;
    var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
    var params = new URLSearchParams(window.location.search);
    var column = headers[parseInt(params.get("urut"), 10) - 1];
    if (column) {
      var wanted = params.get("arah") === "turun" ? "descending" : "ascending";
      sort.sortTable(column);
      if (column.getAttribute("aria-sort") !== wanted) sort.sortTable(column);
    }
    table.addEventListener("afterSort", function () {
      var url = new URL(window.location.href);
      var sorted = headers.filter(function (th) { return th.hasAttribute("aria-sort"); })[0];
      if (sorted) {
        url.searchParams.set("urut", String(headers.indexOf(sorted) + 1));
        url.searchParams.set("arah", sorted.getAttribute("aria-sort") === "descending" ? "turun" : "naik");
      }
      window.history.replaceState(null, "", url);
    });
  });
})();
