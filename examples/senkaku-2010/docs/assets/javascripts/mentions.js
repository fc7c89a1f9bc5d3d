// An entity's full mention list, on request. The page quotes the first mentions; "Show all N mentions" loads the
// rest from the entity's data file (entities/<id>.mentions.js, written by the converter) through a <script> tag,
// which works from file:// where fetch() of a local file is refused, and which the content security policy allows
// as a file of the site ('self'). The list then replaces the quoted one: every mention with its paragraph link, a
// box that keeps the mentions holding the words typed, and an order by the article's date. Text is set with
// textContent, never as HTML. Only pages with such a list load this script; without script the button stays hidden.
(function () {
  var number = new Intl.NumberFormat("en-GB");

  function words(text) {
    return text.toLowerCase().replace(/\s+/g, " ").trim();
  }

  function item(source, paragraph, sentence) {
    var li = document.createElement("li");
    var link = document.createElement("a");
    link.href = source[0] + "#p-" + paragraph;
    link.textContent = source[1] + ", \u00b6" + paragraph;
    li.append("\u201c" + sentence + "\u201d \u2014 ", link);
    return li;
  }

  function control(labelText, field) {
    var label = document.createElement("label");
    label.append(labelText + " ", field);
    return label;
  }

  function show(block, data, button) {
    var entries = data.mentions.map(function (row, at) {
      var source = data.sources[row[0]];
      var li = item(source, row[1], row[2]);
      return { li: li, at: at, date: source[2], text: words(row[2] + " " + source[1]) };
    });
    var box = document.createElement("input");
    box.type = "search";
    box.className = "md-input mention-list__filter";
    box.setAttribute("autocomplete", "off");
    var order = document.createElement("select");
    order.className = "mention-list__order";
    [["oldest", "Oldest first"], ["newest", "Newest first"]].forEach(function (choice) {
      order.add(new Option(choice[1], choice[0]));
    });
    var controls = document.createElement("div");
    controls.className = "mention-list__controls";
    controls.append(control("Find in the mentions", box), control("Order", order));
    var status = document.createElement("p");
    status.className = "mention-list__status";
    status.setAttribute("role", "status");
    var list = document.createElement("ul");
    list.className = "mention-list__all";

    function filter() {
      var wanted = words(box.value);
      var shown = 0;
      entries.forEach(function (entry) {
        entry.li.hidden = wanted !== "" && entry.text.indexOf(wanted) < 0;
        if (!entry.li.hidden) shown += 1;
      });
      status.textContent = "Showing " + number.format(shown) + " of " + number.format(entries.length) + " mentions" +
        (wanted ? " holding \u201c" + box.value.trim() + "\u201d" : "") + ".";
    }
    function sort() {
      var newest = order.value === "newest";
      // Oldest first is the articles' order; an article of unknown date comes last either way.
      var sorted = entries.slice().sort(function (a, b) {
        if (a.date !== b.date) {
          if (!a.date) return 1;
          if (!b.date) return -1;
          return (a.date < b.date ? -1 : 1) * (newest ? -1 : 1);
        }
        return a.at - b.at;
      });
      var fragment = document.createDocumentFragment();
      sorted.forEach(function (entry) { fragment.appendChild(entry.li); });
      list.appendChild(fragment);
    }
    box.addEventListener("input", filter);
    order.addEventListener("change", sort);
    sort();
    filter();
    var quoted = block.querySelector("ul");
    if (quoted) quoted.remove();
    block.append(controls, status, list);
    button.parentNode.hidden = true;
    box.focus();
  }

  function load(block, button) {
    var entity = block.getAttribute("data-entity");
    button.disabled = true;
    button.textContent = "Loading the mentions\u2026";
    var script = document.createElement("script");
    script.src = block.getAttribute("data-mentions");
    script.onload = function () {
      var data = (window.explainerMentions || {})[entity];
      if (data) show(block, data, button);
      else script.onerror();
    };
    script.onerror = function () {
      button.textContent = "The full list could not be loaded";
    };
    document.head.appendChild(script);
  }

  document.querySelectorAll(".mention-list[data-mentions]").forEach(function (block) {
    var more = block.nextElementSibling;
    var button = more && more.querySelector("button");
    if (!button) return;
    more.hidden = false;
    button.addEventListener("click", function () { load(block, button); });
  });
})();
