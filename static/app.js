// armswatch review UI: keyboard triage. Served by the UI itself; touches no page content but
// classes, focus and navigation (no innerHTML, no network of its own).
(function () {
  "use strict";
  var page = document.body.getAttribute("data-page");

  function typing(e) {
    var t = e.target;
    var tag = t && t.tagName ? t.tagName.toLowerCase() : "";
    return tag === "input" || tag === "textarea" || tag === "select" || (t && t.isContentEditable);
  }

  function click(id) {
    var el = document.getElementById(id);
    if (el) { el.click(); return true; }
    return false;
  }

  function follow(id) {
    var el = document.getElementById(id);
    if (el && el.getAttribute("href")) { window.location.assign(el.getAttribute("href")); return true; }
    return false;
  }

  // Queue: a selected row moves with j/k; Enter/o opens it; c/r decide it.
  var rows = page === "queue" ? Array.prototype.slice.call(document.querySelectorAll("tr.row")) : [];
  var current = -1;
  function select(i) {
    if (!rows.length) { return; }
    if (current >= 0) { rows[current].classList.remove("selected"); }
    current = Math.max(0, Math.min(rows.length - 1, i));
    rows[current].classList.add("selected");
    rows[current].scrollIntoView({ block: "nearest" });
  }
  function decideRow(kind) {
    if (current < 0) { return false; }
    var b = rows[current].querySelector("button.quick-" + kind);
    if (b) { b.click(); return true; }
    return false;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (typing(e)) {
      if (e.key === "Escape") { e.target.blur(); }
      return;
    }
    var k = e.key;
    var done = false;
    if (k === "/") {
      var s = document.getElementById("search");
      if (s) { s.focus(); s.select(); done = true; }
    } else if (page === "queue") {
      if (k === "j") { select(current + 1); done = true; }
      else if (k === "k") { select(current - 1); done = true; }
      else if (k === "Enter" || k === "o") {
        if (current >= 0) { window.location.assign(rows[current].getAttribute("data-href")); done = true; }
      }
      else if (k === "c") { done = decideRow("confirm"); }
      else if (k === "r") { done = decideRow("reject"); }
      else if (k === "n") { done = follow("next-page"); }
      else if (k === "p") { done = follow("prev-page"); }
    } else if (page === "listing") {
      if (k === "j") { done = follow("next"); }
      else if (k === "k") { done = follow("prev"); }
      else if (k === "u") { done = follow("queue-link"); }
      else if (k === "c") { done = click("confirm"); }
      else if (k === "r") { done = click("reject"); }
      else if (k === "l") { done = click("relabel"); }
      else if (k === "n") { var n = document.getElementById("note"); if (n) { n.focus(); done = true; } }
      else if (k === "1" || k === "2" || k === "3" || k === "4") {
        var names = ["firearm", "part", "ammunition", "design"];
        var box = document.getElementById("label-" + names[Number(k) - 1]);
        if (box) { box.checked = !box.checked; done = true; }
      }
    }
    if (done) { e.preventDefault(); }
  });

  if (page === "queue" && rows.length) { select(0); }
})();
