"""The web edition's own words (the catalogue's, and the link back to it), in the languages it
speaks; a language without its words here has the catalogue in English."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "catalogue": "Patient information leaflets",
        "intro": "Read a leaflet on screen, in the language you choose. Each page prints on A4 from your browser.",
        "all": "All leaflets", "draft": "draft translation", "other": "Other leaflets", "read": "Read in",
    },
    "ur": {
        "catalogue": "مریضوں کے لیے معلوماتی کتابچے",
        "intro": "کتابچہ اپنی پسند کی زبان میں اسکرین پر پڑھیں۔ ہر صفحہ آپ کے براؤزر سے A4 پر پرنٹ ہو سکتا ہے۔",
        "all": "تمام کتابچے", "draft": "ترجمے کا مسودہ", "other": "دیگر کتابچے", "read": "پڑھیں",
    },
}


def words_for(language: str) -> dict[str, str]:
    return WORDS.get(language, WORDS["en"])


def index_name(language: str) -> str:
    """The catalogue page in a language: index.html in English, index.<code>.html in the others."""
    return "index.html" if language == "en" else f"index.{language}.html"
