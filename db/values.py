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


def parse_date(value: Any) -> date | None:
    """Excel dates, or text 2024-12-12, 2024/12/12, 2024年12月12日, 2024.12.12, 20241212."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise BadValue("not_date")  # a bare number in a text cell is not a date
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = _DATE_TEXT.match(text) or _COMPACT_DATE.match(text)
    if match is None:
        raise BadValue("not_date")
    try:
        return date(*(int(part) for part in match.groups()))
    except ValueError:
        raise BadValue("not_date") from None


# Units a clerk appends to an amount, and the factor to 万元.
_AMOUNT_UNITS = (
    ("亿元", Decimal(10000)),
    ("万元", Decimal(1)),
    ("亿", Decimal(10000)),
    ("万", Decimal(1)),
)


def parse_amount(value: Any) -> Decimal | None:
    """An amount in 万元: numbers, "1,234.5", full-width digits, "2.5亿元" (= 25000)."""
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
