// "Cite this page": a reader who arrived at a paragraph of a source page (#p-4, or a quote in it, #p-4-q1) gets
// that paragraph named in the plain-text citation, so the copy button copies it too. Without script: no paragraph.
// Material wraps each copy button in a <nav>; several unnamed navs on a page are one landmark too many (axe
// landmark-unique), so each is named by the format it copies, as Material mounts it.
(function () {
  function update() {
    var match = /^#p-(\d+)(?:-q\d+)?$/.exec(window.location.hash);
    document.querySelectorAll(".cite-this .cite-paragraph").forEach(function (span) {
      span.textContent = match ? " Paragraph " + match[1] + "." : "";
    });
  }
  function name(box) {
    box.querySelectorAll("pre").forEach(function (pre) {
      var nav = pre.querySelector(".md-code__nav");
      var label = pre.previousElementSibling;
      if (nav && label && !nav.hasAttribute("aria-label")) nav.setAttribute("aria-label", "Copy " + label.textContent);
    });
  }
  function setup() {
    update();
    document.querySelectorAll(".cite-this").forEach(function (box) {
      name(box);
      new MutationObserver(function () { name(box); }).observe(box, { childList: true, subtree: true });
    });
  }
  window.addEventListener("hashchange", update);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
