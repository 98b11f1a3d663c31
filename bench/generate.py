"""Fill a ledger with realistic bulk records for benchmarks.

    uv run python bench/generate.py --db PATH --projects 1000000

Units, meetings and cases come in proportion to the projects. Rows go in with Core
bulk inserts (not the services: this is test data at scale, validated by
construction); the FTS index is filled by the migration's triggers.
"""

from __future__ import annotations

import argparse
import json
import queue
import random
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
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


PROJECT_COLUMNS = [
    "uuid",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "version",
    "deleted_at",
    "name",
    "name_key",
    "code",
    "is_sample",
    "investor_id",
    "investor_origin",
    "field_id",
    "host_locality",
    "project_type",
    "investment",
    "funds_arrived",
    "signed_date",
    "meeting_id",
    "stage",
    "terminated_reason",
    "responsible_unit_id",
    "responsible_person",
    "phone",
    "last_progress_date",
]


def new_uuid(rng: random.Random) -> str:
    """A version-4 UUID string from the seeded generator (uuid.UUID() costs more)."""
    h = f"{rng.getrandbits(128):032x}"
    variant = "89ab"[int(h[16], 16) & 3]
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{variant}{h[17:20]}-{h[20:]}"


def common(rng: random.Random, stamp: datetime) -> dict:
    return {
        "uuid": new_uuid(rng),
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


def insert_batches(db: Database, table, rows_iter, columns: list[str] | None = None) -> None:
    """Core inserts in batches; on SQLite the statement Core compiled is run by the
    driver's executemany with plain tuples (the bind processors cost more than SQLite).
    With `columns`, rows_iter yields tuples already in SQLite's storage form."""
    batch: list = []
    with db.engine.begin() as conn, bulk_load(conn, [table.name]):
        if conn.dialect.name != "sqlite":
            raise SystemExit("generate.py fills SQLite ledgers only")
        conn.exec_driver_sql("PRAGMA cache_size = -400000")  # 400 MB for index upkeep
        keys = columns
        sql = None
        if columns is not None:
            marks = ", ".join("?" * len(columns))
            sql = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})"

        def flush() -> None:
            nonlocal keys, sql
            if not batch:
                return
            if columns is not None:
                conn.exec_driver_sql(sql, batch)
            else:
                compiled = insert(table).compile(dialect=conn.dialect, column_keys=list(batch[0]))
                keys = compiled.positiontup
                rows = [tuple(sqlite_value(r[k]) for k in keys) for r in batch]
                conn.exec_driver_sql(str(compiled), rows)
            batch.clear()

        for chunk in _batches_ahead(rows_iter):
            batch[:] = chunk
            flush()


def _batches_ahead(rows_iter) -> Iterator[list]:
    """Batches of rows, the next one built by a thread while SQLite stores this one
    (the driver lets go of the GIL while SQLite works: two cores, both busy)."""
    ready: queue.Queue = queue.Queue(maxsize=2)

    def produce() -> None:
        chunk: list = []
        try:
            for row in rows_iter:
                chunk.append(row)
                if len(chunk) >= BATCH:
                    ready.put(chunk)
                    chunk = []
            ready.put(chunk)
        finally:
            ready.put(None)  # a failing generator ends the load (its rows fail the checks)

    worker = threading.Thread(target=produce, daemon=True)
    worker.start()
    while (chunk := ready.get()) is not None:
        yield chunk
    worker.join()


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
    """Project rows as tuples in PROJECT_COLUMNS order, in SQLite's storage form
    (ISO date text, float amounts): building dicts of typed values was most of the
    generator's time."""
    stages = [s.value for s in (*STAGE_ORDER, Stage.TERMINATED)]
    origins = [o.value for o in InvestorOrigin]
    types = [t.value for t in ProjectType]
    days = [(START + timedelta(days=d)).isoformat() for d in range(TEN_YEARS + 400)]
    when = stamp.isoformat(" ")
    bits, rand, below = rng.getrandbits, rng.random, rng.randrange
    n_units, n_fields, n_meetings = len(unit_ids), len(field_ids), len(meeting_ids)
    n_words, n_places = len(WORDS), len(PLACES)
    for i in range(n):
        signed = below(TEN_YEARS)
        cents = below(10_000, 5_000_000_000)
        name = f"某某{WORDS[int(rand() * n_words)]}项目{i}"
        h = f"{bits(128):032x}"
        yield (
            f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}",
            when,
            when,
            "bench",
            "bench",
            1,
            None,
            name,
            name,
            f"P{i:08d}",
            False,
            unit_ids[int(rand() * n_units)],
            origins[int(rand() * len(origins))],
            field_ids[int(rand() * n_fields)],
            PLACES[int(rand() * n_places)],
            types[int(rand() * len(types))],
            cents / 100,
            (cents * int(rand() * 100) // 100) / 100,
            days[signed],
            meeting_ids[int(rand() * n_meetings)] if rand() < 0.7 else None,
            stages[int(rand() * len(stages))],
            None,
            None,
            None,
            None,
            days[signed + int(rand() * 400)],
        )


@contextmanager
def fast_writes(db: Database) -> Iterator[None]:
    """No journal and no syncing while the bench data goes in (a failed run leaves
    a file to throw away; bench/run.py builds under a temporary name), and sorter
    threads for the index builds; the ledger is back in WAL mode afterwards."""
    db.engine.dispose()  # one pooled connection, the one set up here
    with db.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA journal_mode = OFF")
        conn.exec_driver_sql("PRAGMA synchronous = OFF")
        conn.exec_driver_sql("PRAGMA threads = 2")
    try:
        yield
    finally:
        db.engine.dispose()
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")


def generate(db: Database, n_projects: int, seed: int = 1) -> dict[str, float]:
    with fast_writes(db):
        return _generate(db, n_projects, seed)


def _generate(db: Database, n_projects: int, seed: int = 1) -> dict[str, float]:
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
        db,
        Project.__table__,
        projects(rng, n_projects, unit_ids, fields, meeting_ids, stamp),
        PROJECT_COLUMNS,
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
