"""Locale-aware wording of numbers, dates, days and times (babel)."""

from __future__ import annotations

import datetime as dt

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_day_names
from babel.numbers import format_decimal, format_percent

from leaflet.content.model import OpeningHours


def locale_for(language: str, region: str) -> str:
    """The babel locale for a language in the leaflet's country, e.g. en + PK -> en_PK."""
    try:
        return str(Locale.parse(f"{language}_{region}"))
    except (UnknownLocaleError, ValueError):
        return language


def text_direction(locale: str) -> str:
    """'ltr' or 'rtl', from the locale data rather than a hard-coded list."""
    return Locale.parse(locale).text_direction


def language_name(language: str, in_language: str | None = None) -> str:
    """The language's name in itself, e.g. English, اردو; or in `in_language` (Urdu, in English)."""
    return Locale.parse(language).get_display_name(in_language or language).capitalize()


def number(value: int, locale: str) -> str:
    return format_decimal(value, locale=locale)


def percent(value: int, locale: str) -> str:
    """A percentage, e.g. 70%, with the locale's digits and percent pattern."""
    return format_percent(value / 100, locale=locale)


def percent_range(low: int, high: int, locale: str) -> str:
    """A range of percentages, e.g. 70-80%, with the locale's digits and percent pattern."""
    return f"{number(low, locale)}-{format_percent(high / 100, locale=locale)}"


def long_date(value: dt.date, locale: str, pattern: str | None = None) -> str:
    """A date written out, e.g. 25 November 2026; `pattern` (babel's) where the long form will not do."""
    return format_date(value, format=pattern or "long", locale=locale)


def page_of(template: str, page: int, pages: int, locale: str) -> str:
    return template.format(page=number(page, locale), pages=number(pages, locale))


def opening_hours(template: str, hours: OpeningHours, locale: str, time_format: str | None = None) -> str:
    days = get_day_names("wide", locale=locale)
    pattern = time_format or "short"
    return template.format(
        first_day=days[hours.first_day],
        last_day=days[hours.last_day],
        opens=format_time(hours.opens, format=pattern, locale=locale),
        closes=format_time(hours.closes, format=pattern, locale=locale),
    )
