"""The desk's web page over HTTP (Starlette's TestClient): the page, PDFs, copies, errors, caching."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import io
import re
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import httpx2
import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from PIL import Image
from pypdf import PdfReader
from starlette.testclient import TestClient

from leaflet.build import BuildCheckError
from leaflet.pdf import extract_text
from leaflet.text.locale import long_date
from leaflet.web.app import create_app
from tests.conftest import ROOT, run_cli

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"


def folder_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path.relative_to(folder)).encode() + path.read_bytes())
    return digest.hexdigest()


@pytest.fixture(scope="module")
def desk(tmp_path_factory):
    root = tmp_path_factory.mktemp("desk")
    content = root / "content"
    shutil.copytree(FIXTURE, content)
    before = folder_hash(content)
    with TestClient(create_app(content, root / "output"), raise_server_exceptions=False) as client:
        yield client, content, root
    assert folder_hash(content) == before  # read-only: no request changed the content
    # nothing written but the records: the editions handed out (archive) and the print log
    assert {path.name for path in (root / "output").iterdir()} <= {"archive", "print-log.sqlite",
                                                                   "print-log.sqlite-wal", "print-log.sqlite-shm"}


def pages(data: bytes) -> int:
    return len(PdfReader(io.BytesIO(data)).pages)


def test_the_page_lists_every_leaflet_in_each_interface_language(desk) -> None:
    client, _, _ = desk
    english = client.get("/")
    assert english.status_code == 200
    assert '<html lang="en" dir="ltr">' in english.text
    for title in ("Your Visit", "آپ کی آمد", "The Quiet Room"):
        assert title in english.text
    urdu = client.get("/?lang=ur")
    assert '<html lang="ur" dir="rtl">' in urdu.text and "مریضوں کے لیے کتابچے" in urdu.text
    assert "http://" not in english.text.replace('href="/', "") and "https://" not in english.text


def test_a_leaflet_opens_as_its_pdf_with_an_etag(desk) -> None:
    client, _, _ = desk
    response = client.get("/leaflets/quiet-room/en/A4.pdf")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/pdf"
    assert "The Quiet Room" in extract_text(response.content)[0]
    etag = response.headers["etag"]
    again = client.get("/leaflets/quiet-room/en/A4.pdf", headers={"If-None-Match": etag})
    assert again.status_code == 304


def test_copies_come_in_one_file_each_on_a_new_sheet(desk) -> None:
    client, _, _ = desk
    one = client.get("/leaflets/visit-day/ur/A5.pdf").content
    three = client.get("/leaflets/visit-day/ur/A5.pdf?copies=3").content
    odd = pages(one) % 2
    assert pages(three) == 3 * pages(one) + 2 * odd
    texts = extract_text(three)
    assert texts[pages(one) + odd].split()[:3] == extract_text(one)[0].split()[:3]


def test_the_form_leads_to_the_pdfs_address(desk) -> None:
    client, _, _ = desk
    response = client.get("/leaflets/visit-day?lang=bilingual&size=A5-booklet&copies=2", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/leaflets/visit-day/bilingual/A5-booklet.pdf?copies=2"


@pytest.mark.parametrize("address", [
    "/leaflets/no-such/en/A4.pdf", "/leaflets/quiet-room/ur/A4.pdf", "/leaflets/quiet-room/bilingual/A4.pdf",
    "/leaflets/visit-day/en/A3.pdf", "/leaflets/..%2F..%2Fetc/en/A4.pdf", "/leaflets/%2Fetc%2Fpasswd/en/A4.pdf",
    "/leaflets/visit-day/..%2F..%2Fhospital/A4.pdf", "/covers/no-such.png", "/static/..%2F..%2Fbuild.py",
])
def test_anything_outside_the_catalogue_is_not_found(desk, address) -> None:
    client, _, _ = desk
    response = client.get(address)
    assert response.status_code == 404, address
    assert "Traceback" not in response.text


@pytest.mark.parametrize("copies", ["0", "51", "two", "-1", "1.5"])
def test_a_bad_number_of_copies_is_a_plain_400(desk, copies) -> None:
    client, _, _ = desk
    response = client.get(f"/leaflets/quiet-room/en/A4.pdf?copies={copies}")
    assert response.status_code == 400
    assert response.text.strip() == "copies must be a whole number from 1 to 50."


def test_a_cover_is_a_small_picture(desk) -> None:
    client, _, _ = desk
    response = client.get("/covers/visit-day.png")
    assert response.status_code == 200 and response.content.startswith(b"\x89PNG")


def cover_pixels(png: bytes) -> bytes:
    return Image.open(io.BytesIO(png)).convert("RGB").tobytes()


def test_the_cover_is_shown_in_the_interface_language(desk) -> None:
    client, _, _ = desk
    assert 'src="/covers/visit-day.png?lang=ur"' in client.get("/?lang=ur").text
    assert 'src="/covers/visit-day.png?lang=en"' in client.get("/").text
    assert 'src="/covers/quiet-room.png?lang=en"' in client.get("/?lang=ur").text  # it has no Urdu
    urdu_pdf = pdfium.PdfDocument(client.get("/leaflets/visit-day/ur/A4.pdf").content)[0]
    urdu_first_page = urdu_pdf.render(scale=170 / urdu_pdf.get_height()).to_pil().convert("RGB").tobytes()
    assert cover_pixels(client.get("/covers/visit-day.png?lang=ur").content) == urdu_first_page
    assert cover_pixels(client.get("/covers/visit-day.png?lang=en").content) != urdu_first_page
    assert client.get("/covers/visit-day.png?lang=xx").content == client.get("/covers/visit-day.png").content


def test_twenty_requests_at_once_are_all_answered(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    app = create_app(content, tmp_path / "output")

    async def ask_twenty() -> list[httpx2.Response]:
        transport = httpx2.ASGITransport(app=app)
        async with httpx2.AsyncClient(transport=transport, base_url="http://desk") as client:
            return await asyncio.gather(*(client.get("/leaflets/visit-day/en/A4.pdf") for _ in range(20)))

    try:
        responses = asyncio.run(ask_twenty())
    finally:
        app.state.service.close()
    assert [response.status_code for response in responses] == [200] * 20
    assert len({response.headers["etag"] for response in responses}) == 1


def test_an_edit_is_served_on_the_next_request(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    with TestClient(create_app(content, tmp_path / "output")) as client:
        first = client.get("/leaflets/quiet-room/en/A5.pdf")
        text = content / "quiet-room" / "en.yaml"
        text.write_text(text.read_text(encoding="utf-8").replace("The Quiet Room", "The Calm Room"), encoding="utf-8")
        second = client.get("/leaflets/quiet-room/en/A5.pdf")
    assert first.headers["etag"] != second.headers["etag"]
    assert "The Calm Room" in extract_text(second.content)[0]


def test_large_print_is_the_a4_large_variant(desk) -> None:
    client, _, _ = desk
    normal = client.get("/leaflets/quiet-room/en/A4.pdf")
    large = client.get("/leaflets/quiet-room/en/A4.pdf?large=1")
    assert large.status_code == 200
    assert large.headers["content-disposition"] == 'inline; filename="quiet-room_en_A4-large.pdf"'
    words = "The quiet room is on"
    sizes = [font_size_of(response.content, words) for response in (normal, large)]
    assert sizes[0] < 16 <= sizes[1] <= 18
    refused = client.get("/leaflets/quiet-room/en/A5.pdf?large=1")
    assert (refused.status_code, refused.text.strip()) == (400, "Large print comes in A4 only.")


def font_size_of(pdf: bytes, words: str) -> float:
    for page in pdfium.PdfDocument(pdf):
        textpage = page.get_textpage()
        text = textpage.get_text_range()
        if words in text:
            return pdfium_c.FPDFText_GetFontSize(textpage.raw, text.index(words))
    raise AssertionError(words)


def test_a_leaflet_being_edited_does_not_take_the_page_down(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    text = content / "quiet-room" / "en.yaml"
    with TestClient(create_app(content, tmp_path / "output"), raise_server_exceptions=False) as client:
        text.write_text(text.read_text(encoding="utf-8").replace("title: The Quiet Room", "title:"), encoding="utf-8")
        page = client.get("/")
        assert page.status_code == 200
        assert "This leaflet is being edited and cannot be printed just now." in page.text
        assert "Your Visit" in page.text
        broken = client.get("/leaflets/quiet-room/en/A4.pdf")  # never good since the desk started: nothing to serve
        assert broken.status_code == 404 and "Traceback" not in broken.text
        assert client.get("/leaflets/visit-day/en/A5.pdf").status_code == 200


@pytest.mark.parametrize("query", ["lang=..%2F..&size=A4", "lang=en&size=A3", "lang=%2F%2Fexample.org&size=A4"])
def test_the_form_refuses_what_the_page_does_not_offer(desk, query) -> None:
    client, _, _ = desk
    response = client.get(f"/leaflets/visit-day?{query}&copies=1", follow_redirects=False)
    assert response.status_code == 400


def test_serve_on_the_network_warns_and_starts_whatever_the_content(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    text = content / "quiet-room" / "en.yaml"
    text.write_text(text.read_text(encoding="utf-8").replace("title: The Quiet Room", "title:"), encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen([sys.executable, str(ROOT / "make_leaflet.py"), "serve", "--host", "0.0.0.0",
                                "--port", str(port), "--content", str(content), "--out", str(tmp_path / "output")],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == f"Open http://127.0.0.1:{port}/ in a browser (Ctrl+C to stop)"
    finally:
        process.terminate()
        _, errors = process.communicate(timeout=30)
    lines = errors.splitlines()
    assert lines[0] == "warning: listening on 0.0.0.0: anyone on this network can open the leaflets"
    # the desk does not stop for a content problem: its log says it, with the file, line and column
    assert any(re.fullmatch(r"\S+ \S+ \S*quiet-room/en\.yaml:1:7: title: found nothing; expected text", line)
               for line in lines), errors
    refused = run_cli("serve", "--content", str(tmp_path / "nowhere"), "--port", str(port))
    assert refused.returncode == 2
    assert refused.stderr.strip().endswith("nowhere: not a folder; expected the content folder (--content DIR)")


def test_a_pdf_that_fails_its_checks_is_not_handed_out(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    app = create_app(content, tmp_path / "output")
    service = app.state.service
    built = service._built

    async def failing_when_calm(key, snapshot, *args):  # the new edition fails its checks; the earlier passed
        if snapshot.leaflet is not None and "The Calm Room" in str(snapshot.leaflet.languages["en"].title):
            raise BuildCheckError("text placement: page 2: two lines overprint")
        return await built(key, snapshot, *args)

    service._built = failing_when_calm
    with TestClient(app, raise_server_exceptions=False) as client:
        first = client.get("/leaflets/quiet-room/en/A4.pdf")
        text = content / "quiet-room" / "en.yaml"
        text.write_text(text.read_text(encoding="utf-8").replace("The Quiet Room", "The Calm Room"), encoding="utf-8")
        second = client.get("/leaflets/quiet-room/en/A4.pdf")
    assert (first.status_code, second.status_code) == (200, 200)
    assert second.content == first.content  # the edition before, which passed


def test_a_card_says_its_review_is_due_and_stays_printable(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    facts = content / "visit-day" / "leaflet.yaml"
    due = dt.date.today() - dt.timedelta(days=3)
    facts.write_text(facts.read_text(encoding="utf-8").replace("next_review: 2027-04-01", f"next_review: {due}"),
                     encoding="utf-8")
    with TestClient(create_app(content, tmp_path / "output")) as client:
        cards = _cards(client.get("/").text)
        assert f"Review due since {long_date(due, 'en_PK')}: still printable" in cards["visit-day"]
        assert "Review due" not in cards["quiet-room"]
        assert "نظرِ ثانی واجب ہے" in _cards(client.get("/?lang=ur").text)["visit-day"]
        assert client.get("/leaflets/visit-day/en/A4.pdf").status_code == 200


@pytest.mark.parametrize("drafts", ["show", "hide"])
def test_hospital_yaml_says_whether_the_desk_offers_draft_translations(tmp_path: Path, drafts: str) -> None:
    content = tmp_path / "content"
    shutil.copytree(FIXTURE, content)
    urdu = content / "visit-day" / "ur.yaml"
    urdu.write_text(urdu.read_text(encoding="utf-8").replace("  status: reviewed\n", "  status: draft\n"),
                    encoding="utf-8")
    with (content / "hospital.yaml").open("a", encoding="utf-8") as file:
        file.write(f"desk:\n  drafts: {drafts}\n")
    with TestClient(create_app(content, tmp_path / "output"), raise_server_exceptions=False) as client:
        card = _cards(client.get("/").text)["visit-day"]
        offered = re.findall(r'<option value="([a-z]+)"', card)
        urdu_pdf = client.get("/leaflets/visit-day/ur/A4.pdf")
        english_pdf = client.get("/leaflets/visit-day/en/A4.pdf")
    if drafts == "show":  # offered, with the draft mark on the card (and on every page of the PDF)
        assert offered[:3] == ["en", "ur", "bilingual"] and "draft translation" in card
        assert urdu_pdf.status_code == 200
    else:
        assert offered[:1] == ["en"] and "ur" not in offered and "bilingual" not in offered
        assert "آپ کی آمد" not in card and urdu_pdf.status_code == 404
    assert english_pdf.status_code == 200


def _cards(page: str) -> dict[str, str]:
    """Each leaflet's card on the desk page, by its id."""
    return {match[1]: match[2] for match in re.finditer(r'<li class="leaflet[^"]*" data-id="([^"]+)"(.*?)</li>\n',
                                                         page, re.S)}
