"""How fast the Projects tab opens and filters with 100 000 projects (offscreen window).

    uv run python bench/bench_window.py [--projects 100000] [--db PATH]

Projects are bulk-inserted with Core here (test data, valid by construction). Each
figure is printed as one JSON line: {"bench": ..., "seconds": ..., ...}.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from db.engine import Database, open_database  # noqa: E402
from db.enums import InvestorOrigin, ProjectType, Province, Stage, UnitKind  # noqa: E402
from db.models import IndustryField, Project, Unit  # noqa: E402

WORDS = ["锂电池", "光伏组件", "氢能装备", "新材料", "智能网联", "生物医药", "数据中心", "铝基材料"]
PLACES = ["永川区", "泸州市", "宜宾市", "自贡市", "内江市", "大足区", "荣昌区", "江津区"]


def report(bench: str, seconds: float, **extra) -> None:
    print(json.dumps({"bench": bench, "seconds": round(seconds, 3), **extra}, ensure_ascii=False))


def _stamp() -> dict:
    now = datetime(2025, 1, 1, 9, 0)
    return {
        "uuid": str(uuid.uuid4()),
        "created_at": now,
        "updated_at": now,
        "created_by": "bench",
        "updated_by": "bench",
        "version": 1,
    }


def fill(db: Database, n_projects: int, seed: int = 7) -> None:
    rnd = random.Random(seed)
    with db.engine.begin() as conn:
        fields = list(conn.execute(select(IndustryField.id)).scalars())
        conn.execute(
            insert(Unit),
            [
                {
                    **_stamp(),
                    "name": f"样例投资企业{i:04d}有限公司",
                    "kind": UnitKind.ENTERPRISE,
                    "province": rnd.choice(list(Province)),
                }
                for i in range(500)
            ],
        )
        investors = list(conn.execute(select(Unit.id)).scalars())
        start = date(2018, 1, 1)
        rows = []
        for i in range(n_projects):
            name = f"{rnd.choice(PLACES)}{rnd.choice(WORDS)}项目{i:06d}"
            rows.append(
                {
                    **_stamp(),
                    "name": name,
                    "name_key": name,
                    "code": f"XM{i:07d}",
                    "investor_id": rnd.choice(investors),
                    "investor_origin": rnd.choice(list(InvestorOrigin)),
                    "field_id": rnd.choice(fields),
                    "host_locality": rnd.choice(PLACES),
                    "project_type": rnd.choice(list(ProjectType)),
                    "investment": Decimal(rnd.randint(100, 5_000_000)) / 100,
                    "funds_arrived": Decimal(0),
                    "signed_date": start + timedelta(days=rnd.randint(0, 2900)),
                    "stage": rnd.choice(list(Stage)),
                    "is_sample": False,
                }
            )
            if len(rows) == 20_000:
                conn.execute(insert(Project), rows)
                rows = []
        if rows:
            conn.execute(insert(Project), rows)


def time_window(db: Database, word: str) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop.app import make_application
    from desktop.main_window import MainWindow

    app = make_application()
    t0 = time.perf_counter()
    window = MainWindow(db)
    window.resize(1400, 850)
    window.show()
    tab = window.show_tab("projects")
    app.processEvents()
    tab.view.viewport().grab()  # paint the visible rows: the first window of rows is fetched
    report("open_window_projects_tab", time.perf_counter() - t0, rows=tab.model.rowCount())

    t0 = time.perf_counter()
    tab.model.reload()
    tab.view.viewport().grab()
    report("refresh_projects_tab", time.perf_counter() - t0, rows=tab.model.rowCount())

    t0 = time.perf_counter()
    tab.filter_bar.search.setText(word)
    tab.filter_bar.flush()  # skip the 250 ms typing pause: time the query and paint only
    tab.view.viewport().grab()
    report("filter_typed_word", time.perf_counter() - t0, word=word, rows=tab.model.rowCount())

    col = tab.model.column_index("investment")
    tab.filter_bar.clear()
    t0 = time.perf_counter()
    tab.view.sortByColumn(col, Qt.SortOrder.DescendingOrder)
    tab.view.viewport().grab()
    report("sort_by_amount", time.perf_counter() - t0, rows=tab.model.rowCount())

    t0 = time.perf_counter()
    tab.view.scrollToBottom()
    tab.view.viewport().grab()
    report("scroll_to_bottom", time.perf_counter() - t0)
    window.close()
    QApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--db", help="ledger file to create (default: a temporary one)")
    parser.add_argument("--word", default="光伏组件")
    args = parser.parse_args(argv)
    folder = tempfile.mkdtemp(prefix="ftz-bench-")
    os.environ.setdefault("XDG_CONFIG_HOME", folder)  # leave the clerk's settings alone
    path = args.db or str(Path(folder) / "bench.sqlite3")
    db = open_database(path)
    t0 = time.perf_counter()
    fill(db, args.projects)
    report("bulk_insert_projects", time.perf_counter() - t0, projects=args.projects)
    time_window(db, args.word)
    db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
