"""Read the values clerks type or spreadsheets hold: dates, amounts in 万元, counts, names.

The one parser of each kind for the whole program: the import, the forms and the
filters all read through here, so a value means the same wherever it is typed.
Each parser returns the clean value, None for an empty entry, or raises BadValue
with the db.messages rule that was broken; the caller names the field or cell.
"""

from __future__ import annotations

import math
import re
import unicodedata
from datetime import date, datetime, time
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any


class BadValue(ValueError):
    """A cell that cannot be read as its column's type; rule is a db.messages rule."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def fold(text: Any) -> str:
    """Width-, case- and space-insensitive form (NFKC), for matching names and headers."""
    return _fold(str(text))


@lru_cache(maxsize=65536)  # a sheet repeats the same fields, kinds and investors
def _fold(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def clean_text(value: Any) -> str | None:
    """Trimmed text exactly as typed ("=1+1" stays text); None when empty."""
    if value is None:
        return None
    if isinstance(value, bool):
        value = "TRUE" if value else "FALSE"
    elif isinstance(value, float) and value.is_integer():
        # A phone or code typed into a number cell comes back as 13800000000.0.
        value = str(int(value))
    elif isinstance(value, datetime):
        value = value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    elif isinstance(value, date):
        value = value.isoformat()
    text = str(value).strip()
    return text or None


_DATE_TEXT = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# Three short numbers (24.12.12, 12/12/24) or a year last (12/12/2024): read in the
# order the caller's locale writes them; without one only year-first is unambiguous.
_SHORT_DATE = re.compile(r"^(\d{1,2})\s*([-/. ])\s*(\d{1,2})\s*\2\s*(\d{1,2}|\d{4})$")
# 12 Dec 2024, 12 December 2024, Dec 12, 2024 (how the English window shows a date).
_DAY_MONTH_NAME = re.compile(r"^(\d{1,2})\s*([a-z]{3,9})\.?,?\s*(\d{4})$")
_MONTH_NAME_DAY = re.compile(r"^([a-z]{3,9})\.?\s*(\d{1,2}),?\s*(\d{4})$")
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
DATE_ORDERS = ("ymd", "dmy", "mdy")


def parse_date(value: Any, order: str = "ymd") -> date | None:
    """Excel dates, or text 2024-12-12, 2024/12/12, 2024年12月12日, 2024.12.12, 20241212,
    24.12.12, 12 Dec 2024; with order "dmy" or "mdy" (a locale's short form, told by the
    window) also 12/12/2024 and 12/12/24. Two-digit years are 20xx."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue("not_date")  # a bare number in a text cell is not a date
    text = unicodedata.normalize("NFKC", str(value)).strip().casefold()
    if not text:
        return None
    parts = _date_parts(text, order)
    if parts is None:
        raise BadValue("not_date")
    try:
        return date(*parts)
    except ValueError:
        raise BadValue("not_date") from None


def _date_parts(text: str, order: str) -> tuple[int, int, int] | None:
    """(year, month, day) of a date's text, or None when it is no date spelling."""
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match:
        year, month, day = (int(part) for part in match.groups())
        return year, month, day
    match = _SHORT_DATE.match(text)
    if match:
        first, _sep, second, last = match.groups()
        numbers = int(first), int(second), int(last)
        if len(last) == 4:  # a year at the end: day/month order must come from the locale
            if order == "dmy":
                return numbers[2], numbers[1], numbers[0]
            if order == "mdy":
                return numbers[2], numbers[0], numbers[1]
            return None
        if order == "dmy":
            return 2000 + numbers[2], numbers[1], numbers[0]
        if order == "mdy":
            return 2000 + numbers[2], numbers[0], numbers[1]
        return 2000 + numbers[0], numbers[1], numbers[2]
    match = _DAY_MONTH_NAME.match(text)
    if match:
        day, name, year = match.groups()
        month = _month_number(name)
        return (int(year), month, int(day)) if month else None
    match = _MONTH_NAME_DAY.match(text)
    if match:
        name, day, year = match.groups()
        month = _month_number(name)
        return (int(year), month, int(day)) if month else None
    return None


def _month_number(name: str) -> int | None:
    """1-12 for an English month name or its three-letter form."""
    for number, full in enumerate(_MONTHS, start=1):
        if full.startswith(name) and (len(name) >= 3):  # "sept" too
            return number
    return None


# Units a clerk appends to an amount, and the factor to 万元.
_AMOUNT_UNITS = (
    ("亿元", Decimal(10000)),
    ("万元", Decimal(1)),
    ("亿", Decimal(10000)),
    ("万", Decimal(1)),
)


# Signs of an amount in another currency: the ledger counts 人民币 万元 only, and a
# silent conversion would be wrong data, so these are refused with their own rule.
_FOREIGN_CURRENCY = re.compile(
    r"美元|美金|欧元|港元|港币|日元|英镑|卢布|韩元|澳元|加元|新加坡元|[$€£]|usd|eur|hkd|jpy|gbp"
)


def parse_amount(value: Any) -> Decimal | None:
    """An amount in 万元: numbers, "1,234.5", full-width digits, "2.5亿元" (= 25000),
    "3000万"; "100万美元" or "$5" is BadValue("foreign_currency")."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise BadValue("not_number")
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise BadValue("not_number")
        # repr-based: 0.1 stays 0.1, not 0.1000000000000000055511151231257827; rounding
        # to 9 places drops a formula's float noise (0.1+0.2) but keeps what was typed.
        return Decimal(repr(round(value, 9)))
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    if not text:
        return None
    if _FOREIGN_CURRENCY.search(text.casefold()):
        raise BadValue("foreign_currency")
    factor = Decimal(1)
    for suffix, unit_factor in _AMOUNT_UNITS:
        if text.endswith(suffix):
            text, factor = text[: -len(suffix)], unit_factor
            break
    text = text.replace(",", "")
    if not re.fullmatch(r"[+-]?(\d+(\.\d*)?|\.\d+)", text):
        raise BadValue("not_number")
    try:
        return Decimal(text) * factor
    except InvalidOperation:
        raise BadValue("not_number") from None


def parse_int(value: Any) -> int | None:
    """A whole number (a batch number): 3, 3.0, "3", "第3批"."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise BadValue("not_number")
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer():
            return int(value)
        raise BadValue("not_number")
    text = "".join(unicodedata.normalize("NFKC", str(value)).split())
    if not text:
        return None
    match = re.fullmatch(r"第?(\d+)批?(次)?", text)
    if match is None:
        raise BadValue("not_number")
    return int(match.group(1))
