"""`ftz-ledger check`: is the database healthy? Exit 0 if so, 1 with the problems."""

from __future__ import annotations

import argparse
import sys

from db.health import run_checks
from db.lang import pick
from desktop.commands.common import open_db


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("check", help="check the database's integrity and schema")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    report = run_checks(db)
    for line in report.lines:
        print(line)
    if report.problems:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return 1
    print(pick("数据库完好。", "The database is healthy."))
    return 0
