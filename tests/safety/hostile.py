"""Hostile values for the property tests, and what the services should make of them.

The oracles restate the documented rules (db/services/validate.py): text is trimmed
of surrounding whitespace; empty counts as missing; too long or with control
characters (tabs and line breaks only in multi-line text) is refused; amounts are
finite, not negative, at most MAX_AMOUNT with two decimals; dates lie in 1900–2100.
"""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any

from hypothesis import strategies as st

from db.services.validate import MAX_AMOUNT, MAX_DATE, MIN_DATE

ODD = [
    "\x00", "\x01", "\x07", "\x08", "\x0b", "\x1b", "\x7f",  # control characters
    "\t", "\n", "\r", " ", "\u00a0", "\u3000",  # whitespace, ASCII and not
    "\u200f", "\u202e", "\u202d", "\u2066", "\u200b", "\ufeff",  # RTL marks, zero widths
    "😀", "👨\u200d👩\u200d👧", "🇨🇳", "𠀀",  # emoji, a ZWJ family, a flag, astral CJK
    "中", "川", "渝", "ａ", "Ⅻ", "é", "e\u0301", "'", '"', "\\", "%", "_", "=", "--", ";",
    chr(0xD800), chr(0xDFFF),  # lone surrogates, as a broken paste can give
]  # fmt: skip
# What clean_text must not contain (chr() for surrogates: linters misread their escapes).
BAD = set("\x00\x01\x07\x08\x0b\x1b\x7f\t\n\r") | {chr(0xD800), chr(0xDFFF)}
LONG_SIZES = [199, 200, 201, 499, 500, 501, 20_000, 20_001, 100_000]

short_text = st.lists(
    st.one_of(st.sampled_from(ODD), st.characters(blacklist_categories=("Cs",))), max_size=30
).map("".join)
# Odd but lawful: RTL marks, emoji, wide and combining characters, no control characters.
clean_text = st.lists(
    st.one_of(
        st.sampled_from([c for c in ODD if c not in BAD]),
        st.characters(blacklist_categories=("Cs", "Cc")),
    ),
    min_size=1,
    max_size=30,
).map("".join)
long_text = st.builds(
    lambda ch, n, pad: pad + ch * n + pad,
    st.sampled_from(["a", "中", "😀", "\u202e", "\n"]),
    st.sampled_from(LONG_SIZES),
    st.sampled_from(["", " ", "\n"]),
)
# Lawful values come up often enough that the read-back path is well exercised too.
texts = st.one_of(st.none(), *[clean_text] * 6, short_text, long_text)
required_texts = st.one_of(*[clean_text] * 8, short_text, long_text)

hostile_amounts = st.one_of(
    st.none(),
    st.floats(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(min_value=Decimal("-1e13"), max_value=Decimal("1e13"), places=2),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.sampled_from(["", "abc", "1e3", "-0", "0.001", "12.5", " 7 ", "NaN", "Infinity"]),
)
lawful_amounts = st.decimals(min_value=0, max_value=MAX_AMOUNT, places=2)
amounts = st.one_of(*[lawful_amounts] * 4, hostile_amounts)
lawful_dates = st.dates(min_value=MIN_DATE, max_value=MAX_DATE)
dates = st.one_of(
    *[lawful_dates] * 4,
    st.none(),
    st.dates(min_value=date(1899, 12, 1), max_value=date(2101, 1, 31)),
    st.sampled_from([date(1900, 1, 1), date(2100, 12, 31), date(1899, 12, 31), date(2101, 1, 1)]),
    st.sampled_from(["2024-12-12", 20241212]),
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_CONTROL_SINGLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


def expect_text(
    value: str | None, max_len: int, *, required: bool = False, multiline: bool = False
) -> tuple[bool, str | None]:
    """(accepted?, value stored) for one text field."""
    stored = value.strip() if value else None
    if not stored:
        return not required, None
    pattern = _CONTROL if multiline else _CONTROL_SINGLE
    return len(stored) <= max_len and not pattern.search(stored), stored


def expect_amount(value: Any, *, required: bool = False) -> tuple[bool, Decimal | None]:
    if value is None or (isinstance(value, str) and value == ""):
        return not required, None
    if isinstance(value, float) and not math.isfinite(value):
        return False, None
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return False, None
    if not amount.is_finite() or amount < 0 or amount > MAX_AMOUNT:
        return False, None
    if amount != amount.quantize(Decimal("0.01")):
        return False, None
    return True, amount.quantize(Decimal("0.01"))


def expect_date(value: Any, *, required: bool = False) -> tuple[bool, date | None]:
    if value is None or value == "":
        return not required, None
    if not isinstance(value, date):
        return False, None
    return MIN_DATE <= value <= MAX_DATE, value
