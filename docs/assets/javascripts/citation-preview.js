// Citation previews: pointing at, focusing or tapping a citation marker shows its note (the source and the quoted
// words) in place. Material can do this itself (content.footnote.tooltips), but it mounts a tooltip for every
// marker as the page loads: on the timeline's 68 markers that was about 450 ms of a phone's main thread
// (Lighthouse, 4x CPU throttling), the largest part of its blocking time. Here one set of listeners serves the
// whole page, and a preview is built from its note only when a marker is pointed at. The preview is Material's own
// markup (a div.md-tooltip2 of role "dialog", placed through the same CSS variables), so it looks, fades and sits
// where Material's did: below the marker in the upper half of the window, above it in the lower half.
(function () {
  var HIDE_AFTER = 250; // ms: time to move the pointer from the marker into its preview, as in Material
  var made = 0;
  var states = new Map(); // marker → its preview's state, while the preview is in the page

  function markerOf(node) {
    return node && node.closest ? node.closest("a.footnote-ref") : null;
  }

  function stateOf(marker) {
    var state = states.get(marker);
    if (!state) {
      state = { marker: marker, hover: false, focus: false, inside: false, tooltip: null, timers: {} };
      states.set(marker, state);
    }
    return state;
  }

  function later(state, name, delay, action) {
    clearTimeout(state.timers[name]);
    state.timers[name] = delay === null ? undefined : setTimeout(action, delay);
  }

  function build(state) {
    var note = document.getElementById(new URL(state.marker.href).hash.slice(1));
    if (!note) return null;
    var tooltip = document.createElement("div");
    tooltip.className = "md-tooltip2";
    tooltip.setAttribute("role", "dialog");
    tooltip.id = "citation-preview-" + made++;
    var inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    Array.prototype.forEach.call(note.cloneNode(true).children, function (child) {
      inner.append(child);
    });
    tooltip.append(inner);
    tooltip.addEventListener("mouseenter", function () {
      later(state, "inside", null);
      state.inside = true;
      update(state);
    });
    tooltip.addEventListener("mouseleave", function () {
      later(state, "inside", HIDE_AFTER, function () {
        state.inside = false;
        update(state);
      });
    });
    document.body.append(tooltip);
    return tooltip;
  }

  function place(state) {
    var rect = state.marker.getBoundingClientRect();
    var tooltip = state.tooltip;
    var y = rect.y >= window.innerHeight / 2 ? -16 - tooltip.offsetHeight : 16 + rect.height;
    tooltip.style.setProperty("--md-tooltip-host-x", rect.x + window.scrollX + "px");
    tooltip.style.setProperty("--md-tooltip-host-y", rect.y + window.scrollY + "px");
    tooltip.style.setProperty("--md-tooltip-x", rect.width / 2 + "px");
    tooltip.style.setProperty("--md-tooltip-y", y + "px");
    tooltip.classList.toggle("md-tooltip2--top", y < 0);
    tooltip.classList.toggle("md-tooltip2--bottom", y >= 0);
  }

  function update(state) {
    var marker = state.marker;
    if (state.hover || state.focus || state.inside) {
      later(state, "remove", null);
      if (!state.tooltip) state.tooltip = build(state);
      if (!state.tooltip) return;
      place(state);
      marker.setAttribute("aria-controls", state.tooltip.id);
      marker.setAttribute("aria-haspopup", "dialog");
      // Shown on the next frame, so that it fades in from where it was placed (Material's transition).
      requestAnimationFrame(function () {
        if (state.tooltip) state.tooltip.classList.toggle("md-tooltip2--active", state.hover || state.focus || state.inside);
      });
    } else if (state.tooltip) {
      marker.removeAttribute("aria-controls");
      marker.removeAttribute("aria-haspopup");
      state.tooltip.classList.remove("md-tooltip2--active");
      later(state, "remove", HIDE_AFTER, function () {
        if (state.tooltip) state.tooltip.remove();
        state.tooltip = null;
        states.delete(marker);
      });
    }
  }

  document.addEventListener("mouseover", function (event) {
    var marker = markerOf(event.target);
    if (!marker || marker.contains(event.relatedTarget)) return;
    var state = stateOf(marker);
    later(state, "hover", null);
    state.hover = true;
    update(state);
  });
  document.addEventListener("mouseout", function (event) {
    var marker = markerOf(event.target);
    if (!marker || marker.contains(event.relatedTarget) || !states.has(marker)) return;
    var state = states.get(marker);
    later(state, "hover", HIDE_AFTER, function () {
      state.hover = false;
      update(state);
    });
  });
  document.addEventListener("focusin", function (event) {
    var marker = markerOf(event.target);
    if (!marker) return;
    var state = stateOf(marker);
    state.focus = true;
    update(state);
  });
  document.addEventListener("focusout", function (event) {
    var marker = markerOf(event.target);
    if (!marker || !states.has(marker) || marker.contains(event.relatedTarget)) return;
    var state = states.get(marker);
    state.focus = false;
    update(state);
  });
  // A preview stays by its marker when the window changes size (the text reflows) or a wide table scrolls.
  function replace() {
    states.forEach(function (state) {
      if (state.tooltip) place(state);
    });
  }
  window.addEventListener("resize", replace);
  document.addEventListener("scroll", replace, { capture: true, passive: true });
})();
