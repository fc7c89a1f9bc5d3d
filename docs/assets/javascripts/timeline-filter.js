// Timeline thread filter: the buttons show one thread only (or all). The choice is kept in the address
// (timeline.html#fallout), so a link can open the timeline filtered and Back returns to it; a year whose events
// are all hidden hides its heading too. A link to something the filter hides (a year, an event, a note's back link)
// shows all threads again, so that no link leads nowhere. The sticky controls' height is kept in
// --timeline-controls-height, so that a year or event reached by a link is not hidden under them. Without
// script, everything shows.
(function () {
  function apply(filter, thread) {
    var article = filter.closest("article") || document;
    var known = filter.querySelector('button[data-thread="' + thread + '"]');
    if (!known) thread = "all";
    filter.querySelectorAll("button[data-thread]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-thread") === thread));
    });
    article.querySelectorAll(".nt-timeline").forEach(function (timeline) {
      if (thread === "all") timeline.removeAttribute("data-show");
      else timeline.setAttribute("data-show", "thread-" + thread);
      var heading = timeline.previousElementSibling;
      while (heading && heading.tagName !== "H2") heading = heading.previousElementSibling;
      var shown = thread === "all" || timeline.querySelector(".nt-timeline-item.thread-" + thread);
      if (heading && heading.classList.contains("timeline-year")) heading.hidden = !shown;
      timeline.hidden = !shown;
    });
  }
  function fromAddress() {
    return decodeURIComponent(location.hash.replace(/^#/, "")) || "all";
  }
  function hiddenByFilter(target) {
    var item = target.closest(".nt-timeline-item, .nt-timeline, h2.timeline-year");
    return Boolean(item) && (item.hidden || item.closest("[hidden]") !== null || item.getClientRects().length === 0);
  }
  function revealTarget(filter) {
    var id = fromAddress();
    if (filter.querySelector('button[data-thread="' + id + '"]')) return false;
    var target = document.getElementById(id);
    if (!target || !hiddenByFilter(target)) return false;
    apply(filter, "all");
    target.scrollIntoView();
    return true;
  }
  // Written only when it changes, and removed (the stylesheet's fallback is 0) where the controls do not stick:
  // a custom property set on <html> makes the browser recalculate the style of every element of the page.
  function measureControls() {
    var controls = document.querySelector(".timeline-controls");
    if (!controls) return;
    var root = document.documentElement.style;
    var height = getComputedStyle(controls).position === "sticky" ? controls.offsetHeight + "px" : "";
    if (root.getPropertyValue("--timeline-controls-height") === height) return;
    if (height) root.setProperty("--timeline-controls-height", height);
    else root.removeProperty("--timeline-controls-height");
  }
  function setup() {
    measureControls();
    window.addEventListener("resize", measureControls);
    document.querySelectorAll(".thread-filter").forEach(function (filter) {
      filter.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-thread]");
        if (!button) return;
        var thread = button.getAttribute("data-thread");
        apply(filter, thread);
        var address = location.pathname + location.search + (thread === "all" ? "" : "#" + thread);
        history.replaceState(null, "", address);
      });
      var thread = fromAddress();
      if (filter.querySelector('button[data-thread="' + thread + '"]')) apply(filter, thread);
      window.addEventListener("hashchange", function () {
        var chosen = fromAddress();
        if (filter.querySelector('button[data-thread="' + chosen + '"]')) apply(filter, chosen);
        else revealTarget(filter);
      });
      // A click on a link to the current address fires no hashchange: the target may still be hidden.
      document.addEventListener("click", function (event) {
        var link = event.target.closest && event.target.closest('a[href^="#"]');
        if (link && link.getAttribute("href") === location.hash) setTimeout(function () { revealTarget(filter); });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
