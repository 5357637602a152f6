// Filtering in the browser, for the regions index and the quick-win catalogue.
// A form marked data-sc-filter="<selector of the container>" holds one <select>
// per data attribute of the container's children; a child is shown when each
// chosen value equals its attribute. data-sc-filter-count names the element
// that shows how many are shown. Without JavaScript the form stays hidden and
// every item is listed. The choices are kept in the address (?province=Aceh),
// so that a filtered list can be shared and survives a reload.
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll("form[data-sc-filter]"), function (form) {
    var container = document.querySelector(form.getAttribute("data-sc-filter"));
    if (!container) return;
    var count = document.querySelector(form.getAttribute("data-sc-filter-count"));
    var items = Array.prototype.slice.call(container.children);
    var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
    form.hidden = false;
    var params = new URLSearchParams(window.location.search);
    var chosen = false;
    selects.forEach(function (select) {
      var wanted = params.get(select.name);
      if (wanted === null) return;
      var known = Array.prototype.some.call(select.options, function (option) { return option.value === wanted; });
      if (known) { select.value = wanted; chosen = true; }
    });
    // choices apply as they change; the submit button (for keyboards and checkers) applies them too
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      form.dispatchEvent(new Event("change"));
    });
    form.addEventListener("change", function () {
      var shown = 0;
      items.forEach(function (item) {
        var visible = selects.every(function (select) {
          return !select.value || item.getAttribute("data-" + select.name) === select.value;
        });
        item.hidden = !visible;
        if (visible) shown += 1;
      });
      if (count) count.textContent = shown === items.length ? String(items.length) : shown + " dari " + items.length;
      var url = new URL(window.location.href);
      selects.forEach(function (select) {
        if (select.value) url.searchParams.set(select.name, select.value); else url.searchParams.delete(select.name);
      });
      window.history.replaceState(null, "", url);
    });
    if (chosen) form.dispatchEvent(new Event("change"));
  });
})();
