"""The print report page as HTML: a bar chart drawn here as SVG, then the table it is drawn from.

Staff reorder printed stock from it, so it shows what `make_leaflet.py report` prints: prints
(copies) and pages per month, leaflet and language. The chart needs no script and nothing from
other hosts. It is sized in CSS pixels, not scaled from a viewBox, so its text stays readable
on a phone as on a desk screen; only the bars' lengths follow the page's width (percentages).
"""

from __future__ import annotations

import datetime as dt
from html import escape
from itertools import groupby

from babel.core import UnknownLocaleError

from leaflet.records import MonthRow
from leaflet.text.locale import language_name
from leaflet.web.frame import framed
from leaflet.web.words import DIRECTION, WORDS

LONGEST_BAR = 78.0  # % of the chart's width: the rest keeps room for the number after the longest bar
MONTH_HEIGHT = 34  # px: a month's heading
BAR_HEIGHT = 52  # px: a leaflet's name, its bar under it, and the space before the next
BAR_THICKNESS = 20


def render_report(rows: list[MonthRow], interface: str, since: dt.date | None, readable: bool = True) -> str:
    """The whole page; `readable` False: the log could not be read, and the page says so instead."""
    words = WORDS[interface]
    other = "en" if interface == "ur" else "ur"
    day = since.isoformat() if since else ""
    since_query = f"&amp;since={day}" if since else ""
    main = f"""  <p class="hint">{escape(words["recorded"])}</p>
  <form class="since" action="/report" method="get">
    <input type="hidden" name="lang" value="{interface}">
    <label>{escape(words["since"])} <input name="since" type="date" value="{day}"></label>
    <button type="submit">{escape(words["show"])}</button>
  </form>
{_body(rows, words, interface, since, readable)}"""
    return framed(interface, words["report"], (f"/?lang={interface}", words["leaflets"]),
                  f"/report?lang={other}{since_query}", main, main_class="report")


def _body(rows: list[MonthRow], words: dict[str, str], interface: str, since: dt.date | None,
          readable: bool) -> str:
    if not readable:
        return f'  <p class="report-note" role="status">{escape(words["unreadable"])}</p>'
    if not rows:
        empty = words["empty since"].format(date=since.isoformat()) if since else words["empty"]
        return f'  <p class="report-note" role="status">{escape(empty)}</p>'
    return _chart(rows, words, right_to_left=DIRECTION[interface] == "rtl") + "\n" + _table(rows, words, since)


def _chart(rows: list[MonthRow], words: dict[str, str], right_to_left: bool) -> str:
    """One bar per month and leaflet (its languages together), as long as its prints; months in order."""
    bars = [(month, leaflet, sum(row.prints for row in group))
            for (month, leaflet), group in groupby(rows, key=lambda row: (row.month, row.leaflet))]
    most = max(prints for _, _, prints in bars)
    parts, y = [], 0
    for month, in_month in groupby(bars, key=lambda bar: bar[0]):
        parts.append(_text(_edge(right_to_left), y + 24, month, "month", right_to_left))
        y += MONTH_HEIGHT
        for _, leaflet, prints in in_month:
            parts.append(_bar(leaflet, prints, prints / most * LONGEST_BAR, y, right_to_left))
            y += BAR_HEIGHT
    drawn = "\n".join(parts)
    # direction="ltr": the bars are placed by hand on the side the page reads from, so the browser's
    # own mirroring of text-anchor in a right-to-left page must not apply to them a second time.
    return f"""  <h2 id="chart-title">{escape(words["chart"])}</h2>
  <div class="chart-box">
  <svg class="chart" role="img" aria-labelledby="chart-title" width="100%" height="{y}" direction="ltr">
{drawn}
  </svg>
  </div>"""


def _bar(leaflet: str, prints: int, length: float, y: int, right_to_left: bool) -> str:
    """A leaflet's name, its bar (on a pale track of the longest bar's length) and its number after it."""
    start = 100 - length if right_to_left else 0.0
    track = 100 - LONGEST_BAR if right_to_left else 0.0
    end = start if right_to_left else length
    middle = y + 24 + BAR_THICKNESS / 2 + 5  # the number's baseline, centred on the bar
    return "\n".join([
        _text(_edge(right_to_left), y + 17, leaflet, "leaflet", right_to_left),
        f'    <rect class="track" x="{track:.2f}%" y="{y + 24}" width="{LONGEST_BAR:.2f}%" height="{BAR_THICKNESS}"/>',
        f'    <rect class="bar" x="{start:.2f}%" y="{y + 24}" width="{length:.2f}%" height="{BAR_THICKNESS}" '
        f'data-prints="{prints}"/>',
        _text(f"{end:.2f}%", middle, f"{prints:,}", "value", right_to_left, gap=6),
    ])


def _text(x: str, y: float, words: str, kind: str, right_to_left: bool, gap: int = 0) -> str:
    """SVG text starting at x, or in a right-to-left page ending there (gap: px away from x, outwards)."""
    anchor, shift = ("end", -gap) if right_to_left else ("start", gap)
    dx = f' dx="{shift}"' if gap else ""
    return f'    <text class="{kind}" x="{x}"{dx} y="{y:g}" text-anchor="{anchor}">{escape(words)}</text>'


def _edge(right_to_left: bool) -> str:
    """Where a line of the chart starts: the side the page is read from."""
    return "100%" if right_to_left else "0"


def _table(rows: list[MonthRow], words: dict[str, str], since: dt.date | None) -> str:
    caption = words["table"] + (" (" + words["from"].format(date=since.isoformat()) + ")" if since else "")
    body = "\n".join(
        f'      <tr><th scope="row"><bdi>{escape(row.month)}</bdi></th>'
        f'<td><bdi class="id">{escape(row.leaflet)}</bdi></td>'
        f"<td>{_language(row.language, words)}</td>"
        f'<td class="number">{row.prints:,}</td><td class="number">{row.pages:,}</td></tr>' for row in rows)
    prints, pages = sum(row.prints for row in rows), sum(row.pages for row in rows)
    return f"""  <div class="table-box" role="region" aria-labelledby="table-caption" tabindex="0">
    <table class="prints">
      <caption id="table-caption">{escape(caption)}</caption>
      <thead><tr><th scope="col">{escape(words["month"])}</th><th scope="col">{escape(words["leaflet"])}</th>
        <th scope="col">{escape(words["language"])}</th><th scope="col" class="number">{escape(words["prints"])}</th>
        <th scope="col" class="number">{escape(words["pages"])}</th></tr></thead>
      <tbody>
{body}
      </tbody>
      <tfoot><tr><th scope="row" colspan="3">{escape(words["total"])}</th>
        <td class="number">{prints:,}</td><td class="number">{pages:,}</td></tr></tfoot>
    </table>
  </div>"""


def _language(code: str, words: dict[str, str]) -> str:
    """A language by its own name, in its own script; a code the log holds but no locale knows, as it is."""
    if code == "bilingual":
        return escape(words["bilingual"])
    try:
        name = language_name(code)
    except (ValueError, UnknownLocaleError):
        return f"<bdi>{escape(code)}</bdi>"
    return f'<span lang="{escape(code)}" dir="{DIRECTION.get(code, "ltr")}">{escape(name)}</span>'
