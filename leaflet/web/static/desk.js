// Find a leaflet as you type: every word typed must begin a word of a card's titles, subtitles,
// headings or keywords, in any of its languages (each card's data-search, written by the desk).

// The same function as leaflet/web/search.py's normalise: see there for each step and why.
// tests/test_desk_search.py checks that both give the same on tricky strings.
const URDU_LETTERS = { "ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ہ", "ۃ": "ہ", "ە": "ہ" };

function normalise(text) {
  return text.normalize("NFKD").toLowerCase()
    .replace(/\p{M}/gu, "")
    .replace(/[يىكهةۃە]/gu, (letter) => URDU_LETTERS[letter])
    .replace(/[\u0640\u200b-\u200d\u00ad]/gu, "")
    // ٠ (U+0660) and ۰ (U+06F0) both end in hex 0: the last hex digit is the digit's value
    .replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (digit) => String(digit.codePointAt(0) & 0xf))
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const search = document.getElementById("search");
const cards = Array.from(document.querySelectorAll(".leaflet"), (card) => [card, card.dataset.search]);
const groups = Array.from(document.querySelectorAll(".department"));

function find() {
  const words = normalise(search.value).split(" ").filter(Boolean).map((word) => " " + word);
  let shown = 0;
  for (const [card, text] of cards) {
    const match = words.every((word) => text.includes(word));  // a word of the card begins with it
    card.hidden = !match;
    shown += match;
  }
  for (const group of groups) {  // a department none of whose leaflets match: its heading goes too
    group.hidden = group.querySelector(".leaflet:not([hidden])") === null;
  }
  document.getElementById("none").hidden = shown > 0;
}

search.addEventListener("input", find);
