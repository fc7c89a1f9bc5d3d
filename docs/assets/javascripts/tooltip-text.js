// Tooltips show text, never run it. Material (content.tooltips) renders a tooltip's text as HTML: a `title`
// (glossary terms, anything titled in a page or the header) and the text of a cut-short `.md-ellipsis` entry
// (page titles in the header, navigation and table-of-contents entries). A title or heading reading
// "<img src=x onerror=…>", typed or escaped, would run on hover. This script runs before Material mounts its
// tooltips (at DOMContentLoaded): each title Material will show is escaped once, so it shows as typed, and
// cut-short entries keep their look under another class, so Material gives them no tooltip made of their text.
(function () {
  function escape(text) {
    return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }
  function inert() {
    // The elements Material gives a title tooltip: in the page's content and header, glossary terms, the
    // repository status (see mountContent, mountHeader, mountTableOfContents in Material's bundle).
    var titled = document.querySelectorAll(
      ".md-content [title], .md-header [title], abbr[title], .md-status[title]"
    );
    titled.forEach(function (element) {
      // A glossary term marked data-preview gets its tooltip from previews.js, which shows the title as text.
      if (element.hasAttribute("data-inert-title") || element.hasAttribute("data-preview")) return;
      element.setAttribute("title", escape(element.getAttribute("title")));
      element.setAttribute("data-inert-title", "");
    });
    document.querySelectorAll(".md-ellipsis").forEach(function (element) {
      element.classList.replace("md-ellipsis", "explainer-ellipsis");
    });
  }
  // A deferred script (overrides/main.html) runs once the page is parsed, before DOMContentLoaded, when Material
  // mounts its tooltips; after the page has loaded it would be too late.
  if (document.readyState !== "complete") inert();
  else throw new Error("tooltip-text.js ran after Material mounted its tooltips");
})();
