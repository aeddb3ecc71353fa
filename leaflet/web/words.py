"""The desk page's own words, in each language it speaks (leaflet content has its own files)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Patient leaflets", "search": "Find a leaflet", "language": "Language", "size": "Size",
        "copies": "Copies", "open": "Open PDF", "draft": "draft translation", "bilingual": "Both languages",
        "A4": "A4", "A5": "A5", "A5-booklet": "A5 booklet (fold in half)", "switch": "اردو",
        "large": "Large print (A4)",
        "problem": "This leaflet is being edited and cannot be printed just now.",
        "none": "No leaflet has these words in its titles, headings or keywords.",
        "hint": "Open the PDF, then press Print.", "other": "Other leaflets",
        "held": "An update is being prepared; you are printing version {version} of {date}.",
        "review": "Review due since {date}: still printable; tell the leaflet's editor.",
        # the print report (/report), for the staff who reorder printed stock
        "report": "Print report", "leaflets": "Leaflets", "since": "Since", "show": "Show",
        "recorded": "Each PDF the desk opens is counted here: leaflet, language, size, copies and pages. "
                    "Nothing about patients is recorded.",
        "chart": "Prints per leaflet, by month", "table": "Prints and pages per leaflet and language, by month",
        "from": "from {date}", "month": "Month", "leaflet": "Leaflet", "prints": "Prints", "pages": "Pages",
        "total": "Total", "empty": "No prints recorded yet.", "empty since": "No prints recorded since {date}.",
        "unreadable": "The print log cannot be read just now (the desk's log says why). "
                      "Leaflets still open and print as usual.",
    },
    "ur": {
        "title": "مریضوں کے لیے کتابچے", "search": "کتابچہ تلاش کریں", "language": "زبان", "size": "سائز",
        "copies": "کاپیاں", "open": "PDF کھولیں", "draft": "ترجمے کا مسودہ", "bilingual": "دونوں زبانیں",
        "A4": "A4", "A5": "A5", "A5-booklet": "A5 کتابچہ (درمیان سے موڑیں)", "switch": "English",
        "large": "بڑا پرنٹ (A4)",
        "problem": "اس کتابچے میں ترمیم ہو رہی ہے، ابھی پرنٹ نہیں ہو سکتا۔",
        "none": "کسی کتابچے کے عنوان، سرخیوں یا تلاش کے الفاظ میں یہ الفاظ نہیں۔",
        "hint": "PDF کھولیں، پھر پرنٹ دبائیں۔", "other": "دیگر کتابچے",
        "held": "نیا ایڈیشن تیار ہو رہا ہے؛ آپ {date} کا ورژن {version} پرنٹ کر رہے ہیں۔",
        "review": "{date} سے نظرِ ثانی واجب ہے: پرنٹ ہو سکتا ہے؛ کتابچے کے مدیر کو بتائیں۔",
        "report": "پرنٹ رپورٹ", "leaflets": "کتابچے", "since": "اس تاریخ سے", "show": "دکھائیں",
        "recorded": "ڈیسک سے کھلنے والی ہر PDF یہاں گنی جاتی ہے: کتابچہ، زبان، سائز، کاپیاں اور صفحات۔ "
                    "مریضوں کے بارے میں کچھ درج نہیں ہوتا۔",
        "chart": "ہر مہینے، ہر کتابچے کے پرنٹ", "table": "ہر مہینے، ہر کتابچے اور زبان کے پرنٹ اور صفحات",
        "from": "{date} سے", "month": "مہینہ", "leaflet": "کتابچہ", "prints": "پرنٹ", "pages": "صفحات",
        "total": "کل", "empty": "ابھی تک کوئی پرنٹ درج نہیں ہوا۔", "empty since": "{date} سے کوئی پرنٹ درج نہیں ہوا۔",
        "unreadable": "پرنٹ کا ریکارڈ ابھی پڑھا نہیں جا سکتا (وجہ ڈیسک کے لاگ میں درج ہے)۔ "
                      "کتابچے معمول کے مطابق کھلتے اور پرنٹ ہوتے ہیں۔",
    },
}
DIRECTION = {"en": "ltr", "ur": "rtl"}
