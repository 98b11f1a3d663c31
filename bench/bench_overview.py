"""The Overview on a big ledger: its queries, and the window's time to show and to fill in.

    uv run python bench/bench_overview.py --db COPY.sqlite3 [--runs 3] [--only queries,window]
    uv run python bench/bench_overview.py --projects 200000   # bench/run.py's cached ledger

queries  each query of the Overview on a read-only connection (nothing migrated),
         medians of --runs; "list count follow_up=any" is the Projects list's count
         that a click on a warning figure runs (db/queries/lists.py), for comparison.
window   a fresh process opening the ledger in the main window on the Overview tab:
         seconds from process start to the window shown (its frame painted) and to
         the figures shown (counted on a worker thread). Baselines from the same
         run: the program's window on a new, empty ledger (the ratio's), the
         same Python showing an empty QMainWindow, and the Overview's queries
         alone (overview_figures on a plain connection).

The window opens the ledger as the program does, so a ledger of an older schema
revision is upgraded first: give it a copy. --source DIR runs the window from
another copy of the sources instead (`git archive REV | tar -x -C DIR`), to time an
earlier version on the same ledger. Prints one JSON line per figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import emit_line  # noqa: E402 - one JSON line per figure, as run.py prints

PARTS = ("queries", "window")


def _read_only(db: str):
    from sqlalchemy import create_engine

    return create_engine(f"sqlite:///file:{Path(db).resolve()}?mode=ro&uri=true")


def query_steps(today: date) -> dict[str, Callable]:
    from db.queries import overview
    from db.queries.lists import ListFilter, count

    return {
        "latest_year": lambda c: overview.latest_year(c, today),
        "meetings_in_year": lambda c: overview.meetings_in_year(c, today.year),
        "cases_by_recognition": overview.cases_by_recognition,
        "project_totals (one pass)": lambda c: overview.project_totals(c, today).rows,
        "signings_per_month": lambda c: overview.signings_per_month(c, today.year),
        "stalled_projects": lambda c: overview.stalled_projects(c, today),
        "overview_figures (all of them)": lambda c: overview.overview_figures(c, today),
        "list count follow_up=any": lambda c: count(
            c, "projects", ListFilter(follow_up="any", today=today)
        ),
    }


def bench_queries(db: str, today: date, runs: int) -> None:
    engine = _read_only(db)
    with engine.connect() as conn:
        for name, step in query_steps(today).items():
            took = []
            for _ in range(runs):
                start = time.perf_counter()
                step(conn)
                took.append(time.perf_counter() - start)
            print(
                json.dumps(
                    {
                        "figure": f"query {name}",
                        "median_s": round(statistics.median(took), 4),
                        "runs_s": [round(t, 4) for t in took],
                    }
                ),
                flush=True,
            )
    engine.dispose()


# --- the window, in a fresh process --------------------------------------------------
def child_empty() -> None:
    from PySide6.QtWidgets import QApplication, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.resize(1400, 850)
    window.show()
    app.processEvents()
    window.grab()
    print(json.dumps({"shown": True}), flush=True)


def child_window(db_path: str) -> None:
    """The program's own start, on the Overview: shown, then the figures in."""
    from PySide6.QtCore import QCoreApplication, QEventLoop

    from db.engine import open_database
    from desktop.app import make_application, start_language
    from desktop.main_window import MainWindow

    app = make_application()
    start_language(app, "zh")
    db = open_database(db_path)
    window = MainWindow(db)
    window.resize(1400, 850)
    window.tabs.setCurrentIndex(0)  # the Overview, whatever was remembered
    window.show()
    app.processEvents()
    window.grab()
    tab = window.overview()
    counting = getattr(tab, "is_counting", lambda: False)  # earlier versions counted at once
    print(json.dumps({"shown": True, "counting": counting()}), flush=True)
    while counting():
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        time.sleep(0.005)
    window.grab()
    print(json.dumps({"figures": tab.figures["meetings"].text()}), flush=True)
    window.close()
    db.dispose()


def run_child(mode: str, db: str | None, env: dict, source: str | None = None) -> list[float]:
    """Seconds from starting the child to each line it prints."""
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", mode]
    if db:
        cmd += ["--db", db]
    if source:
        cmd += ["--source", source]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    assert proc.stdout is not None
    arrived = [time.perf_counter() - start for line in proc.stdout if line.strip()]
    if proc.wait() != 0 or not arrived:
        raise SystemExit(f"child {mode} failed")
    return arrived


def bench_window(db: str, runs: int, source: str | None) -> None:
    with tempfile.TemporaryDirectory(prefix="ftz-bench-overview-") as scratch:
        _bench_window(db, runs, source, Path(scratch))


def _bench_window(db: str, runs: int, source: str | None, scratch: Path) -> None:
    from db.queries import overview

    # The child's settings and remembered files go to a throwaway folder.
    env = {**os.environ, "XDG_CONFIG_HOME": str(scratch / "config")}
    run_child("window", db, env, source)  # warm-up: the page cache filled, any upgrade done
    new_ledger = scratch / "empty.sqlite3"
    run_child("window", str(new_ledger), env, source)  # created and migrated once
    empty, cold, shown, figures, bare = [], [], [], [], []
    for _ in range(runs):
        empty.append(run_child("empty", None, env)[0])
        cold.append(run_child("window", str(new_ledger), env, source)[0])
        arrived = run_child("window", db, env, source)
        shown.append(arrived[0])
        figures.append(arrived[1])
        engine = _read_only(db)
        with engine.connect() as conn:
            start = time.perf_counter()
            overview.overview_figures(conn, date.today())
            bare.append(time.perf_counter() - start)
        engine.dispose()
    sources = {"sources": source} if source else {}
    bare_window = {
        "empty_qmainwindow_median_s": round(statistics.median(empty), 4),
        "empty_qmainwindow_runs_s": [round(e, 4) for e in empty],
    }
    baseline = "the program's window shown on a new, empty ledger"
    emit_line("overview window shown", shown, cold, baseline=baseline, **bare_window, **sources)
    emit_line(
        "overview figures shown",
        figures,
        cold,
        baseline=baseline,
        **bare_window,
        queries_alone_median_s=round(statistics.median(bare), 4),
        queries_alone_runs_s=[round(b, 4) for b in bare],
        **sources,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", help="an SQLite ledger file (the window part: a copy)")
    parser.add_argument("--projects", type=int, help="bench/run.py's generated ledger of N")
    parser.add_argument("--today", default=date.today().isoformat())
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--only", default=",".join(PARTS), help="queries,window")
    parser.add_argument("--source", help="run the window from these sources (a checkout)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.source and args.child:  # the parent times the bare queries of these sources
        sys.path.insert(0, str(Path(args.source).resolve()))
    if args.child == "empty":
        child_empty()
        return 0
    if args.child == "window":
        child_window(args.db)
        return 0
    db = args.db
    if db is None:
        if args.projects is None:
            parser.error("give --db or --projects")
        from bench.run import cached_ledger

        db = str(cached_ledger(args.projects, 1)[0])
    parts = set(args.only.split(","))
    if "queries" in parts:
        bench_queries(db, date.fromisoformat(args.today), args.runs)
    if "window" in parts:
        bench_window(db, args.runs, args.source)
    return 0


if __name__ == "__main__":
    sys.exit(main())
