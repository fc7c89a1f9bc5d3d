// "Copy citation" on source pages: select words in a paragraph of the article text and a button offers the
// citation an editor pastes into the narrative or the data, [@key: "the selected words"]. The quote is trimmed
// to the paragraph the selection starts in (a citation quotes one paragraph), whitespace folded; a straight
// double quote becomes a curly one, which the build reads as the same mark. The key is the page's file name.
// The button is absolutely placed inside the paragraph (already position: relative), so nothing moves; it is a
// real button in the tab order after the paragraph's number link, and Escape dismisses it. Works from file://
// (the clipboard API where the page may use it, else the copy command on a temporary text field).
(function () {
  var button = null;
  var status = null;

  function sourceKey() {
    var file = decodeURIComponent(window.location.pathname.split("/").pop() || "");
    return file.replace(/\.html?$/, "");
  }

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    var paragraph = element && element.closest(".article-text p.para");
    return paragraph || null;
  }

  function quoteOf(selection) {
    if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    var range = selection.getRangeAt(0);
    var paragraph = paragraphOf(range.startContainer);
    if (!paragraph) return null;
    var trimmed = range.cloneRange();
    if (!paragraph.contains(range.endContainer)) trimmed.setEnd(paragraph, paragraph.childNodes.length);
    var fragment = trimmed.cloneContents();
    fragment.querySelectorAll(".copy-citation").forEach(function (el) { el.remove(); });
    var text = (fragment.textContent || "").replace(/\s+/g, " ").trim().replace(/"/g, "\u201d");
    if (!text) return null;
    var rects = trimmed.getClientRects();
    return { paragraph: paragraph, text: text, rect: rects.length ? rects[rects.length - 1] : paragraph.getBoundingClientRect() };
  }

  function hide() {
    if (button && button.parentNode) button.parentNode.removeChild(button);
  }

  function show(found) {
    if (!button) {
      button = document.createElement("button");
      button.type = "button";
      button.className = "copy-citation md-button";
      button.addEventListener("mousedown", function (event) { event.preventDefault(); }); // keep the selection
      button.addEventListener("click", function () { copy(button.getAttribute("data-citation")); });
      button.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
    }
    var citation = "[@" + sourceKey() + ': "' + found.text + '"]';
    button.setAttribute("data-citation", citation);
    button.textContent = "Copy citation";
    button.setAttribute("aria-label", "Copy citation: " + citation);
    var box = found.paragraph.getBoundingClientRect();
    // Moved only when the paragraph changes: moving it would shift the selection's offsets and fire again.
    if (button.parentNode !== found.paragraph) found.paragraph.appendChild(button);
    var left = Math.max(0, Math.min(found.rect.left - box.left, box.width - button.offsetWidth));
    button.style.left = left + "px";
    button.style.top = found.rect.bottom - box.top + 4 + "px";
  }

  function announce(text) {
    if (status) status.textContent = text;
  }

  function copied(ok) {
    if (!button) return;
    button.textContent = ok ? "Citation copied" : "Copy failed: select and copy it by hand";
    announce(ok ? "Citation copied" : "Copy failed");
  }

  function copyByCommand(text) {
    var selection = window.getSelection();
    var saved = selection.rangeCount ? selection.getRangeAt(0).cloneRange() : null;
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "copy-citation-field";
    document.body.appendChild(field);
    field.select();
    var ok = false;
    try { ok = document.execCommand("copy"); } catch (error) { ok = false; }
    document.body.removeChild(field);
    if (saved) { selection.removeAllRanges(); selection.addRange(saved); }
    if (button) button.focus();
    copied(ok);
  }

  function copy(text) {
    if (!text) return;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(true); }, function () { copyByCommand(text); });
    } else {
      copyByCommand(text);
    }
  }

  var pending = 0;
  var dragging = false; // while the mouse selects, the button waits: it would sit in the way of the pointer
  function schedule() {
    if (!pending) pending = window.setTimeout(update, 120);
  }
  function update() {
    pending = 0;
    if (dragging) return;
    if (button && document.activeElement === button) return; // the reader is on the button: leave it be
    var found = quoteOf(window.getSelection());
    if (found) show(found);
    else hide();
  }

  function setup() {
    var article = document.querySelector(".article-text");
    if (!article) return;
    status = document.createElement("span");
    status.className = "copy-citation-status";
    status.setAttribute("role", "status");
    article.appendChild(status);
    document.addEventListener("selectionchange", schedule);
    document.addEventListener("mousedown", function (event) {
      if (event.button === 0 && !(button && button.contains(event.target))) dragging = true;
    });
    document.addEventListener("mouseup", function () {
      dragging = false;
      schedule();
    });
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") hide(); });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
