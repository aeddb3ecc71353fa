"""Report how the pages of built leaflets are made up: body-text pitch, the running head's
clearance, the emptiest page and the page count (leaflet/pdf/makeup.py says how each is read).

    python bench/page_makeup.py [FILE.pdf ...]     (default: the one-language files in output/)

Targets (issue 12), for every language and size: pitch spread under 1 pt with 90% of the
in-paragraph gaps within 1 pt; no page crossing the running head; no page but the last more
than 20% empty. Not a test: the tests hold these targets on the built leaflets.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leaflet.outputs import parse_output_name  # noqa: E402
from leaflet.pdf.makeup import measure_makeup  # noqa: E402


def main(files: list[str]) -> None:
    paths = [Path(name) for name in files] or sorted(
        path for path in (ROOT / "output").glob("*.pdf")
        if (parsed := parse_output_name(path.name)) and parsed[3] == "" and parsed[1] != "bilingual")
    print(f"{'file':<36} {'pages':>5} {'pitch':>6} {'spread':>6} {'within 1 pt':>11} {'items':>6} {'even':>5} "
          f"{'crossings':>9} {'emptiest page':>14}")
    for path in paths:
        m = measure_makeup(path.read_bytes())
        page, share = m.emptiest
        print(f"{path.name:<36} {m.pages:>5} {m.pitch:>6.1f} {m.pitch_spread:>6.2f} {m.pitch_even:>10.0%} "
              f"{m.item_pitch:>6.1f} {m.item_even:>5.0%} {len(m.head_crossings):>9} {f'{share:.0%} (p. {page})':>14}")


if __name__ == "__main__":
    main(sys.argv[1:])
