// The review screen: split, merge and remove cards, add a directive from selected minutes text,
// and add departments from the list. Without it the form still works, one card at a time.
(function () {
  "use strict";
  var cards = document.getElementById("cards");
  var source = document.getElementById("minutes-source");
  var addButton = document.getElementById("add-selection");
  var template = document.getElementById("new-card");
  var list = document.getElementById("department-list");
  if (!cards || !source) { return; }

  var nextIndex = 0;
  cards.querySelectorAll(".review-card").forEach(function (card) {
    nextIndex = Math.max(nextIndex, Number(card.dataset.index) + 1);
  });

  function allCards() { return Array.prototype.slice.call(cards.querySelectorAll(".review-card")); }

  function renumber() {
    allCards().forEach(function (card, position) {
      card.querySelector(".card-number").textContent = String(position + 1);
    });
    var empty = document.getElementById("no-cards");
    if (empty) { empty.hidden = allCards().length > 0; }
  }

  function reindex(card, index) {
    var old = "cards-" + card.dataset.index + "-";
    var fresh = "cards-" + index + "-";
    card.querySelectorAll("[name], [id], [for]").forEach(function (element) {
      ["name", "id", "for"].forEach(function (attribute) {
        var value = element.getAttribute(attribute);
        if (value && value.indexOf(old) === 0) {
          element.setAttribute(attribute, fresh + value.slice(old.length));
        }
      });
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

  function field(card, name) {
    return card.querySelector("[name='cards-" + card.dataset.index + "-" + name + "']");
  }

  function split(card) {
    var copy = card.cloneNode(true);
    copyValues(card, copy);
    copy.classList.remove("is-confirmed");
    reindex(copy, nextIndex);
    nextIndex += 1;
    card.after(copy);
    renumber();
    field(copy, "action_text").focus();
  }

  function merge(card) {
    var next = card.nextElementSibling;
    if (!next || !next.classList.contains("review-card")) { return; }
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
    next.remove();
    renumber();
    text.focus();
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

  cards.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-action]");
    if (!button) { return; }
    var card = button.closest(".review-card");
    if (button.dataset.action === "split") { split(card); }
    if (button.dataset.action === "merge") { merge(card); }
    if (button.dataset.action === "remove") { card.remove(); renumber(); }
  });

  // Picking from the list fires "input" with the whole entry; acting then, not on "change"
  // (which fires on blur), keeps the layout still while the pointer is on its way to a button.
  cards.addEventListener("input", function (event) {
    var input = event.target;
    if (!input.classList.contains("add-department") || !list) { return; }
    var option = Array.prototype.find.call(list.options, function (o) { return o.value === input.value; });
    if (!option) { return; }  // the server explains an unknown name when the form is sent
    var label = input.value.split(" — ")[1] || input.value;
    var box = addDepartment(input.closest(".review-card"), option.dataset.id, label);
    input.value = "";
    box.focus();  // closes the suggestion list; the new tick can be undone at once
  });

  // Offsets count characters (code points), as the server does.
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
    var chars = Array.from(source.textContent);
    var start = offsetOf(range.startContainer, range.startOffset);
    var end = offsetOf(range.endContainer, range.endOffset);
    while (start < end && /\s/.test(chars[start])) { start += 1; }
    while (end > start && /\s/.test(chars[end - 1])) { end -= 1; }
    return end > start ? { start: start, end: end, text: chars.slice(start, end).join("") } : null;
  }

  document.addEventListener("selectionchange", function () {
    addButton.disabled = selectedSpan() === null;
  });

  addButton.addEventListener("click", function () {
    var span = selectedSpan();
    if (!span) { return; }
    var index = nextIndex;
    nextIndex += 1;
    var holder = document.createElement("div");
    holder.innerHTML = template.innerHTML.split("__INDEX__").join(String(index));
    var card = holder.firstElementChild;
    field(card, "start").value = String(span.start);
    field(card, "end").value = String(span.end);
    field(card, "action_text").value = span.text;
    var after = allCards().filter(function (other) {
      var start = field(other, "start");
      return start && start.value !== "" && Number(start.value) > span.start;
    })[0];
    if (after) { cards.insertBefore(card, after); } else { cards.appendChild(card); }
    renumber();
    window.getSelection().removeAllRanges();
    field(card, "action_text").focus();
  });

  source.addEventListener("click", function (event) {
    var mark = event.target.closest("mark[data-card]");
    if (!mark) { return; }
    var card = document.getElementById("card-" + mark.dataset.card);
    if (card) { card.scrollIntoView({ block: "center" }); field(card, "action_text").focus(); }
  });
})();
