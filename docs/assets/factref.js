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
  // Tooltips for citations and cited passages: the quoted passage and its source on hover or
  // keyboard focus. Set with textContent, never as HTML: the text comes from the records.
  function tooltips() {
    var tip = document.createElement("div");
    tip.id = "fr-tip";
    tip.className = "fr-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    document.body.appendChild(tip);
    var targets = document.querySelectorAll(
      ".md-content a[title][href*='#q-'], .md-content mark.fr-cited[title]");
    targets.forEach(function (el) {
      el.setAttribute("data-fr-tip", el.getAttribute("title"));
      el.removeAttribute("title");
      function show() {
        tip.textContent = el.getAttribute("data-fr-tip");
        tip.hidden = false;
        var r = el.getBoundingClientRect();
        var width = Math.min(420, window.innerWidth - 16);
        tip.style.maxWidth = width + "px";
        tip.style.left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8)) + "px";
        tip.style.top = (r.bottom + 6) + "px";
        el.setAttribute("aria-describedby", "fr-tip");
      }
      function hide() {
        tip.hidden = true;
        el.removeAttribute("aria-describedby");
      }
      el.addEventListener("mouseenter", show);
      el.addEventListener("focus", show);
      el.addEventListener("mouseleave", hide);
      el.addEventListener("blur", hide);
    });
  }
  window.addEventListener("hashchange", highlight);
  document.addEventListener("DOMContentLoaded", nameDialogs);
  document.addEventListener("DOMContentLoaded", tooltips);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", highlight);
  } else {
    highlight();
  }
})();
