"""DB values to sheet values: enums become their names, the rest stays typed.

Numbers stay numbers and dates stay dates (never text), so the clerk can sum
and sort the printed lists in Excel.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from enum import StrEnum
from functools import lru_cache
from typing import Any

from db.labels import label


@lru_cache(maxsize=512)
def enum_text(family: str, value: str, lang: str) -> str:
    return label(f"{family}.{value}", lang)


def enum_name(value: StrEnum | str | None, family: str, lang: str) -> str | None:
    if value is None:
        return None
    return enum_text(family, getattr(value, "value", value), lang)


def converter(col_kind: str, lang: str) -> Callable[[Any], Any] | None:
    """How a list column's values become cells; None where they go in as they are."""
    if col_kind.startswith("enum:"):
        family = col_kind.split(":", 1)[1]
        return lambda v: enum_name(v, family, lang)
    if col_kind == "amount":
        return lambda v: Decimal(v) if v is not None and not isinstance(v, Decimal) else v
    return None


def total(values) -> Decimal:
    """Exact sum of amounts (None counts as 0)."""
    return sum((Decimal(v) for v in values if v is not None), start=Decimal("0"))
