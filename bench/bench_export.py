"""Benchmark: export 100 000 projects vs a bare openpyxl write-only dump of the same cells.

    uv run python bench/bench_export.py [--projects 100000] [--runs 3]

Each run times (a) `write_report(db, "projects", ...)`: the query, the labels, the
widths, the styles, the print setup and the safe save; and (b) a bare openpyxl
write-only workbook to which the very same cell values (taken from the report's
plan beforehand) are appended, then saved. One JSON line per run, then one with
the medians and their ratios (wall and CPU time). Target: ratio <= 1.5.
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


def timed(fn, *args) -> tuple[float, float]:
    """Wall and CPU seconds of fn(*args); CPU time is steadier on a shared machine."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn(*args)
    return time.perf_counter() - wall, time.process_time() - cpu


def export(db: Database, folder: Path) -> None:
    write_report(db, "projects", folder / "report.xlsx", ReportOptions(lang="zh"))


def bare_dump(values: list[list], folder: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("projects")
    for row in values:
        ws.append(row)
    wb.save(folder / "bare.xlsx")


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
        runs = []
        for run in range(1, args.runs + 1):
            (e_wall, e_cpu), (b_wall, b_cpu) = (
                timed(export, db, folder),
                timed(bare_dump, values, folder),
            )
            runs.append((e_wall, e_cpu, b_wall, b_cpu))
            print(
                json.dumps(
                    {
                        "run": run,
                        "rows": len(values) - 2,
                        "export_s": round(e_wall, 2),
                        "bare_s": round(b_wall, 2),
                        "ratio": round(e_wall / b_wall, 3),
                        "export_cpu_s": round(e_cpu, 2),
                        "bare_cpu_s": round(b_cpu, 2),
                        "cpu_ratio": round(e_cpu / b_cpu, 3),
                        "load": round(os.getloadavg()[0], 2),
                    }
                ),
                flush=True,
            )
        med = [statistics.median(r[i] for r in runs) for i in range(4)]
        print(
            json.dumps(
                {
                    "projects": args.projects,
                    "median_export_s": round(med[0], 2),
                    "median_bare_s": round(med[2], 2),
                    "ratio": round(med[0] / med[2], 3),
                    "median_export_cpu_s": round(med[1], 2),
                    "median_bare_cpu_s": round(med[3], 2),
                    "cpu_ratio": round(med[1] / med[3], 3),
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
