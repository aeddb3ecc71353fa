"""The gettext round trip: export-po, edit in a PO tool, import-po; lossless when nothing changed."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess

import pytest
from babel.messages.pofile import read_po

from leaflet.content import load_leaflet
from leaflet.translation.status import items
from tests.conftest import CONTENT, ROOT, run_cli, translate_po


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


def test_an_import_that_changes_nothing_says_so_and_rewrites_nothing(tmp_path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    files = [path for path in content.rglob("*") if path.is_file()]
    for path in files:
        os.utime(path, ns=(1_000_000_000_000_000_000, 1_000_000_000_000_000_000))  # long before this test
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in files}
    assert run_cli("export-po", "ur", "--content", str(content), "--out", str(tmp_path / "ur.po")).returncode == 0
    result = run_cli("import-po", str(tmp_path / "ur.po"), "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[0] == (f"no translation changed; {content}/liver-metastases/ur.yaml and "
                                             f"{content}/ur.yaml left as they were")
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in content.rglob("*") if path.is_file()} \
        == before


@pytest.mark.parametrize("folder", [CONTENT / "liver-metastases",
                                    ROOT / "tests" / "fixtures" / "catalogue" / "visit-day"],
                         ids=["real", "made-up"])
def test_the_po_header_holds_the_leaflets_facts_and_msgfmt_warns_of_nothing(tmp_path, folder) -> None:
    """No template placeholder is left in the header (FIRST AUTHOR, EMAIL@ADDRESS, ...): each
    field holds the leaflet's own id, version, code, date, institute and website, and gettext's
    own check says nothing at all about the file."""
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(folder), "--out", str(po)).returncode == 0
    text = po.read_text(encoding="utf-8")
    for placeholder in ("FIRST AUTHOR", "EMAIL@ADDRESS", "ORGANIZATION", "YEAR", "PACKAGE", "VERSION", "FULL NAME",
                        "LL@li.org", "LANGUAGE"):
        assert placeholder not in text, placeholder
    leaflet = load_leaflet(folder, ["en", "ur"])
    control, website = leaflet.facts.document_control, leaflet.facts.brand.website
    catalog = read_po(io.BytesIO(po.read_bytes()))
    assert (catalog.project, catalog.version) == (folder.name, control.version)
    assert catalog.msgid_bugs_address == website and catalog.language_team == f"Urdu <{website}>"
    assert catalog.last_translator == f"{leaflet.languages['en'].institute} <{website}>"
    assert text.startswith(f"# Urdu translation of the leaflet {folder.name} ({control.code}, version "
                           f"{control.version}).\n# Copyright (C) {control.published.year} "
                           f"{leaflet.languages['en'].institute}\n")
    checked = subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(po)],
                             capture_output=True, text=True)
    assert checked.returncode == 0 and "warning" not in checked.stderr.lower(), checked.stderr
    assert re.fullmatch(r"\d+ translated messages\.\n", checked.stderr), checked.stderr


def test_an_edited_translation_comes_back_in_place_with_comments_kept(tmp_path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    po = tmp_path / "ur.po"
    assert run_cli("export-po", "ur", "--content", str(content), "--out", str(po)).returncode == 0
    translate_po(po, {("What are the symptoms?", "sections.symptoms.heading"): "علامات کیا ہیں؟"})
    old_lines = (CONTENT / "liver-metastases" / "ur.yaml").read_text(encoding="utf-8").splitlines()
    result = run_cli("import-po", str(po), "--content", str(content))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 items changed" in result.stdout
    new_lines = (content / "liver-metastases" / "ur.yaml").read_text(encoding="utf-8").splitlines()
    changed = [(old, new) for old, new in zip(old_lines, new_lines, strict=True) if old != new]
    assert changed == [("    heading: اس کی علامات کیا ہیں؟", "    heading: علامات کیا ہیں؟")]
    assert new_lines[0].startswith("#")  # comments survive
    reloaded = load_leaflet(content / "liver-metastases")
    assert items(reloaded.languages["ur"])["sections.symptoms.heading"] == "علامات کیا ہیں؟"
