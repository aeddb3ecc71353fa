"""What the desk's search looks in, and the one way its words are written down for it.

A card's words and the words typed into the search box go through the same `normalise` (in the
page, desk.js's `normalise`, which must stay the same function: tests/test_desk_search.py runs both
on the same tricky strings), so staff find a leaflet however they type it:

1. Unicode NFKD, then lower case (str.lower, String.toLowerCase; in this order, as NFKD may
   give capitals: ℡ is TEL), then every combining mark (categories Mn, Mc, Me) removed: Latin accents
   (é → e), Arabic harakat, tanween, shadda, the superscript alef, the hamza above or below
   (ئ → ی, ۂ → ہ, أ → ا), the madda (آ → ا); presentation forms become their letters;
2. Arabic letters an Arabic keyboard types for Urdu ones: ي ى → ی, ك → ک, ه ة ۃ ە → ہ;
3. tatweel, zero-width space, non-joiner, joiner and soft hyphen removed (they only shape text);
4. Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits → 0–9;
5. anything that is not a letter or a digit (categories L*, N*) → a space, then spaces collapsed:
   punctuation, Urdu's ، ؟ ۔ and hyphens separate words ("follow-up" is "follow up").

A card matches when every typed word begins some word of its text ("canc" finds "cancer").
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

_LETTERS = str.maketrans({
    "ي": "ی", "ى": "ی", "ك": "ک", "ه": "ہ", "ة": "ہ", "ۃ": "ہ", "ە": "ہ",
    "\u0640": None, "\u200b": None, "\u200c": None, "\u200d": None, "\u00ad": None,
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    **{chr(0x06F0 + digit): str(digit) for digit in range(10)},
})


def normalise(text: str) -> str:
    """The text as search compares it (the steps above)."""
    decomposed = unicodedata.normalize("NFKD", text).lower()
    kept = "".join(char for char in decomposed if not unicodedata.category(char).startswith("M"))
    mapped = kept.translate(_LETTERS)
    return " ".join("".join(char if unicodedata.category(char)[0] in "LN" else " " for char in mapped).split())


def search_text(texts: Iterable[str]) -> str:
    """A card's `data-search`: each normalised word of its texts once, in order, each after a space
    (so that desk.js finds a word's beginning as " " + what was typed)."""
    words = dict.fromkeys(word for text in texts for word in normalise(text).split())
    return "".join(f" {word}" for word in words)
