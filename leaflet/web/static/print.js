// Printing without mistakes: each card says what its choices come to (pages a copy, sheets of
// which paper) before anything opens, asks before a request of more pages than the hospital set,
// says how to print a booklet, and prints the chosen PDF straight from the page.
const words = JSON.parse(document.getElementById("print-words").textContent);
const counted = new Map(); // address of a count -> its promise: each leaflet, language and size once
const known = new Map(); // address of a count -> the count, once it has come

function say(template, values) {
  return template.replace(/\{(\w+)\}/g, (_, name) => values[name].toLocaleString(document.documentElement.lang));
}

function chosen(form) {
  const large = form.elements.large.checked;
  const size = large ? "A4" : form.elements.size.value;
  const copies = Number(form.elements.copies.value) || 1;
  const base = `/leaflets/${form.dataset.leaflet}/${form.elements.lang.value}/${size}`;
  const query = large ? "?large=1" : "";
  return {
    size, copies, countAddress: `${base}.json${query}`,
    pdfAddress: `${base}.pdf?copies=${copies}${large ? "&large=1" : ""}`,
  };
}

function count(address) {
  if (!counted.has(address)) {
    counted.set(address, fetch(address)
      .then((answer) => (answer.ok ? answer.json() : null))
      .then((pages) => {
        if (pages) known.set(address, pages);
        return pages;
      })
      .catch(() => null));
  }
  return counted.get(address);
}

async function showCount(form) {
  const choice = chosen(form);
  const line = form.querySelector(".count");
  form.querySelector(".booklet-how").hidden = choice.size !== "A5-booklet";
  line.textContent = words.counting;
  const pages = await count(choice.countAddress);
  if (chosen(form).countAddress !== choice.countAddress) return; // the choice changed meanwhile
  if (pages === null) {
    line.textContent = "";
    return;
  }
  const copies = chosen(form).copies;
  const each = say(words[pages.booklet ? "count booklet" : pages.pages === 1 ? "count single" : "count"], pages);
  const total = copies > 1 ? " " + say(words["count total"], {
    copies, total: copies * pages.pages, total_sheets: copies * pages.sheets,
  }) : "";
  line.textContent = each + total;
}

// Whether to go on: a request of more pages than the hospital's setting is confirmed first.
// Synchronous, so that Open PDF's new tab still opens from the click (pop-up blockers).
function confirmed(form) {
  const choice = chosen(form);
  const pages = known.get(choice.countAddress);
  if (!pages) return true; // not counted yet, or no count: the server's limits still hold
  const total = choice.copies * pages.pages;
  if (total <= Number(form.dataset.confirmAbove)) return true;
  return window.confirm(say(words.confirm, { total, copies: choice.copies, pages: pages.pages }));
}

// The PDF in a frame of this page, then the browser's print dialog for it; where a browser
// cannot print a frame's PDF, the PDF opens in a new tab with its own Print button.
function printInFrame(address) {
  document.querySelectorAll("iframe.printing").forEach((old) => old.remove());
  const frame = document.createElement("iframe");
  frame.className = "printing";
  frame.title = words.counting;
  frame.setAttribute("aria-hidden", "true");
  frame.addEventListener("load", () => {
    try {
      frame.contentWindow.focus();
      frame.contentWindow.print();
      document.dispatchEvent(new CustomEvent("leaflet-printed", { detail: address }));
    } catch (error) {
      window.open(address, "_blank");
    }
  });
  frame.src = address;
  document.body.append(frame);
}

for (const form of document.querySelectorAll("form.choose")) {
  const printButton = form.querySelector("button.print");
  printButton.hidden = false; // only where this script runs: without it, Open PDF still works
  form.addEventListener("change", () => showCount(form));
  form.elements.copies.addEventListener("input", () => showCount(form));
  printButton.addEventListener("click", async () => {
    if (!form.reportValidity()) return;
    await count(chosen(form).countAddress); // Print can wait for the count: no new tab to keep the click for
    if (confirmed(form)) printInFrame(chosen(form).pdfAddress);
  });
  form.addEventListener("submit", (event) => {
    if (!confirmed(form)) event.preventDefault();
  });
  showCount(form);
}
