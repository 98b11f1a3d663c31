"""Print-ready Excel reports (openpyxl; no Qt). DESIGN.md "Printed Excel reports".

`write_report(db, name, path, options)` builds the report `name` (one module per
report) and saves it safely. The window's Export actions and `ftz-ledger export`
both come here.
"""

from __future__ import annotations

from importlib import import_module
from pathlib import Path

from db.engine import Database
from db.errors import LedgerError
from desktop.reports.context import report_context, report_language
from desktop.reports.options import ReportOptions
from desktop.reports.render import ReportCancelled, new_workbook, render_sheet
from desktop.reports.safe_write import check_target, discard_workbook, save_workbook
from desktop.reports.words import word

LIST_REPORTS = ("meetings", "cases", "projects", "alliances", "units")
REPORT_NAMES = (
    *LIST_REPORTS,
    "meeting-brief",
    "ledger",
    "cases-compendium",
    "roster",
    "summary",
    "progress",
)


def _builder(name: str):
    """The module that plans report `name` (imported on demand)."""
    if name in LIST_REPORTS:
        from desktop.reports import tab_list

        return lambda conn, options, ctx: tab_list.build(conn, name, options, ctx)
    return import_module(f"desktop.reports.{name.replace('-', '_')}").build


def write_report(db: Database, name: str, path: Path, options: ReportOptions) -> Path:
    """Write report `name` to `path` (atomically); returns the absolute path written."""
    if name not in REPORT_NAMES:
        raise LedgerError(word("err.unknown_report", options.lang, name=name))
    options = options or ReportOptions()
    with report_language(options.lang) as lang:
        target = check_target(Path(path))
        with db.read() as conn:
            ctx = report_context(conn, lang)
            title, sheets = _builder(name)(conn, options, ctx)
        wb = new_workbook()
        try:
            for plan in sheets:
                render_sheet(wb, plan, ctx, options.progress)
        except ReportCancelled:
            discard_workbook(wb)  # its streamed sheets' temporary files
            raise
        _set_properties(wb, title, db)
        return save_workbook(wb, target)


def default_file_name(name: str, lang: str | None = None) -> str:
    """A file name to offer in the save dialog: the report's title and today's date."""
    from datetime import date

    return f"{word(f'title.{name}', lang)}-{date.today():%Y-%m-%d}.xlsx"


def _set_properties(wb, title: str, db: Database) -> None:
    from db.version import program_version

    version = program_version()
    wb.properties.title = title
    wb.properties.creator = f"FTZ Ledger 自贸协同台账 {version}"
    wb.properties.lastModifiedBy = db.user
    wb.properties.version = version
    wb.properties.description = f"FTZ Ledger {version}"


__all__ = ["REPORT_NAMES", "ReportCancelled", "ReportOptions", "default_file_name", "write_report"]
