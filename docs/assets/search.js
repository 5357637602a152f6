// Title search for the masterplan site. The index (search/titles.json) is
// fetched only when the reader searches, never on page load.
(function () {
  "use strict";
  var root = document.querySelector("[data-sc-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[name=q]");
  var status = root.querySelector(".sc-search__status");
  var list = root.querySelector(".sc-search__results");
  var base = root.getAttribute("data-base");
  var index = null, loading = null;
  var KINDS = { r: "Wilayah", s: "Strategi", p: "Program", q: "Quick win" };

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function words(text) {
    return fold(text).split(/[^a-z0-9]+/).filter(Boolean);
  }
  function load() {
    if (!loading) {
      status.textContent = "Memuat indeks pencarian…";
      loading = fetch(root.getAttribute("data-index"))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) {
          var entries = [];
          data.regions.forEach(function (r, i) {
            entries.push({ kind: "r", title: r[1], region: i, url: "wilayah/" + r[0] + "/", where: r[2] });
          });
          data.items.forEach(function (it) {
            var r = data.regions[it[1]], p = data.pillars[it[2]];
            var url = "wilayah/" + r[0] + "/" + (it[0] === "q" ? "quick-wins/#qw-" : p[0] + "/#" + (it[0] === "p" ? "program-" : "strategi-")) + it[3];
            entries.push({ kind: it[0], title: it[4], region: it[1], url: url, where: r[1] + " · " + p[1] });
          });
          entries.forEach(function (e) { e.words = words(e.title + " " + (e.kind === "r" ? e.where : data.regions[e.region][1])); });
          index = entries;
        });
    }
    return loading;
  }
  function matches(entry, terms) {
    return terms.every(function (t) {
      return entry.words.some(function (w) { return w.indexOf(t) === 0; });
    });
  }
  function show(query) {
    var terms = words(query);
    list.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    var found = index.filter(function (e) { return matches(e, terms); });
    var order = { r: 0, q: 1, p: 2, s: 3 };
    found.sort(function (a, b) { return order[a.kind] - order[b.kind] || a.title.localeCompare(b.title, "id"); });
    status.textContent = found.length ? found.length + " hasil untuk “" + query + "”" + (found.length > 100 ? "; 100 pertama ditampilkan" : "") : "Tidak ada hasil untuk “" + query + "”";
    found.slice(0, 100).forEach(function (e) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = base + e.url;
      a.textContent = e.title;
      var kind = document.createElement("span");
      kind.className = "sc-search__kind";
      kind.textContent = KINDS[e.kind];
      var where = document.createElement("span");
      where.className = "sc-search__where";
      where.textContent = e.where;
      li.appendChild(kind); li.appendChild(a); li.appendChild(where);
      list.appendChild(li);
    });
  }
  function run() {
    var query = input.value.trim();
    if (location.protocol === "file:") {
      // Browsers do not let a page opened from disk read other files.
      status.textContent = "Pencarian memerlukan situs yang dibuka melalui server web (http), bukan dari berkas. Gunakan daftar wilayah.";
      return;
    }
    if (query.length < 2) { list.textContent = ""; status.textContent = ""; return; }
    load().then(function () { show(query); }, function () { status.textContent = "Indeks pencarian tidak dapat dimuat."; });
  }
  var timer = null;
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 150); });
  form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; run(); }
})();
