// The quick-win catalogue of a pillar page: filter by element, status and
// province. Without JavaScript every quick win is listed.
(function () {
  "use strict";
  var form = document.querySelector("[data-sc-catalogue-filters]");
  var list = document.querySelector("[data-sc-catalogue]");
  if (!form || !list) return;
  form.hidden = false;
  var count = document.querySelector("[data-sc-count]");
  var items = Array.prototype.slice.call(list.children);
  function apply() {
    var element = form.elements.element.value, status = form.elements.status.value,
      province = form.elements.province.value, shown = 0;
    items.forEach(function (item) {
      var visible = (!element || item.getAttribute("data-element") === element) &&
        (!status || item.getAttribute("data-status") === status) &&
        (!province || item.getAttribute("data-province") === province);
      item.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown === items.length ? String(items.length) : shown + " dari " + items.length;
  }
  form.addEventListener("change", apply);
})();
