"""What every page of the desk shares: the document, its header with the link to the other page
and the language switch, and the desk's own style (nothing from other hosts)."""

from __future__ import annotations

from html import escape

from leaflet.web.words import DIRECTION, WORDS


def framed(interface: str, title: str, to_page: tuple[str, str], switch: str, main: str,
           main_class: str = "", scripts: tuple[str, ...] = ()) -> str:
    """A whole page: `to_page` the (address, words) of the link to the other page, `switch` the
    address of this page in the other language, `main` its escaped content."""
    other = "en" if interface == "ur" else "ur"
    address, words = to_page
    loaded = "".join(f'<script src="{script}"></script>\n' for script in scripts)
    return f"""<!doctype html>
<html lang="{interface}" dir="{DIRECTION[interface]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)}</title>
<link rel="stylesheet" href="/static/desk.css">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body>
<header>
  <h1>{escape(title)}</h1>
  <a class="to-page" href="{address}">{escape(words)}</a>
  <a class="switch" href="{switch}" lang="{other}">{escape(WORDS[interface]["switch"])}</a>
</header>
<main{f' class="{main_class}"' if main_class else ""}>
{main}
</main>
{loaded}</body>
</html>
"""
