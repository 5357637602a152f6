// Sortable tables (the regions index, provinces, rankings): sort by any column
// (tablesort, vendored). Filtering is filters.js; without JavaScript the full
// tables are shown.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("[data-sc-sortable]"), function (table) {
    if (window.Tablesort) new window.Tablesort(table);
    var hint = table.querySelector(".sc-js-hint");
    if (hint) hint.hidden = false;
  });
})();
