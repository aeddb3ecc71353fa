"""What the hospital's Windows desk PCs lack, proven on Linux: no `os.fork`, no `os.sched_getaffinity`,
the `spawn` start method; and a PDF open in a viewer, which Windows will not let a build replace."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import leaflet.cli
from tests.conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "catalogue"

# Put first on PYTHONPATH, it runs before anything else in every Python process started with that
# environment: the command, and the worker processes and desk servers that it or a test starts.
WINDOWS_LIKE = """\
import multiprocessing
import os

del os.fork
del os.sched_getaffinity
multiprocessing.set_start_method("spawn", force=True)
"""


@pytest.fixture(scope="module")
def windows_like(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose Python processes lack fork and sched_getaffinity, as on Windows."""
    folder = tmp_path_factory.mktemp("windows-like")
    (folder / "sitecustomize.py").write_text(WINDOWS_LIKE, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": os.pathsep.join([str(folder), os.environ.get("PYTHONPATH", "")])}
    probe = subprocess.run([sys.executable, "-c", "import multiprocessing, os; print(hasattr(os, 'fork'), "
                            "hasattr(os, 'sched_getaffinity'), multiprocessing.get_start_method())"],
                           env=environment, capture_output=True, text=True, check=True)
    assert probe.stdout.split() == ["False", "False", "spawn"], probe  # else the tests below prove nothing
    return environment


def command(*args: str, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(ROOT / "make_leaflet.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=600)


def contents(folder: Path, archive_manifests: bool = True) -> dict[str, bytes]:
    """Every file under `folder`, hidden ones too, by relative path; without the archive's manifests
    (which say when a file was kept) unless asked for."""
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*"))
            if path.is_file() and (archive_manifests or not (path.suffix == ".json" and "archive" in path.parts))}


@pytest.fixture(scope="module")
def catalogue(tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("content") / "catalogue"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture(scope="module")
def built_normally(catalogue: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("normal") / "output"
    result = command("--content", str(catalogue), "--out", str(out), cwd=out.parent)
    assert result.returncode == 0, result.stderr
    return out


def test_a_full_build_without_fork_gives_the_same_bytes(windows_like: dict[str, str], catalogue: Path,
                                                        built_normally: Path, tmp_path: Path) -> None:
    out = tmp_path / "output"
    result = command("--content", str(catalogue), "--out", str(out), cwd=tmp_path, env=windows_like)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines()[-1].startswith("built ")
    built = contents(out, archive_manifests=False)
    assert any(name.endswith("_bilingual_A5.pdf") for name in built)
    assert built == contents(built_normally, archive_manifests=False)


def test_the_other_commands_run_without_fork(windows_like: dict[str, str], catalogue: Path, tmp_path: Path) -> None:
    for args in (["check"], ["list"], ["preview", "--size", "A4", "--lang", "en"], ["export-po", "ur"]):
        result = command(*args, "--content", str(catalogue), cwd=tmp_path, env=windows_like)
        allowed = (0, 1) if args == ["check"] else (0,)  # check's 1: a translation finding in the fixture
        assert result.returncode in allowed, (args, result.stderr)
        assert "Traceback" not in result.stderr, args
    assert sorted(path.name for path in (tmp_path / "output").glob("*.po")) == ["visit-day_ur.po"]
    assert list((tmp_path / "output" / "preview").glob("*_en_A4-01.png"))


def test_the_desk_tests_pass_without_fork(windows_like: dict[str, str]) -> None:
    """The desk in-process (its TestClient) and as a real `serve` process, which inherits the environment."""
    result = subprocess.run([sys.executable, "-m", "pytest", "tests/test_desk_page.py", "tests/test_desk_editions.py",
                             "-x", "-p", "no:cacheprovider"], cwd=ROOT, env=windows_like,  # -q from addopts
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert " passed" in result.stdout.splitlines()[-1]


def test_a_pdf_open_in_a_viewer_stops_the_build_and_changes_nothing(built_normally: Path, catalogue: Path,
                                                                   tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "output"
    shutil.copytree(built_normally, out)
    for fingerprint in out.glob(".*.sha256"):  # every PDF out of date: each leaflet is built and written again
        fingerprint.unlink()
    before = contents(out)
    locked = out / "visit-day_bilingual_A5.pdf"
    real_replace = os.replace

    def replace(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        """Windows' answer for a file a PDF viewer holds open, whether renamed over or away."""
        if locked in (Path(source), Path(target)):
            raise PermissionError(13, "Permission denied", str(locked))
        real_replace(source, target)

    monkeypatch.setattr(os, "replace", replace)
    code = leaflet.cli.main(["build", "--content", str(catalogue), "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.err.splitlines() == [f"{locked}: cannot be replaced, it is open in another program; "
                                         "close it in your PDF viewer, then build again"]
    assert "wrote" not in captured.out
    assert contents(out) == before  # every PDF, fingerprint and archived edition as it was; no temporary left
