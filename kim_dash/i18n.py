"""One translation table and locale-aware number and date formatting (Babel).

A missing key raises KeyError: a label never silently falls back to another language.
"""

from __future__ import annotations

import datetime as dt

from babel import Locale
from babel.dates import format_date
from babel.lists import format_list

from kim_dash.strings import STRINGS

LANGUAGES = ("id", "en")
DEFAULT_LANGUAGE = "id"
_LOCALES = {"id": "id_ID", "en": "en_US"}
# one number format per kind of figure, everywhere (KPI, table, chart, extract, PDF)
DECIMALS = 2  # KIM per 10 desa, mean per kecamatan, a target share such as 3,75
PERCENT_DECIMALS = 1  # coverage and shares: 23,1%


def t(key: str, lang: str = DEFAULT_LANGUAGE, **params: object) -> str:
    """The text for `key` in `lang`, with `{name}` placeholders filled from params.

    Plurals: when the entry has a `<lang>_one` form and the `count` parameter is 1, that form is
    used ("1 row" / "2 rows"); Bahasa Indonesia rarely needs one.
    """
    entry = STRINGS[key]
    text = entry[lang]
    if params.get("count") == 1:
        text = entry.get(f"{lang}_one", text)
    return text.format(**params) if params else text


def _symbols(lang: str) -> tuple[str, str]:
    """The locale's decimal mark and thousands separator (',' and '.' for id_ID), from Babel's data."""
    symbols = Locale.parse(_LOCALES[lang]).number_symbols["latn"]
    return symbols["decimal"], symbols["group"]


_MARKS = {lang: _symbols(lang) for lang in LANGUAGES}


def fmt_num(value: float, lang: str, digits: int = DECIMALS) -> str:
    """3.75 -> '3,75' (id) / '3.75' (en); thousands grouped. Written out (not Babel's pattern engine)
    because tables format thousands of cells per rerun; the marks are Babel's own."""
    decimal, group = _MARKS[lang]
    text = f"{float(value):,.{digits}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", group)


def fmt_int(value: float | int, lang: str) -> str:
    return fmt_num(round(value), lang, 0)


def fmt_x_of_y(x: int, y: int, lang: str) -> str:
    """22, 31 -> '22 dari 31' (id) / '22 of 31' (en), both numbers in the locale's format."""
    return t("common.x_of_y", lang, x=fmt_int(x, lang), y=fmt_int(y, lang))


def fmt_pct(fraction: float, lang: str, digits: int = PERCENT_DECIMALS) -> str:
    """0.125 -> '12,5%' (id) / '12.5%' (en)."""
    return fmt_num(float(fraction) * 100, lang, digits) + "%"


def fmt_month(value: dt.date, lang: str) -> str:
    return format_date(value, "MMMM yyyy", locale=_LOCALES[lang])


def fmt_date(value: dt.date, lang: str) -> str:
    return format_date(value, "long", locale=_LOCALES[lang])


def fmt_as_of(as_of: str, lang: str) -> str:
    """A history date as stored ('2014-12', '2016-12-20' or '' for undated) in words."""
    from kim_dash.sources.dates import BadDate, parse_as_of

    if not as_of:
        return t("common.undated", lang)
    try:
        when = parse_as_of(as_of, allow_future=True)
    except BadDate:  # loaders report such a date; here it is shown as written, never a crash
        return as_of
    if when.precision == "year":
        return str(when.year)
    if when.precision == "month":
        return fmt_month(when.start, lang)
    return fmt_date(when.start, lang)


def fmt_list(items: list[str], lang: str) -> str:
    """['A', 'B', 'C'] -> 'A, B, dan C' (id) / 'A, B, and C' (en)."""
    return format_list(list(items), locale=_LOCALES[lang]) if items else ""
