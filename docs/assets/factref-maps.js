// Relationship maps: a line's popover says what links the two actors, with links to the
// evidence. It is a copy of the line's entry in the list under the map (never built from
// strings), shown on hover, on keyboard focus and on a tap; Escape or a tap elsewhere closes it.
// Without this script a line is still a link to that entry.
(function () {
  "use strict";
  var pop, current = null, hideTimer = null;
  var touched = false;  // the last press was a finger or pen, not a mouse

  function entry(id) {
    var anchor = document.getElementById(id);
    return anchor && anchor.closest("li");
  }

  function build() {
    pop = document.createElement("div");
    pop.className = "fr-pop";
    pop.id = "fr-pop";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", "What links these actors");
    pop.hidden = true;
    pop.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
    pop.addEventListener("mouseleave", function () { if (!touched) hideSoon(); });
    document.body.appendChild(pop);
  }

  function mark(id, on) {
    document.querySelectorAll(".fr-map [data-fr-rel='" + id + "']").forEach(function (el) {
      el.classList.toggle("fr-edge--active", on);
    });
  }

  function show(link, x, y) {
    var id = link.getAttribute("data-fr-rel");
    var li = entry(id);
    if (!li) return;
    clearTimeout(hideTimer);
    if (current && current !== id) mark(current, false);
    current = id;
    mark(id, true);
    pop.textContent = "";
    var close = document.createElement("button");
    close.type = "button";
    close.className = "fr-pop__close";
    close.setAttribute("aria-label", "Close");
    close.textContent = "×";
    close.addEventListener("click", hide);
    pop.appendChild(close);
    var copy = li.cloneNode(true);
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    var list = document.createElement("ul");
    list.appendChild(copy);
    pop.appendChild(list);
    pop.hidden = false;
    place(x, y);
  }

  // Near the point, always inside the window, and never over the point itself (a finger's
  // next touch there must still reach the map): below it, else above, else on the roomier
  // side with its height cut to fit (it scrolls).
  function place(x, y) {
    var vw = document.documentElement.clientWidth, vh = window.innerHeight;
    pop.style.maxHeight = "";
    var w = pop.offsetWidth, h = pop.offsetHeight;
    var below = vh - y - 24, above = y - 24, top;
    if (h <= below) {
      top = y + 16;
    } else if (h <= above) {
      top = y - 16 - h;
    } else if (below >= above) {
      pop.style.maxHeight = below + "px";
      top = y + 16;
    } else {
      pop.style.maxHeight = above + "px";
      top = y - 16 - pop.offsetHeight;
    }
    pop.style.left = Math.max(8, Math.min(x + 12, vw - w - 8)) + "px";
    pop.style.top = Math.max(8, top) + "px";
  }

  function hide() {
    clearTimeout(hideTimer);
    if (current) mark(current, false);
    current = null;
    if (pop) pop.hidden = true;
  }

  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, 300);
  }

  function centre(link) {
    var r = (link.querySelector(".fr-edge__dot") || link).getBoundingClientRect();
    return [r.left + r.width / 2, r.top + r.height / 2];
  }

  // A map wider or taller than its frame opens on its middle, where the best-connected are.
  function centreViews() {
    document.querySelectorAll(".fr-map__view").forEach(function (view) {
      view.scrollLeft = (view.scrollWidth - view.clientWidth) / 2;
      view.scrollTop = (view.scrollHeight - view.clientHeight) / 2;
    });
  }

  function init() {
    centreViews();
    var links = document.querySelectorAll(".fr-map a.fr-edge");
    if (!links.length) return;
    build();
    links.forEach(function (link) {
      var t = link.querySelector("title");
      if (t) t.remove();  // the popover replaces the browser's own tooltip
      link.setAttribute("aria-haspopup", "dialog");
      link.addEventListener("pointerdown", function (e) { touched = e.pointerType !== "mouse"; });
      link.addEventListener("mouseenter", function (e) {
        if (!touched) show(link, e.clientX, e.clientY);
      });
      link.addEventListener("mouseleave", function () { if (!touched) hideSoon(); });
      link.addEventListener("focus", function () {
        if (touched) return;  // a tap: its click shows the popover
        var c = centre(link);
        show(link, c[0], c[1]);
      });
      link.addEventListener("click", function (e) {
        // A tap previews instead of leaving the map; the popover's links lead to the evidence.
        if (touched) {
          e.preventDefault();
          var c = centre(link);
          show(link, c[0], c[1]);
        }
      });
    });
    document.addEventListener("keydown", function (e) {
      touched = false;
      if (e.key === "Escape") hide();
    });
    document.addEventListener("pointerdown", function (e) {
      touched = e.pointerType !== "mouse";
      if (!pop.hidden && !pop.contains(e.target) && !e.target.closest(".fr-map a.fr-edge")) hide();
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
