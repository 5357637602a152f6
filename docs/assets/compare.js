// Compare: choose two to four regions; their figures are shown side by side,
// one column per region, from the table of every region's figures. That table
// is a file beside the page (data-sc-compare-source), fetched here, so that the
// page stays small at any number of regions; in a copy opened from disk it is
// in the page. The choice is kept in the address (?wilayah=a,b) so that a
// comparison can be shared.
(function () {
  "use strict";
  var form = document.querySelector("[data-sc-compare-form]");
  var result = document.querySelector("[data-sc-compare-result]");
  var source = document.querySelector("[data-sc-compare-source]");
  if (!form || !result || !source) return;
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  // Shown at once (this script runs before the first paint), usable once the figures arrive.
  form.hidden = false;
  selects.forEach(function (select) { select.disabled = true; });
  var inPage = source.querySelector("[data-sc-compare]");
  if (inPage) { start(inPage); return; }
  fetch(source.getAttribute("data-sc-compare-source"))
    .then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    })
    .then(function (html) {
      var parsed = new DOMParser().parseFromString(html, "text/html");
      var table = parsed.querySelector("[data-sc-compare]");
      if (!table) throw new Error("no table");
      start(document.importNode(table, true));
    })
    .catch(function () {
      result.textContent = "Angka wilayah tidak dapat dimuat. Coba muat ulang halaman ini.";
    });

  function start(table) {
  var rows = {};
  var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (cell) { return cell.textContent; });
  Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
    rows[row.getAttribute("data-region")] = row;
  });
  selects.forEach(function (select) {
    select.disabled = false;
    Object.keys(rows).forEach(function (id) {
      var option = document.createElement("option");
      option.value = id;
      option.textContent = rows[id].cells[0].textContent;
      select.appendChild(option);
    });
  });
  var wanted = (new URLSearchParams(window.location.search).get("wilayah") || "").split(",");
  selects.forEach(function (select, i) { if (rows[wanted[i]]) select.value = wanted[i]; });

  function render() {
    var chosen = [];
    selects.forEach(function (select) {
      if (select.value && chosen.indexOf(select.value) < 0) chosen.push(select.value);
    });
    var url = new URL(window.location.href);
    if (chosen.length) url.searchParams.set("wilayah", chosen.join(",")); else url.searchParams.delete("wilayah");
    window.history.replaceState(null, "", url);
    result.textContent = "";
    if (chosen.length < 2) {
      var hint = document.createElement("p");
      hint.className = "sc-muted sc-js-only";
      hint.textContent = "Pilih dua sampai empat wilayah untuk melihat angkanya berdampingan.";
      result.appendChild(hint);
      return;
    }
    var wrap = document.createElement("div");
    wrap.className = "sc-table-wrap";
    wrap.tabIndex = 0;  // a keyboard user can scroll a wide comparison
    wrap.setAttribute("role", "region");
    wrap.setAttribute("aria-label", "Tabel perbandingan (dapat digeser)");
    var out = document.createElement("table");
    out.className = "sc-table sc-compare-side";
    if (chosen.length > 2) {  // readable columns that scroll, not words cut to fit a phone
      out.classList.add("sc-compare-side--wide");
      out.style.minWidth = (6 + chosen.length * 6.5) + "rem";
    }
    out.createCaption().textContent = "Perbandingan " + chosen.length + " wilayah";
    var head = out.createTHead().insertRow();
    var corner = document.createElement("th");
    corner.scope = "col";
    corner.textContent = "";
    head.appendChild(corner);
    chosen.forEach(function (id) {
      var th = document.createElement("th");
      th.scope = "col";
      th.appendChild(rows[id].cells[0].firstElementChild.cloneNode(true));
      head.appendChild(th);
    });
    var body = out.createTBody();
    for (var i = 1; i < headers.length; i += 1) {
      var tr = body.insertRow();
      var th = document.createElement("th");
      th.scope = "row";
      th.textContent = headers[i];
      tr.appendChild(th);
      chosen.forEach(function (id) {
        var td = rows[id].cells[i].cloneNode(true);
        tr.appendChild(td);
      });
    }
    wrap.appendChild(out);
    result.appendChild(wrap);
  }
  form.addEventListener("change", render);
  form.addEventListener("submit", function (event) { event.preventDefault(); render(); });
  render();
  }
})();
