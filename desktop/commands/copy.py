"""`ftz-ledger copy --to URL | --from URL`: move an office's records to or from a server.

The current database (--db) is the source of `--to` and the target of `--from`; the
target must be an empty ledger (a new server database, or a new file). Passwords can
come from PGPASSWORD or ~/.pgpass instead of the URL, which shells keep in history.
"""

from __future__ import annotations

import argparse

from db.backends.messages import server_msg
from db.copy import copy_records, describe_counts
from db.engine import open_database
from db.errors import LedgerError
from desktop.commands.common import open_db


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "copy", help="copy every record into an empty ledger (local file <-> server)"
    )
    way = parser.add_mutually_exclusive_group(required=True)
    way.add_argument("--to", metavar="URL_OR_PATH", help="copy the current database into this one")
    way.add_argument(
        "--from",
        dest="source",
        metavar="URL_OR_PATH",
        help="copy this one into the current database",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    current = open_db(args)
    try:
        other = open_database(args.to or args.source)
    except LedgerError:
        current.dispose()
        raise
    source, target = (current, other) if args.to else (other, current)
    try:
        copied = copy_records(source, target)
    finally:
        current.dispose()
        other.dispose()
    print(
        server_msg(
            "copy.done",
            source=source.display_name(),
            target=target.display_name(),
            counts=describe_counts(copied),
        )
    )
    return 0
