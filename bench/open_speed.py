"""Benchmark: how long opening a ledger takes with the start-up checks (issue 7).

    uv run python bench/open_speed.py [--projects 1000000] [--runs 5] [--db PATH]

Builds (once, with bench/generate.py) a ledger of that many projects, then times
open_database() — the header and size checks, the read-only probe, the pragmas and
the schema check — and, beside it, SQLite's quick_check on the same file, which
open runs only for files up to QUICK_CHECK_MAX_BYTES. Prints JSON. Target: a
1 000 000-project ledger opens in well under a second.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.generate import generate  # noqa: E402
from db import engine  # noqa: E402
from db.engine import open_database  # noqa: E402


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--db", help="reuse this ledger (built when missing)")
    args = parser.parse_args()
    path = Path(args.db or Path(tempfile.gettempdir()) / f"open-speed-{args.projects}.sqlite3")
    if not path.exists():
        db = open_database(str(path))
        generate(db, args.projects)
        db.dispose()
    size = path.stat().st_size
    opens = timed(lambda: open_database(str(path)).dispose(), args.runs)

    def quick_check() -> None:
        conn = sqlite3.connect(path)
        conn.execute("PRAGMA quick_check").fetchall()
        conn.close()

    checks = timed(quick_check, max(1, args.runs // 2))
    mib = size / 2**20
    print(
        json.dumps(
            {
                "projects": args.projects,
                "file_mib": round(mib, 1),
                "open_s": [round(t, 4) for t in opens],
                "open_median_s": round(statistics.median(opens), 4),
                "quick_check_on_open": size <= engine.QUICK_CHECK_MAX_BYTES,
                "quick_check_s": round(statistics.median(checks), 3),
                "quick_check_s_per_mib": round(statistics.median(checks) / mib, 4),
                "quick_check_max_mib": engine.QUICK_CHECK_MAX_BYTES / 2**20,
                "load_average": os.getloadavg()[0],
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
