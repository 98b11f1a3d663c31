"""A copy of the clerk's workbook with every bad cell filled red and explained.

The original is never written to; the copy is made from a private copy, so a
workbook Excel holds open can be marked too.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from pathlib import Path

import openpyxl
from openpyxl.comments import Comment
from openpyxl.styles import PatternFill

from db.errors import LedgerError
from desktop.importing.convert import Problem
from desktop.importing.template import save_workbook
from desktop.importing.texts import text
from desktop.importing.workbook import SheetData, short_error

BAD_FILL = PatternFill("solid", fgColor="FFC7CE")
AUTHOR = "FTZ Ledger"


def write_marked_copy(sheet: SheetData, problems: list[Problem], out: str | Path) -> Path:
    """Save a copy of the sheet's workbook with the problems' cells marked."""
    out = Path(out)
    if out.resolve() == Path(sheet.path).resolve():
        raise LedgerError(text("file.same_as_source", path=sheet.path))
    with tempfile.TemporaryDirectory(prefix="ftz-mark-") as tmp:
        copy = Path(tmp) / "copy.xlsx"
        try:
            shutil.copyfile(sheet.path, copy)
            wb = openpyxl.load_workbook(copy)
        except Exception as exc:  # noqa: BLE001 - it was readable a moment ago; say why not now
            raise LedgerError(
                text("file.damaged", path=sheet.path, error=short_error(exc))
            ) from exc
    ws = wb[sheet.sheet]
    for (row, col), messages in _by_cell(problems).items():
        cell = ws.cell(row=row, column=col)
        cell.fill = BAD_FILL
        note = "\n".join(dict.fromkeys(messages))
        cell.comment = Comment(note, AUTHOR, width=320, height=40 + 20 * len(messages))
    return save_workbook(wb, out)


def _by_cell(problems: list[Problem]) -> dict[tuple[int, int], list[str]]:
    cells: dict[tuple[int, int], list[str]] = defaultdict(list)
    for p in problems:
        # A problem of the whole row (or a missing column) goes on the row's first cell.
        col = (p.col_index + 1) if p.col_index is not None else 1
        cells[(p.row, col)].append(p.message)
    return cells
