// Keyboard shortcuts: j / k next / previous (queue rows or claims), Enter opens the selected
// row, a = approve, r = reject (selects the decision and focuses the reason; Enter in the
// reason submits). Ignored while typing in a field.
(function () {
  const rows = Array.from(document.querySelectorAll("#queue tbody tr[data-href]"));
  let i = -1;
  function select(n) {
    if (!rows.length) return;
    i = Math.max(0, Math.min(rows.length - 1, n));
    rows.forEach((r, k) => r.classList.toggle("selected", k === i));
    rows[i].scrollIntoView({ block: "nearest" });
  }
  function choose(id) {
    const radio = document.getElementById(id);
    if (!radio) return;
    radio.checked = true;
    document.getElementById("reason").focus();
  }
  const reason = document.getElementById("reason");
  if (reason) reason.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); document.getElementById("decide").requestSubmit(); }
  });
  document.addEventListener("keydown", (e) => {
    const t = e.target.tagName;
    if (t === "INPUT" || t === "TEXTAREA" || t === "SELECT" || e.ctrlKey || e.metaKey || e.altKey) return;
    const go = (id) => { const a = document.getElementById(id); if (a) location.href = a.href; };
    if (e.key === "j") { rows.length ? select(i + 1) : go("next"); }
    else if (e.key === "k") { rows.length ? select(i - 1) : go("prev"); }
    else if (e.key === "Enter" && rows.length && i >= 0) { location.href = rows[i].dataset.href; }
    else if (e.key === "a") { choose("d-approve"); e.preventDefault(); }
    else if (e.key === "r") { choose("d-reject"); e.preventDefault(); }
  });
})();

// Field tags over page images: a tag that would cover another is moved right along its box's
// top edge, then below the box; hovering a legend line (or a box) highlights both.
(function () {
  const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
  function layout(page) {
    const placed = [];
    page.querySelectorAll(".box .tag").forEach((tag) => {
      const box = tag.parentElement, h = box.getBoundingClientRect().height;
      let best = null;
      for (const row of [-15, h + 1, -30, h + 16]) {
        for (let k = 0; k < 12 && !best; k++) {
          tag.style.top = row + "px";
          tag.style.left = (-2 + k * (tag.offsetWidth + 2)) + "px";
          const r = tag.getBoundingClientRect();
          if (!placed.some((p) => overlap(r, p))) best = r;
        }
        if (best) break;
      }
      placed.push(best || tag.getBoundingClientRect());
    });
  }
  const pages = document.querySelectorAll(".page");
  const all = () => pages.forEach(layout);
  all();
  window.addEventListener("resize", all);
  window.addEventListener("load", all);
  function hot(id, on) {
    const box = document.getElementById(id);
    if (box) box.classList.toggle("hot", on);
    document.querySelectorAll(`li[data-box="${id}"]`).forEach((li) => li.classList.toggle("hot", on));
  }
  document.querySelectorAll("ol.legend li[data-box], .box").forEach((el) => {
    const id = el.dataset.box || el.id;
    el.addEventListener("mouseenter", () => hot(id, true));
    el.addEventListener("mouseleave", () => hot(id, false));
  });
})();
