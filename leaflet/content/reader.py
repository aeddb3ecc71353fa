"""Typed reading of a composed YAML node tree, collecting one message per problem.

PyYAML's safe composer gives nodes with line and column marks; reading them
ourselves (instead of ``safe_load`` then validating plain dicts) lets every
message point at the exact place a translator has to fix.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import TypeVar

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from leaflet.content.limits import DEFAULT_KIND, MAX_CHARACTERS, MAX_ITEMS
from leaflet.content.model import Location, Text
from leaflet.content.yaml_problems import colon_problem, plain_problem

T = TypeVar("T")

_TAG = "tag:yaml.org,2002:"
# libyaml's safe loader where PyYAML was built with it: the same nodes and marks, ten times faster.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_KIND_NAMES = {
    f"{_TAG}int": "a number",
    f"{_TAG}float": "a number",
    f"{_TAG}bool": "a yes/no value",
    f"{_TAG}null": "nothing",
    f"{_TAG}timestamp": "a date",
}


def describe(node: Node) -> str:
    if node.tag not in (*_KIND_NAMES, f"{_TAG}str", f"{_TAG}seq", f"{_TAG}map"):
        return f"a value tagged `{node.tag}`"
    if isinstance(node, MappingNode):
        return "a mapping (key: value pairs)"
    if isinstance(node, SequenceNode):
        return "a list"
    return _KIND_NAMES.get(node.tag, "text")


class NodeReader:
    """Reads one YAML file's nodes into typed values; problems go to `errors`."""

    def __init__(self, path: str, errors: list[str]) -> None:
        self.path = path
        self.errors = errors
        self.files: dict[int, str] = {}  # id of a node -> the file it was written in, where not `path`
        self.sources: dict[str, str] = {}  # each file composed -> its text, for positions inside scalars

    def location(self, node: Node) -> Location:
        mark = node.start_mark
        return Location(self.files.get(id(node), self.path), mark.line + 1, mark.column + 1)

    def adopt(self, root: Node, path: str) -> None:
        """Record that every node under `root` was written in `path` (a shared file merged in)."""
        stack = [root]
        while stack:
            node = stack.pop()
            self.files[id(node)] = path
            if isinstance(node, MappingNode):
                stack.extend(part for pair in node.value for part in pair)
            elif isinstance(node, SequenceNode):
                stack.extend(node.value)

    def error(self, node: Node | None, field: str, problem: str, expected: str) -> None:
        where = self.location(node) if node is not None else Location(self.path, 1, 1)
        self.errors.append(f"{where}: {field}: {problem}; {expected}")

    def compose(self, source: str, path: str | None = None) -> Node | None:
        """The node tree of `source` (the file at `path`, default this reader's), or None with errors."""
        path = path or self.path
        self.sources[path] = source
        try:
            for event in yaml.parse(source, Loader=_LOADER):
                if isinstance(event, yaml.AliasEvent):  # a few aliases can stand for millions of nodes
                    mark = event.start_mark
                    self.errors.append(f"{path}:{mark.line + 1}:{mark.column + 1}: (yaml): an alias "
                                       f"(*{event.anchor}); expected the text written out in full")
                    return None
            return yaml.compose(source, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            line, column, problem = plain_problem(source, exc)
            self.errors.append(f"{path}:{line}:{column}: (yaml): {problem}")
        except yaml.YAMLError as exc:
            self.errors.append(f"{path}:1:1: (yaml): {exc}; expected valid YAML")
        return None

    def mapping(
        self, node: Node, field: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, Node] | None:
        """The keys of a mapping node, after reporting missing, unknown and repeated keys."""
        if not isinstance(node, MappingNode):
            self.error(node, field, f"found {describe(node)}", "expected a mapping (key: value pairs)")
            return None
        found: dict[str, Node] = {}
        allowed = required + optional
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, ScalarNode) else None
            name = join(field, str(key))
            if key not in allowed:
                self.error(key_node, name, "unknown key", f"expected one of: {', '.join(allowed)}")
            elif key in found:
                self.error(key_node, name, "key given twice", "expected each key once")
            else:
                found[key] = value_node
        for key in required:
            if key not in found:
                self.error(node, join(field, key), "missing", f"expected a `{key}:` entry here")
        return found

    def text(self, node: Node, field: str, kind: str = DEFAULT_KIND) -> Text | None:
        """Text of a scalar, white space folded; `kind` sets its longest length (limits.py)."""
        if not isinstance(node, ScalarNode) or node.tag != f"{_TAG}str":
            colon = self._colon_in_item(node)
            if colon is not None:
                where, rest_of_line = colon
                self.errors.append(f"{where}: {field}: {colon_problem(rest_of_line, bool(node.flow_style))}")
                return None
            hint = " (put it in quotes)" if isinstance(node, ScalarNode) and node.value else ""
            self.error(node, field, f"found {describe(node)}", f"expected text{hint}")
            return None
        limit = MAX_CHARACTERS[kind]
        if len(node.value) > limit * 2 or len(" ".join(node.value.split())) > limit:
            self.error(node, field, f"{len(node.value):,} characters, too long for a {kind}",
                       f"expected at most {limit:,}" + (" (split it into several blocks)"
                                                        if kind in ("paragraph", "bullet", "callout") else ""))
            return None
        control = next((char for char in node.value if _is_forbidden(char)), None)
        if control is not None:
            self.error(node, field, f"an invisible control character U+{ord(control):04X}",
                       "expected plain text (the direction of Urdu and Latin is set automatically)")
            return None
        value = " ".join(node.value.split())
        if not value:
            self.error(node, field, "empty text", "expected the text to show")
            return None
        location = self.location(node)
        source = self.sources.get(location.path, "")
        text = Text(value, location, source[node.start_mark.index:node.end_mark.index])
        if value.count("**") % 2:
            self.errors.append(f"{text.at(value.rindex('**'))}: {field}: unpaired `**`; "
                               "expected bold text written as **words**")
            return None
        return text

    def _colon_in_item(self, node: Node) -> tuple[Location, str] | None:
        """Where the colon is, and what follows it on its line, of a list item written as text that
        YAML read as `key: value` (`- Note: this`, `[Note: this, ...]`); None for anything else."""
        if not (isinstance(node, MappingNode) and len(node.value) == 1):
            return None
        key, value = node.value[0]
        source = self.sources.get(self.location(node).path, "")
        colon = key.end_mark.index
        line_start = source.rfind("\n", 0, node.start_mark.index) + 1
        in_item = node.flow_style or source[line_start:node.start_mark.index].rstrip().endswith("-")
        if not (in_item and isinstance(key, ScalarNode) and isinstance(value, ScalarNode)
                and source.startswith(":", colon)):
            return None
        line_end = source.find("\n", colon)
        where = Location(self.location(node).path, key.end_mark.line + 1, key.end_mark.column + 1)
        return where, source[colon + 1:line_end if line_end >= 0 else len(source)]

    def sequence(self, node: Node, field: str, read_item: Callable[[Node, str], T | None],
                 limit: int = MAX_ITEMS) -> list[T]:
        if not isinstance(node, SequenceNode):
            self.error(node, field, f"found {describe(node)}", "expected a list (lines starting with `- `)")
            return []
        if not node.value:
            self.error(node, field, "empty list", "expected at least one item")
        if len(node.value) > limit:
            self.error(node, field, f"{len(node.value)} items", f"expected at most {limit}")
            return []
        items = (read_item(item, f"{field}[{index}]") for index, item in enumerate(node.value))
        return [item for item in items if item is not None]

    def check_unique(self, node: Node, field: str, values: list[str], noun: str, suffix: str = "") -> None:
        """Each value of a list written once; a repeat is reported at its item (`field[i]` + suffix)."""
        seen: set[str] = set()
        for index, value in enumerate(values):
            if value in seen:
                self.error(node.value[index], f"{field}[{index}]{suffix}", f"{noun} `{value}` used twice",
                           f"expected every {noun} once")
            seen.add(value)

    def identifier(self, node: Node, field: str) -> Text | None:
        value = self.text(node, field)
        if value is not None and not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", value):
            self.error(node, field, f"`{value}` is not a valid id",
                       "expected lowercase words joined by hyphens")
            return None
        return value

    def integer(self, node: Node, field: str) -> int | None:
        if isinstance(node, ScalarNode) and node.tag == f"{_TAG}int":
            return int(node.value)
        self.error(node, field, f"found {describe(node)}", "expected a whole number")
        return None

    def date(self, node: Node, field: str) -> dt.date | None:
        if isinstance(node, ScalarNode) and node.tag in (f"{_TAG}timestamp", f"{_TAG}str"):
            try:
                return dt.date.fromisoformat(node.value.strip())
            except ValueError:
                pass
        self.error(node, field, f"found {describe(node)}", "expected a date written YYYY-MM-DD")
        return None

    def time(self, node: Node, field: str) -> dt.time | None:
        if isinstance(node, ScalarNode) and re.fullmatch(r"\d\d:\d\d", node.value.strip()):
            try:
                return dt.time.fromisoformat(node.value.strip())
            except ValueError:
                pass
        self.error(node, field, f"`{node.value}` is not a time" if isinstance(node, ScalarNode)
                   else f"found {describe(node)}", 'expected a 24-hour time in quotes, e.g. "17:00"')
        return None

    def choice(self, node: Node, field: str, choices: tuple[str, ...]) -> str | None:
        if isinstance(node, ScalarNode) and node.value in choices:
            return node.value
        found = f"`{node.value}`" if isinstance(node, ScalarNode) else describe(node)
        self.error(node, field, f"found {found}", f"expected one of: {', '.join(choices)}")
        return None


# Explicit direction controls would fight the text engine's own isolates; the rest cannot be shown.
_DIRECTION_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _is_forbidden(char: str) -> bool:
    if char in _DIRECTION_CONTROLS:
        return True
    category = unicodedata.category(char)
    return category in ("Cc", "Co", "Cs", "Cn") and not char.isspace()


def join(field: str, key: str) -> str:
    return f"{field}.{key}" if field else key
