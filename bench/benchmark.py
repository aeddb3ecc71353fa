"""Time the default build, stage by stage, in fresh processes, with peak memory.

    python bench/benchmark.py
    python bench/benchmark.py --peers [--runs 5]
    python bench/benchmark.py --catalogue 1 10 40
    python bench/benchmark.py --floor [--runs 7]
    python bench/benchmark.py --web [--runs 5]

`--peers` times each one-leaflet build and the full default build against Typst rendering the
same leaflet with the same fonts (../shared/peers/render.py --one typst LANG SIZE), each in a
fresh process, interleaved, the median of `--runs`, and prints the ratios (issue 15's table).
Typst runs in the peers' own venv: $LEAFLET_PEERS_PYTHON, else /tmp/peers/bin/python; the
script says how to make it if it is missing.

`--web` times the web edition of the first leaflet in both languages: the pages rendered from
content already loaded and checked, the content loaded and checked as well (a warm process, as
the desk is), and `build --web-only` in a fresh process (issue 26's target: under 0.2 s).

Targets (issue 5, a 2-core machine): the whole default build under 3 s wall and 250 MB
peak; one leaflet (one language, one size) under 0.5 s. Not a test: timings vary with
the machine, so they are printed, not asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEERS = ROOT.parent / "shared" / "peers"
CASES = [("en", "A4"), ("en", "A5"), ("ur", "A4"), ("ur", "A5")]

# Runs in a fresh interpreter: imports count, as they do for OPD staff running the command.
STAGES = r"""
import json, resource, sys, time
started = time.perf_counter()
from pathlib import Path
from babel import Locale
from leaflet.build import BILINGUAL, expectations_for, output_name
from leaflet.content import load_leaflet
from leaflet.layout import render_back_cover, render_leaflet, render_notes_page
from leaflet.pdf import LanguagePart, booklet_pages, check_pdf, impose_booklet, merge_languages, write_atomically
marks = {"imports": time.perf_counter() - started}

def timed(stage, work):
    start = time.perf_counter()
    value = work()
    marks[stage] = marks.get(stage, 0.0) + time.perf_counter() - start
    return value

out = Path(sys.argv[1])
leaflet = timed("load", lambda: load_leaflet(Path("content/liver-metastases")))
files = {}
for size in ("A4", "A5"):
    pdfs = {}
    for language in leaflet.languages:
        pdfs[language] = timed(f"layout {language}", lambda: render_leaflet(leaflet, language, size))
        files[output_name(leaflet.facts.id, language, size)] = (pdfs[language], (language, size, ""))
    parts = [LanguagePart(code, Locale.parse(code).get_display_name(code), data) for code, data in pdfs.items()]
    files[output_name(leaflet.facts.id, BILINGUAL, size)] = (
        timed("merge", lambda: merge_languages(parts)), (BILINGUAL, size, ""))
    if size == "A5":
        for language in pdfs:
            rtl = Locale.parse(language).text_direction == "rtl"
            cover = timed(f"layout {language}", lambda: render_back_cover(leaflet, language, size))
            text = timed(f"layout {language}", lambda: render_leaflet(leaflet, language, size,
                                                                      contacts_on_cover=cover is not None))
            notes = timed(f"layout {language}", lambda: render_notes_page(leaflet, language, size))
            booklet = timed("merge", lambda: impose_booklet(booklet_pages(text, notes, cover), rtl))
            files[output_name(leaflet.facts.id, language, size, "booklet")] = (booklet, (language, size, "booklet"))
for name, (data, (language, size, kind)) in files.items():
    found = timed("validate", lambda: check_pdf(data, name, expectations_for(leaflet, language, size, kind,
                                                                          parts_checked=language == BILINGUAL)))
    assert not found, found
    timed("write", lambda: write_atomically(out / name, data))
marks["total"] = time.perf_counter() - started
marks["peak MB"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps(marks))
"""

ONE_LEAFLET = r"""
import json, time
started = time.perf_counter()
from pathlib import Path
from leaflet.build import expectations_for
from leaflet.content import load_leaflet
from leaflet.layout import render_leaflet
from leaflet.pdf import check_pdf
imported = time.perf_counter()
leaflet = load_leaflet(Path("content/liver-metastases"), ["en"])
data = render_leaflet(leaflet, "en", "A5")
assert not check_pdf(data, "en A5", expectations_for(leaflet, "en", "A5"))
done = time.perf_counter()
print(json.dumps({"imports": imported - started, "one leaflet": done - imported}))
"""


# The desk page, in-process over ASGI: a leaflet not yet built (built on demand in a worker),
# then the same leaflet again (from the cache), and with 10 copies.
DESK = r"""
import asyncio, json, sys, tempfile, time
from pathlib import Path
import httpx2
from leaflet.web.app import create_app

async def main():
    app = create_app(Path("content"), Path(tempfile.mkdtemp()))
    marks = {}
    async with httpx2.AsyncClient(transport=httpx2.ASGITransport(app=app), base_url="http://desk") as client:
        for stage, address in (("fresh", "/leaflets/liver-metastases/ur/A5.pdf"),
                               ("cached", "/leaflets/liver-metastases/ur/A5.pdf"),
                               ("cached, 10 copies", "/leaflets/liver-metastases/ur/A5.pdf?copies=10")):
            start = time.perf_counter()
            response = await client.get(address)
            assert response.status_code == 200, response.text
            marks[stage] = time.perf_counter() - start
    app.state.service.close()
    print(json.dumps(marks))

asyncio.run(main())
"""


def run(script: str, *args: str) -> dict:
    result = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True,
                            check=True)
    return json.loads(result.stdout)


def wall(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(command, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def ours(*args: str) -> float:
    with tempfile.TemporaryDirectory() as out:
        return wall([sys.executable, "make_leaflet.py", "build", *args, "--out", out], ROOT)


def typst(python: str, language: str, size: str) -> float:
    return wall([python, str(PEERS / "render.py"), "--one", "typst", language, size], PEERS)


def _peers_python() -> str:
    python = os.environ.get("LEAFLET_PEERS_PYTHON", "/tmp/peers/bin/python")
    if not Path(python).exists() or not (PEERS / "render.py").exists():
        sys.exit(f"no Typst peer: expected {PEERS}/render.py and a venv with typst at {python}; make one with\n"
                 f"  python3 -m venv /tmp/peers && /tmp/peers/bin/pip install typst==0.15.2 uharfbuzz pypdf\n"
                 "or set LEAFLET_PEERS_PYTHON to its python")
    return python


def peers(runs: int) -> None:
    python = _peers_python()
    times: dict[str, list[float]] = {}
    for _ in range(runs):  # interleaved, so that the machine's load falls on both alike
        for language, size in CASES:
            times.setdefault(f"ours {language} {size}", []).append(ours("--lang", language, "--size", size))
            times.setdefault(f"typst {language} {size}", []).append(typst(python, language, size))
        times.setdefault("ours full", []).append(ours())
    median = {name: statistics.median(values) for name, values in times.items()}
    median["typst full"] = sum(median[f"typst {language} {size}"] for language, size in CASES)
    print(f"median of {runs} fresh-process runs, interleaved")
    print("| one leaflet | ours | Typst | ratio |")
    print("|---|---|---|---|")
    for language, size in CASES:
        mine, theirs = median[f"ours {language} {size}"], median[f"typst {language} {size}"]
        note = " (ours also writes the booklet)" if size == "A5" else ""
        print(f"| {language} {size}{note} | {mine:.2f} s | {theirs:.3f} s | {mine / theirs:.1f}x |")
    print(f"| full default build (8 PDFs) vs Typst's four | {median['ours full']:.2f} s | "
          f"{median['typst full']:.2f} s | {median['ours full'] / median['typst full']:.1f}x |")


# What a fresh process of ours pays before it reads a byte of content: the interpreter, and the
# libraries the pipeline is built on, imported as the build imports them.
FLOOR = {
    "the interpreter alone": "pass",
    "+ ReportLab's canvas and TrueType fonts, uharfbuzz, PyYAML, babel":
        "import reportlab.pdfgen.canvas, reportlab.pdfbase.ttfonts, uharfbuzz, yaml, babel.core",
    "+ ReportLab's page templates (platypus), pypdf": "import reportlab.pdfgen.canvas, reportlab.pdfbase.ttfonts, "
        "uharfbuzz, yaml, babel.core, reportlab.platypus.doctemplate, pypdf",
}


def floor(runs: int) -> None:
    """The least a fresh process of ours can take, against Typst's whole build of one leaflet."""
    python = _peers_python()
    times: dict[str, list[float]] = {}
    for _ in range(runs):
        for name, code in FLOOR.items():
            times.setdefault(name, []).append(wall([sys.executable, "-c", code], ROOT))
        for language in ("en", "ur"):
            times.setdefault(f"Typst, whole {language} A4 leaflet", []).append(typst(python, language, "A4"))
    median = {name: statistics.median(values) for name, values in times.items()}
    typst_en = median["Typst, whole en A4 leaflet"]
    print(f"median of {runs} fresh-process runs, interleaved")
    print("| fresh process | time | × Typst en A4 |")
    print("|---|---|---|")
    for name, seconds in median.items():
        print(f"| {name} | {seconds:.3f} s | {seconds / typst_en:.1f}× |")


def catalogue(counts: list[int]) -> None:
    """The default build of a catalogue of N copies of the first leaflet, on every core and on
    one (taskset), for each N: the time per leaflet should not grow with N."""
    print("| leaflets | both cores | one core | speed-up | per leaflet (both) |")
    print("|---|---|---|---|---|")
    for count in counts:
        with tempfile.TemporaryDirectory() as folder:
            content = Path(folder) / "content"
            content.mkdir()
            for shared in (ROOT / "content").iterdir():
                if shared.is_file():
                    (content / shared.name).write_bytes(shared.read_bytes())
            for copy in range(count):
                target = content / f"liver-metastases{'' if copy == 0 else f'-{copy + 1}'}"
                subprocess.run(["cp", "-r", str(ROOT / "content" / "liver-metastases"), str(target)], check=True)
            build = [sys.executable, str(ROOT / "make_leaflet.py"), "build", "--content", str(content)]
            both = wall([*build, "--out", str(Path(folder) / "both")], ROOT)
            one = wall(["taskset", "-c", "0", *build, "--out", str(Path(folder) / "one")], ROOT)
        print(f"| {count} | {both:.1f} s | {one:.1f} s | {one / both:.2f}x | {both / count:.2f} s |")


WEB = r"""
import json, statistics, sys, time
from pathlib import Path
from leaflet.loading import load_checked
from leaflet.build_web import published_languages
from leaflet.html import render_leaflet_page
folder, runs = Path("content/liver-metastases"), int(sys.argv[1])
rendered, loaded = [], []
for _ in range(runs + 1):  # the first run warms the caches (fonts, locale data) and is not counted
    start = time.perf_counter()
    leaflet = load_checked(folder)
    middle = time.perf_counter()
    pages = [render_leaflet_page(leaflet, code) for code in published_languages(leaflet)]
    end = time.perf_counter()
    rendered.append(end - middle)
    loaded.append(end - start)
print(json.dumps({"render": statistics.median(rendered[1:]), "load and render": statistics.median(loaded[1:])}))
"""


def web(runs: int) -> None:
    """The web edition of one leaflet, both languages: warm, and in a fresh process."""
    warm = run(WEB, str(runs))
    cold = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            cold.append(wall([sys.executable, "make_leaflet.py", "build", "--web-only", "--out", out], ROOT))
    print(f"web edition of one leaflet, en and ur (median of {runs})")
    print(f"  pages rendered, content loaded        {warm['render']:6.3f} s   (target < 0.2 s)")
    print(f"  content loaded and checked, rendered  {warm['load and render']:6.3f} s")
    print(f"  build --web-only, fresh process       {statistics.median(cold):6.3f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peers", action="store_true", help="time ours against Typst, as ratios")
    parser.add_argument("--floor", action="store_true",
                        help="time a fresh process's interpreter and imports against Typst's whole build")
    parser.add_argument("--web", action="store_true", help="time the web edition of one leaflet")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--catalogue", type=int, nargs="+", metavar="N",
                        help="time catalogues of N copies of the first leaflet, on both cores and one")
    args = parser.parse_args()
    if args.peers:
        peers(args.runs)
        return
    if args.floor:
        floor(args.runs)
        return
    if args.catalogue:
        catalogue(args.catalogue)
        return
    if args.web:
        web(args.runs)
        return
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "make_leaflet.py", "build", "--out", out], cwd=ROOT, check=True,
                       capture_output=True)
        wall = time.perf_counter() - start
        stages = run(STAGES, out)
    one = run(ONE_LEAFLET)
    desk = run(DESK)
    print(f"default build, command line, wall     {wall:6.2f} s   (target < 3 s)")
    for stage, seconds in stages.items():
        unit = "MB" if stage == "peak MB" else "s "
        target = "   (target < 250 MB)" if stage == "peak MB" else ""
        print(f"  {stage:<36} {seconds:6.2f} {unit}{target}")
    print(f"one leaflet (en, A5), after imports    {one['one leaflet']:6.2f} s   (target < 0.5 s)")
    print(f"  imports                              {one['imports']:6.2f} s")
    print(f"desk page: Urdu A5, not yet built       {desk['fresh']:6.2f} s")
    print(f"desk page: the same again, cached       {desk['cached'] * 1000:6.0f} ms  (target < 100 ms)")
    print(f"desk page: 10 copies of it               {desk['cached, 10 copies'] * 1000:6.0f} ms")


if __name__ == "__main__":
    main()
