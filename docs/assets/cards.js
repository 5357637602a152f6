// A phone shows each row of a table marked .sc-cards-narrow as a card whose cells carry
// their column's name (smartcity.css, `td[data-label]::before`). The name is written once,
// on the column's heading (`th data-label`), and put on the cells here rather than in every
// cell of the region pages' HTML (~9 MB less at 514 regions). Without JavaScript the card
// layout is off (it needs `html.js`) and the table scrolls sideways in its frame; the few
// national tables marked .sc-labelled keep the names in their cells and are cards either
// way. assets/print.js calls it again for the parts it fetches.
(function () {
  "use strict";
  function label(root) {
    Array.prototype.forEach.call(root.querySelectorAll("table.sc-cards-narrow"), function (table) {
      var names = [], column = 0;
      if (!table.tHead || !table.tHead.rows.length) return;
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
        names[column] = th.getAttribute("data-label");
        column += th.colSpan;
      });
      Array.prototype.forEach.call(table.tBodies, function (body) {
        Array.prototype.forEach.call(body.rows, function (row) {
          column = 0;
          Array.prototype.forEach.call(row.cells, function (cell) {
            if (names[column] && cell.tagName === "TD") cell.setAttribute("data-label", names[column]);
            column += cell.colSpan;
          });
        });
      });
    });
  }
  window.scCardLabels = label;
  label(document);
})();
