// The regions index: sort by any column (tablesort, vendored) and filter by
// province, cohort and type. Without JavaScript the full table is shown.
(function () {
  "use strict";
  var table = document.querySelector("[data-sc-sortable]");
  if (!table) return;
  if (window.Tablesort) new window.Tablesort(table);
  var hint = table.querySelector(".sc-js-hint");
  if (hint) hint.hidden = false;
  var form = document.querySelector("[data-sc-filters]");
  if (!form) return;
  form.hidden = false;
  var count = table.querySelector("[data-sc-count]");
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  function apply() {
    var province = form.elements.province.value, cohort = form.elements.cohort.value, type = form.elements.type.value;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (!province || row.getAttribute("data-province") === province) &&
        (!cohort || row.getAttribute("data-cohort") === cohort) &&
        (!type || row.getAttribute("data-type") === type);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown === rows.length ? String(rows.length) : shown + " dari " + rows.length;
  }
  form.addEventListener("change", apply);
})();
