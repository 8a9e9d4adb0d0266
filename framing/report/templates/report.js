// Optional: the report is fully usable without this. It only lets Escape hide a highlight's
// explanation (WCAG 1.4.13: content shown on hover or focus can be dismissed). No inline handlers.
(function () {
  "use strict";
  var body = document.body;
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { body.classList.add("tips-off"); }
  });
  function show() { body.classList.remove("tips-off"); }
  document.addEventListener("focusin", show);
  document.addEventListener("mouseover", function (event) {
    if (event.target && event.target.closest && event.target.closest(".hl[tabindex]")) { show(); }
  });
}());
