// The review screen: split, merge and remove cards, add a directive (from selected minutes text
// or empty), add departments from the list, move between the highlighted passages of the minutes
// with the arrow keys, and say in the status line what each of these did.
// Without it the form still works, one card at a time.
(function () {
  "use strict";
  var form = document.getElementById("review-form");
  var cards = document.getElementById("cards");
  var source = document.getElementById("minutes-source");
  var addButton = document.getElementById("add-selection");
  var template = document.getElementById("new-card");
  var list = document.getElementById("department-list");
  var status = document.getElementById("review-status");
  var counter = document.getElementById("accepted-count");
  var SEPARATOR = " — ";
  if (!form || !cards || !source) { return; }

  var nextIndex = 0;
  cards.querySelectorAll(".review-card").forEach(function (card) {
    nextIndex = Math.max(nextIndex, Number(card.dataset.index) + 1);
  });

  function allCards() { return Array.prototype.slice.call(cards.querySelectorAll(".review-card")); }

  function field(card, name) {
    return card.querySelector("[name='cards-" + card.dataset.index + "-" + name + "']");
  }

  function numberOf(card) { return allCards().indexOf(card) + 1; }

  // Messages come translated from the page, with {name} where a value goes.
  function message(key, values) {
    var text = (status && status.dataset[key]) || "";
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function announce(key, values) {
    if (!status) { return; }
    var text = message(key, values || {});
    status.textContent = "";
    // A fresh text node after a pause makes screen readers repeat a message said before.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }

  function countAccepted() {
    if (!counter) { return; }
    var boxes = cards.querySelectorAll(".accept input[type=checkbox]");
    var ticked = cards.querySelectorAll(".accept input[type=checkbox]:checked").length;
    counter.textContent = counter.dataset.template
      .replace("{accepted}", String(ticked)).replace("{total}", String(boxes.length));
    counter.hidden = boxes.length === 0;
  }

  function renumber() {
    var all = allCards();
    all.forEach(function (card, position) {
      card.querySelector(".card-number").textContent = String(position + 1);
      var merge = card.querySelector("[data-action='merge']");
      if (merge) { merge.hidden = position === all.length - 1; }  // nothing follows the last
    });
    var empty = document.getElementById("no-cards");
    if (empty) { empty.hidden = all.length > 0; }
    countAccepted();
  }

  function reindex(card, index) {
    var old = "cards-" + card.dataset.index + "-";
    var fresh = "cards-" + index + "-";
    card.querySelectorAll("[name], [id], [for], [aria-describedby]").forEach(function (element) {
      ["name", "id", "for"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value && value.indexOf(old) === 0) {
          element.setAttribute(attribute, fresh + value.slice(old.length));
        }
      });
      var described = element.getAttribute("aria-describedby");
      if (described) {
        element.setAttribute("aria-describedby", described.split(" ").map(function (id) {
          return id.indexOf(old) === 0 ? fresh + id.slice(old.length) : id;
        }).join(" "));
      }
    });
    var title = card.querySelector("h3");
    title.id = "card-" + index + "-title";
    card.setAttribute("aria-labelledby", title.id);
    card.id = "card-" + index;
    card.dataset.index = String(index);
  }

  function copyValues(from, to) {
    var a = from.querySelectorAll("input, textarea, select");
    var b = to.querySelectorAll("input, textarea, select");
    for (var i = 0; i < a.length; i += 1) {
      if (a[i].type === "checkbox") { b[i].checked = a[i].checked; } else { b[i].value = a[i].value; }
    }
  }

  function focusText(card, atStart) {
    var text = field(card, "action_text");
    text.focus();
    var at = atStart ? 0 : text.value.length;
    text.setSelectionRange(at, at);
  }

  // Offsets count characters (code points), as the server does.
  function sourceChars() { return Array.from(source.textContent); }

  function split(card) {
    var text = field(card, "action_text");
    var copy = card.cloneNode(true);
    copyValues(card, copy);
    copy.classList.remove("is-confirmed");
    var note = copy.querySelector(".note-inline");
    if (note) { note.remove(); }
    reindex(copy, nextIndex);
    nextIndex += 1;
    var chars = Array.from(text.value);
    var caret = Array.from(text.value.slice(0, text.selectionStart)).length;
    var before = chars.slice(0, caret).join("");
    var after = chars.slice(caret).join("");
    if (before.trim() && after.trim()) {
      // Split at the cursor; while the action is still the passage of the minutes word for
      // word, each part keeps its own piece of the passage.
      var start = field(card, "start");
      var end = field(card, "end");
      if (start && end && start.value !== "" && end.value !== "") {
        var from = Number(start.value);
        var to = Number(end.value);
        var quoted = sourceChars().slice(from, to);
        if (quoted.join("") === text.value) {
          var firstEnd = from + caret;
          while (firstEnd > from && /\s/.test(quoted[firstEnd - from - 1])) { firstEnd -= 1; }
          var secondStart = from + caret;
          while (secondStart < to && /\s/.test(quoted[secondStart - from])) { secondStart += 1; }
          end.value = String(firstEnd);
          field(copy, "start").value = String(secondStart);
        }
      }
      text.value = before.trim();
      field(copy, "action_text").value = after.trim();
    }
    card.after(copy);
    copy.querySelector(".card-tools").hidden = false;
    renumber();
    focusText(copy, true);
    announce("split", { number: numberOf(card), next: numberOf(copy) });
  }

  function merge(card) {
    var next = card.nextElementSibling;
    if (!next || !next.classList.contains("review-card")) { return; }
    var number = numberOf(card);
    var nextNumber = numberOf(next);
    var text = field(card, "action_text");
    text.value = (text.value.trim() + " " + field(next, "action_text").value.trim()).trim();
    var chosen = card.querySelector(".chosen-departments");
    next.querySelectorAll(".chosen-departments input:checked").forEach(function (box) {
      if (!chosen.querySelector("input[value='" + box.value + "']")) {
        addDepartment(card, box.value, box.parentNode.textContent.trim());
      }
    });
    var start = field(card, "start");
    var end = field(card, "end");
    var nextStart = field(next, "start");
    var nextEnd = field(next, "end");
    if (start && nextStart && nextStart.value !== "") {
      start.value = start.value === "" ? nextStart.value
        : String(Math.min(Number(start.value), Number(nextStart.value)));
      end.value = end.value === "" ? nextEnd.value
        : String(Math.max(Number(end.value), Number(nextEnd.value)));
    }
    source.querySelectorAll("mark[data-card='" + next.dataset.index + "']").forEach(function (mark) {
      mark.dataset.card = card.dataset.index;
    });
    next.remove();
    renumber();
    focusText(card, false);
    announce("merge", { number: number, next: nextNumber });
  }

  function remove(card) {
    var number = numberOf(card);
    var after = card.nextElementSibling || card.previousElementSibling;
    card.remove();
    renumber();
    if (after && after.classList.contains("review-card")) {
      focusText(after, false);
    } else {
      addButton.focus();
    }
    announce("remove", { number: number });
  }

  function addDepartment(card, id, label) {
    var chosen = card.querySelector(".chosen-departments");
    var existing = chosen.querySelector("input[value='" + id + "']");
    if (existing) { existing.checked = true; return existing; }
    var item = document.createElement("li");
    var wrapper = document.createElement("label");
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = "cards-" + card.dataset.index + "-departments";
    box.value = id;
    box.checked = true;
    wrapper.appendChild(box);
    wrapper.appendChild(document.createTextNode(" " + label));
    item.appendChild(wrapper);
    chosen.appendChild(item);
    return box;
  }

  function optionLabel(option) {
    return option.dataset.name || option.value.split(SEPARATOR)[1] || option.value;
  }

  // Find the department a typed entry means: the list entry, its code, either name, or the one
  // entry that contains what was typed. Returns the option, "several" or null.
  function findOption(typed) {
    var wanted = typed.trim().toLocaleLowerCase();
    if (!wanted || !list) { return null; }
    var options = Array.prototype.slice.call(list.options);
    var head = wanted.split(SEPARATOR)[0].trim();
    var named = options.filter(function (option) {
      var value = option.value.toLocaleLowerCase();
      var code = value.split(SEPARATOR)[0];
      var names = value.slice(code.length + SEPARATOR.length).split(" / ");
      return value === wanted || code === head || names.indexOf(wanted) >= 0;
    });
    if (named.length === 1) { return named[0]; }
    var partial = options.filter(function (option) {
      return option.value.toLocaleLowerCase().indexOf(wanted) >= 0;
    });
    if (partial.length === 1) { return partial[0]; }
    return partial.length > 1 ? "several" : null;
  }

  function chooseTyped(input) {
    var typed = input.value.trim();
    if (!typed) { return; }
    var option = findOption(typed);
    if (option === null || option === "several") {
      announce(option === null ? "unknown" : "several", { value: typed });
      return;
    }
    if (!input.classList.contains("add-department")) {
      input.value = option.value;  // a name the directory did not know: say what it stands for
      return;
    }
    var card = input.closest(".review-card");
    addDepartment(card, option.dataset.id, optionLabel(option));
    input.value = "";
    announce("department", { department: optionLabel(option), number: numberOf(card) });
  }

  cards.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (button) {
      var card = button.closest(".review-card");
      if (button.dataset.action === "split") { split(card); }
      if (button.dataset.action === "merge") { merge(card); }
      if (button.dataset.action === "remove") { remove(card); }
      return;
    }
    var link = event.target.closest("a.show-in-minutes");
    if (link) {
      var mark = document.getElementById(link.getAttribute("href").slice(1));
      if (mark) {
        event.preventDefault();
        focusMark(mark);
      }
    }
  });

  cards.addEventListener("change", function (event) {
    if (event.target.closest(".accept")) { countAccepted(); }
  });

  // Picking from the list fires "input" with the whole entry; acting then, not on "change"
  // (which fires on blur), keeps the layout still while the pointer is on its way to a button.
  cards.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList.contains("add-department") || !list) { return; }
    var option = Array.prototype.find.call(list.options, function (o) { return o.value === input.value; });
    if (!option) { return; }  // the server explains an unknown name when the form is sent
    var card = input.closest(".review-card");
    var box = addDepartment(card, option.dataset.id, optionLabel(option));
    input.value = "";
    box.focus();  // closes the suggestion list; the new tick can be undone at once
    announce("department", { department: optionLabel(option), number: numberOf(card) });
  });

  // Enter in a one-line field of a card would send the whole review; in a department field it
  // adds the department typed instead, and elsewhere it does nothing.
  cards.addEventListener("keydown", function (event) {
    var input = event.target;
    if (event.key !== "Enter" || input.tagName !== "INPUT" || event.isComposing) { return; }
    if (input.type === "submit" || input.type === "button") { return; }
    event.preventDefault();
    if (input.getAttribute("list") === (list && list.id)) {
      // Let a choice from the suggestion list land first.
      window.setTimeout(function () { chooseTyped(input); }, 0);
    }
  });

  // The minutes: the highlighted passages are reached with the arrow keys, and Enter goes to
  // the directive of the one that has the focus.
  function marks() { return Array.prototype.slice.call(source.querySelectorAll("mark[data-card]")); }

  function focusMark(mark) {
    mark.setAttribute("tabindex", "-1");
    mark.focus({ preventScroll: true });
    mark.scrollIntoView({ block: "nearest" });
  }

  function openCard(mark) {
    var card = document.getElementById("card-" + mark.dataset.card);
    if (card) {
      card.scrollIntoView({ block: "center" });
      focusText(card, false);
    }
  }

  source.addEventListener("keydown", function (event) {
    var all = marks();
    if (!all.length || event.altKey || event.ctrlKey || event.metaKey) { return; }
    var current = all.indexOf(document.activeElement);
    var target = null;
    if (event.key === "ArrowDown" || event.key === "ArrowRight") {
      target = all[Math.min(current + 1, all.length - 1)];
    } else if (event.key === "ArrowUp" || event.key === "ArrowLeft") {
      target = all[Math.max(current - 1, 0)];
    } else if (event.key === "Home") {
      target = all[0];
    } else if (event.key === "End") {
      target = all[all.length - 1];
    } else if ((event.key === "Enter" || event.key === " ") && current >= 0) {
      event.preventDefault();
      openCard(all[current]);
      return;
    }
    if (target) {
      event.preventDefault();
      focusMark(target);
    }
  });

  // The passage of the card being worked on stands out, and the minutes scroll to it (the
  // minutes only: the page stays where the card is).
  cards.addEventListener("focusin", function (event) {
    var card = event.target.closest(".review-card");
    marks().forEach(function (mark) {
      mark.classList.toggle("current", !!card && mark.dataset.card === card.dataset.index);
    });
    var mark = card && source.querySelector("mark.current");
    if (!mark) { return; }
    var top = mark.getBoundingClientRect().top - source.getBoundingClientRect().top;
    if (top < 0 || top + mark.offsetHeight > source.clientHeight) {
      source.scrollTop += top - source.clientHeight / 3;
    }
  });

  source.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-card]");
    if (mark && window.getSelection().isCollapsed) { openCard(mark); }
  });

  // Adding a directive: from the text selected in the minutes, or an empty one to type.
  function offsetOf(node, offset) {
    var range = document.createRange();
    range.setStart(source, 0);
    range.setEnd(node, offset);
    return Array.from(range.toString()).length;
  }

  function selectedSpan() {
    var selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) { return null; }
    var range = selection.getRangeAt(0);
    if (!source.contains(range.startContainer) || !source.contains(range.endContainer)) { return null; }
    var chars = sourceChars();
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    while (start < end && /\s/.test(chars[start])) { start += 1; }
    while (end > start && /\s/.test(chars[end - 1])) { end -= 1; }
    return end > start ? { start: start, end: end, text: chars.slice(start, end).join("") } : null;
  }

  document.addEventListener("selectionchange", function () {
    addButton.textContent = selectedSpan() === null ? addButton.dataset.labelEmpty
      : addButton.dataset.labelSelection;
  });

  addButton.addEventListener("click", function () {
    var span = selectedSpan();
    var index = nextIndex;
    nextIndex += 1;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.split("__INDEX__").join(String(index));
    var card = holder.firstElementChild;
    var after = null;
    if (span) {
      field(card, "start").value = String(span.start);
      field(card, "end").value = String(span.end);
      field(card, "action_text").value = span.text;
      after = allCards().filter(function (other) {
        var start = field(other, "start");
        return start && start.value !== "" && Number(start.value) > span.start;
      })[0];
    }
    if (after) { cards.insertBefore(card, after); } else { cards.appendChild(card); }
    renumber();
    window.getSelection().removeAllRanges();
    focusText(card, false);
    announce("add", { number: numberOf(card) });
  });

  var skip = document.getElementById("skip-to-confirm");
  if (skip) {
    skip.addEventListener("click", function (event) {
      event.preventDefault();
      form.querySelector("[type=submit]").focus();
    });
  }

  // What works only with this script is shown only with it.
  addButton.hidden = false;
  cards.querySelectorAll(".card-tools").forEach(function (tools) { tools.hidden = false; });
  ["split-hint", "minutes-hint"].forEach(function (id) {
    var hint = document.getElementById(id);
    if (hint) { hint.hidden = false; }
  });
  renumber();
})();
