"""Benchmark: export 100 000 projects vs a bare openpyxl write-only dump of the same cells.

    uv run python bench/bench_export.py [--projects 100000] [--runs 3]

Each run times (a) `write_report(db, "projects", ...)`: the query, the labels, the
widths, the styles, the print setup and the safe save; and (b) a bare openpyxl
write-only workbook to which the very same cell values (taken from the report's
plan beforehand) are appended, then saved. One JSON line per run, then one with
the medians and their ratio. Target: ratio <= 1.5.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from openpyxl import Workbook  # noqa: E402

from bench.generate import generate  # noqa: E402
from db.engine import Database, open_database  # noqa: E402
from desktop.reports import (  # noqa: E402
    ReportOptions,
    tab_list,  # noqa: E402
    write_report,
)
from desktop.reports.context import report_context, report_language  # noqa: E402


def report_values(db: Database) -> list[list]:
    """The cell values the projects report writes (header, rows, total)."""
    with report_language("zh"), db.read() as conn:
        ctx = report_context(conn, "zh")
        _title, sheets = tab_list.build(conn, "projects", ReportOptions(lang="zh"), ctx)
    return [list(values) for _role, values in sheets[0].rows]


def time_export(db: Database, folder: Path) -> float:
    start = time.perf_counter()
    write_report(db, "projects", folder / "report.xlsx", ReportOptions(lang="zh"))
    return time.perf_counter() - start


def time_bare(values: list[list], folder: Path) -> float:
    start = time.perf_counter()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("projects")
    for row in values:
        ws.append(row)
    wb.save(folder / "bare.xlsx")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-export-") as tmp:
        folder = Path(tmp)
        db = open_database(str(folder / "ledger.sqlite3"))
        generate(db, args.projects)
        values = report_values(db)
        exports, bares = [], []
        for run in range(1, args.runs + 1):
            exports.append(time_export(db, folder))
            bares.append(time_bare(values, folder))
            print(
                json.dumps(
                    {
                        "run": run,
                        "rows": len(values) - 2,
                        "export_s": round(exports[-1], 2),
                        "bare_s": round(bares[-1], 2),
                        "ratio": round(exports[-1] / bares[-1], 3),
                        "load": round(os.getloadavg()[0], 2),
                    }
                ),
                flush=True,
            )
        export_med, bare_med = statistics.median(exports), statistics.median(bares)
        print(
            json.dumps(
                {
                    "projects": args.projects,
                    "median_export_s": round(export_med, 2),
                    "median_bare_s": round(bare_med, 2),
                    "ratio": round(export_med / bare_med, 3),
                    "target_ratio": 1.5,
                    "export_bytes": (folder / "report.xlsx").stat().st_size,
                    "bare_bytes": (folder / "bare.xlsx").stat().st_size,
                }
            )
        )
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
