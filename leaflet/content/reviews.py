"""When a leaflet's review comes due (document_control.next_review), for `list`, `check` and the desk.

Pure and light (the standard library and the model only): the desk asks it with today's date
for every card it shows, without loading the layout engine.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from leaflet.content.model import DocumentControl

# How long before its date a review is announced: time to book the reviewers.
REVIEW_SOON_DAYS = 30


@dataclass(frozen=True)
class ReviewDue:
    """A review that is due, or will be within REVIEW_SOON_DAYS."""

    date: dt.date  # document_control.next_review
    days_left: int  # from today to that date: 0 on the day itself, negative once it has passed

    @property
    def overdue(self) -> bool:
        """The date has come: a review is due from its own day on, not from the day after."""
        return self.days_left <= 0

    @property
    def days_since(self) -> int:
        """Days since the date (0 on the day itself); meaningful when overdue."""
        return -self.days_left


def review_due(control: DocumentControl, today: dt.date) -> ReviewDue | None:
    """The review's state on `today`: overdue, due within REVIEW_SOON_DAYS, or None (nothing to say yet)."""
    days_left = (control.next_review - today).days
    if days_left > REVIEW_SOON_DAYS:
        return None
    return ReviewDue(control.next_review, days_left)
