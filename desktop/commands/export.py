"""`ftz-ledger export REPORT -o FILE`: write a print-ready Excel report."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from db.enums import Stage
from db.errors import LedgerError
from db.labels import enum_aliases
from db.services import reference
from desktop.commands.common import open_db
from desktop.reports import REPORT_NAMES, ReportOptions, write_report
from desktop.reports.words import word


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("export", help="write an Excel report")
    parser.add_argument(
        "report", choices=REPORT_NAMES, metavar="REPORT", help=", ".join(REPORT_NAMES)
    )
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="the .xlsx file to write"
    )
    parser.add_argument("--meeting", metavar="ID", help="the meeting (meeting-brief; projects)")
    parser.add_argument("--from", dest="date_from", metavar="DATE", help="first day (YYYY-MM-DD)")
    parser.add_argument("--to", dest="date_to", metavar="DATE", help="last day (YYYY-MM-DD)")
    parser.add_argument("--year", metavar="YEAR", help="a calendar year")
    parser.add_argument("--field", metavar="CODE_OR_NAME", help="an industry field")
    parser.add_argument("--stage", metavar="STAGE", help="a project stage")
    parser.add_argument("--month", metavar="YYYY-MM", help="a calendar month (progress)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    options = ReportOptions(
        meeting_id=_meeting(args.meeting),
        date_from=_date("--from", args.date_from),
        date_to=_date("--to", args.date_to),
        year=_year(args.year),
        stage=_stage(args.stage),
        month=_month(args.month),
        lang=getattr(args, "lang", None),
    )
    _check_period(options)
    db = open_db(args)
    if args.field:
        with db.read() as conn:
            options.field_id = reference.find(conn, "industry_field", args.field)
        if options.field_id is None:
            raise LedgerError(word("err.bad_field", value=args.field))
    path = write_report(db, args.report, Path(args.output), options)
    print(word("done", path=path))
    return 0


def _date(option: str, text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise LedgerError(word("err.bad_date", option=option, value=text)) from None


def _month(text: str | None) -> date | None:
    """YYYY-MM (a full date is taken too) -> the first day of that month."""
    if text is None:
        return None
    value = text.strip()
    try:
        day = date.fromisoformat(value if len(value) > 7 else f"{value}-01")
    except ValueError:
        raise LedgerError(word("err.bad_month", value=text)) from None
    return day.replace(day=1)


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        year = int(text.strip())
    except ValueError:
        year = 0
    if not 1900 <= year <= 2100:
        raise LedgerError(word("err.bad_year", value=text))
    return year


def _meeting(text: str | None) -> int | None:
    if text is None:
        return None
    try:
        value = int(text.strip())
    except ValueError:
        value = 0
    if value < 1:
        raise LedgerError(word("err.bad_meeting", value=text))
    return value


def _stage(text: str | None) -> str | None:
    if text is None:
        return None
    stage = enum_aliases(Stage).get(text.strip().casefold())
    if stage is None:
        choices = ", ".join(s.value for s in Stage)
        raise LedgerError(word("err.bad_stage", value=text, choices=choices))
    return stage.value


def _check_period(options: ReportOptions) -> None:
    if options.year and (options.date_from or options.date_to):
        raise LedgerError(word("err.year_and_range"))
    if options.date_from and options.date_to and options.date_to < options.date_from:
        raise LedgerError(word("err.bad_range", start=options.date_from, end=options.date_to))
