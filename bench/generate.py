"""Fill a ledger with realistic bulk records for benchmarks.

    uv run python bench/generate.py --db PATH --projects 1000000

Units, meetings and cases come in proportion to the projects. Rows go in with Core
bulk inserts (not the services: this is test data at scale, validated by
construction); the FTS index is filled by the migration's triggers.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
import uuid
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from db.engine import Database, open_database  # noqa: E402
from db.enums import STAGE_ORDER, InvestorOrigin, ProjectType, Province, Stage, UnitKind  # noqa: E402
from db.models import IndustryField, Meeting, MeetingKind, Project, Unit  # noqa: E402
from db.search_index import bulk_load  # noqa: E402

BATCH = 20_000
PLACES = [
    "成都",
    "重庆",
    "永川",
    "自贡",
    "泸州",
    "宜宾",
    "内江",
    "德阳",
    "绵阳",
    "南充",
    "达州",
    "遂宁",
    "大足",
    "眉山",
]
WORDS = [
    "锂电",
    "光伏",
    "储能",
    "氢能",
    "芯片",
    "装备",
    "材料",
    "医药",
    "数据",
    "汽车",
    "物流",
    "冷链",
    "算力",
]
TEN_YEARS = 3650
START = date(2015, 1, 1)


def common(rng: random.Random, stamp: datetime) -> dict:
    return {
        "uuid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
        "created_at": stamp,
        "updated_at": stamp,
        "created_by": "bench",
        "updated_by": "bench",
        "version": 1,
        "deleted_at": None,
    }


def sqlite_value(value):
    """What SQLAlchemy's SQLite types would store, without their per-row overhead."""
    if isinstance(value, datetime):
        return value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    return value


def insert_batches(db: Database, table, rows_iter) -> None:
    """Core inserts in batches; on SQLite the statement Core compiled is run by the
    driver's executemany with plain tuples (the bind processors cost more than SQLite)."""
    batch: list[dict] = []
    with db.engine.begin() as conn, bulk_load(conn):
        fast = conn.dialect.name == "sqlite"
        if fast:
            conn.exec_driver_sql("PRAGMA cache_size = -400000")  # 400 MB for index upkeep

        def flush() -> None:
            if not batch:
                return
            if fast:
                compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(batch[0]))
                keys = compiled.positiontup
                rows = [tuple(sqlite_value(r[k]) for k in keys) for r in batch]
                conn.exec_driver_sql(str(compiled), rows)
            else:
                conn.execute(insert(table), batch)
            batch.clear()

        for row in rows_iter:
            batch.append(row)
            if len(batch) >= BATCH:
                flush()
        flush()


def units(rng: random.Random, n: int, stamp: datetime):
    for i in range(n):
        place = rng.choice(PLACES)
        yield {
            **common(rng, stamp),
            "name": f"{place}{rng.choice(WORDS)}科技有限公司{i:07d}",
            "short_name": f"{place}{i:07d}",
            "kind": UnitKind.ENTERPRISE.value,
            "province": rng.choice([Province.SICHUAN, Province.CHONGQING]).value,
            "city": place,
            "district": None,
        }


def meetings(rng: random.Random, n: int, kinds: list[int], stamp: datetime):
    for i in range(n):
        day = START + timedelta(days=rng.randrange(TEN_YEARS))
        yield {
            **common(rng, stamp),
            "title": f"{rng.choice(PLACES)}{rng.choice(WORDS)}产业对接会{i:05d}",
            "kind_id": rng.choice(kinds),
            "start_date": day,
            "end_date": day,
            "city": rng.choice(PLACES),
            "district": None,
            "venue": None,
            "summary": None,
            "source_publisher": None,
            "source_date": None,
            "source_ref": None,
        }


def projects(
    rng: random.Random,
    n: int,
    unit_ids: list[int],
    field_ids: list[int],
    meeting_ids: list[int],
    stamp: datetime,
):
    stages = [s.value for s in (*STAGE_ORDER, Stage.TERMINATED)]
    for i in range(n):
        signed = START + timedelta(days=rng.randrange(TEN_YEARS))
        amount = Decimal(rng.randrange(100, 50_000_000)) / 100
        name = f"某某{rng.choice(WORDS)}项目{i}"
        yield {
            **common(rng, stamp),
            "name": name,
            "name_key": name,
            "code": f"P{i:08d}",
            "is_sample": False,
            "investor_id": rng.choice(unit_ids),
            "investor_origin": rng.choice(list(InvestorOrigin)).value,
            "field_id": rng.choice(field_ids),
            "host_locality": rng.choice(PLACES),
            "project_type": rng.choice(list(ProjectType)).value,
            "investment": amount,
            "funds_arrived": (amount * rng.randrange(0, 100) / 100).quantize(Decimal("0.01")),
            "signed_date": signed,
            "meeting_id": rng.choice(meeting_ids) if rng.random() < 0.7 else None,
            "stage": rng.choice(stages),
            "terminated_reason": None,
            "responsible_unit_id": None,
            "responsible_person": None,
            "phone": None,
            "last_progress_date": signed + timedelta(days=rng.randrange(0, 400)),
        }


def generate(db: Database, n_projects: int, seed: int = 1) -> dict[str, float]:
    rng = random.Random(seed)
    stamp = datetime.now().replace(microsecond=0)
    timings: dict[str, float] = {}
    with db.engine.connect() as conn:
        kinds = list(conn.execute(select(MeetingKind.id)).scalars())
        fields = list(conn.execute(select(IndustryField.id)).scalars())
        first_unit = (conn.execute(select(Unit.id).order_by(Unit.id.desc())).scalar() or 0) + 1
        first_meeting = (
            conn.execute(select(Meeting.id).order_by(Meeting.id.desc())).scalar() or 0
        ) + 1
    n_units, n_meetings = max(1, n_projects // 10), max(1, n_projects // 100)
    for name, table, rows in (
        ("units", Unit.__table__, units(rng, n_units, stamp)),
        ("meetings", Meeting.__table__, meetings(rng, n_meetings, kinds, stamp)),
    ):
        t0 = time.perf_counter()
        insert_batches(db, table, rows)
        timings[name] = time.perf_counter() - t0
    unit_ids = list(range(first_unit, first_unit + n_units))
    meeting_ids = list(range(first_meeting, first_meeting + n_meetings))
    t0 = time.perf_counter()
    insert_batches(
        db, Project.__table__, projects(rng, n_projects, unit_ids, fields, meeting_ids, stamp)
    )
    timings["projects"] = time.perf_counter() - t0
    return timings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--projects", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    db = open_database(args.db)
    t0 = time.perf_counter()
    timings = generate(db, args.projects, args.seed)
    total = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "generated_projects": args.projects,
                "seconds": round(total, 2),
                **{k: round(v, 2) for k, v in timings.items()},
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
