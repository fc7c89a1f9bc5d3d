// Search results show native-script names as the search index holds them: plain text, no language. Mark each
// run of Han, kana or Hangul in a result with the language of the name it belongs to (assets/native-names.js,
// written by the converter from entities.yml), as the pages do, so the right glyphs and voice follow there too.
(function () {
  var names = window.explainerNativeNames || {};
  var keys = Object.keys(names);
  // The names' fonts (@font-face rules): linked by the pages that show a native name, and here by any other page
  // once its search results show one.
  var FONTS = new URL("../vendor/fonts/native.css", document.currentScript.src).href;
  var RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7a3]+/g;

  function languageOf(run) {
    // Material highlights the words a reader typed, which can split a name: a part takes its whole name's language.
    for (var i = 0; i < keys.length; i++) if (keys[i].indexOf(run) !== -1) return names[keys[i]];
    return /^[\uac00-\ud7a3]+$/.test(run) ? "ko" : null;
  }

  function mark(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var found = [];
    while (walker.nextNode()) {
      var node = walker.currentNode;
      RUN.lastIndex = 0;
      if (RUN.test(node.data) && node.parentElement.closest("[lang]") === document.documentElement) found.push(node);
    }
    found.forEach(function (node) {
      var text = node.data, at = 0, parts = document.createDocumentFragment(), match;
      RUN.lastIndex = 0;
      while ((match = RUN.exec(text))) {
        var lang = languageOf(match[0]);
        if (!lang) continue;
        parts.append(text.slice(at, match.index));
        var span = document.createElement("span");
        span.lang = lang;
        span.textContent = match[0];
        parts.append(span);
        at = match.index + match[0].length;
      }
      if (at === 0) return;
      parts.append(text.slice(at));
      node.replaceWith(parts);
      fonts();
    });
  }

  function fonts() {
    var linked = Array.prototype.some.call(document.querySelectorAll('link[rel="stylesheet"]'), function (link) {
      return link.href === FONTS;
    });
    if (linked) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = FONTS;
    document.head.append(link);
  }

  function watch() {
    var results = document.querySelector(".md-search-result");
    if (!results) return;
    // Marking changes the list again; the second pass finds every run marked already and changes nothing.
    new MutationObserver(function () { mark(results); }).observe(results, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
