"""Shared pieces of the report tests: export a report and read it back."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import openpyxl
from openpyxl.worksheet.worksheet import Worksheet
from sqlalchemy import func, select

from db.engine import Database
from db.models import Project
from db.services import projects, reference, settings, units
from desktop.reports import ReportOptions, write_report
from desktop.reports.render import FIRST_BODY_ROW

REPORTING_UNIT = "四川省商务厅自贸处"


def export(db: Database, name: str, folder: Path, **options) -> openpyxl.Workbook:
    path = write_report(db, name, folder / f"{name}.xlsx", ReportOptions(**options))
    return openpyxl.load_workbook(path)


def set_reporting_unit(db: Database, value: str = REPORTING_UNIT) -> None:
    with db.write() as session:
        settings.put(session, "reporting_unit", value)


def header_row(ws: Worksheet) -> int:
    """The row repeated on every printed page (print titles "$3:$3")."""
    return int(ws.print_title_rows.split(":")[0].strip("$"))


def rows_after_header(ws: Worksheet) -> list[tuple]:
    return list(ws.iter_rows(min_row=header_row(ws) + 1, values_only=True))


def find_rows(ws: Worksheet, first_cell: str, min_row: int = FIRST_BODY_ROW) -> list[tuple]:
    return [r for r in ws.iter_rows(min_row=min_row, values_only=True) if r[0] == first_cell]


def data_rows(ws: Worksheet) -> list[tuple]:
    """Rows whose 序号 is a number (the records)."""
    return [r for r in rows_after_header(ws) if isinstance(r[0], int)]


def column_of(ws: Worksheet, header_text: str) -> int:
    """0-based position of a header in the header row."""
    headers = [c.value for c in ws[header_row(ws)]]
    return headers.index(header_text)


def as_decimal(value) -> Decimal:
    return Decimal(str(value)).quantize(Decimal("0.01"))


def as_date(value) -> date:
    assert isinstance(value, datetime | date), f"{value!r} is not a date cell"
    return value.date() if isinstance(value, datetime) else value


def db_total(db: Database, column) -> Decimal:
    with db.read() as conn:
        value = conn.execute(
            select(func.coalesce(func.sum(column), 0)).where(Project.deleted_at.is_(None))
        ).scalar_one()
    return as_decimal(value)


def add_projects(db: Database, count: int, year: int = 2024) -> None:
    """Many projects through the services (a long report)."""
    with db.write() as session:
        investor = units.create(
            session, units.UnitData("长报表测试投资有限公司", "enterprise", "chongqing")
        ).id
        fields = [
            reference.id_by_code(session, "industry_field", code)
            for code in ("advanced_materials", "digital_economy", "biopharmaceuticals")
        ]
        for i in range(count):
            projects.create(
                session,
                projects.ProjectData(
                    name=f"长报表测试项目{i:04d}",
                    investor_id=investor,
                    investor_origin="other_province",
                    field_id=fields[i % len(fields)],
                    project_type="new",
                    investment=Decimal(1000 + i) + Decimal("0.25"),
                    signed_date=date(year, 1 + i % 12, 1 + i % 28),
                ),
            )
