"""Text as five PDF readers extract it: pdfium (Chrome, Edge), poppler's pdftotext (Linux
desktops, search indexers), MuPDF (SumatraPDF, mobile viewers), pdfminer.six (Python
pipelines) and pdf.js (Firefox).

pdfium, MuPDF and pdfminer.six come with the test requirements; pdftotext with poppler-utils;
pdf.js is pdfjs-dist on Node, installed into tests/readers/ by `npm ci` there (.ci/run does).
A reader that is not installed gives None.
"""

from __future__ import annotations

import shutil
import subprocess
import unicodedata
from pathlib import Path

READERS_DIR = Path(__file__).resolve().parent / "readers"
_PDFJS = """
const say = console.log;
console.log = () => {};  // pdf.js warns, as it loads, that it cannot polyfill what only rendering needs
const pdfjs = require(process.argv[1] + "/node_modules/pdfjs-dist/legacy/build/pdf.js");
console.log = say;
const data = new Uint8Array(require("fs").readFileSync(process.argv[2]));
(async () => {
  const document = await pdfjs.getDocument({data, verbosity: 0}).promise;
  let text = "";
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) text += item.str + (item.hasEOL ? "\\n" : "");
    text += "\\n";
  }
  process.stderr.write("");
  process.stdout.write(text);
})();
"""


def pdfium(path: Path) -> str | None:
    import pypdfium2

    document = pypdfium2.PdfDocument(path)
    try:
        return "\n".join(page.get_textpage().get_text_range() for page in document)
    finally:
        document.close()


def poppler(path: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def mupdf(path: Path) -> str | None:
    try:
        import pymupdf
    except ImportError:
        return None
    with pymupdf.open(path) as document:
        return "\n".join(page.get_text() for page in document)


def pdfminer(path: Path) -> str | None:
    try:
        from pdfminer.high_level import extract_text
    except ImportError:
        return None
    return extract_text(path)


def pdfjs(path: Path) -> str | None:
    if shutil.which("node") is None or not (READERS_DIR / "node_modules" / "pdfjs-dist").exists():
        return None
    return subprocess.run(["node", "-e", _PDFJS, str(READERS_DIR), str(path)], capture_output=True, text=True,
                          check=True).stdout


READERS = {"pdfium": pdfium, "poppler": poppler, "MuPDF": mupdf, "pdfminer": pdfminer, "pdf.js": pdfjs}

# Invisible controls some readers wrap right-to-left text in (pdftotext: embeddings; others: marks)
_CONTROLS = dict.fromkeys(map(ord, "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"))


def folded(text: str) -> str:
    """White space folded, ligatures and compatibility forms as letters (NFKC), controls gone."""
    return " ".join(unicodedata.normalize("NFKC", text).translate(_CONTROLS).replace("**", "").split())


def verbatim_share(text: str, paragraphs: list[str]) -> float:
    found = folded(text)
    return sum(folded(paragraph) in found for paragraph in paragraphs) / len(paragraphs)
