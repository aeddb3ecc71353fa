"""How well the leaflets' text copies out, reader by reader (issue 16's table).

    python bench/extraction.py [FILE.pdf ...]     (default: the one-language files in output/)

For each file and each reader: the share of the leaflet's paragraphs found verbatim in the text
the reader extracts (white space folded, NFKC for ligatures, bidi controls dropped), and whether
the 24-hour helpline comes out in written order. The readers are the tests' (tests/readers.py):
pdfium (pypdfium2, as Chrome and Edge), poppler's `pdftotext`, MuPDF (PyMuPDF), pdfminer.six and
pdf.js (pdfjs-dist on Node: `npm ci --omit=optional` in tests/readers/). A reader that is missing
is shown as n/a. Not a test: it measures.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaflet.content import load_leaflet  # noqa: E402
from leaflet.content.model import Paragraph  # noqa: E402
from leaflet.outputs import parse_output_name  # noqa: E402
from tests.readers import READERS, folded, verbatim_share  # noqa: E402


def measure(path: Path) -> dict[str, str]:
    parsed = parse_output_name(path.name)
    if parsed is None:
        raise SystemExit(f"{path}: not an output name; expected <id>_<lang>_<size>.pdf")
    identity, language, _, _ = parsed
    leaflet = load_leaflet(ROOT / "content" / identity)
    paragraphs = [block.text for section in leaflet.languages[language].sections
                  for block in section.blocks if isinstance(block, Paragraph)]
    helpline = next(contact.phone for contact in leaflet.facts.shown_contacts() if contact.emphasis == "helpline")
    row = {}
    for name, reader in READERS.items():
        text = reader(path)
        if text is None:
            row[name] = "n/a"
            continue
        share = verbatim_share(text, paragraphs)
        row[name] = f"{share:.0%}{'' if helpline in folded(text) else ' (helpline scrambled)'}"
    return row


def main(files: list[str]) -> None:
    paths = [Path(name) for name in files] or sorted(
        path for path in (ROOT / "output").glob("*.pdf")
        if (parsed := parse_output_name(path.name)) and parsed[3] == "" and parsed[1] != "bilingual")
    print("paragraphs verbatim, by reader")
    print(f"| file | {' | '.join(READERS)} |")
    print(f"|---|{'---|' * len(READERS)}")
    for path in paths:
        row = measure(path)
        print(f"| {path.name} | {' | '.join(row[name] for name in READERS)} |")


if __name__ == "__main__":
    main(sys.argv[1:])
