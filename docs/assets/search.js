// Full-text search on /cari/ with Pagefind (smartcity/site/search.py builds the
// index). The index is split into chunks; pagefind.js fetches only those a query
// needs, and only when the reader searches. The query and filters stay in the
// address (?q=…&provinsi=…) so that a search can be shared.
(function () {
  "use strict";
  var root = document.querySelector("[data-sc-search]");
  if (!root) return;
  var form = root.querySelector("form");
  var input = root.querySelector("input[name=q]");
  var selects = Array.prototype.slice.call(root.querySelectorAll("select[data-filter]"));
  var status = root.querySelector(".sc-search__status");
  var list = root.querySelector(".sc-search__results");
  var more = root.querySelector(".sc-search__more");
  var siteRoot = new URL(root.getAttribute("data-base"), location.href);
  var PAGE = 10;
  var loading = null, found = [], shown = 0, generation = 0;

  if (location.protocol === "file:") {
    // A page opened from disk may not read other files: say so, once.
    root.querySelector(".sc-search__offline").hidden = false;
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    return;
  }

  function pagefind() {
    if (!loading) {
      var base = new URL(".", siteRoot);
      loading = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname, excerptLength: 24, ranking: { pageLength: 0.1 } })
          .then(function () { return pf.init(); })
          .then(function () { return pf; });
      });
      loading.catch(function () { loading = null; });  // a failed load is tried again
    }
    return loading;
  }

  // Pagefind escapes page text in excerpts and adds <mark>; this keeps the marks
  // and turns anything else into text, so no markup from the index reaches the page.
  function excerpt(html, into) {
    var template = document.createElement("template");
    template.innerHTML = html;
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
    return into;
  }
  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function render(data) {
    var li = element("li", "sc-search__result");
    var heading = element("h2", "sc-search__title");
    var link = element("a", "", data.meta.title || data.url);
    link.href = data.url;
    heading.appendChild(link);
    li.appendChild(heading);
    var where = [];
    var filters = data.filters || {};
    if (data.meta.wilayah) where.push(data.meta.wilayah);
    if (filters.provinsi) where.push(filters.provinsi.join(", "));
    if (filters.pilar && filters.pilar.length < 3) where.push(filters.pilar.join(", "));
    if (where.length) li.appendChild(element("p", "sc-search__where", where.join(" · ")));
    li.appendChild(excerpt(data.excerpt, element("p", "sc-search__excerpt")));
    var subs = (data.sub_results || []).filter(function (sub) {
      return sub.url.indexOf("#") > 0 && sub.title !== data.meta.title;
    }).slice(0, 3);
    if (subs.length) {
      var ul = element("ul", "sc-search__subs");
      subs.forEach(function (sub) {
        var item = element("li");
        var a = element("a", "", sub.title);
        a.href = sub.url;
        item.appendChild(a);
        item.appendChild(excerpt(sub.excerpt, element("span", "sc-search__excerpt")));
        ul.appendChild(item);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function showMore() {
    var mine = generation;
    var next = found.slice(shown, shown + PAGE);
    shown += next.length;
    more.hidden = true;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (mine !== generation) return;
      pages.forEach(function (data) { list.appendChild(render(data)); });
      more.hidden = shown >= found.length;
    });
  }

  function chosenFilters() {
    var filters = {};
    selects.forEach(function (select) { if (select.value) filters[select.name] = select.value; });
    return filters;
  }

  function remember(query) {
    var params = new URLSearchParams();
    if (query) params.set("q", query);
    selects.forEach(function (select) { if (select.value) params.set(select.name, select.value); });
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
  }

  function run() {
    var query = input.value.trim();
    var mine = ++generation;
    remember(query);
    list.textContent = "";
    more.hidden = true;
    if (query.length < 2) { status.textContent = query ? "Ketik sedikitnya dua huruf." : ""; return; }
    status.textContent = "Mencari…";
    pagefind().then(function (pf) {
      return pf.search(query, { filters: chosenFilters() });
    }).then(function (search) {
      if (mine !== generation || !search) return;
      found = search.results;
      shown = 0;
      status.textContent = found.length
        ? found.length + " halaman cocok dengan “" + query + "”, urut menurut kecocokan."
        : "Tidak ada hasil untuk “" + query + "”. Coba kata lain atau hapus saringan.";
      return showMore();
    }).catch(function () {
      if (mine === generation) status.textContent = "Indeks pencarian tidak dapat dimuat. Periksa sambungan, lalu coba lagi.";
    });
  }

  var timer = null;
  // The reader is about to search: fetch the search code and its metadata while they type.
  input.addEventListener("focus", function () { pagefind().catch(function () {}); });
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 120); });
  selects.forEach(function (select) { select.addEventListener("change", run); });
  form.addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); run(); });
  more.addEventListener("click", showMore);

  var params = new URLSearchParams(location.search);
  selects.forEach(function (select) {
    var value = params.get(select.name);
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) select.value = value;
  });
  var initial = params.get("q");
  if (initial) { input.value = initial; run(); }
  else if (params.has("q")) input.focus();
})();
