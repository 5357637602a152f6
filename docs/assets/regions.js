// The regions index: sort by any column (tablesort, vendored). Filtering is
// filters.js; without JavaScript the full table is shown.
(function () {
  "use strict";
  var table = document.querySelector("[data-sc-sortable]");
  if (!table) return;
  if (window.Tablesort) new window.Tablesort(table);
  var hint = table.querySelector(".sc-js-hint");
  if (hint) hint.hidden = false;
})();
