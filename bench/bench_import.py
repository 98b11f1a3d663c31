"""Benchmark: import 10 000 projects from an .xlsx into a fresh database.

    uv run python bench/bench_import.py [--rows 10000] [--runs 3]

Prints JSON: seconds per run (reading the workbook + validating and writing every
row in one transaction), the median, rows per second, and the CPU seconds (the
machine is shared, so wall time depends on the load average, printed too).
Target: < 10 s.
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

from db.engine import open_database  # noqa: E402
from db.lang import set_language  # noqa: E402
from desktop.importing.importer import ImportOptions, run_import  # noqa: E402
from desktop.importing.template import write_template  # noqa: E402
from desktop.importing.workbook import read_sheet  # noqa: E402

FIELDS = ["先进材料", "智能装备", "新能源", "新能源汽车", "生物医药", "数字经济"]
ORIGINS = ["省外", "省内市外", "本地", "境外"]
STAGES = [None, None, None, "落地", "开工"]


def project_rows(count: int) -> list[list]:
    """Varied rows as clerks type them: text dates, 亿元 amounts, 2 000 investors."""
    rows = []
    for i in range(count):
        rows.append(
            [
                f"基准测试项目{i:05d}",
                f"BENCH-{i:05d}",
                f"基准企业{i % 2000:04d}有限公司",
                ORIGINS[i % len(ORIGINS)],
                FIELDS[i % len(FIELDS)],
                "永川区",
                "新建" if i % 4 else "增资扩产",
                f"{(i % 900) + 100:,}.50" if i % 3 else f"{(i % 9) + 1}.5亿元",
                f"2024年{(i % 12) + 1}月{(i % 28) + 1}日",
                None,
                STAGES[i % len(STAGES)],
                None,
                None,
                "张三",
                "13800000000",
            ]
        )
    return rows


def one_run(workbook: Path, tmp: Path, run: int) -> dict:
    db = open_database(str(tmp / f"bench-{run}.sqlite3"))
    try:
        cpu_start = time.process_time()
        start = time.perf_counter()
        sheet = read_sheet(workbook, "projects")
        read_done = time.perf_counter()
        report = run_import(db, sheet, ImportOptions())
        end = time.perf_counter()
        cpu = time.process_time() - cpu_start
    finally:
        db.dispose()
    if report.problems or report.added != len(sheet.rows):
        raise SystemExit(f"import failed: {report.problems[:3]}")
    return {
        "read_s": read_done - start,
        "import_s": end - read_done,
        "total_s": end - start,
        # CPU time of this process: the figure that does not depend on the
        # other programs sharing the machine's two cores.
        "cpu_s": cpu,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    set_language("zh")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        template_db = open_database(str(tmp / "template.sqlite3"))
        workbook = write_template(
            template_db, "projects", tmp / "projects.xlsx", project_rows(args.rows)
        )
        template_db.dispose()
        runs = [one_run(workbook, tmp, run) for run in range(args.runs)]
    totals = [r["total_s"] for r in runs]
    median = statistics.median(totals)
    cpu_median = statistics.median(r["cpu_s"] for r in runs)
    print(
        json.dumps(
            {
                "benchmark": "import_projects",
                "rows": args.rows,
                "runs": [{k: round(v, 3) for k, v in r.items()} for r in runs],
                "median_total_s": round(median, 3),
                "median_cpu_s": round(cpu_median, 3),
                "load_average": [round(x, 2) for x in os.getloadavg()],
                "rows_per_s": round(args.rows / median),
                "target_s": 10,
                "ok": median < 10,
            },
            indent=2,
        )
    )


if __name__ == "__main__":
    main()
