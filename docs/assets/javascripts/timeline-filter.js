// Timeline thread filter: the buttons above a timeline show one thread only (or all). Without script, all show.
(function () {
  function setup() {
    document.querySelectorAll(".thread-filter").forEach(function (filter) {
      var timeline = filter.parentElement.querySelector(".nt-timeline");
      if (!timeline) return;
      filter.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-thread]");
        if (!button) return;
        var thread = button.getAttribute("data-thread");
        filter.querySelectorAll("button[data-thread]").forEach(function (other) {
          other.setAttribute("aria-pressed", String(other === button));
        });
        if (thread === "all") timeline.removeAttribute("data-show");
        else timeline.setAttribute("data-show", "thread-" + thread);
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
