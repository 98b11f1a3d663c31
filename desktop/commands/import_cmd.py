"""`ftz-ledger import KIND FILE [--dry-run] [--no-create-units] [--marked-copy OUT]`."""

from __future__ import annotations

import argparse
import sys

from desktop.commands.common import open_db
from desktop.importing.columns import KINDS
from desktop.importing.importer import ImportOptions, run_import
from desktop.importing.marking import write_marked_copy
from desktop.importing.summary import summary_lines
from desktop.importing.texts import text
from desktop.importing.workbook import read_sheet


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("import", help="import records from an Excel workbook (all or nothing)")
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("file", metavar="FILE", help="the .xlsx workbook")
    parser.add_argument(
        "--dry-run", action="store_true", help="check every row and report; write nothing"
    )
    parser.add_argument(
        "--no-create-units",
        action="store_true",
        help="refuse unknown units instead of creating them",
    )
    parser.add_argument(
        "--marked-copy",
        metavar="OUT",
        help="on problems, save a copy of the workbook with the bad cells marked",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    sheet = read_sheet(args.file, args.kind)  # a bad file fails before the database opens
    db = open_db(args)
    try:
        options = ImportOptions(dry_run=args.dry_run, create_units=not args.no_create_units)
        report = run_import(db, sheet, options)
    finally:
        db.dispose()
    lines = summary_lines(sheet, report)
    if report.problems:
        for line in lines:
            print(line, file=sys.stderr)
        if args.marked_copy:
            path = write_marked_copy(sheet, report.problems, args.marked_copy)
            print(text("summary.marked_copy", path=path), file=sys.stderr)
        return 1
    print("\n".join(lines))
    return 0
