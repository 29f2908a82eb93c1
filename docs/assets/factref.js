// Highlight the cited passage a citation link lands on, and scroll it into view.
// Local file, no dependencies: works on the published site and from file:// alike.
(function () {
  "use strict";
  function highlight() {
    var id = decodeURIComponent(location.hash.slice(1));
    document.querySelectorAll("mark.fr-target").forEach(function (el) {
      el.classList.remove("fr-target");
    });
    if (!/^q-\d+-\d+$/.test(id)) return;
    var marks = document.querySelectorAll("mark.fr-cited");
    var first = null;
    marks.forEach(function (el) {
      if ((" " + el.getAttribute("data-passages") + " ").indexOf(" " + id + " ") >= 0) {
        el.classList.add("fr-target");
        first = first || el;
      }
    });
    var anchor = document.getElementById(id);
    if (anchor) anchor.scrollIntoView({ block: "center" });
  }
  // Material's search dialog carries no accessible name; give it one.
  function nameDialogs() {
    document.querySelectorAll("[role=dialog]:not([aria-label]):not([aria-labelledby])")
      .forEach(function (el) { el.setAttribute("aria-label", "Search"); });
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", nameDialogs);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
