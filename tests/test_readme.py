"""The README's commands work as written on a fresh machine after its set-up command: each one runs
Python (and pip) from the virtual environment that the set-up command makes, in its Linux or its
Windows form, so that nothing needs activating first."""

from __future__ import annotations

import re

from tests.conftest import ROOT

FENCE = re.compile(r"^```(\w*)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SPAN = re.compile(r"`([^`]+)`")
CI_MARK = "<!-- ci: test command -->"
PYTHON = re.compile(r"python3?|py|pip3?")  # programs that, not the venv's, lack the requirements


def readme() -> str:
    return (ROOT / "README.md").read_text(encoding="utf-8")


def shell_lines(text: str) -> list[str]:
    """The commands of the shell blocks, one a line."""
    return [line.strip() for kind, body in FENCE.findall(text) if kind == "sh"
            for line in body.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def code_spans(text: str) -> list[str]:
    """Every inline code span outside the fenced blocks, white space folded (`\\|` in a table is `|`)."""
    return [" ".join(span.split()).replace("\\|", "|") for span in SPAN.findall(FENCE.sub("", text))]


def simple_commands(code: str) -> list[list[str]]:
    """The words of each command a line of code runs (`a && b`, `a; b`)."""
    return [part.split() for part in re.split(r"&&|;", code) if part.strip()]


def path_parts(word: str) -> list[str]:
    return re.split(r"[/\\]", word)


def program(word: str) -> str:
    """The program a word names, without its folder or `.exe`."""
    return path_parts(word)[-1].removesuffix(".exe")


def venv_of(setup: str) -> str:
    """The folder the set-up command makes its virtual environment in."""
    found = re.search(r"-m venv (\S+)", setup)
    assert found, setup
    return found[1]


def from_venv(word: str, venv: str) -> bool:
    """`word` is the venv's python or pip: <venv>/bin/python (Linux) or <venv>\\Scripts\\python[.exe] (Windows)."""
    parts = path_parts(word)
    return len(parts) >= 3 and parts[-3] == venv and parts[-2] in ("bin", "Scripts") and program(word) in (
        "python", "pip")


def problems(words: list[str], venv: str) -> list[str]:
    """What in one command would not run on a fresh machine after the set-up command."""
    found = []
    for index, word in enumerate(words):
        making_the_venv = words[index + 1:index + 3] == ["-m", "venv"]
        if PYTHON.fullmatch(program(word)) and not from_venv(word, venv) and not making_the_venv:
            found.append(f"`{word}` is not the {venv} one")
        if word.endswith(".py") and (index == 0 or not from_venv(words[index - 1], venv)):
            found.append(f"`{word}` is not run by {venv}'s python")
    return found


def runs_python(words: list[str]) -> bool:
    """A command, not a file's name: it runs python or pip, or a script with arguments."""
    return any(PYTHON.fullmatch(program(word)) or (word.endswith(".py") and len(words) > 1) for word in words)


def test_every_readme_command_runs_python_from_the_set_up_venv() -> None:
    text = readme()
    setups = [line for line in shell_lines(text) if " -m venv " in line]
    assert len(setups) == 2, setups  # one builds the leaflets, one runs the tests
    venv = venv_of(setups[0])
    tests = shell_lines(text[text.index(CI_MARK):])[0]  # what .ci/run runs
    assert tests == setups[1] and tests.endswith(" -m pytest") and venv_of(tests) == venv
    commands = [words for code in [*shell_lines(text), *code_spans(text)] for words in simple_commands(code)
                if runs_python(words)]
    wrong = [f"{' '.join(words)}: {problem}" for words in commands for problem in problems(words, venv)]
    assert wrong == []
    linux, windows = f"{venv}/bin/python make_leaflet.py", f"{venv}\\Scripts\\python make_leaflet.py"
    written = [" ".join(words) for words in commands]
    assert sum(linux in command for command in written) >= 10, written  # found: the program's commands
    assert any(windows in command for command in written), written

