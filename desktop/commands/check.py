"""`ftz-ledger check`: is the database healthy? Exit 0 if so, 1 with the problems.

It reads only: a damaged file is reported, never upgraded or repaired.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from db.engine import explain_open_error, open_database, resolve_target, target_url
from db.errors import LedgerOpenError
from db.health import run_checks
from db.lang import pick
from db.safety_messages import smsg


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "check", help="check integrity, schema version, record counts and the last backup"
    )
    parser.set_defaults(run=run)


def _require_file(target: str | None) -> None:
    """Checking must not create the file it was asked about."""
    url = target_url(resolve_target(target))
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if not path.exists():
            raise LedgerOpenError(smsg("check.missing", path=path))


def run(args: argparse.Namespace) -> int:
    _require_file(args.db)
    db = open_database(args.db, migrate=False)
    try:
        report = run_checks(db)
    except (SQLAlchemyError, sqlite3.Error) as exc:
        orig = getattr(exc, "orig", None) or exc
        raise LedgerOpenError(explain_open_error(db, orig)) from exc
    finally:
        db.dispose()
    for line in report.lines:
        print(line)
    if report.problems:
        for problem in report.problems:
            print(problem, file=sys.stderr)
        return 1
    print(pick("数据库完好。", "The database is healthy."))
    return 0
