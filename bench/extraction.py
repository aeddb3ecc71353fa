"""How well the leaflets' text copies out, reader by reader (issue 16's table).

    python bench/extraction.py [FILE.pdf ...]     (default: the one-language files in output/)

For each file and each reader: the share of the leaflet's paragraphs found verbatim in the text
the reader extracts (white space folded, NFKC for ligatures), and whether the 24-hour helpline
comes out in written order. Readers: pdfium (pypdfium2, as Chrome and Edge), poppler's
`pdftotext`, MuPDF (PyMuPDF), pdfminer.six and pdf.js (pdfjs-dist on Node). The last three live
outside the project's venv, in $LEAFLET_READERS (default /tmp/readers), made with

    mkdir -p /tmp/readers && cd /tmp/readers && python3 -m venv venv &&
    venv/bin/pip install pymupdf pdfminer.six && npm install pdfjs-dist@3

A reader that is missing is shown as n/a. Not a test: it measures.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaflet.content import load_leaflet  # noqa: E402
from leaflet.content.model import Paragraph  # noqa: E402
from leaflet.outputs import parse_output_name  # noqa: E402
from leaflet.pdf import extract_text  # noqa: E402

READERS = Path(os.environ.get("LEAFLET_READERS", "/tmp/readers"))
_PDFJS = """
const pdfjs = require(process.argv[1] + "/node_modules/pdfjs-dist/legacy/build/pdf.js");
const data = new Uint8Array(require("fs").readFileSync(process.argv[2]));
(async () => {
  const document = await pdfjs.getDocument({data, verbosity: 0}).promise;
  let text = "";
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    for (const item of content.items) text += item.str + (item.hasEOL ? "\\n" : "");
    text += "\\n";
  }
  process.stdout.write(text);
})();
"""


def pdfium(path: Path) -> str | None:
    return "\n".join(extract_text(path.read_bytes()))


def poppler(path: Path) -> str | None:
    if shutil.which("pdftotext") is None:
        return None
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _in_readers_venv(code: str, path: Path) -> str | None:
    python = READERS / "venv" / "bin" / "python"
    if not python.exists():
        return None
    done = subprocess.run([str(python), "-W", "ignore", "-c", code, str(path)], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


def mupdf(path: Path) -> str | None:
    return _in_readers_venv("import sys, pymupdf\nprint(''.join(p.get_text() for p in pymupdf.open(sys.argv[1])))",
                            path)


def pdfminer(path: Path) -> str | None:
    return _in_readers_venv("import sys\nfrom pdfminer.high_level import extract_text\n"
                            "print(extract_text(sys.argv[1]))", path)


def pdfjs(path: Path) -> str | None:
    if shutil.which("node") is None or not (READERS / "node_modules" / "pdfjs-dist").exists():
        return None
    done = subprocess.run(["node", "-e", _PDFJS, str(READERS), str(path)], capture_output=True, text=True)
    return done.stdout if done.returncode == 0 else None


READER_NAMES = {"pdfium": pdfium, "poppler": poppler, "MuPDF": mupdf, "pdfminer": pdfminer, "pdf.js": pdfjs}


def folded(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).replace("**", "").split())


def measure(path: Path) -> dict[str, str]:
    parsed = parse_output_name(path.name)
    if parsed is None:
        raise SystemExit(f"{path}: not an output name; expected <id>_<lang>_<size>.pdf")
    identity, language, _, _ = parsed
    leaflet = load_leaflet(ROOT / "content" / identity)
    paragraphs = [folded(block.text) for section in leaflet.languages[language].sections
                  for block in section.blocks if isinstance(block, Paragraph)]
    helpline = next(contact.phone for contact in leaflet.facts.shown_contacts() if contact.emphasis == "helpline")
    row = {}
    for name, reader in READER_NAMES.items():
        text = reader(path)
        if text is None:
            row[name] = "n/a"
            continue
        found = folded(text)
        share = sum(paragraph in found for paragraph in paragraphs) / len(paragraphs)
        row[name] = f"{share:.0%}{'' if helpline in found else ' (helpline scrambled)'}"
    return row


def main(files: list[str]) -> None:
    paths = [Path(name) for name in files] or sorted(
        path for path in (ROOT / "output").glob("*.pdf")
        if (parsed := parse_output_name(path.name)) and parsed[3] == "" and parsed[1] != "bilingual")
    print("paragraphs verbatim, by reader")
    print(f"| file | {' | '.join(READER_NAMES)} |")
    print(f"|---|{'---|' * len(READER_NAMES)}")
    for path in paths:
        row = measure(path)
        print(f"| {path.name} | {' | '.join(row[name] for name in READER_NAMES)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
