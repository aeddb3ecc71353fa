"""YAML syntax errors in a translator's words.

PyYAML and libyaml say what their parser expected ("mapping values are not allowed in this
context", "did not find expected key"); a translator needs to know what to type. Each error the
translators meet is recognised by its message (libyaml's words, and the pure-Python parser's
where they differ) and by the text at its mark, and said as what is wrong and what to do, at the
place to do it. Anything else keeps the parser's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml
from yaml.error import Mark

_KEY = re.compile(r"[A-Za-z_][\w-]*")  # a key as leaflet files write them: one Latin word
_INDENTATION = ("this line is not lined up with the lines above it; expected it indented as far as the other "
                "entries at its level, with spaces")

Place = tuple[int, int, str]  # where to look (line and column from 0), and `what is wrong; what to do`


def plain_problem(source: str, error: yaml.MarkedYAMLError) -> tuple[int, int, str]:
    """(line, column, `problem; what to do`) of a YAML syntax error, line and column from 1."""
    mark = error.problem_mark or error.context_mark
    unclosed = _unclosed_quote(source, mark.line if mark else len(source))
    if unclosed is not None:
        line, column, quote = unclosed
        return line, column, f"this quote is never closed; add the closing {quote} at the end of the text"
    problem = error.problem or error.context or "invalid YAML"
    lines = source.splitlines() or [""]
    explained = next((explain(lines, error) for pattern, explain in _EXPLAINED
                      if error.problem_mark and pattern.search(problem)), None)
    if explained is not None:
        line, column, problem = explained
        return line + 1, column + 1, problem
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return line, column, f"{problem}; expected valid YAML (check indentation, colons and quotes)"


def colon_problem(rest_of_line: str, in_list: bool) -> str:
    """What to say of a colon that made YAML read a text as `key: value`, given what follows it on
    its line and whether the text is an item of a [ ] list."""
    if in_list:
        return "a colon inside an item of a [ ] list (a table cell); put the whole item in quotes: [\"…: …\", …]"
    if not rest_of_line.split("#")[0].strip():
        return "a colon ending the text; put the whole text in quotes (\"…:\")"
    return "a colon followed by a space inside text; put the whole text in quotes (\"…: …\")"


def _at(lines: list[str], mark: Mark) -> tuple[str, str]:
    """The mark's line split at it: the text before it, and the text from it on."""
    line = lines[mark.line] if mark.line < len(lines) else ""
    return line[:mark.column], line[mark.column:]


def _place(mark: Mark, problem: str) -> Place:
    return mark.line, mark.column, problem


def _colon(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    """A second `: ` on a line is inside the text; a lone word and a colon starting a line is a
    key the parser read as more of the text above it (indented too deep, or a colon missing above)."""
    mark = error.problem_mark
    before, after = _at(lines, mark)
    words = before.strip().removeprefix("- ").strip()
    if ": " in before or not _KEY.fullmatch(words):
        return _place(mark, colon_problem(after[1:], in_list=False))
    return mark.line, before.index(words), (
        f"`{words}:` is read as part of the text above it; expected it indented like the key above it, "
        "and the line above written `key: text` (if the colon belongs to the text, put the whole text in quotes)")


def _tab(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    return _place(error.problem_mark, "a tab character; expected spaces to indent (YAML allows no tabs there)")


def _after_quote(lines: list[str], mark: Mark) -> Place | None:
    """Text going on after a closing quote, or a bracket that closes nothing; None if neither."""
    before, after = _at(lines, mark)
    char = after[:1]
    if before.rstrip()[-1:] in ("'", '"'):
        return _place(mark, "the text goes on after its closing quote; expected the whole text inside one pair of "
                            "quotes (\"…\" around a text that has ' in it, '…' around one that has \")")
    if char in ("]", "}"):
        return _place(mark, f"a {char} that closes nothing; expected it taken out, or the whole text in quotes")
    return None


def _out_of_line(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    return _after_quote(lines, error.problem_mark) or _place(error.problem_mark, _INDENTATION)


def _unclosed_list(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    """A [ ] list: closed on a later line than it opened (or never), or broken inside one line."""
    mark, start = error.problem_mark, error.context_mark
    if start is not None and start.line != mark.line:
        return _place(start, "this [ ] list is never closed; expected a ] after its last item")
    if _at(lines, mark)[1].startswith(":"):
        return _place(mark, colon_problem("", in_list=True))
    return _after_quote(lines, mark) or _place(
        mark, "this [ ] list does not end where expected; expected its items separated by commas, then a ]")


def _colon_in_list(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    return _place(error.problem_mark, colon_problem("", in_list=True))


def _cannot_start(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    char = _at(lines, error.problem_mark)[1][:1]
    return _place(error.problem_mark, f"a text cannot start with “{char}”; put the whole text in quotes")


def _no_content(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    """A text starting with `,` or `]`, or the file ending inside a [ ] list (said at its `[`)."""
    if _at(lines, error.problem_mark)[1][:1]:
        return _cannot_start(lines, error)
    mark = error.problem_mark
    opened = next(((number, lines[number].rfind("[")) for number in range(min(mark.line, len(lines) - 1), -1, -1)
                   if "[" in lines[number]), (mark.line, mark.column))
    return *opened, "this [ ] list is never closed; expected a ] after its last item"


def _item_after_key(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    return _place(error.problem_mark, "a list item `- ` on the line of its key; expected each item on a line of "
                                      "its own under the key, or the whole text in quotes")


def _no_colon(lines: list[str], error: yaml.MarkedYAMLError) -> Place:
    return _place(error.context_mark or error.problem_mark,
                  "this line is neither `key: text` nor a list item `- text`; expected it written so, or, "
                  "if it goes on with the text above, indented under that text")


_EXPLAINED: list[tuple[re.Pattern[str], Callable[[list[str], yaml.MarkedYAMLError], Place]]] = [
    (re.compile(r"^mapping values are not allowed"), _colon),
    (re.compile(r"tab character|'\\t'"), _tab),
    (re.compile(r"^did not find expected (key|'-' indicator)|^expected <block end>"), _out_of_line),
    (re.compile(r"expected ',' or '\]'"), _unclosed_list),
    (re.compile(r"cannot start any token"), _cannot_start),
    (re.compile(r"^found unexpected ':'"), _colon_in_list),
    (re.compile(r"^could not find expected ':'"), _no_colon),
    (re.compile(r"did not find expected node content|^expected the node content"), _no_content),
    (re.compile(r"sequence entries are not allowed"), _item_after_key),
]


# A value that opens a quote: after `key: ` or `- `, a " or ' and the rest of the line.
_OPENING_QUOTE = re.compile(r"""^(\s*(?:-\s+)?(?:[^\s:#"'][^:#]*:\s+)?)(["'])(.*)$""")
_NEXT_ENTRY = re.compile(r"""^\s*(?:-\s|[^\s:#"'][^:#]*:(?:\s|$))""")


def _unclosed_quote(source: str, until_line: int) -> tuple[int, int, str] | None:
    """(line, column, quote) of a quoted text that never closes before the next entry starts, the
    usual cause of an error the parser only meets lines later."""
    lines = source.splitlines()
    for number, line in enumerate(lines[:until_line + 1]):
        match = _OPENING_QUOTE.match(line)
        if match is None:
            continue
        quote, rest = match[2], match[3]
        closed = rest.replace("\\\\", "").replace('\\"', "") if quote == '"' else rest.replace("''", "")
        following = next((text for text in lines[number + 1:] if text.strip()), "")
        if quote not in closed and _NEXT_ENTRY.match(following):
            return number + 1, len(match[1]) + 1, quote
    return None
