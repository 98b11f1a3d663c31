"""Write an import workbook: headers, drop-downs, formats, instructions (and rows).

The same writer fills in existing records (desktop.importing.export), so an
exported sheet imports back unchanged.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import LedgerError
from db.labels import enum_label, label
from db.lang import current_language
from db.models import REFERENCE_MODELS, Alliance, Meeting
from desktop.importing.columns import SPECS, Column, KindSpec
from desktop.importing.texts import text

BLANK_ROWS = 500  # rows formatted and validated in an empty template
MAX_LIST_ITEMS = 1000
DATE_FORMAT = "yyyy-mm-dd"
AMOUNT_FORMAT = "#,##0.00"
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
REQUIRED_FONT = Font(bold=True, color="C00000")
HEADER_FONT = Font(bold=True)


def header_text(col: Column) -> str:
    return col.header() + ("*" if col.required else "")


def sheet_title(spec: KindSpec) -> str:
    title = label(spec.record_label)
    return "".join(ch for ch in title if ch not in "[]:*?/\\")[:31]


def write_template(
    db: Database, kind: str, path: str | Path, rows: Sequence[Sequence[Any]] = ()
) -> Path:
    """An import workbook for the kind, with the given rows (in column order) filled in."""
    spec = SPECS[kind]
    with db.session() as session:
        choices = {col.key: choice_values(session, col) for col in spec.columns}
    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(spec)
    _write_headers(ws, spec)
    _write_rows(ws, spec, rows)
    last_row = 1 + max(len(rows), BLANK_ROWS)
    _format_columns(ws, spec, last_row)
    lists = wb.create_sheet(text("template.lists"))
    _add_dropdowns(ws, lists, spec, choices, last_row)
    lists.sheet_state = "hidden"
    _write_instructions(wb.create_sheet(text("template.instructions")), spec, ws.title, choices)
    return save_workbook(wb, Path(path))


def save_workbook(wb: Workbook, path: Path) -> Path:
    """Save beside the target, then replace it: a failed save leaves no half-written file."""
    tmp = path.with_name(f".{path.name}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise LedgerError(text("file.cannot_write", path=path, error=exc.strerror or exc)) from exc
    return path


def choice_values(session: Session, col: Column) -> list[str]:
    """The values offered in a column's drop-down, in the program's language."""
    if col.kind == "enum":
        return [enum_label(member) for member in col.enum]
    if col.kind == "ref":
        model = REFERENCE_MODELS[col.table]
        name = model.name_zh if current_language() == "zh" else model.name_en
        stmt = select(name).where(model.deleted_at.is_(None)).order_by(model.sort_order, model.id)
        return list(session.scalars(stmt))
    if col.kind in ("meeting", "alliance"):
        model, name = (
            (Meeting, Meeting.title) if col.kind == "meeting" else (Alliance, Alliance.name)
        )
        stmt = select(name).where(model.deleted_at.is_(None)).order_by(model.id.desc())
        return list(dict.fromkeys(session.scalars(stmt.limit(MAX_LIST_ITEMS))))
    return []


def _write_headers(ws, spec: KindSpec) -> None:
    for index, col in enumerate(spec.columns, start=1):
        cell = ws.cell(row=1, column=index, value=header_text(col))
        cell.font = REQUIRED_FONT if col.required else HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        ws.column_dimensions[get_column_letter(index)].width = col.width
    ws.freeze_panes = "A2"
    ws.row_dimensions[1].height = 30


def _write_rows(ws, spec: KindSpec, rows: Iterable[Sequence[Any]]) -> None:
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            set_cell(ws.cell(row=r, column=c), value)


def set_cell(cell, value: Any) -> None:
    """Text is always written as text: "=1+1" typed by a clerk must never become a formula."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def _format_columns(ws, spec: KindSpec, last_row: int) -> None:
    formats = {"date": DATE_FORMAT, "amount": AMOUNT_FORMAT, "int": "0"}
    for index, col in enumerate(spec.columns, start=1):
        # Text columns are formatted as text so phones and codes keep leading zeros.
        fmt = formats.get(col.kind, "@" if col.kind == "text" else None)
        if fmt is None:
            continue
        for row in ws.iter_rows(min_row=2, max_row=last_row, min_col=index, max_col=index):
            row[0].number_format = fmt


def _add_dropdowns(ws, lists, spec: KindSpec, choices: dict, last_row: int) -> None:
    list_col = 0
    for index, col in enumerate(spec.columns, start=1):
        letter = get_column_letter(index)
        cells = f"{letter}2:{letter}{last_row}"
        values = choices[col.key]
        if values:
            list_col += 1
            list_letter = get_column_letter(list_col)
            for r, value in enumerate(values, start=1):
                set_cell(lists.cell(row=r, column=list_col), value)
            source = (
                f"={quote_sheetname(lists.title)}!${list_letter}$1:${list_letter}${len(values)}"
            )
            dv = DataValidation(type="list", formula1=source, allow_blank=True)
        elif col.kind == "date":
            dv = DataValidation(type="date", operator="between", formula1="1", formula2="73415")
        elif col.kind == "amount":
            dv = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0")
        else:
            continue
        # A warning, not a stop: codes, English names and text dates are accepted too.
        dv.errorStyle = "warning"
        dv.showErrorMessage = True
        dv.errorTitle = text("template.dv_title")
        dv.error = text("template.dv_error")
        dv.add(cells)
        ws.add_data_validation(dv)


def _format_hint(col: Column, values: list[str]) -> str:
    if values:
        hint = text("fmt.choice", values="、".join(values[:30]))
    elif col.kind == "unit" and not col.may_create:
        hint = text("fmt.unit_known")
    else:
        hint = text(f"fmt.{col.kind}")
    if col.key == "stage" and col.label_key == "project.stage":
        hint += text("fmt.stage_note")
    return hint


def _write_instructions(ws, spec: KindSpec, sheet: str, choices: dict) -> None:
    ws["A1"] = text("template.title", kind=label(spec.record_label))
    ws["A1"].font = Font(bold=True, size=14)
    ws["A2"] = text("template.intro", sheet=sheet)
    ws["A2"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.merge_cells("A2:C2")
    ws.row_dimensions[2].height = 75
    for c, key in enumerate(
        ("template.col_header", "template.col_required", "template.col_format"), 1
    ):
        cell = ws.cell(row=4, column=c, value=text(key))
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
    for r, col in enumerate(spec.columns, start=5):
        ws.cell(row=r, column=1, value=header_text(col))
        ws.cell(row=r, column=2, value=text("template.yes") if col.required else "")
        hint = ws.cell(row=r, column=3, value=_format_hint(col, choices[col.key]))
        hint.alignment = Alignment(wrap_text=True, vertical="top")
    for letter, width in (("A", 24), ("B", 8), ("C", 80)):
        ws.column_dimensions[letter].width = width
