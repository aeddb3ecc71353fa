"""The desk page's own words, in each language it speaks (leaflet content has its own files)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Patient leaflets", "search": "Find a leaflet", "language": "Language", "size": "Size",
        "copies": "Copies", "open": "Open PDF", "draft": "draft translation", "bilingual": "Both languages",
        "A4": "A4", "A5": "A5", "A5-booklet": "A5 booklet (fold in half)", "switch": "اردو",
        "large": "Large print (A4)",
        "problem": "This leaflet is being edited and cannot be printed just now.",
        "none": "No leaflet has these words in its title.", "hint": "Open the PDF, then press Print.",
        "held": "An update is being prepared; you are printing version {version} of {date}.",
        "review": "Review due since {date}: still printable; tell the leaflet's editor.",
    },
    "ur": {
        "title": "مریضوں کے لیے کتابچے", "search": "کتابچہ تلاش کریں", "language": "زبان", "size": "سائز",
        "copies": "کاپیاں", "open": "PDF کھولیں", "draft": "ترجمے کا مسودہ", "bilingual": "دونوں زبانیں",
        "A4": "A4", "A5": "A5", "A5-booklet": "A5 کتابچہ (درمیان سے موڑیں)", "switch": "English",
        "large": "بڑا پرنٹ (A4)",
        "problem": "اس کتابچے میں ترمیم ہو رہی ہے، ابھی پرنٹ نہیں ہو سکتا۔",
        "none": "کسی کتابچے کے عنوان میں یہ الفاظ نہیں۔", "hint": "PDF کھولیں، پھر پرنٹ دبائیں۔",
        "held": "نیا ایڈیشن تیار ہو رہا ہے؛ آپ {date} کا ورژن {version} پرنٹ کر رہے ہیں۔",
        "review": "{date} سے نظرِ ثانی واجب ہے: پرنٹ ہو سکتا ہے؛ کتابچے کے مدیر کو بتائیں۔",
    },
}
DIRECTION = {"en": "ltr", "ur": "rtl"}
