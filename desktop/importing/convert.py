"""Cells to the values the services take: parse, then look names up.

A problem is reported against the cell (sheet, row, column, value, rule message);
unknown units are created through units.create when the import allows it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from db.enums import Province, UnitKind
from db.errors import ValidationError
from db.messages import msg
from db.services import common, units
from desktop.importing.columns import Column
from desktop.importing.lookups import Lookups
from desktop.importing.normalise import (
    BadValue,
    clean_text,
    fold,
    parse_amount,
    parse_date,
    parse_enum,
    parse_int,
    split_list,
)
from desktop.importing.workbook import SheetData


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the file, where the clerk will find it."""

    sheet: str
    row: int
    column: str
    value: str
    message: str
    col_index: int | None = None


@dataclass
class UnitPolicy:
    """What to do with a unit name nobody has recorded yet."""

    create: bool = True
    created: list[str] = field(default_factory=list)


def shown(value: Any) -> str:
    """A cell's value as the clerk typed it, for messages."""
    text = clean_text(value)
    return "" if text is None else text


class CellReader:
    """Reads the mapped cells of one row into service values, collecting problems."""

    def __init__(self, session: Session, sheet: SheetData, lookups: Lookups, policy: UnitPolicy):
        self.session = session
        self.sheet = sheet
        self.lookups = lookups
        self.policy = policy
        self.columns = [(i, sheet.spec.column(key)) for i, key in sorted(sheet.mapping.items())]
        self.pending_units: list = []

    def read(self, number: int, values: tuple) -> tuple[dict[str, Any], list[Problem]]:
        out: dict[str, Any] = {}
        problems: list[Problem] = []
        for index, col in self.columns:
            raw = values[index] if index < len(values) else None
            try:
                out[col.key] = self.convert(col, raw)
            except BadValue as bad:
                problems.append(self.problem(number, index, col, raw, bad.rule))
            except ValidationError as exc:  # a new unit's name broke a unit rule
                for err in exc.errors:
                    problems.append(self._problem(number, index, raw, err.message))
        return out, problems

    def problem(self, number: int, index: int, col: Column, raw: Any, rule: str) -> Problem:
        header = self.sheet.headers[index] if index < len(self.sheet.headers) else col.header()
        message = msg(f"rule.{rule}", field=header, value=shown(raw))
        return self._problem(number, index, raw, message)

    def _problem(self, number: int, index: int | None, raw: Any, message: str) -> Problem:
        header = self.sheet.headers[index] if index is not None else ""
        return Problem(self.sheet.sheet, number, header, shown(raw), message, index)

    def convert(self, col: Column, raw: Any) -> Any:
        kind = col.kind
        if kind == "date":
            return parse_date(raw)
        if kind == "amount":
            return parse_amount(raw)
        if kind == "int":
            return parse_int(raw)
        if kind == "enum":
            return parse_enum(raw, self.lookups.enum(col.enum))
        if kind == "units":
            return [self.unit_id(col, name) for name in split_list(raw)]
        if kind == "meetings":
            return [self._found(self.lookups.meeting(t)) for t in split_list(raw)]
        text = clean_text(raw)
        if kind == "text" or text is None:
            return text
        if kind == "ref":
            return self._found(self.lookups.ref(col.table, text), "choice")
        if kind == "unit":
            return self.unit_id(col, text)
        if kind == "meeting":
            return self._found(self.lookups.meeting(text))
        if kind == "project":
            return self._found(self.lookups.projects(text) or None)
        if kind == "alliance":
            return self._found(self.lookups.alliance(text))
        raise AssertionError(f"unknown column kind {kind}")

    @staticmethod
    def _found(value: Any, rule: str = "unknown_record") -> Any:
        if value is None:
            raise BadValue(rule)
        return value

    def unit_id(self, col: Column, name: str) -> int:
        found = self.lookups.unit(name)
        if found is not None:
            return found
        if not (col.may_create and self.policy.create):
            raise BadValue("unknown_unit")
        data = units.UnitData(name=name, kind=col.new_unit_kind, province=Province.OTHER)
        unit = units.create(self.session, data)
        self.lookups.remember_unit(unit)
        self.policy.created.append(unit.name)
        return unit.id


def unknown_units(reader: CellReader) -> list[tuple[str, UnitKind]]:
    """Names in the sheet's unit columns that match no unit (first spelling, kind to give)."""
    columns = [(i, c) for i, c in reader.columns if c.kind in ("unit", "units") and c.may_create]
    # A name that is an investor somewhere becomes an enterprise.
    columns.sort(key=lambda ic: ic[1].new_unit_kind != UnitKind.ENTERPRISE)
    found: dict[str, tuple[str, UnitKind]] = {}
    for index, col in columns:
        for _number, values in reader.sheet.rows:
            raw = values[index] if index < len(values) else None
            names = split_list(raw) if col.kind == "units" else [clean_text(raw)]
            for name in names:
                if name and reader.lookups.unit(name) is None:
                    found.setdefault(fold(name), (name, col.new_unit_kind))
    return list(found.values())


def create_units(reader: CellReader, names: list[tuple[str, UnitKind]]) -> None:
    """Create the new units in one batch; a name a unit rule refuses is left for its row to report."""
    for name, kind in names:
        data = units.UnitData(name=name, kind=kind, province=Province.OTHER)
        try:
            unit = units.create(reader.session, data, flush=False)
        except ValidationError:
            continue
        reader.policy.created.append(unit.name)
        reader.pending_units.append(unit)
    common.flush(reader.session)
    for unit in reader.pending_units:
        reader.lookups.remember_unit(unit)
    reader.pending_units.clear()
