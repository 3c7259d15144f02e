// avis review: link fields and their boxes, keyboard shortcuts. No inline script (CSP).
"use strict";
(function () {
  const doc = document.getElementById("doc");
  const form = document.getElementById("fields");
  let dirty = false;

  function marks(field) {
    return Array.from(document.querySelectorAll("[data-field]"))
      .filter((el) => el.dataset.field === field);
  }

  function inputOf(row) {
    return row && row.querySelector("input:not([type=hidden]), textarea, select");
  }

  // Show one field: its boxes (or text spans) and its form row; "from" is where the click was.
  // A list item's box (key "missions[3]") selects its line in the list's textarea.
  function selectItem(input, key) {
    const found = /\[(\d+)\]$/.exec(key || "");
    if (!found || !(input instanceof HTMLTextAreaElement)) return;
    const lines = input.value.split("\n");
    const index = Number(found[1]);
    if (index >= lines.length) return;
    const start = lines.slice(0, index).reduce((n, line) => n + line.length + 1, 0);
    input.setSelectionRange(start, start + lines[index].length);
  }

  function select(field, from, key) {
    document.querySelectorAll(".sel").forEach((el) => el.classList.remove("sel"));
    if (!field) return;
    const all = marks(field);
    all.forEach((el) => el.classList.add("sel"));
    const onDoc = all.find((el) => doc && doc.contains(el));
    const row = document.getElementById("f-" + field);
    if (from !== "doc" && onDoc) onDoc.scrollIntoView({ block: "center", inline: "nearest" });
    if (from !== "form" && row) {
      row.scrollIntoView({ block: "center" });
      const input = inputOf(row);
      if (input) {
        input.focus({ preventScroll: true });
        selectItem(input, key);
      }
    }
  }

  if (form) {
    form.addEventListener("focusin", (e) => {
      const row = e.target.closest(".field");
      if (row) select(row.dataset.field, "form");
    });
    form.addEventListener("input", () => { dirty = true; });
    form.addEventListener("submit", () => { dirty = false; });
  }
  if (doc) {
    doc.addEventListener("click", (e) => {
      const mark = e.target.closest("[data-field]");
      if (mark) select(mark.dataset.field, "doc", mark.dataset.key);
    });
  }
  document.querySelectorAll("[data-goto]").forEach((a) => {
    a.addEventListener("click", (e) => { e.preventDefault(); select(a.dataset.goto, "list"); });
  });
  window.addEventListener("beforeunload", (e) => {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });

  // Fields that need a look, in form order: warnings and low confidence.
  function flagged() {
    return Array.from(document.querySelectorAll(".field.warn, .field.low"));
  }

  function nextWarning() {
    const rows = flagged();
    if (!rows.length) return;
    const current = document.activeElement && document.activeElement.closest(".field");
    const at = rows.indexOf(current);
    const row = rows[(at + 1) % rows.length];
    select(row.dataset.field, "list");
  }

  function follow(id) {
    const link = document.getElementById(id);
    if (link) link.click();
  }

  document.addEventListener("keydown", (e) => {
    const t = e.target;
    const typing = t instanceof HTMLElement && t.closest("input, textarea, select");
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey) && form) {
      e.preventDefault();
      dirty = false;
      form.requestSubmit();
      return;
    }
    if (e.key === "Escape" && typing) { t.blur(); select(null); return; }
    if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === "n" || e.key === "j") {
      if (document.body.classList.contains("index")) {
        const first = document.querySelector("a.open");
        if (first) first.click();
      } else {
        follow("next");
      }
    } else if (e.key === "p" || e.key === "k") {
      follow("prev");
    } else if (e.key === "w") {
      e.preventDefault();
      nextWarning();
    }
  });
})();
