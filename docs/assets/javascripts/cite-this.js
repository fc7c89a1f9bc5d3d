// "Cite this page" on a source page: a reader who arrived at a paragraph (#p-4, or a quote in it, #p-4-q1) gets
// that paragraph named in the plain-text citation, so the copy button copies it too. Without script: no paragraph.
(function () {
  function update() {
    var match = /^#p-(\d+)(?:-q\d+)?$/.exec(window.location.hash);
    document.querySelectorAll(".cite-this .cite-paragraph").forEach(function (span) {
      span.textContent = match ? " Paragraph " + match[1] + "." : "";
    });
  }
  window.addEventListener("hashchange", update);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", update);
  else update();
})();
