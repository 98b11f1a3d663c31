"""Time the Overview tab's queries on a big ledger (read-only; nothing is migrated).

uv run python bench/generate.py --db /tmp/g1m.sqlite3 --projects 1000000
uv run python bench/bench_overview.py --db /tmp/g1m.sqlite3
"""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import create_engine  # noqa: E402

from db.queries import overview  # noqa: E402
from db.queries.lists import ListFilter, count  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="an SQLite ledger file")
    parser.add_argument("--today", default=date.today().isoformat())
    args = parser.parse_args(argv)
    today = date.fromisoformat(args.today)
    engine = create_engine(f"sqlite:///file:{Path(args.db).resolve()}?mode=ro&uri=true")
    steps = {
        "meetings_in_year": lambda c: overview.meetings_in_year(c, today.year),
        "cases_by_recognition": overview.cases_by_recognition,
        "project_totals (one scan)": lambda c: overview.project_totals(c, today).rows,
        "signings_per_month": lambda c: overview.signings_per_month(c, today.year),
        "stalled_projects": lambda c: overview.stalled_projects(c, today),
        "list count follow_up=any": lambda c: count(
            c, "projects", ListFilter(follow_up="any", today=today)
        ),
    }
    total = 0.0
    with engine.connect() as conn:
        for name, step in steps.items():
            start = time.perf_counter()
            result = step(conn)
            took = time.perf_counter() - start
            total += took
            size = len(result) if hasattr(result, "__len__") else result
            print(f"{name:28s} {took * 1000:8.0f} ms   ({size})")
    print(f"{'overview total':28s} {(total) * 1000:8.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
