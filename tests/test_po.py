"""The gettext round trip: export-po, edit in a PO tool, import-po; lossless when nothing changed."""

from __future__ import annotations

import io
import shutil

from babel.messages.pofile import read_po

from leaflet.content import load_leaflet
from leaflet.translation.status import items
from tests.conftest import CONTENT, run_cli, translate_po


def test_export_holds_every_item_with_its_path_english_and_translation(tmp_path, leaflet) -> None:
    result = run_cli("export-po", "ur", "--out", str(tmp_path / "ur.po"))
    assert result.returncode == 0, result.stderr
    catalog = read_po(io.BytesIO((tmp_path / "ur.po").read_bytes()))
    english, urdu = items(leaflet.languages["en"]), items(leaflet.languages["ur"])
    messages = {message.context: message for message in catalog if message.id}
    assert set(messages) == set(english)
    heading = "sections.symptoms.heading"
    assert messages[heading].id == english[heading] and messages[heading].string == urdu[heading]
    assert str(catalog.locale) == "ur"


def test_round_trip_without_changes_is_byte_for_byte(tmp_path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    before = {path: path.read_bytes() for path in content.rglob("*") if path.is_file()}
    assert run_cli("export-po", "ur", "--content", str(content), "--out", str(tmp_path / "ur.po")).returncode == 0
    result = run_cli("import-po", str(tmp_path / "ur.po"), "--content", str(content))
    assert result.returncode in (0, 1) and not result.stderr, result.stdout + result.stderr
    assert "0 items changed" in result.stdout
    assert {path: path.read_bytes() for path in content.rglob("*") if path.is_file()} == before


def test_an_edited_translation_comes_back_in_place_with_comments_kept(tmp_path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(content), "--out", str(po)).returncode == 0
    translate_po(po, {("What are the symptoms?", "sections.symptoms.heading"): "علامات کیا ہیں؟"})
    old_lines = (CONTENT / "liver-metastases" / "ur.yaml").read_text(encoding="utf-8").splitlines()
    result = run_cli("import-po", str(po), "--content", str(content))
    assert result.returncode in (0, 1) and not result.stderr, result.stdout + result.stderr
    assert "1 items changed" in result.stdout
    new_lines = (content / "liver-metastases" / "ur.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new]
    assert changed == [("    heading: اس کی علامات کیا ہیں؟", "    heading: علامات کیا ہیں؟")]
    assert new_lines[0].startswith("#")  # comments survive
    reloaded = load_leaflet(content / "liver-metastases")
    assert items(reloaded.languages["ur"])["sections.symptoms.heading"] == "علامات کیا ہیں؟"
