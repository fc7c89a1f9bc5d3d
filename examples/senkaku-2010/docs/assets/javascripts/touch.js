// On a touch screen a tap on a citation marker shows its preview in place, as pointing at it does with a mouse,
// instead of jumping to the notes at the bottom; a second tap on the same marker follows it. Glossary terms
// (not those inside links, which stay links) take focus on tap, which shows their definition.
(function () {
  function touch(event) {
    return event.pointerType === "touch" || window.matchMedia("(pointer: coarse)").matches;
  }
  function setup() {
    document.querySelectorAll(".md-typeset abbr[title]").forEach(function (term) {
      if (!term.closest("a")) term.tabIndex = 0;
    });
    var previewed = null;
    document.addEventListener(
      "click",
      function (event) {
        var marker = event.target.closest && event.target.closest("a.footnote-ref");
        if (!marker || !touch(event) || previewed === marker) return;
        event.preventDefault();
        previewed = marker;
        marker.blur();
        marker.focus();
      },
      true
    );
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
