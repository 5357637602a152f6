// The printed masterplan (wilayah/<id>/cetak/) takes Buku I's analysis, its roadmap (the term
// tables with their timeline), each pillar's sections and the quick wins from the region's
// own pages instead of storing a second copy of them: each `.sc-include` names a page
// (`data-src`) and the part of it to take (`data-part`). The part is reshaped for paper as
// the page's layout needs it: headings nest under the print's heading (`data-heading`,
// `data-shift` levels deeper), ids get a prefix (every pillar page has a "sasaran"),
// folded lists give way to the latest progress note, and item ids, response links and
// sections that only say they are empty are left out (the print lists those once).
// Without JavaScript, or opened from file:// (no fetch there), each part stays a link.
(function () {
  "use strict";
  var includes = Array.prototype.slice.call(document.querySelectorAll(".sc-include[data-src]"));
  var status = document.querySelector("[data-sc-print-status]");
  if (!includes.length || !window.fetch || !window.DOMParser) return;
  var ITEM_ID = /^(program|strategi|qw|risiko|sumber)-/;   // unique in the region: kept as they are
  if (status) status.textContent = "Memuat isi masterplan…";
  document.documentElement.setAttribute("data-sc-print", "loading");

  function rename(node, tag) {
    var renamed = document.createElement(tag);
    Array.prototype.forEach.call(node.attributes, function (a) { renamed.setAttribute(a.name, a.value); });
    while (node.firstChild) renamed.appendChild(node.firstChild);
    node.parentNode.replaceChild(renamed, node);
  }

  function latestNote(details) {
    // A programme's progress notes, oldest first: paper shows the newest and how many there are.
    var notes = details.querySelectorAll("li");
    var latest = notes[notes.length - 1];
    var line = document.createElement("span");
    line.className = "sc-item-desc";
    line.appendChild(document.createTextNode("Catatan terbaru" +
      (notes.length > 1 ? " (dari " + notes.length.toLocaleString("id-ID") + ")" : "") + ": "));
    while (latest && latest.firstChild) line.appendChild(latest.firstChild);
    details.parentNode.replaceChild(line, details);
  }

  function reshape(part, source, prefix, heading, shift) {
    var drop = ".sc-item-id, .sc-respond, .sc-section--empty, .sc-section--quick-wins, svg.sc-defs, .sc-goals details";
    Array.prototype.forEach.call(part.querySelectorAll(drop), function (n) { n.remove(); });
    Array.prototype.forEach.call(part.querySelectorAll("details.sc-updates"), latestNote);
    var renamed = {};
    if (prefix) {
      Array.prototype.forEach.call(part.querySelectorAll("[id]"), function (n) {
        if (ITEM_ID.test(n.id)) return;
        renamed[n.id] = prefix + "-" + n.id;
        n.id = renamed[n.id];
      });
      Array.prototype.forEach.call(part.querySelectorAll("a[href^='#']"), function (a) {
        var target = a.getAttribute("href").slice(1);
        if (renamed[target]) a.setAttribute("href", "#" + renamed[target]);
      });
    }
    Array.prototype.forEach.call(part.querySelectorAll("[aria-labelledby]"), function (n) {
      var names = n.getAttribute("aria-labelledby").split(/\s+/).map(function (x) { return renamed[x] || x; });
      if (n.parentNode === part && heading) names.push(heading);
      n.setAttribute("aria-labelledby", names.join(" "));
    });
    // the page's h2…h5 sit under a heading of the printed masterplan here: `shift` levels
    // deeper (a pillar's under its h3: two), h6 at most
    if (shift) {
      Array.prototype.forEach.call(part.querySelectorAll("h2, h3, h4, h5"), function (h) {
        rename(h, "h" + Math.min(Number(h.tagName.charAt(1)) + shift, 6));
      });
    }
    // links other than to this page's own anchors keep working from here
    Array.prototype.forEach.call(part.querySelectorAll("a[href]:not([href^='#'])"), function (a) {
      a.setAttribute("href", new URL(a.getAttribute("href"), source).href);
    });
  }

  function load(include) {
    var source = new URL(include.getAttribute("data-src"), location.href);
    return fetch(source.href).then(function (response) {
      if (!response.ok) throw new Error(response.status);
      return response.text();
    }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      var part = page.querySelector(include.getAttribute("data-part"));
      if (!part) throw new Error("no part");
      part = document.importNode(part, true);
      reshape(part, source, include.getAttribute("data-prefix"), include.getAttribute("data-heading"),
              Number(include.getAttribute("data-shift")) || 0);
      include.replaceChildren.apply(include, part.matches(".sc-analysis-body, .sc-roadmap-body, .sc-pillar-body, .sc-quick-wins-body")
        ? Array.prototype.slice.call(part.childNodes) : [part]);
      return true;
    }).catch(function () { return false; });
  }

  function nameScrollBoxes() {
    // as the build does for each page (smartcity/site/render/landmarks.py): every scrolling
    // table box is a landmark, named after its caption and numbered where names repeat
    var seen = {};
    Array.prototype.forEach.call(document.querySelectorAll(".sc-table-wrap[role='region']"), function (box) {
      var caption = box.querySelector("table > caption");
      var text = caption ? caption.textContent.split(/\s+/).filter(Boolean).join(" ") : "";
      var name = text ? "Tabel: " + (text.length > 90 ? text.slice(0, 90).trimEnd() + "…" : text) : "Tabel (dapat digeser)";
      seen[name] = (seen[name] || 0) + 1;
      box.setAttribute("aria-label", seen[name] > 1 ? name + " (" + seen[name] + ")" : name);
    });
  }

  Promise.all(includes.map(load)).then(function (results) {
    nameScrollBoxes();
    // the phone cards' column names, as on the parts' own pages (overrides/main.html)
    if (window.scCardLabels) window.scCardLabels(document);
    var missing = results.filter(function (ok) { return !ok; }).length;
    document.documentElement.setAttribute("data-sc-print", missing ? "partial" : "ready");
    if (!status) return;
    status.textContent = missing
      ? missing + " bagian tidak dapat dimuat" + (location.protocol === "file:" ? " dari berkas lokal (file://): buka situs lewat server web, misalnya python -m http.server" : "") + "; bagian itu tetap berupa tautan ke halamannya."
      : "Seluruh isi masterplan sudah dimuat: siap dicetak.";
  });
})();
