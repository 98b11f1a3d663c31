"""`ftz-ledger backup [-o FILE]`: a consistent copy, into backups/ or where you say."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.backup import backup_now
from db.lang import pick
from desktop.commands.common import open_db


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("backup", help="back the database up (default: backups/ beside it)")
    parser.add_argument(
        "-o", "--output", metavar="FILE", type=Path, help="write the backup here (file or folder)"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    try:
        dest = backup_now(db, args.output)
    finally:
        db.dispose()
    print(pick(f"已备份到 {dest}", f"Backed up to {dest}"))
    return 0
