// framing classroom: progressive enhancements. Every page works without this file; with it:
// - word marking: one Tab stop per article, arrow keys move between words (roving tabindex);
// - story view: hidden layers leave the Tab order; the selected highlight is explained in a panel;
// - teacher's activity page: submissions appear as they arrive (polling a JSON endpoint);
// - Escape hides a highlight's note (WCAG 1.4.13); confirm before deleting; a Print button.
// No inline script anywhere (the Content-Security-Policy forbids it), no network but this server.
(function () {
  "use strict";
  var body = document.body;

  // --- notes on highlights: Escape hides them, focus or hover shows them again
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { body.classList.add("tips-off"); }
  });
  document.addEventListener("focusin", function () { body.classList.remove("tips-off"); });

  // --- word marking (students' answers and the teacher's key)
  function setupWords(group) {
    var boxes = Array.prototype.slice.call(group.querySelectorAll("input[type='checkbox']"));
    // sentence of each word: the first word of a sentence carries data-s
    var sentence = [];
    var s = "0";
    boxes.forEach(function (b, i) {
      if (b.hasAttribute("data-s")) { s = b.getAttribute("data-s"); }
      sentence[i] = s;
    });
    if (!boxes.length) { return; }
    var fieldset = group.closest("fieldset");
    var counter = fieldset ? fieldset.querySelector(".counter") : null;
    var current = boxes.filter(function (b) { return b.checked; })[0] || boxes[0];
    function roving(target) {
      boxes.forEach(function (b) { b.tabIndex = (b === target) ? 0 : -1; });
      current = target;
    }
    function count() {
      if (!counter) { return; }
      var n = boxes.filter(function (b) { return b.checked; }).length;
      counter.textContent = n + (n === 1 ? " word marked" : " words marked");
    }
    function sentenceStart(index, step) {
      var here = sentence[index];
      var i = index;
      while (i >= 0 && i < boxes.length && sentence[i] === here) { i += step; }
      if (i < 0 || i >= boxes.length) { return index; }
      if (step < 0) {  // go to the first word of the previous sentence
        var t = sentence[i];
        while (i > 0 && sentence[i - 1] === t) { i -= 1; }
      }
      return i;
    }
    roving(current);
    count();
    group.addEventListener("keydown", function (event) {
      var index = boxes.indexOf(document.activeElement);
      if (index < 0) { return; }
      var next = null;
      switch (event.key) {
        case "ArrowRight": next = Math.min(boxes.length - 1, index + 1); break;
        case "ArrowLeft": next = Math.max(0, index - 1); break;
        case "ArrowDown": next = sentenceStart(index, 1); break;
        case "ArrowUp": next = sentenceStart(index, -1); break;
        case "Home": next = 0; break;
        case "End": next = boxes.length - 1; break;
        case "Enter": event.preventDefault(); boxes[index].click(); return;
        default: return;
      }
      event.preventDefault();
      roving(boxes[next]);
      boxes[next].focus();
    });
    group.addEventListener("focusin", function (event) {
      if (boxes.indexOf(event.target) >= 0) { roving(event.target); }
    });
    group.addEventListener("change", count);
  }
  Array.prototype.forEach.call(document.querySelectorAll(".words"), setupWords);

  // --- story view: layers and the detail panel
  var view = document.querySelector(".story-view");
  if (view) {
    var switches = view.querySelectorAll("input[data-layer], input[id^='cat-']");
    var syncTabOrder = function () {
      Array.prototype.forEach.call(view.querySelectorAll(".articles .hl[id]"), function (el) {
        if (!el.hasAttribute("data-tab")) {
          if (!el.hasAttribute("tabindex")) { return; }
          el.setAttribute("data-tab", "1");
        }
        var layer = (el.className.match(/\bhl-(\w+)/) || [])[1];
        var on = true;
        var box = document.getElementById("layer-" + layer);
        if (box && !box.checked) { on = false; }
        if (layer === "finding") {
          var cat = (el.className.match(/\bcat-([\w-]+)/) || [])[1];
          var catBox = cat ? document.getElementById("cat-" + cat) : null;
          if (catBox && !catBox.checked) { on = false; }
        }
        el.tabIndex = on ? 0 : -1;
      });
    };
    Array.prototype.forEach.call(switches, function (s) { s.addEventListener("change", syncTabOrder); });
    syncTabOrder();
    var panel = document.getElementById("detail-body");
    var show = function (el) {
      if (!panel || !el) { return; }
      var tip = el.querySelector(":scope > .tip");
      panel.textContent = "";
      var head = document.createElement("p");
      head.className = "words-shown";
      var words = el.cloneNode(true);
      Array.prototype.forEach.call(words.querySelectorAll(".tip, .mk"), function (n) { n.remove(); });
      head.textContent = "“" + words.textContent.trim().slice(0, 200) + "”";
      panel.appendChild(head);
      if (tip) {
        Array.prototype.forEach.call(tip.querySelectorAll(".tip-line"), function (line) {
          var p = document.createElement("p");
          p.textContent = line.textContent;
          panel.appendChild(p);
        });
      }
    };
    view.addEventListener("focusin", function (event) {
      var el = event.target.closest && event.target.closest(".hl[tabindex]");
      if (el) { show(el); }
    });
    view.addEventListener("click", function (event) {
      var el = event.target.closest && event.target.closest(".hl[tabindex]");
      if (el) { show(el); }
    });
  }

  // --- live submissions on the teacher's activity page
  var live = document.querySelector("[data-status-url]");
  if (live && window.fetch) {
    var url = live.getAttribute("data-status-url");
    var countEl = document.getElementById("live-count");
    var listEl = document.getElementById("live-list");
    var last = -1;
    var poll = function () {
      if (document.hidden) { return; }
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (data) {
          if (!data || data.submitted === last) { return; }
          last = data.submitted;
          countEl.textContent = data.submitted + " of " + data.joined + " student(s) have submitted.";
          listEl.textContent = "";
          data.submissions.forEach(function (s) {
            var li = document.createElement("li");
            li.textContent = s.nickname + " (" + s.at + ")";
            listEl.appendChild(li);
          });
        })
        .catch(function () { /* the server may be restarting: try again next time */ });
    };
    poll();
    window.setInterval(poll, 3000);
  }

  // --- confirmations and printing
  document.addEventListener("click", function (event) {
    var el = event.target.closest && event.target.closest("[data-confirm]");
    if (el && !window.confirm(el.getAttribute("data-confirm"))) { event.preventDefault(); }
  });
  Array.prototype.forEach.call(document.querySelectorAll(".js-print"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
}());
