"""`ftz-ledger demo`: add the sample records of the seed article (idempotent)."""

from __future__ import annotations

import argparse

from db.lang import pick
from db.sample_data import load
from desktop.commands.common import open_db


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("demo", help="add the sample records from the seed article")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    db = open_db(args)
    with db.write() as session:
        added = load(session)
    total = sum(added.values())
    if total == 0:
        print(
            pick(
                "示例数据已存在，未添加任何记录。",
                "The sample records are already there; nothing added.",
            )
        )
    else:
        parts = ", ".join(f"{k} {v}" for k, v in added.items() if v)
        print(pick(f"已添加示例数据：{parts}", f"Added sample records: {parts}"))
    return 0
