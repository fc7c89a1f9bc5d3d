// Citation previews and glossary definitions, built when a reader points at them. Pointing at, focusing or tapping
// a citation marker shows its note (the source and the quoted words) in place; a glossary term shows its
// definition. Material can do both itself (content.footnote.tooltips, content.tooltips), but it mounts a tooltip
// for every marker and term as the page loads: on the timeline's 68 markers and 45 terms that was most of a phone's
// blocking time (Lighthouse, 4x CPU throttling). Here one set of listeners serves the whole page, and a tooltip is
// built only when pointed at. It is Material's own markup (div.md-tooltip2, role "dialog" for a note, "tooltip"
// for a definition, placed through the same CSS variables), so it looks, fades and sits where Material's did.
// Material still mounts its tooltips for everything else (header, copy buttons); it skips the page's glossary
// terms because this script marks them data-preview first (Material mounts `[title]:not([data-preview])`, and
// reads data-preview only on links), before DOMContentLoaded, when Material mounts.
(function () {
  var KINDS = [
    // A note: kept open for 250 ms after the pointer leaves, time to move into it (its links can be followed).
    { selector: "a.footnote-ref", role: "dialog", linger: 250 },
    { selector: ".md-content abbr[data-preview]", role: "tooltip", linger: 0 }
  ];
  var made = 0;
  var states = new Map(); // element → its tooltip's state, while the tooltip is in the page

  document.querySelectorAll(".md-content abbr[title]").forEach(function (term) {
    term.setAttribute("data-preview", "");
  });

  function hostOf(node) {
    if (!node || !node.closest) return null;
    for (var i = 0; i < KINDS.length; i++) {
      var host = node.closest(KINDS[i].selector);
      if (host) return { element: host, kind: KINDS[i] };
    }
    return null;
  }

  function stateOf(found) {
    var state = states.get(found.element);
    if (!state) {
      state = { host: found.element, kind: found.kind, hover: false, focus: false, inside: false, tooltip: null, at: null,
                title: null, timers: {} };
      states.set(found.element, state);
    }
    return state;
  }

  function later(state, name, delay, action) {
    clearTimeout(state.timers[name]);
    state.timers[name] = delay === null ? undefined : setTimeout(action, delay);
  }

  function contents(state) {
    if (state.kind.role === "tooltip") {
      // The definition as text (never markup), and no browser tooltip of its own beside it while shown.
      state.title = state.host.getAttribute("title");
      state.host.removeAttribute("title");
      return [document.createTextNode(state.title)];
    }
    var note = document.getElementById(new URL(state.host.href).hash.slice(1));
    return note ? Array.prototype.slice.call(note.cloneNode(true).children) : null;
  }

  function build(state) {
    var children = contents(state);
    if (!children) return null;
    var tooltip = document.createElement("div");
    tooltip.className = "md-tooltip2";
    tooltip.setAttribute("role", state.kind.role);
    tooltip.id = "explainer-tooltip-" + made++;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.append.apply(inner, children);
    tooltip.append(inner);
    tooltip.addEventListener("mouseenter", function () {
      later(state, "inside", null);
      state.inside = true;
      update(state);
    });
    tooltip.addEventListener("mouseleave", function () {
      later(state, "inside", 250, function () {
        state.inside = false;
        update(state);
      });
    });
    document.body.append(tooltip);
    return tooltip;
  }

  function place(state, moved) {
    var rect = state.host.getBoundingClientRect();
    // Where the element is in the page, taken when its tooltip is made (before a term's title is taken: a term
    // without one loses the taller tap target of a touch screen) and again only when the page reflows or scrolls,
    // as Material does.
    if (moved || !state.at) state.at = { x: rect.x + window.scrollX, y: rect.y + window.scrollY };
    var tooltip = state.tooltip;
    var y;
    if (state.kind.role === "tooltip") {
      y = 8 + rect.height;
      tooltip.style.setProperty("--md-tooltip-width", tooltip.firstElementChild.offsetWidth + "px");
      tooltip.style.setProperty("--md-tooltip-tail", "0px");
    } else {
      y = rect.y >= window.innerHeight / 2 ? -16 - tooltip.offsetHeight : 16 + rect.height;
    }
    tooltip.style.setProperty("--md-tooltip-host-x", state.at.x + "px");
    tooltip.style.setProperty("--md-tooltip-host-y", state.at.y + "px");
    tooltip.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    tooltip.style.setProperty("--md-tooltip-y", y + "px");
    tooltip.classList.toggle("md-tooltip2--top", y < 0);
    tooltip.classList.toggle("md-tooltip2--bottom", y >= 0);
  }

  function shown(state) {
    return state.hover || state.focus || state.inside;
  }

  function update(state) {
    var host = state.host;
    if (shown(state)) {
      later(state, "remove", null);
      if (!state.at) {
        var rect = host.getBoundingClientRect();
        state.at = { x: rect.x + window.scrollX, y: rect.y + window.scrollY };
      }
      if (!state.tooltip) state.tooltip = build(state);
      if (!state.tooltip) return;
      place(state, false);
      if (state.kind.role === "dialog") {
        host.setAttribute("aria-controls", state.tooltip.id);
        host.setAttribute("aria-haspopup", "dialog");
      } else {
        host.setAttribute("aria-describedby", state.tooltip.id);
      }
      // Shown on the next frame, so that it fades in from where it was placed (Material's transition).
      requestAnimationFrame(function () {
        if (state.tooltip) state.tooltip.classList.toggle("md-tooltip2--active", shown(state));
      });
    } else if (state.tooltip) {
      host.removeAttribute("aria-controls");
      host.removeAttribute("aria-haspopup");
      host.removeAttribute("aria-describedby");
      state.tooltip.classList.remove("md-tooltip2--active");
      later(state, "remove", 250, function () {  // once faded out
        if (state.tooltip) state.tooltip.remove();
        if (state.title !== null) host.setAttribute("title", state.title);
        states.delete(host);
      });
    }
  }

  document.addEventListener("mouseover", function (event) {
    var found = hostOf(event.target);
    if (!found || found.element.contains(event.relatedTarget)) return;
    var state = stateOf(found);
    later(state, "hover", null);
    state.hover = true;
    update(state);
  });
  document.addEventListener("mouseout", function (event) {
    var found = hostOf(event.target);
    if (!found || found.element.contains(event.relatedTarget) || !states.has(found.element)) return;
    var state = states.get(found.element);
    later(state, "hover", state.kind.linger, function () {
      state.hover = false;
      update(state);
    });
  });
  document.addEventListener("focusin", function (event) {
    var found = hostOf(event.target);
    if (!found) return;
    var state = stateOf(found);
    state.focus = true;
    update(state);
  });
  document.addEventListener("focusout", function (event) {
    var found = hostOf(event.target);
    if (!found || !states.has(found.element) || found.element.contains(event.relatedTarget)) return;
    var state = states.get(found.element);
    state.focus = false;
    update(state);
  });
  // A tooltip stays by its element when the window changes size (the text reflows) or a wide table scrolls.
  function replace() {
    states.forEach(function (state) {
      if (state.tooltip) place(state, true);
    });
  }
  window.addEventListener("resize", replace);
  document.addEventListener("scroll", replace, { capture: true, passive: true });
})();
