"""Field checks that collect every problem before anything is written."""

from __future__ import annotations

import math
import re
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from db.errors import FieldError, ValidationError
from db.labels import label
from db.messages import msg

MAX_AMOUNT = Decimal("999999999999.99")
# The largest INTEGER column value on every backend (PostgreSQL's is 32-bit).
MAX_INT = 2**31 - 1
MIN_DATE = date(1900, 1, 1)
MAX_DATE = date(2100, 12, 31)
# C0 controls and DEL; tabs and newlines are allowed only in multi-line text.
# Lone UTF-16 surrogates (a broken paste) cannot be stored as UTF-8 at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")
_CONTROL_SINGLE = re.compile(r"[\x00-\x1f\x7f\ud800-\udfff]")


class Checker:
    """Collects FieldErrors for one record; raise() if any were found."""

    def __init__(self, record: str) -> None:
        self.record = record
        self.errors: list[FieldError] = []

    def field_label(self, name: str) -> str:
        return label(f"{self.record}.{name}")

    def fail(self, name: str, rule: str, **params: Any) -> None:
        message = msg(f"rule.{rule}", field=self.field_label(name), **params)
        self.errors.append(FieldError(name, rule, message))

    def ok(self, name: str) -> bool:
        return not any(e.field == name for e in self.errors)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ValidationError(self.errors)

    def text(
        self,
        name: str,
        value: str | None,
        *,
        max_len: int,
        required: bool = False,
        multiline: bool = False,
    ) -> str | None:
        """Trimmed text, None when empty."""
        if value is not None and not isinstance(value, str):
            value = str(value)
        value = value.strip() if value else None
        if not value:
            if required:
                self.fail(name, "required")
            return None
        if len(value) > max_len:
            self.fail(name, "too_long", max=max_len, length=len(value))
        pattern = _CONTROL if multiline else _CONTROL_SINGLE
        if pattern.search(value):
            self.fail(name, "control_chars")
            # Not handed on: PostgreSQL refuses NUL even in the uniqueness lookups.
            return None
        return value

    def amount(self, name: str, value: Any, *, required: bool = False) -> Decimal | None:
        if value is None or value == "":
            if required:
                self.fail(name, "required")
            return None
        try:
            if isinstance(value, float) and not math.isfinite(value):
                raise InvalidOperation
            amount = Decimal(str(value)) if not isinstance(value, Decimal) else value
            if not amount.is_finite():
                raise InvalidOperation
        except (InvalidOperation, ValueError):
            self.fail(name, "not_number")
            return None
        if amount < 0:
            self.fail(name, "not_negative")
        elif amount > MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
            self.fail(name, "amount_range", max=f"{MAX_AMOUNT:,}")
        return amount.quantize(Decimal("0.01")) if self.ok(name) else None

    def date(self, name: str, value: Any, *, required: bool = False) -> date | None:
        if value is None or value == "":
            if required:
                self.fail(name, "required")
            return None
        if not isinstance(value, date):
            self.fail(name, "not_date")
            return None
        if not MIN_DATE <= value <= MAX_DATE:
            self.fail(name, "date_range")
        return value

    def date_order(
        self, start_name: str, start: date | None, end_name: str, end: date | None
    ) -> None:
        if start and end and end < start and self.ok(end_name):
            self.fail(end_name, "end_before_start", other=self.field_label(start_name))

    def choice(self, name: str, enum_cls: type[StrEnum], value: Any, *, required: bool = True):
        if value is None or value == "":
            if required:
                self.fail(name, "required")
            return None
        try:
            return enum_cls(value)
        except ValueError:
            self.fail(name, "choice", value=value)
            return None

    def integer(
        self, name: str, value: Any, *, minimum: int = 1, maximum: int = MAX_INT
    ) -> int | None:
        if value is None or value == "":
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(name, "not_number")
            return None
        if value < minimum:
            self.fail(name, "not_negative")
        elif value > maximum:
            self.fail(name, "int_range", min=minimum, max=maximum)
        return value
