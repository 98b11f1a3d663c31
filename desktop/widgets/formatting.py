"""How values look in tables and detail panels: amounts, dates, enum labels."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QLocale

from db.labels import enum_label, label
from db.lang import current_language


def amount_text(value: Any) -> str:
    """Thousands separators and two decimals (万元)."""
    if value is None or value == "":
        return ""
    return f"{Decimal(str(value)):,.2f}"


def date_text(value: date | datetime | None, lang: str | None = None) -> str:
    """A date per the UI language: 2024年12月12日 in Chinese, 12 Dec 2024 in English."""
    if value is None:
        return ""
    zh = (lang or current_language()) == "zh"
    day = f"{value.year}年{value.month}月{value.day}日" if zh else _english_day(value)
    if isinstance(value, datetime):
        return f"{day} {value:%H:%M}"
    return day


def _english_day(value: date) -> str:
    locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    return locale.toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def enum_text(family: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, StrEnum):
        return enum_label(value)
    return label(f"{family}.{value}")


def cell_text(kind: str, value: Any) -> str:
    """The text of one table cell for a column of the given kind (lists.Col.kind)."""
    if value is None:
        return ""
    if kind == "amount":
        return amount_text(value)
    if kind == "date":
        return date_text(value)
    if kind.startswith("enum:"):
        return enum_text(kind.split(":", 1)[1], value)
    return str(value)


def caption_text(key: str) -> str:
    """A field's label as the caption before a box: 推进阶段： / Stage:"""
    return label(key) + ("：" if current_language() == "zh" else ":")
