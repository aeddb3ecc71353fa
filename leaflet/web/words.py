"""The desk page's own words, in each language it speaks (leaflet content has its own files)."""

from __future__ import annotations

WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Patient leaflets", "search": "Find a leaflet", "language": "Language", "size": "Size",
        "copies": "Copies", "open": "Open PDF", "draft": "draft translation", "bilingual": "Both languages",
        "A4": "A4", "A5": "A5", "A5-booklet": "A5 booklet (fold in half)", "switch": "اردو",
        "large": "Large print (A4)", "read": "Read on screen",
        "problem": "This leaflet is being edited and cannot be printed just now.",
        "none": "No leaflet has these words in its titles, headings or keywords.",
        "hint": "Print opens the print dialog for the leaflet chosen; Open PDF shows it first.",
        "other": "Other leaflets",
        "held": "An update is being prepared; you are printing version {version} of {date}.",
        "print": "Print", "counting": "Counting the pages…",
        "count": "{pages} pages a copy: {sheets} sheets of {paper}, printed on both sides.",
        "count single": "1 page a copy: one sheet of {paper}.",
        "count booklet": "{pages} sides a copy: {sheets} sheets of A4, printed on both sides.",
        "count total": "{copies} copies: {total} pages, {total_sheets} sheets. Leave the print dialog at 1 copy.",
        "booklet how": "Booklet: print on both sides, flip on the short edge, at actual size (100%); then fold "
                       "the sheets in half, one inside the other.",
        "confirm": "That is {total} pages ({copies} copies of {pages} pages). Print them all?",
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
        "large": "بڑا پرنٹ (A4)", "read": "اسکرین پر پڑھیں",
        "problem": "اس کتابچے میں ترمیم ہو رہی ہے، ابھی پرنٹ نہیں ہو سکتا۔",
        "none": "کسی کتابچے کے عنوان، سرخیوں یا تلاش کے الفاظ میں یہ الفاظ نہیں۔",
        "hint": "«پرنٹ کریں» چنے ہوئے کتابچے کا پرنٹ ڈائیلاگ کھولتا ہے؛ «PDF کھولیں» پہلے اسے دکھاتا ہے۔",
        "other": "دیگر کتابچے",
        "held": "نیا ایڈیشن تیار ہو رہا ہے؛ آپ {date} کا ورژن {version} پرنٹ کر رہے ہیں۔",
        "print": "پرنٹ کریں", "counting": "صفحے گنے جا رہے ہیں…",
        "count": "ایک کاپی میں {pages} صفحے: {paper} کے {sheets} ورق، دونوں طرف پرنٹ۔",
        "count single": "ایک کاپی میں 1 صفحہ: {paper} کا ایک ورق۔",
        "count booklet": "ایک کاپی میں {pages} رخ: A4 کے {sheets} ورق، دونوں طرف پرنٹ۔",
        "count total": "{copies} کاپیاں: {total} صفحے، {total_sheets} ورق۔ پرنٹ کے ڈائیلاگ میں 1 کاپی رہنے دیں۔",
        "booklet how": "کتابچہ: دونوں طرف پرنٹ کریں، چھوٹے کنارے سے پلٹیں، اصل سائز (100%) پر؛ پھر ورق ایک "
                       "دوسرے کے اندر رکھ کر درمیان سے موڑیں۔",
        "confirm": "یہ {total} صفحے ہیں ({copies} کاپیاں، ہر ایک {pages} صفحے)۔ کیا سب پرنٹ کریں؟",
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
# What print.js says (the page hands them to it as data, in the page's language).
PRINT_WORDS = ("counting", "count", "count single", "count booklet", "count total", "confirm")
