"""Every column of the Projects list sorts right, both ways, under every filter.

The expected order is worked out here in Python from the records themselves (read
through the ORM, not through db.queries.lists): a column's value, missing values
smallest (first ascending, last descending, as SQLite orders NULL); after a joined
record's name, that record's id; the project's id last. The table (list_ids), its
first rows (limit) and the reports (list_rows, also paged) must all give it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from db.enums import STAGE_ORDER, Stage
from db.lang import set_language
from db.models import IndustryField, Project
from db.queries import follow_up, lists
from db.queries.lists import ListFilter
from db.services import meetings, projects
from tests import factories as f

COLUMNS = [c.key for c in lists.SPECS["projects"].columns]
JOINED = {"investor", "field", "meeting", "responsible_unit"}
TODAY = date(2025, 6, 1)
RELATIONS = ("investor", "meeting", "responsible_unit", "field")


@dataclass
class Ledger:
    """The test records, as the ORM reads them."""

    projects: list[Project]

    def of(self, ids: list[int]) -> list[Project]:
        by_id = {p.id: p for p in self.projects}
        return [by_id[i] for i in ids]


def _stage_rank(stage: Stage) -> int:
    return (*STAGE_ORDER, Stage.TERMINATED).index(stage)


def _value(p: Project, key: str, lang: str):
    """The column's sort value: (name, joined id) for a joined record; None if missing."""
    joined = {
        "investor": p.investor,
        "meeting": p.meeting,
        "responsible_unit": p.responsible_unit,
    }
    if key in joined:
        record = joined[key]
        return (
            None if record is None else (getattr(record, "title", None) or record.name, record.id)
        )
    if key == "field":
        return (p.field.name_zh if lang == "zh" else p.field.name_en, p.field.id)
    if key == "stage":
        return _stage_rank(p.stage)
    return getattr(p, key)


def expected(
    rows: list[Project], key: str, desc: bool, lang: str = "en", nulls_small: bool = True
) -> list[int]:
    def sort_key(p: Project) -> tuple:
        value = _value(p, key, lang)
        missing = (0,) if nulls_small else (2,)
        return (missing if value is None else (1, value), p.id)

    return [p.id for p in sorted(rows, key=sort_key, reverse=desc)]


def _nulls_small(backend: str, key: str) -> bool:
    """SQLite orders NULL smallest. PostgreSQL orders it largest (its indexes' order)
    except for the joined records, which lists.py places as SQLite does."""
    return backend == "sqlite" or key in JOINED


@pytest.fixture
def ledger(db) -> Ledger:
    """Projects with ties (one investor, one meeting title, one field for several),
    missing meetings and responsible units, codes and localities, and deleted rows."""
    with db.write() as s:
        fields = dict(s.execute(select(IndustryField.code, IndustryField.id)).all())
        investors = [f.enterprise(s, n) for n in ("乙能源有限公司", "甲科技有限公司", "Alpha Co")]
        units = [f.unit(s, n) for n in ("重庆市商务委员会", "四川省商务厅")]
        titles = ("产业对接会", "签约仪式", "产业对接会")  # two meetings of one title
        meeting_ids = [meetings.create(s, f.meeting_data(s, title=t)).id for t in titles]
        specs = [
            # investor, field, meeting, responsible, code, locality, stage
            (0, "new_energy", 0, 0, "P-3", "永川区", None),
            (1, "advanced_materials", None, None, None, None, "construction"),
            (0, "new_energy", 2, 1, "P-1", "江津区", "target"),
            (2, "digital_economy", 1, None, "P-2", None, "terminated"),
            (1, "biopharmaceuticals", 0, 0, None, "泸州市", "registered"),
            (2, "advanced_materials", None, 1, "P-5", "永川区", "construction"),
            (0, "digital_economy", 2, None, "P-4", None, None),
            (1, "new_energy", None, 0, None, "宜宾市", "production"),
            (0, "biopharmaceuticals", 0, 1, "P-6", "江津区", "signed"),
        ]
        ids = []
        for n, (inv, field, meet, resp, code, locality, stage) in enumerate(specs):
            data = f.project_data(
                s,
                investors[inv],
                name=f"储能项目{n % 4}" if n % 3 else f"光伏项目{n}",
                field_id=fields[field],
                meeting_id=None if meet is None else meeting_ids[meet],
                responsible_unit_id=None if resp is None else units[resp],
                code=code,
                host_locality=locality,
                investor_origin=("other_province", "abroad", "local")[n % 3],
                project_type=("new", "expansion")[n % 2],
                investment=Decimal(1000 + 37 * ((n * 5) % 9)),
                signed_date=date(2016 + n % 5, 1 + n, 10),
            )
            pid = projects.create(s, data).id
            if stage:
                progress = projects.ProgressData(date(2024, 1 + n, 1), stage, "进展")
                projects.add_progress(s, pid, progress)
            ids.append(pid)
        for pid in (ids[2], ids[7]):
            projects.delete(s, pid)
    with db.write() as s:
        loads = [selectinload(getattr(Project, r)) for r in RELATIONS]
        rows = s.scalars(select(Project).options(*loads).order_by(Project.id)).all()
        s.expunge_all()
    return Ledger(list(rows))


def _live(ledger: Ledger) -> list[Project]:
    return [p for p in ledger.projects if p.deleted_at is None]


def test_the_records_hold_ties_missing_values_and_deleted_rows(ledger):
    live = _live(ledger)
    assert len({p.meeting.title for p in live if p.meeting}) < len(
        {p.meeting_id for p in live} - {None}
    )
    assert any(p.meeting is None for p in live) and any(p.responsible_unit is None for p in live)
    assert len({p.investor_id for p in live}) < len(live)
    assert len(live) < len(ledger.projects)


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", COLUMNS)
def test_each_column_orders_the_table_and_the_report_alike(db, backend, ledger, key, desc):
    want = expected(_live(ledger), key, desc, nulls_small=_nulls_small(backend, key))
    with db.read() as conn:
        ids = lists.list_ids(conn, "projects", sort=[(key, desc)])
        rows = lists.list_rows(conn, "projects", sort=[(key, desc)])
        firsts = [lists.list_ids(conn, "projects", sort=[(key, desc)], limit=n) for n in (1, 3, 7)]
    assert ids == want
    assert [r["id"] for r in rows] == want
    assert firsts == [want[:1], want[:3], want[:7]]


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
def test_field_sorts_by_its_name_in_the_current_language(db, ledger, desc):
    orders = {}
    for lang in ("zh", "en"):
        set_language(lang)
        with db.read() as conn:
            orders[lang] = lists.list_ids(conn, "projects", sort=[("field", desc)])
        assert orders[lang] == expected(_live(ledger), "field", desc, lang)
    assert orders["zh"] != orders["en"]  # the two languages order these fields differently


def _filters(ledger: Ledger) -> dict[str, tuple[ListFilter, Callable[[Project], bool]]]:
    """Each filter with the same rule in Python."""
    live = _live(ledger)
    field_id, meeting_id = live[0].field_id, live[0].meeting_id
    limits = follow_up.Thresholds()

    def stalled(p: Project) -> bool:
        return follow_up.level(p.stage, p.signed_date, p.last_progress_date, TODAY, limits) == "red"

    return {
        "stage": (ListFilter(stage="construction"), lambda p: p.stage == Stage.CONSTRUCTION),
        "field": (ListFilter(field_id=field_id), lambda p: p.field_id == field_id),
        "meeting": (ListFilter(meeting_id=meeting_id), lambda p: p.meeting_id == meeting_id),
        "year": (ListFilter(year=2017), lambda p: p.signed_date.year == 2017),
        "text": (ListFilter(text="储能"), lambda p: "储能" in p.name),
        "follow_up": (ListFilter(follow_up="red", today=TODAY), stalled),
    }


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize(
    "key", ["investor", "field", "meeting", "responsible_unit", "stage", "name"]
)
def test_filters_keep_the_sorted_order(db, backend, ledger, key, desc):
    live = _live(ledger)
    order = expected(live, key, desc, nulls_small=_nulls_small(backend, key))
    with db.read() as conn:
        for name, (flt, keep) in _filters(ledger).items():
            want = [p.id for p in ledger.of(order) if keep(p)]
            assert want, name  # every filter keeps some rows here
            assert lists.list_ids(conn, "projects", flt, [(key, desc)]) == want, name
            rows = lists.list_rows(conn, "projects", flt, [(key, desc)])
            assert [r["id"] for r in rows] == want, name


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", ["investor", "meeting", "responsible_unit", "stage"])
def test_recycle_bin_sorts_its_deleted_projects(db, ledger, key, desc):
    deleted = [p for p in ledger.projects if p.deleted_at is not None]
    with db.read() as conn:
        ids = lists.list_ids(conn, "projects", ListFilter(deleted=True), [(key, desc)])
    assert len(deleted) == 2 and ids == expected(deleted, key, desc)


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", ["meeting", "responsible_unit", "investor"])
def test_report_pages_join_up_to_the_whole_list(db, ledger, key, desc):
    """Pages across the boundary between projects with and without the record."""
    with db.read() as conn:
        whole = lists.list_ids(conn, "projects", sort=[(key, desc)])
        for size in (1, 2, 3, 4):
            pages = []
            for offset in range(0, len(whole) + size, size):
                page = lists.list_rows(
                    conn, "projects", sort=[(key, desc)], offset=offset, limit=size
                )
                pages.extend(r["id"] for r in page)
            assert pages == whole, size
        tail = lists.list_rows(conn, "projects", sort=[(key, desc)], offset=len(whole) - 2)
    assert [r["id"] for r in tail] == whole[-2:]


def test_the_stage_rank_index_is_made_on_both_databases(db, backend):
    """Schema comparisons leave it out (db.migrate.UNCOMPARED_INDEXES): looked up here."""
    sql = {
        "sqlite": "SELECT sql FROM sqlite_master WHERE name = 'ix_project_live_stage_rank'",
        "postgresql": "SELECT indexdef FROM pg_indexes WHERE indexname = 'ix_project_live_stage_rank'",
    }[backend]
    with db.read() as conn:
        made = conn.exec_driver_sql(sql).scalar() or ""
    assert "deleted_at" in made and "'terminated'" in made and "THEN 5" in made
