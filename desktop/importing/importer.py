"""Import a sheet's rows all or nothing, in one transaction, through the services.

Every row is read and validated even after a problem, so the clerk sees every
problem at once; if there is any (or on a dry run, or when cancelled) the
transaction is rolled back and nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from db.backup import backup_before_import
from db.engine import Database
from db.errors import LedgerError, ValidationError
from db.messages import msg
from db.services import common, projects
from db.services.common import KNOWN_LIVE
from desktop.importing import builders
from desktop.importing.builders import BuildContext, Duplicate
from desktop.importing.convert import (
    CellReader,
    Problem,
    UnitPolicy,
    create_units,
    shown,
    unknown_units,
)
from desktop.importing.lookups import Lookups
from desktop.importing.texts import text
from desktop.importing.workbook import SheetData

# progress(rows done, rows in all) -> False to cancel
ProgressCallback = Callable[[int, int], bool | None]
PROGRESS_EVERY = 100
FLUSH_EVERY = 500


@dataclass
class ImportOptions:
    dry_run: bool = False
    create_units: bool = True
    progress: ProgressCallback | None = None


@dataclass
class ImportReport:
    kind: str
    sheet: str
    rows: int
    added: int = 0
    duplicates: list[Duplicate] = field(default_factory=list)
    created_units: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False
    cancelled: bool = False

    @property
    def written(self) -> bool:
        """True when the records are in the database."""
        return not (self.problems or self.dry_run or self.cancelled)


class _Rollback(Exception):
    """Leave the transaction without committing."""


def run_import(
    db: Database, sheet: SheetData, options: ImportOptions | None = None
) -> ImportReport:
    options = options or ImportOptions()
    report = ImportReport(sheet.kind, sheet.sheet, len(sheet.rows), dry_run=options.dry_run)
    report.problems.extend(missing_columns(sheet))
    if report.problems:
        return report
    if not options.dry_run:
        # A large import gets a copy to go back to (raises LedgerError if it can't).
        backup_before_import(db, rows=len(sheet.rows))
    try:
        with db.write() as session:
            _import_rows(session, sheet, options, report)
            if not report.written:
                raise _Rollback
    except _Rollback:
        pass
    return report


def missing_columns(sheet: SheetData) -> list[Problem]:
    mapped = set(sheet.mapping.values())
    return [
        Problem(
            sheet.sheet,
            sheet.header_row,
            col.header(),
            "",
            text("import.missing_column", column=col.header()),
        )
        for col in sheet.spec.columns
        if col.required and col.key not in mapped
    ]


def _import_rows(session, sheet: SheetData, options: ImportOptions, report: ImportReport) -> None:
    lookups = Lookups(session)
    policy = UnitPolicy(create=options.create_units, created=report.created_units)
    reader = CellReader(session, sheet, lookups, policy)
    ctx = BuildContext(session, lookups)
    total = len(sheet.rows)
    session.info[KNOWN_LIVE] = lookups.known
    if sheet.kind == "projects":
        projects.bulk_index(session)
    try:
        # Rows are flushed in batches (one INSERT for many), not one by one.
        with session.no_autoflush:
            if options.create_units:
                create_units(reader, unknown_units(reader))
            for done, (number, values) in enumerate(sheet.rows):
                if done % PROGRESS_EVERY == 0 and _cancelled(options, done, total):
                    report.cancelled = True
                    return
                ctx.row = number
                if not _import_row(reader, ctx, sheet, number, values, report):
                    return  # the session cannot go on (a failed flush)
                batch_done = done % FLUSH_EVERY == FLUSH_EVERY - 1
                if batch_done and not _flushed(session, sheet, ctx, report):
                    return
            _flushed(session, sheet, ctx, report)
    finally:
        session.info.pop(KNOWN_LIVE, None)
        projects.bulk_done(session)
    if options.progress:
        options.progress(total, total)


def _cancelled(options: ImportOptions, done: int, total: int) -> bool:
    return options.progress is not None and options.progress(done, total) is False


def _flushed(session, sheet: SheetData, ctx: BuildContext, report: ImportReport) -> bool:
    """Flush the batch; False if the session broke and the import must stop."""
    try:
        common.flush(session)
    except LedgerError as exc:
        message = text("import.stopped", error=str(exc))
        report.problems.append(Problem(sheet.sheet, ctx.row, "", "", message))
        return False
    return True


def _import_row(reader, ctx, sheet: SheetData, number: int, values: tuple, report) -> bool:
    """Import one row; False if the transaction is broken and the import must stop."""
    row_values, problems = reader.read(number, values)
    problems += _required_empty(reader, sheet, number, values, row_values)
    if problems:
        report.problems.extend(problems)
        return True
    try:
        outcome = _build(sheet, ctx, row_values, values)
    except ValidationError as exc:
        report.problems.extend(_service_problems(sheet, number, values, exc))
        return True
    except LedgerError as exc:
        report.problems.append(
            Problem(sheet.sheet, number, "", "", text("import.stopped", error=str(exc)))
        )
        return False
    if isinstance(outcome, Duplicate):
        report.duplicates.append(outcome)
    else:
        report.added += 1
    return True


def _build(sheet: SheetData, ctx: BuildContext, v: dict[str, Any], values: tuple):
    def cell(key: str) -> str:
        index = sheet.column_index(key)
        return shown(values[index]) if index is not None and index < len(values) else ""

    build = {
        "units": builders.build_unit,
        "meetings": builders.build_meeting,
        "cases": builders.build_case,
        "projects": builders.build_project,
        "progress": partial(builders.build_progress, shown_project=cell("project")),
        "members": partial(builders.build_member, shown_unit=cell("unit")),
    }[sheet.kind]
    return build(ctx, v)


def _required_empty(reader, sheet, number, values, row_values) -> list[Problem]:
    """Required cells left empty (the lookup columns no service sees as text)."""
    out = []
    for index, col in reader.columns:
        if col.required and col.key in row_values and row_values[col.key] in (None, []):
            message = msg("rule.required", field=sheet.headers[index])
            out.append(Problem(sheet.sheet, number, sheet.headers[index], "", message, index))
    return out


def _service_problems(sheet: SheetData, number: int, values: tuple, exc: ValidationError):
    out = []
    for err in exc.errors:
        index = next(
            (
                i
                for i, key in sorted(sheet.mapping.items())
                if sheet.spec.column(key).service_field == err.field
            ),
            None,
        )
        header = sheet.headers[index] if index is not None else ""
        value = shown(values[index]) if index is not None and index < len(values) else ""
        out.append(Problem(sheet.sheet, number, header, value, err.message, index))
    return out
