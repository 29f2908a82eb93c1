// Citations, previews and landings. A local file with no dependencies: works on the published
// site and from file:// alike. Record text is never parsed as HTML here: previews are clones of
// the References entries the build wrote (escaped), and any text set is set with textContent.
(function () {
  "use strict";

  var FROM = /^(?!\/)(?![a-z][a-z0-9+.-]*:)[A-Za-z0-9_.\/%-]*(#fact-[a-z0-9][a-z0-9-]*)?$/;

  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }

  function centre(el) {
    if (el) el.scrollIntoView({ block: "center", inline: "nearest" });
  }

  // --- Landing: the passage or fact a link points to, centred and highlighted -------------
  function marksOf(id) {
    return Array.prototype.filter.call(document.querySelectorAll("mark.fr-cited"), function (m) {
      return (" " + m.getAttribute("data-passages") + " ").indexOf(" " + id + " ") >= 0;
    });
  }

  function backLink(id, para) {
    var old = document.querySelector(".fr-from");
    if (old) old.remove();
    var from = new URLSearchParams(location.search).get("from");
    if (!from || !FROM.test(from) || !para) return;
    var fact = from.indexOf("#") >= 0 ? from.slice(from.indexOf("#") + 1) : "";
    var note = document.getElementById("cited-" + id);
    var claim = note && fact ? note.querySelector("a[data-fact='" + fact + "']") : null;
    if (claim) claim.closest("li").classList.add("fr-from-claim");
    var bar = document.createElement("p");
    bar.className = "fr-from";
    var a = document.createElement("a");
    a.href = from;
    a.textContent = "← Back to the claim";
    bar.appendChild(a);
    if (claim) {
      bar.appendChild(document.createTextNode(": "));
      var q = document.createElement("q");
      q.textContent = claim.textContent;
      bar.appendChild(q);
    }
    para.parentNode.insertBefore(bar, para);
  }

  function land() {
    var id = decodeURIComponent(location.hash.slice(1));
    each(".fr-target, .fr-target-fact, .fr-from-claim", function (el) {
      el.classList.remove("fr-target", "fr-target-fact", "fr-from-claim");
    });
    if (/^q-\d+-\d+$/.test(id)) {
      var marks = marksOf(id);
      marks.forEach(function (m) { m.classList.add("fr-target"); });
      var note = document.getElementById("cited-" + id);
      if (note) {
        note.classList.add("fr-target");
        var details = note.closest("details");
        if (details && wide()) details.open = true;
      }
      var para = marks.length ? marks[0].closest(".fr-para") : null;
      backLink(id, para);
      centre(marks[0] || document.getElementById(id));
      return;
    }
    var el = id && document.getElementById(id);
    if (!el) return;
    if (/^fact-/.test(id)) {
      var item = el.closest("li") || el;
      item.classList.add("fr-target-fact");
      centre(item);
    } else if (/^(ref|cite)-/.test(id)) {
      centre(el);
    }
  }

  // --- Source page: notes beside the text, and which passage each one is ---------------------
  function wide() {
    return window.matchMedia("(min-width: 76.25em)").matches;
  }

  function notes() {
    var all = document.querySelectorAll(".fr-source details.fr-notes");
    if (!all.length) return;
    function layout() {
      Array.prototype.forEach.call(all, function (d) { d.open = wide(); });
    }
    layout();
    window.matchMedia("(min-width: 76.25em)").addEventListener("change", layout);
    each(".fr-note", function (note) {
      var marks = marksOf(note.getAttribute("data-passage"));
      function on() { marks.forEach(function (m) { m.classList.add("fr-focus"); }); }
      function off() { marks.forEach(function (m) { m.classList.remove("fr-focus"); }); }
      note.addEventListener("mouseenter", on);
      note.addEventListener("mouseleave", off);
      note.addEventListener("focusin", on);
      note.addEventListener("focusout", off);
    });
  }

  // --- Citation previews: hover, keyboard focus, or a tap ------------------------------------
  // A preview holds a link ("Open in the source"), so it is not a tooltip (which never takes
  // focus) but a group placed right after its citation in the document, as a disclosure's
  // content follows its control: Tab from the citation reaches the link, Shift+Tab goes back,
  // Escape closes the preview and returns to the citation, and focus leaving both closes it.
  // The citation stays a link (Enter follows it) and is described by the preview.
  function previews() {
    var links = document.querySelectorAll(".md-content a.fr-cite[data-ref]");
    if (!links.length) return;
    var box = document.createElement("div");
    box.id = "fr-preview";
    box.className = "fr-preview";
    box.setAttribute("role", "group");
    box.hidden = true;
    document.body.appendChild(box);
    var current = null, timer = 0, pointer = "mouse", quiet = false;

    function show(link) {
      clearTimeout(timer);
      if (current === link && !box.hidden) return;  // open already: keep focus where it is
      var ref = document.getElementById(link.getAttribute("data-ref"));
      var card = ref && ref.querySelector(".fr-ref-card");
      if (!card) return;
      if (current && current !== link) current.removeAttribute("aria-describedby");
      current = link;
      box.replaceChildren(card.cloneNode(true));
      box.setAttribute("aria-label", "Reference " + link.textContent.replace(/[^0-9]/g, ""));
      var close = document.createElement("button");
      close.type = "button";
      close.className = "fr-preview-close";
      close.tabIndex = -1;  // from the keyboard, Escape closes it: Tab goes on to the page
      close.setAttribute("aria-label", "Close the preview");
      close.textContent = "×";
      close.addEventListener("click", function () { hide(true); });
      box.appendChild(close);
      link.after(box);  // next in the tab order and in a screen reader's reading order
      box.classList.toggle("fr-sheet", pointer === "touch" && window.innerWidth < 600);
      box.hidden = false;
      place(link);
      link.setAttribute("aria-describedby", "fr-preview");
    }

    function place(link) {
      var gap = 8, vw = document.documentElement.clientWidth, vh = window.innerHeight;
      box.style.maxHeight = (vh - 2 * gap) + "px";
      if (box.classList.contains("fr-sheet")) {
        box.style.left = box.style.top = "";
        return;
      }
      box.style.maxWidth = Math.min(448, vw - 2 * gap) + "px";
      box.style.left = "0px";
      box.style.top = "0px";
      var r = link.getBoundingClientRect(), b = box.getBoundingClientRect();
      var left = Math.max(gap, Math.min(r.left, vw - b.width - gap));
      var below = r.bottom + 6, above = r.top - 6 - b.height;
      var top = below + b.height <= vh - gap ? below
        : above >= gap ? above : Math.max(gap, vh - gap - b.height);
      box.style.left = left + "px";
      box.style.top = top + "px";
    }

    function hide(now) {
      clearTimeout(timer);
      function go() {
        box.hidden = true;
        if (current) current.removeAttribute("aria-describedby");
        current = null;
      }
      if (now) go(); else timer = setTimeout(go, 300);
    }

    Array.prototype.forEach.call(links, function (link) {
      link.addEventListener("pointerdown", function (e) { pointer = e.pointerType || "mouse"; });
      link.addEventListener("mouseenter", function () {
        if (pointer !== "touch") show(link);
      });
      link.addEventListener("mouseleave", function () { if (pointer !== "touch") hide(false); });
      link.addEventListener("focus", function () {
        if (pointer !== "touch" && !quiet) show(link);
      });
      link.addEventListener("blur", function (e) {
        if (!box.contains(e.relatedTarget) && pointer !== "touch") hide(false);
      });
      link.addEventListener("click", function (e) {
        if (pointer !== "touch") return;
        e.preventDefault();  // a tap previews; the preview's own link opens the source
        if (current === link && !box.hidden) hide(true); else show(link);
      });
    });
    box.addEventListener("mouseenter", function () { clearTimeout(timer); });
    box.addEventListener("mouseleave", function () { if (pointer !== "touch") hide(false); });
    box.addEventListener("focusin", function () { clearTimeout(timer); });
    box.addEventListener("focusout", function (e) {
      if (!box.contains(e.relatedTarget) && e.relatedTarget !== current) hide(false);
    });
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape" || box.hidden) return;
      var link = current, within = box.contains(document.activeElement);
      hide(true);
      if (link && within) {  // back to the citation, without opening its preview again
        quiet = true;
        link.focus();
        quiet = false;
      }
    });
    document.addEventListener("pointerdown", function (e) {
      pointer = e.pointerType || "mouse";
      if (!box.hidden && !box.contains(e.target) && !e.target.closest("a.fr-cite")) hide(true);
    });
    window.addEventListener("resize", function () { if (current && !box.hidden) place(current); });
    window.addEventListener("scroll", function () {
      if (current && !box.hidden && !box.classList.contains("fr-sheet")) place(current);
    }, { passive: true });
  }

  // Material's search dialog carries no accessible name; give it one.
  function nameDialogs() {
    each("[role=dialog]:not([aria-label]):not([aria-labelledby])", function (el) {
      el.setAttribute("aria-label", "Search");
    });
  }

  // Tables and code too wide for a phone scroll sideways: let the keyboard reach (and scroll)
  // them.
  function scrollables() {
    each(".md-typeset__scrollwrap, .md-typeset pre > code", function (el) {
      if (el.scrollWidth > el.clientWidth && !el.hasAttribute("tabindex")) {
        el.setAttribute("tabindex", "0");
        if (el.tagName !== "CODE") {
          el.setAttribute("role", "region");
          el.setAttribute("aria-label", "Table (scrolls sideways)");
        }
      }
    });
  }

  function init() {
    if (document.body.getAttribute("data-fr-ready") === "1") return;
    document.body.setAttribute("data-fr-ready", "1");
    nameDialogs();
    scrollables();
    notes();
    previews();
    land();
  }

  window.addEventListener("hashchange", land);
  // After the layout settles (styles, images), centre again what the URL points to.
  window.addEventListener("load", function () { if (location.hash) land(); });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);  // Material's page-ready signal
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
