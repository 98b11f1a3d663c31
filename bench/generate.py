"""Fill a ledger with realistic bulk records for benchmarks.

    uv run python bench/generate.py --db PATH --projects 1000000

Units (one per ten projects), meetings and cases (one per hundred) come in
proportion to the projects. Rows go in through the driver's executemany with plain
tuples (not the services: this is test data at scale, valid by construction).

Both cores work: this process makes the project rows and pipes them to a second
one, which stores them in a scratch SQLite file and builds the table's indexes
there, while this one stores the units, meetings and cases and fills the search
indexes (FTS5, with the text the triggers would make). The finished table is then
copied into the ledger with one INSERT ... SELECT *, which SQLite runs by copying
the table's and each index's records in order (its transfer optimisation) instead
of building the indexes again.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import random
import sqlite3
import struct
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from db.enums import (  # noqa: E402
    RECOGNITION_WITH_BATCH,
    STAGE_ORDER,
    CaseScope,
    CaseUnitRole,
    InvestorOrigin,
    ProjectType,
    Province,
    Recognition,
    Stage,
    UnitKind,
)
from db.search_index import (  # noqa: E402
    fts_bulk_mode,
    has_chars_index,
    has_project_index,
    lifted_indexes,
    lifted_search_triggers,
    project_search_text,
    spaced_characters,
)

if TYPE_CHECKING:  # the project builder's process imports no SQLAlchemy: it starts sooner
    from sqlalchemy import Connection

    from db.engine import Database

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
CASE_TOPICS = ["通关便利化", "跨境结算", "数据互认", "联合监管", "人才互认", "多式联运"]
STAGES = [s.value for s in (*STAGE_ORDER, Stage.TERMINATED)]
ORIGINS = [o.value for o in InvestorOrigin]
TYPES = [t.value for t in ProjectType]
TEN_YEARS = 3650
START = date(2015, 1, 1)
BENCH_USER = "bench"

# Project columns bound per row, in tuple order; name_key repeats the name (?3).
PROJECT_BOUND = [
    "id",
    "uuid",
    "name",
    "code",
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
    "last_progress_date",
]
PROJECT_SAME = {
    "name_key": "?3",
    "is_sample": "0",
    "terminated_reason": "NULL",
    "responsible_unit_id": "NULL",
    "responsible_person": "NULL",
    "phone": "NULL",
}
UNIT_BOUND = ["uuid", "name", "short_name", "province", "city"]
MEETING_BOUND = ["uuid", "title", "kind_id", "start_date", "end_date", "city"]
CASE_BOUND = [
    "uuid",
    "title",
    "code",
    "category_id",
    "scope",
    "launch_date",
    "recognition",
    "recognition_batch",
    "recognition_date",
]


# --- rows ------------------------------------------------------------------------
@dataclass
class Plan:
    """What one run makes: counts, the ids each table's new rows get, reference ids."""

    stamp: str
    n_projects: int
    first: dict[str, int]
    kinds: list[int]
    fields: list[int]
    categories: list[int]
    days: list[str] = field(init=False)

    def __post_init__(self) -> None:
        self.days = [(START + timedelta(days=d)).isoformat() for d in range(TEN_YEARS + 400)]

    @property
    def n_units(self) -> int:
        return max(1, self.n_projects // 10)

    @property
    def n_meetings(self) -> int:
        return max(1, self.n_projects // 100)

    @property
    def n_cases(self) -> int:
        return max(1, self.n_projects // 100)

    def ids(self, table: str, count: int) -> range:
        return range(self.first[table], self.first[table] + count)


def ordered_uuids(rng: random.Random, count: int) -> Iterator[str]:
    """Random version-4 UUIDs in ascending order: each from its own slice of the range,
    so a table's unique uuid index is filled by appending (random ones cost a search
    each)."""
    step = (1 << 128) // max(count, 1)
    bits = step.bit_length() - 1
    below = rng.getrandbits
    for k in range(count):
        h = f"{k * step + below(bits):032x}"
        yield f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[int(h[16], 16) & 3]}{h[17:20]}-{h[20:]}"


def unit_rows(rng: random.Random, plan: Plan) -> list[tuple]:
    """Enterprises (investors): (uuid, name, short name, province, city)."""
    provinces = [Province.SICHUAN.value, Province.CHONGQING.value]
    rows = []
    for uid, uuid in zip(
        plan.ids("unit", plan.n_units), ordered_uuids(rng, plan.n_units), strict=True
    ):
        place = rng.choice(PLACES)
        name = f"{place}{rng.choice(WORDS)}科技有限公司{uid:07d}"
        rows.append((uuid, name, f"{place}{uid:07d}", rng.choice(provinces), place))
    return rows


def meeting_rows(rng: random.Random, plan: Plan) -> list[tuple]:
    rows = []
    for mid, uuid in zip(
        plan.ids("meeting", plan.n_meetings), ordered_uuids(rng, plan.n_meetings), strict=True
    ):
        day = plan.days[rng.randrange(TEN_YEARS)]
        title = f"{rng.choice(PLACES)}{rng.choice(WORDS)}产业对接会{mid:05d}"
        rows.append((uuid, title, rng.choice(plan.kinds), day, day, rng.choice(PLACES)))
    return rows


def case_rows(rng: random.Random, plan: Plan) -> tuple[list[tuple], list[tuple]]:
    """Cases, and their units: a lead and a participating enterprise each."""
    scopes = [s.value for s in CaseScope]
    cases, links = [], []
    units = plan.ids("unit", plan.n_units)
    for cid, uuid in zip(
        plan.ids("case_record", plan.n_cases), ordered_uuids(rng, plan.n_cases), strict=True
    ):
        day = rng.randrange(TEN_YEARS)
        recognition = rng.choice([Recognition.NONE] * 6 + list(Recognition))
        batch = rng.randint(1, 7) if recognition in RECOGNITION_WITH_BATCH else None
        recognized = (
            plan.days[day + rng.randrange(400)] if recognition != Recognition.NONE else None
        )
        title = f"{rng.choice(PLACES)}{rng.choice(CASE_TOPICS)}川渝协同创新案例{cid:05d}"
        cases.append(
            (uuid, title, f"C{cid:06d}", rng.choice(plan.categories), rng.choice(scopes))
            + (plan.days[day], recognition.value, batch, recognized)
        )
        lead, partner = rng.sample(units, 2) if len(units) > 1 else (units[0], None)
        links.append((cid, lead, CaseUnitRole.LEAD.value, 0))
        if partner is not None:
            links.append((cid, partner, CaseUnitRole.PARTICIPANT.value, 1))
    return cases, links


def project_batches(plan: Plan, seed: int) -> Iterator[list[tuple]]:
    """Projects in batches of tuples in PROJECT_BOUND order, in SQLite's storage form
    (ISO date text, float amounts)."""
    rest = random.Random(f"{seed}-rest")
    uuids = ordered_uuids(rest, plan.n_projects)
    for named in named_batches(plan, seed):
        yield _project_batch(rest, plan, named, uuids)


def named_batches(plan: Plan, seed: int) -> Iterator[list[tuple[int, str, str, int, str]]]:
    """(id, name, code, investor id, host locality) of the projects project_batches
    makes, in the same batches: what a project is found by, drawn from a random
    stream of its own so that the search index filler makes them alone, quickly."""
    rng = random.Random(f"{seed}-named")
    ids = plan.ids("project", plan.n_projects)
    units = plan.ids("unit", plan.n_units)
    r, n_words, n_units, n_places = rng.random, len(WORDS), len(units), len(PLACES)
    for start in range(0, len(ids), BATCH):
        yield [
            (
                pid,
                f"某某{WORDS[int(r() * n_words)]}项目{pid}",
                f"P{pid:08d}",
                units[int(r() * n_units)],
                PLACES[int(r() * n_places)],
            )
            for pid in ids[start : start + BATCH]
        ]


def _project_batch(rng: random.Random, plan: Plan, named: list, uuids: Iterator[str]) -> list:
    meetings, fields, days = plan.ids("meeting", plan.n_meetings), plan.fields, plan.days
    r, n_meetings, n_fields = rng.random, len(meetings), len(fields)
    n_stages, n_origins, n_types = len(STAGES), len(ORIGINS), len(TYPES)
    rows = []
    for (pid, name, code, investor, place), uuid in zip(named, uuids, strict=False):
        signed = int(r() * TEN_YEARS)
        cents = 10_000 + int(r() * 4_999_990_000)
        rows.append(
            (
                pid,
                uuid,
                name,
                code,
                investor,
                ORIGINS[int(r() * n_origins)],
                fields[int(r() * n_fields)],
                place,
                TYPES[int(r() * n_types)],
                cents / 100,
                (cents * int(r() * 100) // 100) / 100,
                days[signed],
                meetings[int(r() * n_meetings)] if r() < 0.7 else None,
                STAGES[int(r() * n_stages)],
                days[signed + int(r() * 400)],
            )
        )
    return rows


# --- SQL -----------------------------------------------------------------------------
def sql_literal(value: object) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("'", "''") + "'"


def insert_sql(plan: Plan, table: str, bound: Sequence[str], same: dict[str, str]) -> str:
    """INSERT of the bound columns (?1, ?2, ...) with the audit columns and `same` as
    literals: every bound value costs the driver time, every literal none."""
    audit = {
        "created_at": sql_literal(plan.stamp),
        "updated_at": sql_literal(plan.stamp),
        "created_by": sql_literal(BENCH_USER),
        "updated_by": sql_literal(BENCH_USER),
        "version": "1",
        "deleted_at": "NULL",
    }
    values = [f"?{i}" for i in range(1, len(bound) + 1)] + list({**audit, **same}.values())
    columns = list(bound) + list({**audit, **same})
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join(values)})"


# --- the project table, built in a scratch file ---------------------------------------
def build_project_file(scratch: Path, schema: ProjectSchema, sql: str, batches: Iterator) -> dict:
    """The project table (and its indexes, if schema.indexes) in a file of its own."""
    start = time.process_time()
    timings = {}
    conn = sqlite3.connect(scratch, isolation_level=None)
    try:
        for pragma in SCRATCH_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        conn.execute("BEGIN")
        conn.execute(schema.table)
        t0 = time.perf_counter()
        for batch in batches:
            conn.executemany(sql, batch)
        t1 = time.perf_counter()
        for index in schema.indexes:
            conn.execute(index)
        conn.execute("COMMIT")
        timings["project_rows"] = t1 - t0
        timings["project_indexes"] = time.perf_counter() - t1
        timings["project_builder_cpu"] = time.process_time() - start
    finally:
        conn.close()
    return timings


SCRATCH_PRAGMAS = (
    "journal_mode = OFF",  # a scratch file: thrown away if anything fails
    "synchronous = OFF",
    "cache_size = -400000",  # 400 MB: the table and an index being built
    "ignore_check_constraints = ON",  # valid by construction (the test checks)
)
FRAME = struct.Struct("<Q")  # the length of each pickled batch on the builder's stdin


def builder_main() -> None:
    """The builder process: arguments in argv[1] (JSON), batches on stdin, its
    timings (JSON) on stdout when stdin ends."""
    args = json.loads(sys.argv[1])
    schema = ProjectSchema(args["table"], args["indexes"])
    timings = build_project_file(Path(args["scratch"]), schema, args["sql"], _received())
    print(json.dumps(timings))


def _received() -> Iterator[list[tuple]]:
    stream = sys.stdin.buffer
    while header := stream.read(FRAME.size):
        yield pickle.loads(stream.read(FRAME.unpack(header)[0]))


class ProjectFileBuilder:
    """build_project_file in a process of its own, fed batches of rows through a pipe
    (a thread would wait for the interpreter lock at every row it stores while the
    other thread runs Python). A plain subprocess: multiprocessing would import the
    caller's main module there again."""

    def __init__(self, scratch: Path, schema: ProjectSchema, sql: str) -> None:
        args = {"scratch": str(scratch), "table": schema.table, "indexes": schema.indexes}
        code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); import bench.generate as g; g.builder_main()"
        self._proc = subprocess.Popen(
            [sys.executable, "-c", code, json.dumps(args | {"sql": sql})],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )

    def send(self, batch: list[tuple]) -> None:
        blob = pickle.dumps(batch, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            self._proc.stdin.write(FRAME.pack(len(blob)) + blob)
        except OSError:  # the builder has stopped: say why
            self.finish()
            raise

    def end_rows(self) -> None:
        """No more batches: the builder goes on to the indexes."""
        if self._proc.stdin is not None:
            self._proc.stdin.close()
            self._proc.stdin = None  # communicate() has nothing more to send

    def finish(self) -> dict:
        self.end_rows()
        out, err = self._proc.communicate()
        if self._proc.returncode != 0:
            reason = err.decode(errors="replace").strip().splitlines()[-1:] or ["no message"]
            raise RuntimeError(f"building the project table failed: {reason[0]}")
        return json.loads(out)

    def stop(self) -> None:
        """End the builder (our own child) if it still runs, e.g. after a failure here."""
        if self._proc.poll() is None:
            self._proc.kill()
        self._proc.communicate()


@dataclass
class ProjectSchema:
    """The ledger's own project table and index statements, as sqlite_master has them
    (whatever revision made them)."""

    table: str
    indexes: list[str]

    @classmethod
    def read(cls, conn: Connection) -> ProjectSchema:
        table = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'project'"
        ).scalar_one()
        indexes = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project' "
            "AND sql IS NOT NULL"
        ).scalars()
        return cls(table, list(indexes))


def copy_projects(conn: Connection, scratch: Path, by_transfer: bool) -> None:
    """Project rows from the scratch file into the ledger. With by_transfer, SQLite
    copies the table's and the indexes' records as they lie (the ledger's table is
    empty and the scratch file has the same indexes); otherwise the ledger's indexes
    are lifted and built again."""
    conn.commit()  # ATTACH needs no open transaction
    conn.exec_driver_sql("ATTACH DATABASE ? AS scratch", (str(scratch),))
    try:
        if by_transfer and copies_records(conn, COPY):
            conn.exec_driver_sql(COPY)
        else:
            with lifted_indexes(conn, ["project"]):
                conn.exec_driver_sql(COPY)
        conn.commit()
    finally:
        conn.exec_driver_sql("DETACH DATABASE scratch")


COPY = "INSERT INTO main.project SELECT * FROM scratch.project"


def copies_records(conn: Connection, sql: str) -> bool:
    """Whether SQLite runs `sql` by copying records as they lie (its program reads
    them with RowData) rather than building every index entry again: any difference
    between the two schemas, or a trigger on the table, makes it fall back."""
    return any(op == "RowData" for op in conn.exec_driver_sql(f"EXPLAIN {sql}").scalars(1))


def transfer_possible(conn: Connection) -> bool:
    """SQLite copies records as they lie only into an empty table (unique indexes)."""
    return conn.exec_driver_sql("SELECT 1 FROM project LIMIT 1").first() is None


# --- the ledger's side ------------------------------------------------------------------
def store_small_tables(
    conn: Connection, plan: Plan, rng: random.Random, units: list[tuple]
) -> dict:
    """Units, meetings, cases and case units, each table's indexes lifted meanwhile."""
    timings = {}
    cases, links = case_rows(rng, plan)
    unit_same = {"kind": sql_literal(UnitKind.ENTERPRISE.value), "district": "NULL"}
    empty = dict.fromkeys(["district", "venue", "summary", "source_publisher"], "NULL")
    empty |= {"source_date": "NULL", "source_ref": "NULL"}
    case_same = {"summary": "NULL", "results": "NULL"}
    for table, bound, same, rows in (
        ("unit", UNIT_BOUND, unit_same, units),
        ("meeting", MEETING_BOUND, empty, meeting_rows(rng, plan)),
        ("case_record", CASE_BOUND, case_same, cases),
    ):
        t0 = time.perf_counter()
        with lifted_indexes(conn, [table]):
            conn.exec_driver_sql(insert_sql(plan, table, bound, same), rows)
        timings[table] = time.perf_counter() - t0
    with lifted_indexes(conn, ["case_unit"]):
        conn.exec_driver_sql(
            "INSERT INTO case_unit (case_id, unit_id, role, seq) VALUES (?, ?, ?, ?)", links
        )
    conn.commit()
    return timings


def fill_search_indexes(conn: Connection, plan: Plan, units: list[tuple], named: Iterator) -> None:
    """The FTS rows of the new projects: the text the triggers would index."""
    trigram, chars = has_project_index(conn), has_chars_index(conn)
    first_unit = plan.first["unit"]
    with fts_bulk_mode(conn):
        for batch in named:
            texts = []
            for pid, name, code, investor, place in batch:
                unit = units[investor - first_unit]
                texts.append((pid, project_search_text(name, code, unit[1], unit[2], place)))
            if trigram:
                conn.exec_driver_sql("INSERT INTO project_fts(rowid, text) VALUES (?, ?)", texts)
            if chars:
                spaced = [(pid, spaced_characters(text)) for pid, text in texts]
                conn.exec_driver_sql(
                    "INSERT INTO project_fts_chars(rowid, text) VALUES (?, ?)", spaced
                )
    conn.commit()


# --- the whole run -----------------------------------------------------------------------
def make_plan(conn: Connection, n_projects: int) -> Plan:
    def next_id(table: str) -> int:
        return (conn.exec_driver_sql(f"SELECT max(id) FROM {table}").scalar() or 0) + 1

    def ref_ids(table: str) -> list[int]:
        return list(conn.exec_driver_sql(f"SELECT id FROM {table} ORDER BY id").scalars())

    stamp = datetime.now().replace(microsecond=0)
    return Plan(
        stamp=f"{stamp:%Y-%m-%d %H:%M:%S}.000000",  # SQLAlchemy's DateTime storage form
        n_projects=n_projects,
        first={t: next_id(t) for t in ("unit", "meeting", "case_record", "project")},
        kinds=ref_ids("meeting_kind"),
        fields=ref_ids("industry_field"),
        categories=ref_ids("case_category"),
    )


# The ledger's connection while the bench data goes in, and after (a failed run
# leaves a file to throw away: bench/run.py builds under a temporary name).
FAST_WRITES = {
    "journal_mode": ("OFF", None),  # set back by set_journal_mode (WAL)
    "synchronous": ("OFF", "FULL"),
    # Valid by construction (the test checks); the copy of the project table by
    # records needs foreign keys off.
    "foreign_keys": ("OFF", "ON"),
    "ignore_check_constraints": ("ON", "OFF"),
    "cache_size": ("-400000", "-2000"),
}


def generate(db: Database, n_projects: int, seed: int = 1) -> dict[str, float]:
    """Add n_projects projects (and units, meetings, cases in proportion) to a fresh
    SQLite ledger; returns the phases' seconds. The file is left a normal ledger: WAL,
    triggers and indexes as the migrations made them."""
    from db.engine import set_journal_mode

    if db.path is None:
        raise SystemExit("generate.py fills SQLite ledgers only")
    scratch = db.path.with_name(db.path.name + ".projects-scratch")
    start = time.perf_counter()
    db.engine.dispose()  # leaving WAL needs the only connection: this one
    try:
        with db.engine.connect() as conn:
            for pragma, (value, _after) in FAST_WRITES.items():
                conn.exec_driver_sql(f"PRAGMA {pragma} = {value}")
            try:
                timings = _generate(conn, scratch, n_projects, seed)
            finally:
                conn.rollback()
                for pragma, (_value, after) in FAST_WRITES.items():
                    if after is not None:
                        conn.exec_driver_sql(f"PRAGMA {pragma} = {after}")
    finally:
        t0 = time.perf_counter()
        scratch.unlink(missing_ok=True)
        db.engine.dispose()
        set_journal_mode(db)
    timings["clean_up"] = time.perf_counter() - t0
    timings["total"] = time.perf_counter() - start
    return timings


def _generate(conn: Connection, scratch: Path, n_projects: int, seed: int) -> dict[str, float]:
    cpu = time.process_time()
    timings: dict[str, float] = {}
    plan = make_plan(conn, n_projects)
    rng = random.Random(seed)
    units = unit_rows(rng, plan)
    project_seed = rng.getrandbits(64)
    schema = ProjectSchema.read(conn)
    by_transfer = transfer_possible(conn)
    if not by_transfer:
        schema.indexes = []
    scratch.unlink(missing_ok=True)
    sql = insert_sql(plan, "project", PROJECT_BOUND, PROJECT_SAME)
    builder = ProjectFileBuilder(scratch, schema, sql)
    try:
        t0 = time.perf_counter()
        for batch in project_batches(plan, project_seed):
            builder.send(batch)
        builder.end_rows()
        timings["send_projects"] = time.perf_counter() - t0
        # The builder stores the last batches and builds the indexes meanwhile.
        with lifted_search_triggers(conn):
            timings |= store_small_tables(conn, plan, rng, units)
            t0 = time.perf_counter()
            fill_search_indexes(conn, plan, units, named_batches(plan, project_seed))
            timings["search_index"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            timings |= builder.finish()
            timings["wait_for_projects"] = time.perf_counter() - t0
            t0 = time.perf_counter()
            copy_projects(conn, scratch, by_transfer)
            timings["copy_projects"] = time.perf_counter() - t0
    finally:
        builder.stop()
    timings["main_cpu"] = time.process_time() - cpu
    return timings


def positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("--projects must be 1 or more")
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True)
    parser.add_argument("--projects", type=positive, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    from db.engine import open_database

    t0 = time.perf_counter()
    db = open_database(args.db)
    timings = generate(db, args.projects, args.seed)
    db.dispose()
    total = time.perf_counter() - t0
    print(
        json.dumps(
            {
                "generated_projects": args.projects,
                "seconds": round(total, 2),
                **{k: round(v, 2) for k, v in timings.items()},
                "load_average": round(os.getloadavg()[0], 2),
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
