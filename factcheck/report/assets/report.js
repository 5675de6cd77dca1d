(function () {
  "use strict";
  // Reads only data- attributes and text; never writes markup, so article text stays inert.
  var cards = Array.prototype.slice.call(document.querySelectorAll("article.card"));
  var form = document.getElementById("filters");
  var status = document.getElementById("filter-status");
  var noMatch = document.getElementById("no-match");

  function selected(name) {
    var el = document.getElementById("filter-" + name);
    return el ? el.value : "";
  }

  function applyFilters() {
    if (!form) { return; }
    var sev = {};
    Array.prototype.forEach.call(form.querySelectorAll("input[name=severity]"), function (box) {
      sev[box.value] = box.checked;
    });
    var rule = selected("rule"), entity = selected("entity"), metric = selected("metric");
    var terms = (selected("search") || "").toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    cards.forEach(function (card) {
      var d = card.dataset;
      var hay = d.search || "";
      var ok = sev[d.severity] !== false &&
        (!rule || d.rule === rule) &&
        (!entity || d.entity === entity) &&
        (!metric || d.metric === metric) &&
        terms.every(function (t) { return hay.indexOf(t) !== -1; });
      card.hidden = !ok;
      if (ok) { shown += 1; }
    });
    if (status) { status.textContent = shown + " of " + cards.length + " findings shown"; }
    if (noMatch) { noMatch.hidden = shown !== 0 || cards.length === 0; }
  }

  if (form) {
    form.addEventListener("input", applyFilters);
    form.addEventListener("change", applyFilters);
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.addEventListener("reset", function () { window.setTimeout(applyFilters, 0); });
  }

  // Permalinks: #<finding id> scrolls to the finding, even when a filter had hidden it.
  function showTarget() {
    var id = "";
    try { id = decodeURIComponent(window.location.hash.slice(1)); } catch (e) { return; }
    if (!id) { return; }
    var el = document.getElementById(id);
    if (!el) { return; }
    cards.forEach(function (c) { c.classList.remove("is-target"); });
    if (el.classList.contains("card")) {
      if (el.hidden && form) { form.reset(); applyFilters(); }
      el.classList.add("is-target");
    }
    var parent = el.closest("details");
    if (parent && !parent.open) { parent.open = true; }
    el.scrollIntoView({ block: el.classList.contains("card") ? "start" : "center" });
    if (typeof el.focus === "function") { el.focus({ preventScroll: true }); }
  }
  window.addEventListener("hashchange", showTarget);
  if (window.location.hash) { showTarget(); }

  // Tooltips: Escape hides the one in focus without moving focus (WCAG 1.4.13).
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    var a = document.activeElement;
    if (a && a.classList && a.classList.contains("claim") && a.parentNode) {
      a.parentNode.classList.add("tip-dismissed");
    }
  });
  document.addEventListener("focusout", function (e) {
    var t = e.target;
    if (t && t.classList && t.classList.contains("claim") && t.parentNode) {
      t.parentNode.classList.remove("tip-dismissed");
    }
  });

  // Sortable tables: the header button toggles ascending/descending; aria-sort says which.
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    var heads = Array.prototype.slice.call(table.querySelectorAll("thead th"));
    var body = table.tBodies[0];
    heads.forEach(function (th, col) {
      var button = th.querySelector("button");
      if (!button) { return; }
      button.addEventListener("click", function () {
        var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", dir);
        var numeric = th.dataset.type === "number";
        var rows = Array.prototype.slice.call(body.rows);
        var key = function (row) {
          var cell = row.cells[col];
          var v = cell.hasAttribute("data-sort") ? cell.getAttribute("data-sort") : cell.textContent;
          return numeric ? parseFloat(v) || 0 : v.trim().toLowerCase();
        };
        var sign = dir === "ascending" ? 1 : -1;
        rows.map(function (row, i) { return { row: row, k: key(row), i: i }; })
          .sort(function (a, b) {
            if (a.k < b.k) { return -sign; }
            if (a.k > b.k) { return sign; }
            return a.i - b.i;
          })
          .forEach(function (item) { body.appendChild(item.row); });
      });
    });
  });
}());
