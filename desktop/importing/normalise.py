"""Turn the usual spreadsheet mess into clean values (pure functions, no database).

The value parsers themselves live in db.values (one parser each, shared with the
window's forms); this module adds what only an import needs: enum spellings and
lists of names in one cell. The caller names the sheet, row and column.
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from db.labels import enum_aliases
from db.values import (  # noqa: F401 (re-exported: the import's one way to read values)
    BadValue,
    clean_text,
    fold,
    parse_amount,
    parse_date,
    parse_int,
)


def enum_lookup(enum_cls: type[StrEnum]) -> dict[str, StrEnum]:
    """Folded spellings (code, Chinese, English) of an enum's values."""
    return {fold(name): member for name, member in enum_aliases(enum_cls).items()}


def parse_enum(value: Any, lookup: dict[str, StrEnum]) -> StrEnum | None:
    text = clean_text(value)
    if text is None:
        return None
    member = lookup.get(fold(text))
    if member is None:
        raise BadValue("choice")
    return member


_LIST_SEPARATORS = re.compile(r"[;；、,，\n]+")


def split_list(value: Any) -> list[str]:
    """Names listed in one cell, separated by ；、, or new lines."""
    text = clean_text(value)
    if text is None:
        return []
    return [part.strip() for part in _LIST_SEPARATORS.split(text) if part.strip()]
