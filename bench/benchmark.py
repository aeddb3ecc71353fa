"""Time the default build, stage by stage, in fresh processes, with peak memory.

    python bench/benchmark.py

Targets (issue 5, a 2-core machine): the whole default build under 3 s wall and 250 MB
peak; one leaflet (one language, one size) under 0.5 s. Not a test: timings vary with
the machine, so they are printed, not asserted.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Runs in a fresh interpreter: imports count, as they do for OPD staff running the command.
STAGES = r"""
import json, resource, sys, time
started = time.perf_counter()
from pathlib import Path
from babel import Locale
from leaflet.build import BILINGUAL, expectations_for, output_name
from leaflet.content import load_leaflet
from leaflet.layout import render_back_cover, render_leaflet, render_notes_page
from leaflet.pdf import LanguagePart, check_pdf, impose_booklet, merge_languages, write_atomically
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
        for language, data in pdfs.items():
            rtl = Locale.parse(language).text_direction == "rtl"
            booklet = timed("merge", lambda: impose_booklet(
                data, render_notes_page(leaflet, language, size), render_back_cover(leaflet, language, size), rtl))
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


def main() -> None:
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
