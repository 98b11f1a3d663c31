"""`ftz-ledger template KIND -o FILE`: write an empty import workbook."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.commands.common import open_db
from desktop.importing.columns import KINDS
from desktop.importing.template import write_template


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("template", help="write an empty import workbook")
    parser.add_argument("kind", choices=KINDS, metavar="KIND", help=", ".join(KINDS))
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help="the .xlsx to write")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        path = write_template(db, args.kind, Path(args.output))
    finally:
        db.dispose()
    print(path)
    return 0
