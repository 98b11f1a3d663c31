"""Workbooks for the import tests, written the way clerks' files come."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from openpyxl import Workbook

PROJECT_HEADERS = [
    "项目名称",
    "投资方",
    "投资方来源",
    "产业领域",
    "项目类型",
    "签约金额（万元）",
    "签约日期",
]


def project_row(i: int, **over: Any) -> list[Any]:
    values = {
        "name": f"测试项目{i:04d}",
        "investor": f"测试企业{i % 7}有限公司",
        "origin": "省外",
        "field": "新能源",
        "type": "新建",
        "amount": 1000 + i,
        "date": "2024-12-12",
    }
    values.update(over)
    return list(values.values())


def write_book(
    path: Path,
    headers: list[Any],
    rows: list[list[Any]],
    *,
    title: str = "Sheet1",
    above: list[list[Any]] = (),
) -> Path:
    """A one-sheet workbook: optional rows above the headers, then headers and rows."""
    wb = Workbook()
    ws = wb.active
    ws.title = title
    for values in [*above, headers, *rows]:
        ws.append(values)
    for row in ws.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # typed as text, as Excel stores '=1+1
    wb.save(path)
    return path


def projects_book(path: Path, count: int, **over: Any) -> Path:
    return write_book(path, PROJECT_HEADERS, [project_row(i, **over) for i in range(count)])


def target(db) -> str:
    """What --db takes for this test's database (an SQLite path or a server URL)."""
    return str(db.path) if db.path else db.url.render_as_string(hide_password=False)
