"""Every scale figure of issue 9, each beside a baseline measured in the same run.

    uv run python bench/run.py [--projects 1000000] [--runs 3] [--only open,search]

Prints one JSON line per figure: the median wall time of several runs, the median
CPU time (the machine is shared: CPU time is the steadier figure), the baseline's
medians, the ratio (wall) and the target. Figures:

  open     process start to the Projects tab painting its first rows (N projects);
           baseline: the same Python showing an empty QMainWindow
  memory   peak RSS of that process; baseline: the empty-window process
  cold     process start to the window shown on a new, empty ledger; baseline: empty window
  scroll   jump to the last row, the middle and other far rows, rows painted;
           baseline: painting the same view again (rows cached)
  search   a typed word to the table updated; baseline: SQLite's own FTS5 query
  sort     sort by each column, table repainted; baseline: SQLite walking the
           default-sort index for every id
  export   100 000 projects to Excel; baseline: bare openpyxl write-only dump
  import   10 000 projects from Excel; baseline: reading the workbook only

The generated ledger (bench/generate.py) is cached under the temporary folder,
keyed by N, seed and schema revision.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from db.migrate import head_revision  # noqa: E402

SEARCH_WORDS = ["永川", "光伏", "冷链项目", "能", "锂电科技", "P0012"]
FIGURES = ("open", "memory", "cold", "scroll", "search", "sort", "export", "import")


# --- helpers -------------------------------------------------------------------
def emit_line(figure: str, runs: list[float], base: list[float], **extra) -> None:
    """One figure: medians of the runs and of the baseline, and their ratio."""
    med, base_med = statistics.median(runs), statistics.median(base)
    line = {
        "figure": figure,
        "median_s": round(med, 4),
        "baseline_median_s": round(base_med, 4),
        "ratio": round(med / base_med, 3) if base_med else None,
        "runs_s": [round(r, 4) for r in runs],
        "baseline_runs_s": [round(r, 4) for r in base],
        **extra,
        "load_average": round(os.getloadavg()[0], 2),
    }
    print(json.dumps(line, ensure_ascii=False), flush=True)


def med(values: list[float]) -> float:
    return round(statistics.median(values), 4)


def cached_ledger(n: int, seed: int) -> tuple[Path, dict | None]:
    """The generated ledger of n projects (built once); the generator's timings if built now."""
    path = Path(tempfile.gettempdir()) / f"ftz-bench-{n}-seed{seed}-rev{head_revision()}.sqlite3"
    if path.exists():
        return path, None
    from bench.generate import generate
    from db.engine import open_database

    part = path.with_suffix(".part")
    for leftover in part.parent.glob(part.name + "*"):
        leftover.unlink()
    db = open_database(str(part))
    start = time.perf_counter()
    timings = generate(db, n, seed)
    timings["seconds"] = time.perf_counter() - start
    db.dispose()
    part.rename(path)
    return path, timings


# --- child processes (a window in a fresh interpreter) -----------------------------
def run_child(mode: str, db: str | None = None) -> tuple[float, float, list[dict]]:
    """Start this file as a child; wall seconds to its first line, its CPU seconds, its
    lines (each with "arrived_s": seconds from the start to that line)."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode]
    if db:
        cmd += ["--db", db]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert proc.stdout is not None
    lines = []
    for line in proc.stdout:
        if line.strip():
            lines.append({**json.loads(line), "arrived_s": time.perf_counter() - start})
    _pid, status, usage = os.wait4(proc.pid, 0)
    if status != 0 or not lines:
        raise SystemExit(f"child {mode} failed ({status})")
    return lines[0]["arrived_s"], usage.ru_utime + usage.ru_stime, lines


def peak_rss_mb() -> float:
    """This process's peak RSS (VmHWM: getrusage's ru_maxrss survives exec, so a
    child would report its parent's peak)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child_empty() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1400, 850)
    window.show()
    app.processEvents()
    window.grab()
    print(json.dumps({"shown": True, "peak_rss_mb": peak_rss_mb()}), flush=True)


def child_window(db_path: str, measure: bool) -> None:
    """The program's own start: application, ledger, main window on the Projects tab."""
    from desktop.app import make_application, start_language
    from desktop.main_window import MainWindow
    from desktop.startup import open_database_for_window

    app = make_application()
    start_language(app, "zh")
    db = open_database_for_window(db_path, None)
    window = MainWindow(db)
    window.resize(1400, 850)
    tab = window.show_tab("projects")
    window.show()
    app.processEvents()
    tab.view.viewport().grab()
    print(json.dumps({"rows_painted": tab.model.rowCount()}), flush=True)
    settle(tab.model)
    rows = tab.model.rowCount()
    print(json.dumps({"rows": rows, "peak_rss_mb": peak_rss_mb()}), flush=True)
    if measure:
        for line in measure_in_window(tab, db_path):
            print(json.dumps(line, ensure_ascii=False), flush=True)
    window.close()
    db.dispose()


def settle(model) -> None:
    """Until the rest of a long list is in (the model reads it on a worker)."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    while not model.is_complete():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.002)


def timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def measure_in_window(tab, db_path: str) -> list[dict]:
    from PySide6.QtCore import Qt

    view, model = tab.view, tab.model
    paint = view.viewport().grab
    out = []

    # scroll: far jumps, each fetching a new window of rows
    n = model.rowCount()
    jumps, base = [], []
    for fraction in (1.0, 0.5, 0.25, 0.75, 0.1, 0.9):
        row = min(n - 1, int(n * fraction))
        jumps.append(timed(lambda r=row: (view.scrollTo(model.index(r, 0)), paint())))
        base.append(timed(paint))
    out.append(_figure("scroll", jumps, base, rows=n, target="< 0.05 s each"))

    # search: typed words (the 250 ms typing pause skipped), table repainted
    raw = sqlite3.connect(db_path)
    found, whole, base, hits = [], [], [], {}
    bar = tab.filter_bar
    for word in SEARCH_WORDS:
        first, total = timed_then_settled(
            lambda w=word: (bar.search.setText(w), bar.flush(), paint()), model
        )
        found.append(first)
        whole.append(total)
        hits[word] = model.rowCount()
        base.append(timed(lambda w=word: _fts_floor(raw, w)))
    tab.filter_bar.clear()
    tab.filter_bar.flush()
    settle(model)
    out.append(_figure("search", found, base, whole, hits=hits, target="< 0.2 s"))

    # sort by every column
    sorts, whole, base, by_column = [], [], [], {}
    for col, key in enumerate(model.column_keys()):
        first, total = timed_then_settled(
            lambda c=col: (view.sortByColumn(c, Qt.SortOrder.DescendingOrder), paint()), model
        )
        sorts.append(first)
        whole.append(total)
        by_column[key] = [round(first[0], 3), round(total, 3)]
        base.append(timed(lambda: _sort_floor(raw)))
    out.append(_figure("sort", sorts, base, whole, by_column=by_column, target="< 0.5 s each"))
    raw.close()
    return out


def timed_then_settled(action: Callable[[], object], model) -> tuple[tuple[float, float], float]:
    """The action's (wall, cpu) to the first rows painted, and wall time until the
    whole id list is in."""
    start = time.perf_counter()
    first = timed(action)
    settle(model)
    return first, time.perf_counter() - start


def _figure(
    name: str,
    runs: list[tuple[float, float]],
    base: list[tuple[float, float]],
    whole: list[float] | None = None,
    **extra,
):
    return {
        "figure": name,
        "runs": [r[0] for r in runs],
        "cpu": [r[1] for r in runs],
        "base": [b[0] for b in base],
        "base_cpu": [b[1] for b in base],
        "whole": whole or [],
        **extra,
    }


def _fts_floor(raw: sqlite3.Connection, word: str) -> None:
    table, query = (
        ("project_fts", f'"{word}"')
        if len(word) >= 3
        else (
            "project_fts_chars",
            '"' + " ".join(word) + '"',
        )
    )
    raw.execute(f"SELECT rowid FROM {table} WHERE {table} MATCH ?", (query,)).fetchall()


def _sort_floor(raw: sqlite3.Connection) -> None:
    raw.execute(
        "SELECT id FROM project WHERE deleted_at IS NULL ORDER BY signed_date DESC, id DESC"
    ).fetchall()


# --- the figures ------------------------------------------------------------------
def bench_open(path: Path, runs: int) -> dict:
    opens, empties = [], []
    window_lines: list[dict] = []
    # Not timed: the first start of the day makes the daily backup, and the file
    # comes into the OS cache as it would on a clerk's second start.
    run_child("window", str(path))
    for _ in range(runs):
        empties.append(run_child("empty"))
        opens.append(run_child("window", str(path)))
    rows = opens[0][2][1]["rows"]
    emit_line(
        "open",
        [o[0] for o in opens],
        [e[0] for e in empties],
        cpu_s=med([o[1] for o in opens]),
        baseline_cpu_s=med([e[1] for e in empties]),
        rows=rows,
        all_ids_median_s=med([o[2][1]["arrived_s"] for o in opens]),
        baseline="empty QMainWindow, same Python",
        target="<= 2x baseline",
    )
    rss = [o[2][1]["peak_rss_mb"] for o in opens]
    base_rss = [e[2][0]["peak_rss_mb"] for e in empties]
    print(
        json.dumps(
            {
                "figure": "memory",
                "peak_rss_mb": med(rss),
                "baseline_peak_rss_mb": med(base_rss),
                "ratio": round(med(rss) / med(base_rss), 3),
                "runs_mb": rss,
                "rows": rows,
                "baseline": "empty QMainWindow, same Python",
                "target": "< 400 MB",
            }
        ),
        flush=True,
    )
    return {"window_lines": window_lines}


def bench_cold(runs: int) -> None:
    colds, empties = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="ftz-cold-") as tmp:
            empties.append(run_child("empty"))
            colds.append(run_child("window", str(Path(tmp) / "new.sqlite3")))
    emit_line(
        "cold",
        [c[0] for c in colds],
        [e[0] for e in empties],
        cpu_s=med([c[1] for c in colds]),
        baseline_cpu_s=med([e[1] for e in empties]),
        baseline="empty QMainWindow, same Python",
        note="a new ledger file: created and migrated, then the window shown",
    )


def bench_interactive(path: Path, runs: int, wanted: set[str]) -> None:
    """Scroll, search and sort in one window process per run (medians over all runs)."""
    merged: dict[str, dict] = {}
    for _ in range(runs):
        _wall, _cpu, lines = run_child("measure", str(path))
        for line in (line for line in lines if "figure" in line):
            into = merged.setdefault(
                line["figure"], {"runs": [], "cpu": [], "base": [], "base_cpu": [], "whole": []}
            )
            for key in ("runs", "cpu", "base", "base_cpu", "whole"):
                into[key] += line[key]
            into.update({k: v for k, v in line.items() if k not in into or k == "target"})
    baselines = {
        "scroll": "repainting the same view (rows cached)",
        "search": "SQLite's FTS5 MATCH of the word alone",  # median_s: first rows painted
        "sort": "SQLite walking the default-sort index for every id",
    }
    for name in ("scroll", "search", "sort"):
        if name not in wanted or name not in merged:
            continue
        got = merged[name]
        skip = ("figure", "runs", "cpu", "base", "base_cpu", "whole", "arrived_s")
        extra = {k: v for k, v in got.items() if k not in skip}
        if got["whole"]:
            extra["all_ids_median_s"] = med(got["whole"])
            extra["all_ids_max_s"] = round(max(got["whole"]), 4)
        emit_line(
            name,
            got["runs"],
            got["base"],
            max_s=round(max(got["runs"]), 4),
            cpu_s=med(got["cpu"]),
            baseline_cpu_s=med(got["base_cpu"]),
            baseline=baselines[name],
            **extra,
        )


def bench_export(runs: int, seed: int) -> None:
    from bench.bench_export import bare_dump, export, report_values
    from bench.bench_export import timed as timed_pair
    from db.engine import open_database

    path, _ = cached_ledger(100_000, seed)
    with tempfile.TemporaryDirectory(prefix="ftz-export-") as tmp:
        folder = Path(tmp)
        copy = folder / "ledger.sqlite3"
        shutil.copyfile(path, copy)
        db = open_database(str(copy))
        values = report_values(db)
        pairs = [
            (timed_pair(export, db, folder), timed_pair(bare_dump, values, folder))
            for _ in range(runs)
        ]
        db.dispose()
    emit_line(
        "export",
        [e[0] for e, _b in pairs],
        [b[0] for _e, b in pairs],
        cpu_s=med([e[1] for e, _b in pairs]),
        baseline_cpu_s=med([b[1] for _e, b in pairs]),
        cpu_ratio=round(med([e[1] for e, _b in pairs]) / med([b[1] for _e, b in pairs]), 3),
        rows=len(values) - 2,
        baseline="bare openpyxl write-only dump of the same cells",
        target="<= 1.5x baseline",
    )


def bench_import(runs: int) -> None:
    from bench.bench_import import one_run, project_rows
    from db.engine import open_database
    from db.lang import set_language
    from desktop.importing.template import write_template

    set_language("zh")
    with tempfile.TemporaryDirectory(prefix="ftz-import-") as tmp_name:
        tmp = Path(tmp_name)
        template_db = open_database(str(tmp / "template.sqlite3"))
        workbook = write_template(
            template_db, "projects", tmp / "projects.xlsx", project_rows(10_000)
        )
        template_db.dispose()
        results = [one_run(workbook, tmp, run) for run in range(runs)]
    emit_line(
        "import",
        [r["total_s"] for r in results],
        [r["read_s"] for r in results],
        cpu_s=med([r["cpu_s"] for r in results]),
        rows=10_000,
        baseline="reading the workbook only (openpyxl)",
        target="< 10 s",
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--projects", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", help=f"comma-separated figures of: {', '.join(FIGURES)}")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--db", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        # The parent gives every child the same throwaway settings folder.
        if args.child == "empty":
            child_empty()
        else:
            child_window(args.db, measure=args.child == "measure")
        sys.stdout.flush()
        # Measured and printed: skip interpreter teardown (PySide6 6.12's refcount bug
        # can abort it, and it is no part of any figure).
        os._exit(0)
    with tempfile.TemporaryDirectory(prefix="ftz-bench-cfg-") as config:
        os.environ["XDG_CONFIG_HOME"] = config  # the clerk's own settings stay untouched
        run_figures(args)
    return 0


def run_figures(args: argparse.Namespace) -> None:
    wanted = set(args.only.split(",")) if args.only else set(FIGURES)
    path, timings = cached_ledger(args.projects, args.seed)
    if timings:
        print(
            json.dumps(
                {
                    "figure": "generate",
                    "projects": args.projects,
                    **{k: round(v, 2) for k, v in timings.items()},
                }
            ),
            flush=True,
        )
    if wanted & {"open", "memory"}:
        bench_open(path, args.runs)
    if "cold" in wanted:
        bench_cold(args.runs)
    if wanted & {"scroll", "search", "sort"}:
        bench_interactive(path, args.runs, wanted)
    if "export" in wanted:
        bench_export(args.runs, args.seed)
    if "import" in wanted:
        bench_import(args.runs)


if __name__ == "__main__":
    sys.exit(main())
