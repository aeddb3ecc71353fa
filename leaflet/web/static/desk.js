// Find a leaflet by any words of its titles, in any language, as you type.
const search = document.getElementById("search");
search.addEventListener("input", () => {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const card of document.querySelectorAll(".leaflet")) {
    const match = words.every((word) => card.dataset.search.includes(word));
    card.hidden = !match;
    shown += match;
  }
  document.getElementById("none").hidden = shown > 0;
});
