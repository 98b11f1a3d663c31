"""list_ids of the Projects list sorted by each column, both directions, on a ledger.

    uv run python bench/sort_columns.py --db COPY.sqlite3 [--runs 3] [--limit 1000]
        [--filter field|stage|year|meeting|deleted|follow_up|province]

Prints one JSON line per column and direction: the median wall time of the runs for
every id and for the first `limit`, and the query plan. The ledger is opened (and
migrated) as the program opens it: give it a copy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import Connection, event, select  # noqa: E402

from db.engine import open_database  # noqa: E402
from db.lang import set_language  # noqa: E402
from db.models import IndustryField, Project  # noqa: E402
from db.queries import lists  # noqa: E402
from db.queries.lists import ListFilter  # noqa: E402


def _filter(conn: Connection, name: str | None) -> ListFilter:
    if name is None:
        return ListFilter()
    first = {
        "field": lambda: ListFilter(field_id=conn.scalar(select(IndustryField.id))),
        "stage": lambda: ListFilter(stage="signed"),
        "year": lambda: ListFilter(year=2020),
        "meeting": lambda: ListFilter(
            meeting_id=conn.scalar(select(Project.meeting_id).where(Project.meeting_id.isnot(None)))
        ),
        "deleted": lambda: ListFilter(deleted=True),
        "follow_up": lambda: ListFilter(follow_up="red"),
        "province": lambda: ListFilter(province="chongqing"),
    }
    return first[name]()


def _median(runs: int, call, *args, **kw) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        found = len(call(*args, **kw))
        times.append(time.perf_counter() - start)
    return statistics.median(times), found


def _plans(conn: Connection, flt: ListFilter, sort) -> list[list[str]]:
    seen: list[tuple[str, tuple]] = []

    def keep(_c, _cur, statement, parameters, _ctx, _many) -> None:
        if not statement.startswith("EXPLAIN"):
            seen.append((statement, parameters))

    event.listen(conn, "before_cursor_execute", keep)
    lists.list_ids(conn, "projects", flt, sort)
    event.remove(conn, "before_cursor_execute", keep)
    return [
        [r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)]
        for sql, params in seen
        if sql.lstrip().upper().startswith("SELECT")
    ]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db", required=True)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--limit", type=int, default=1000)
    ap.add_argument("--filter", default=None)
    ap.add_argument("--lang", default="zh")
    args = ap.parse_args()
    set_language(args.lang)
    start = time.perf_counter()
    db = open_database(args.db)
    print(json.dumps({"open_and_migrate_s": round(time.perf_counter() - start, 2)}), flush=True)
    with db.read() as conn:
        flt = _filter(conn, args.filter)
        for col in lists.SPECS["projects"].columns:
            for desc in (False, True):
                sort = [(col.key, desc)]
                every, n = _median(args.runs, lists.list_ids, conn, "projects", flt, sort)
                first, _ = _median(
                    args.runs, lists.list_ids, conn, "projects", flt, sort, limit=args.limit
                )
                line = {
                    "column": col.key,
                    "desc": desc,
                    "filter": args.filter,
                    "ids": n,
                    "all_s": round(every, 3),
                    f"first_{args.limit}_ms": round(first * 1000, 1),
                    "plan": _plans(conn, flt, sort),
                }
                print(json.dumps(line, ensure_ascii=False), flush=True)
    db.dispose()


if __name__ == "__main__":
    main()
