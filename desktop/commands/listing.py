"""`ftz-ledger list KIND [--json]`: print records with their related records."""

from __future__ import annotations

import argparse

from db.labels import label
from db.queries import lists
from db.queries.details import DETAILS
from desktop.commands.common import dump_json, json_default, open_db


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("list", help="print records")
    parser.add_argument("kind", choices=lists.KINDS, metavar="KIND", help=", ".join(lists.KINDS))
    parser.add_argument("--json", action="store_true", help="a JSON array with every field")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.read() as conn:
        ids = lists.list_ids(conn, args.kind)
        if args.json:
            detail = DETAILS[args.kind]
            print(dump_json([detail(conn, record_id) for record_id in ids]))
        else:
            _print_table(args.kind, lists.fetch_rows(conn, args.kind, ids), ids)
    return 0


def _cell(value) -> str:
    if value is None:
        return ""
    if hasattr(value, "value"):
        from db.labels import enum_label

        return enum_label(value)
    try:
        return str(json_default(value))
    except TypeError:
        return str(value)


def _print_table(kind: str, rows: dict[int, dict], ids: list[int]) -> None:
    spec = lists.SPECS[kind]
    print("\t".join([label("f.id")] + [label(c.label) for c in spec.columns]))
    for record_id in ids:
        row = rows[record_id]
        print("\t".join([str(record_id)] + [_cell(row[c.key]) for c in spec.columns]))
