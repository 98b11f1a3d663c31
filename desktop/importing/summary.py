"""What an import did (or would do), as lines for the command line and the wizard."""

from __future__ import annotations

from db.labels import label
from db.lang import pick
from desktop.importing.columns import SPECS
from desktop.importing.convert import Problem
from desktop.importing.importer import ImportReport
from desktop.importing.texts import text
from desktop.importing.workbook import SheetData


def _joined(items) -> str:
    return pick("、", ", ").join(items)


def problem_line(p: Problem) -> str:
    return text(
        "summary.problem",
        sheet=p.sheet,
        row=p.row,
        column=p.column,
        value=p.value,
        message=p.message,
    )


def summary_lines(sheet: SheetData, report: ImportReport) -> list[str]:
    kind = label(SPECS[report.kind].record_label)
    lines = [
        text(
            "summary.file",
            path=sheet.path,
            sheet=sheet.sheet,
            row=sheet.header_row,
            rows=len(sheet.rows),
        )
    ]
    if sheet.total_rows:
        rows = _joined(str(n) for n in sheet.total_rows)
        lines.append(text("summary.total_rows", rows=rows))
    if report.cancelled:
        return [*lines, text("summary.cancelled")]
    if report.problems:
        lines.append(text("summary.failed", count=len(report.problems)))
        return lines + [problem_line(p) for p in report.problems]
    code = "summary.would_add" if report.dry_run else "summary.added"
    lines.append(text(code, kind=kind, count=report.added))
    if report.created_units:
        code = "summary.units_would_create" if report.dry_run else "summary.units_created"
        names = _joined(report.created_units)
        lines.append(text(code, count=len(report.created_units), names=names))
    if report.duplicates:
        lines.append(text("summary.duplicates", count=len(report.duplicates)))
        lines += [
            text("summary.duplicate_line", row=d.row, text=d.text, why=d.why)
            for d in report.duplicates
        ]
    return lines
