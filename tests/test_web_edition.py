"""The web edition (build writes output/web): semantic HTML from the content, escaped, built again
only where content changed, bad content refused as `check` refuses it; the PDF's QR code opens it."""

from __future__ import annotations

import io
import shutil
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest
from pypdf import PdfReader

from leaflet.html.inline import plain
from leaflet.loading import load_checked
from tests.conftest import CONTENT, ROOT, run_cli
from tests.test_diagrams_and_contacts import label_texts

FIXTURE_CATALOGUE = ROOT / "tests" / "fixtures" / "catalogue"


class Elements(HTMLParser):
    """Every element with its attributes and the text directly inside it, in document order."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, dict[str, str | None], list[str]]] = []
        self.open: list[int] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append((tag, dict(attrs), []))
        if tag not in ("meta", "link", "br", "img", "input"):
            self.open.append(len(self.found) - 1)

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.found[self.open.pop()][0] == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.open:
            self.found[self.open[-1]][2].append(data)

    def tags(self, name: str) -> list[dict[str, str | None]]:
        return [attrs for tag, attrs, _ in self.found if tag == name]


@pytest.fixture(scope="module")
def real_web(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("web-real")
    result = run_cli("build", "--web-only", "--out", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_the_web_edition_has_a_page_per_leaflet_and_language_its_catalogue_and_fonts(real_web: Path) -> None:
    web = real_web / "web"
    assert sorted(path.relative_to(web).as_posix() for path in web.rglob("*") if path.is_file()) == [
        "fonts/NotoNastaliqUrdu-Bold.woff2", "fonts/NotoNastaliqUrdu-Regular.woff2", "fonts/NotoSans-Bold.woff2",
        "fonts/NotoSans-Regular.woff2", "index.html", "index.ur.html", "liver-metastases/en.html",
        "liver-metastases/ur.html"]
    for font in (web / "fonts").iterdir():
        assert font.read_bytes()[:4] == b"wOF2", font


def test_a_page_is_semantic_html_from_the_content_model(real_web: Path) -> None:
    leaflet = load_checked(CONTENT / "liver-metastases")
    for code, content in leaflet.languages.items():
        page = Elements((real_web / "web" / "liver-metastases" / f"{code}.html").read_text(encoding="utf-8"))
        [html] = page.tags("html")
        assert (html["lang"], html["dir"]) == (code, "rtl" if code == "ur" else "ltr")
        assert len(page.tags("h1")) == 1
        headings = [section for section in content.sections if section.heading]
        assert [attrs["id"] for attrs in page.tags("h2") if attrs.get("id")] == [section.id for section in headings]
        assert all(attrs.get("scope") in ("col", "row") for attrs in page.tags("th"))
        phones = {attrs["href"] for attrs in page.tags("a") if (attrs.get("href") or "").startswith("tel:")}
        assert phones == {"tel:+92" + "".join(c for c in contact.phone if c.isdigit())[1:]
                          for contact in leaflet.facts.shown_contacts()}
        assert len(page.tags("footer")) == 1 and page.tags("figure"), "the document control block, the diagrams"
        assert not page.tags("script") and not [attrs for attrs in page.tags("link") if attrs.get("rel") ==
                                                "stylesheet"], "everything the page needs is in it, but fonts"
        draft = content.translation is not None and content.translation.status == "draft"
        notes = [text for tag, attrs, text in page.found if attrs.get("class") == "draft"]
        assert bool(notes) == draft


def test_latin_terms_and_numbers_in_urdu_keep_their_written_order(real_web: Path) -> None:
    page = Elements((real_web / "web" / "liver-metastases" / "ur.html").read_text(encoding="utf-8"))
    islands = ["".join(text) for tag, attrs, text in page.found if tag == "span" and attrs.get("dir") == "ltr"]
    terms = ["".join(text) for tag, attrs, text in page.found if tag == "span" and attrs.get("lang") == "en"]
    assert "70-80%" in islands and "CT" in terms
    assert {attrs.get("dir") for attrs in page.tags("a") if (attrs.get("href") or "").startswith("tel:")} == {"ltr"}


def test_numbered_lists_keep_their_numbers(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_cli("build", "--web-only", "--content", str(ROOT / "tests" / "fixtures" / "steps"), "--out", str(out))
    assert result.returncode == 0, result.stderr
    leaflet = load_checked(ROOT / "tests" / "fixtures" / "steps")
    for code, content in leaflet.languages.items():
        lists = [block for section in content.sections for block in section.blocks if hasattr(block, "numbered")]
        assert lists, "the fixture has a numbered list"
        page = Elements((out / "web" / leaflet.facts.id / f"{code}.html").read_text(encoding="utf-8"))
        numbers = ["".join(text) for tag, attrs, text in page.found if attrs.get("class") == "number"]
        assert len(numbers) == sum(len(block.numbered) for block in lists)
        assert len(page.tags("ol")) == len(lists)


def test_every_text_is_escaped(tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    english = content / "quiet-room" / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace(
        "Anyone may use it.", 'Anyone may use it <script>alert("x")</script> & "rest" <b>here</b>.'), encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", "--web-only", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    html = (out / "web" / "quiet-room" / "en.html").read_text(encoding="utf-8")
    assert "<script" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp;" in html or \
        '&lt;script&gt;alert("x")&lt;/script&gt; &amp;' in html


def test_an_unchanged_build_rewrites_nothing_and_an_edit_rewrites_its_page(tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    out = tmp_path / "out"
    assert run_cli("build", "--web-only", "--content", str(content), "--out", str(out)).returncode == 0
    files = {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in (out / "web").rglob("*") if path.is_file()}
    again = run_cli("build", "--web-only", "--content", str(content), "--out", str(out))
    assert again.returncode == 0 and "nothing rewritten" in again.stdout, again.stdout
    assert {path: (path.stat().st_mtime_ns, path.read_bytes()) for path in files} == files
    urdu = content / "visit-day" / "ur.yaml"
    source = urdu.read_text(encoding="utf-8")
    paragraph = next(line for line in source.splitlines() if "paragraph:" in line)
    urdu.write_text(source.replace(paragraph, paragraph + " نیا جملہ۔", 1), encoding="utf-8")
    edited = run_cli("build", "--web-only", "--content", str(content), "--out", str(out))
    assert edited.returncode == 0, edited.stderr
    rewritten = {path.relative_to(out / "web").as_posix() for path in files
                 if path.stat().st_mtime_ns != files[path][0]}
    assert rewritten == {"visit-day/ur.html"}, edited.stdout
    assert "نیا جملہ۔" in (out / "web" / "visit-day" / "ur.html").read_text(encoding="utf-8")


def test_a_page_no_longer_published_is_removed(tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    out = tmp_path / "out"
    assert run_cli("build", "--web-only", "--content", str(content), "--out", str(out)).returncode == 0
    assert (out / "web" / "visit-day" / "ur.html").is_file() and (out / "web" / "index.ur.html").is_file()
    (content / "visit-day" / "ur.yaml").unlink()
    result = run_cli("build", "--web-only", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert f"removed {out / 'web' / 'visit-day' / 'ur.html'}" in result.stdout
    assert sorted(path.relative_to(out / "web").as_posix() for path in (out / "web").rglob("*.html")) == \
        ["index.html", "quiet-room/en.html", "visit-day/en.html"]


def test_a_draft_is_left_out_where_the_hospital_hides_drafts(tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    urdu = content / "visit-day" / "ur.yaml"
    urdu.write_text(urdu.read_text(encoding="utf-8").replace("status: reviewed", "status: draft"), encoding="utf-8")
    out = tmp_path / "out"
    assert run_cli("build", "--web-only", "--content", str(content), "--out", str(out)).returncode == 0
    page = Elements((out / "web" / "visit-day" / "ur.html").read_text(encoding="utf-8"))
    assert [attrs for tag, attrs, _ in page.found if attrs.get("class") == "draft"], "shown with its draft notice"
    hospital = content / "hospital.yaml"
    hospital.write_text(hospital.read_text(encoding="utf-8") + "desk:\n  drafts: hide\n", encoding="utf-8")
    assert run_cli("build", "--web-only", "--content", str(content), "--out", str(out)).returncode == 0
    assert not (out / "web" / "visit-day" / "ur.html").exists()
    assert "ur.html" not in (out / "web" / "index.html").read_text(encoding="utf-8")


def test_bad_content_is_refused_with_its_place_and_the_edition_kept(tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    out = tmp_path / "out"
    assert run_cli("build", "--web-only", "--content", str(content), "--out", str(out)).returncode == 0
    before = {path: path.read_bytes() for path in (out / "web").rglob("*") if path.is_file()}
    english = content / "visit-day" / "en.yaml"
    english.write_text(english.read_text(encoding="utf-8").replace("title:", "title: [unclosed", 1), encoding="utf-8")
    result = run_cli("build", "--web-only", "--content", str(content), "--out", str(out))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{english}:"), result.stderr
    assert {path: path.read_bytes() for path in (out / "web").rglob("*") if path.is_file()} == before


def test_web_only_refuses_options_for_pdfs(tmp_path: Path) -> None:
    result = run_cli("build", "--web-only", "--lang", "en", "--out", str(tmp_path))
    assert result.returncode == 2 and result.stderr.startswith("--web-only:"), result.stderr


def test_the_qr_code_opens_the_leaflets_web_page_where_the_hospital_publishes_it(tmp_path: Path) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    hospital = content / "hospital.yaml"
    hospital.write_text(hospital.read_text(encoding="utf-8") + "web_base: https://example.org/leaflets/\n",
                        encoding="utf-8")
    out = tmp_path / "out"
    result = run_cli("build", "visit-day", "--size", "A4", "--content", str(content), "--out", str(out))
    assert result.returncode == 0, result.stderr
    for code in ("en", "ur"):
        reader = PdfReader(io.BytesIO((out / f"visit-day_{code}_A4.pdf").read_bytes()))
        links = {annotation.get_object()["/A"].get("/URI") for page in reader.pages
                 for annotation in page.get("/Annots", [])}
        assert f"https://example.org/leaflets/visit-day/{code}.html" in links
        assert "https://example.org" not in links


@pytest.mark.parametrize("value", ["http://example.org/leaflets", "example.org/leaflets", "https://example.org/x?a=1",
                                   "https:///leaflets"])
def test_web_base_must_be_an_absolute_https_address(tmp_path: Path, value: str) -> None:
    content = tmp_path / "catalogue"
    shutil.copytree(FIXTURE_CATALOGUE, content)
    hospital = content / "hospital.yaml"
    lines = hospital.read_text(encoding="utf-8").splitlines()
    hospital.write_text("\n".join([*lines, f'web_base: "{value}"']) + "\n", encoding="utf-8")
    result = run_cli("check", "--content", str(content))
    assert result.returncode == 2, result.stdout
    assert f"{hospital}:{len(lines) + 1}:11: web_base:" in result.stderr, result.stderr


def test_a_page_says_every_text_of_the_content(real_web: Path) -> None:
    """Without a browser: each paragraph, item and cell is in the page's text, in written order of
    characters (the browser test reads what is shown)."""
    leaflet = load_checked(CONTENT / "liver-metastases")
    for code, content in leaflet.languages.items():
        page = lxml.html.fromstring((real_web / "web" / "liver-metastases" / f"{code}.html").read_bytes())
        flat = " ".join(page.body.text_content().split())
        missing = [plain(item) for item in expected_texts(leaflet, code) if " ".join(plain(item).split()) not in flat]
        assert not missing, missing
        labels = [plain(text) for labels in content.diagrams.values() for text in label_texts(labels)]
        assert labels and not [label for label in labels if " ".join(label.split()) not in flat], "diagram labels"


def expected_texts(leaflet, code: str) -> list[str]:
    """Every paragraph, list item, table cell, callout and contact text of one language (of the
    contacts its card shows)."""
    content = leaflet.languages[code]
    found: list[str] = []
    for section in content.sections:
        for block in section.blocks:
            for name in ("text", "items", "numbered", "header", "rows"):
                value = getattr(block, name, None)
                if isinstance(value, str):
                    found.append(value)
                elif isinstance(value, tuple):
                    for item in value:
                        found.extend(item if isinstance(item, tuple) else [item])
    for shown in leaflet.facts.shown_contacts():
        contact = content.contacts[shown.id]
        found.extend(text for text in (contact.role, contact.name, contact.note, shown.phone) if text)
    return found
