// Timeline thread filter: the buttons show one thread only (or all). The choice is kept in the address
// (timeline.html#fallout), so a link can open the timeline filtered and Back returns to it; a year whose events
// are all hidden hides its heading too. Without script, everything shows.
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
  function setup() {
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
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
