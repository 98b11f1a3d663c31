"""`ftz-ledger restore FILE`: check a backup, keep the current file, swap the backup in."""

from __future__ import annotations

import argparse
from pathlib import Path

from db.engine import open_database
from db.restore import restore_into
from db.safety_messages import smsg


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "restore", help="replace the database by a backup (the current file is backed up first)"
    )
    parser.add_argument("file", type=Path, metavar="FILE", help="the backup to restore")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    # The current file is not opened first: restoring is how a damaged one is mended.
    result = restore_into(args.db, args.file)
    # Opening brings an older backup's schema up to date (backing it up first).
    open_database(str(result.path)).dispose()
    print(
        smsg(
            "restore.done",
            path=result.path,
            source=result.source,
            backup=result.previous or "-",
        )
    )
    return 0
