// Sortable tables (the regions index, provinces, rankings): sort by any column
// (tablesort, vendored). Filtering is filters.js; without JavaScript the full
// tables are shown. The regions index keeps its order in the address
// (?urut=<column number>&arah=naik|turun), so that a sorted list can be shared.
// Rows with equal values in the sorted column keep the server's order (by name; by rank,
// then name): tablesort leaves them reversed and flips them on every sort.
(function () {
  "use strict";
  function keepServerOrderOfEqualRows(table) {
    var body = table.tBodies[0];
    if (!body) return;
    Array.prototype.forEach.call(body.rows, function (row, i) { row.scServerOrder = i; });
    table.addEventListener("afterSort", function () {
      var header = table.querySelector("thead th[aria-sort]");
      if (!header) return;
      var column = header.cellIndex;
      var key = function (row) {
        var cell = row.cells[column];
        return cell ? (cell.getAttribute("data-sort") || cell.textContent).trim() : "";
      };
      var rows = Array.prototype.slice.call(body.rows);
      var ordered = [];
      for (var i = 0, j; i < rows.length; i = j) {
        for (j = i + 1; j < rows.length && key(rows[j]) === key(rows[i]); j++);
        ordered = ordered.concat(rows.slice(i, j).sort(function (a, b) { return a.scServerOrder - b.scServerOrder; }));
      }
      ordered.forEach(function (row) { body.appendChild(row); });
    });
  }
  Array.prototype.forEach.call(document.querySelectorAll("[data-sc-sortable]"), function (table) {
    var hint = table.querySelector(".sc-js-hint");
    if (hint) hint.hidden = false;
    if (!window.Tablesort) return;
    keepServerOrderOfEqualRows(table);
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
