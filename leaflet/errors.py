"""The error every stage raises for content that cannot be built: one `file:line:col: ...` line each.

Kept apart from the content package so that the command line can name it without loading it.
"""

from __future__ import annotations

import re


class ContentError(Exception):
    """Content that cannot be built; each message is one `file:line:col: ...` line."""

    def __init__(self, messages: list[str]) -> None:
        messages = [one_line(message) for message in messages]
        super().__init__("\n".join(messages))
        self.messages = messages

    def __reduce__(self):  # across processes, as the list of messages it was made from
        return type(self), (self.messages,)


def one_line(message: str) -> str:
    """A message as one line, a long value quoted in it cut short (the place says where to look)."""
    return re.sub(r"`([^`]{60})[^`]{10,}`", r"`\1…`", " ".join(message.split()))


class LockedFileError(PermissionError):
    """An output file that cannot be replaced because another program holds it open: on Windows,
    a PDF open in a viewer. `filename` is the file; nothing was written."""
