"""The list queries a tab runs are served by indexes (EXPLAIN QUERY PLAN).

Each list's ids query (`lists.list_ids`) is captured as SQLite receives it and
explained: its own table must never be scanned row by row, and the default sort
must come from walking an index in order (no sort of the whole table).
"""

from __future__ import annotations

import re

import pytest
from sqlalchemy import event, select

from db.engine import Database
from db.models import IndustryField, Meeting, MeetingKind
from db.queries import lists
from db.queries.lists import ListFilter
from tests import factories as f

pytestmark = pytest.mark.sqlite_only

TABLES = {
    "projects": "project",
    "meetings": "meeting",
    "cases": "case_record",
    "units": "unit",
    "alliances": "alliance",
}


def _plan_of_ids_query(
    db: Database, kind: str, flt: ListFilter, sort=None, limit: int | None = None
) -> list[str]:
    """Run list_ids, capture its SELECTs (one, or two for an optional record's sort)
    and return SQLite's plans for them, one after the other."""
    captured: list[tuple[str, tuple]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    with db.read() as conn:
        event.listen(conn, "before_cursor_execute", remember)
        lists.list_ids(conn, kind, flt, sort, limit=limit)
        event.remove(conn, "before_cursor_execute", remember)
        plan = []
        for statement, parameters in captured:
            rows = conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
            plan.extend(row[-1] for row in rows)
    return plan


def _whole_sorts(plan: list[str]) -> list[str]:
    """Plan lines sorting every row found (a sort of ties only, 'RIGHT PART', is fine)."""
    return [line for line in plan if "TEMP B-TREE FOR ORDER BY" in line]


def _full_scans(plan: list[str], table: str) -> list[str]:
    """Plan lines reading every row of the table, directly or through a whole index
    (SQLite says SEARCH when an index narrows the rows, SCAN when it reads them all;
    a partial index holds only the rows it was made for: walking it is no scan)."""
    pattern = re.compile(rf"^SCAN {table}\b")
    return [line for line in plan if pattern.search(line) and "_deleted_signed" not in line]


@pytest.mark.parametrize("kind", list(TABLES))
def test_default_sort_walks_an_index(demo_db, kind):
    plan = _plan_of_ids_query(demo_db, kind, ListFilter())
    assert not _full_scans(plan, TABLES[kind]), plan
    assert not _whole_sorts(plan), plan
    assert any(TABLES[kind] in line and "INDEX" in line for line in plan), plan


def _project_filters(db: Database) -> dict[str, ListFilter]:
    with db.read() as conn:
        field = conn.execute(select(IndustryField.id)).scalars().first()
        meeting = conn.execute(select(Meeting.id)).scalars().first()
    return {
        "stage": ListFilter(stage="signed"),
        "field": ListFilter(field_id=field),
        "meeting": ListFilter(meeting_id=meeting),
        "year": ListFilter(year=2024),
        "text (trigram)": ListFilter(text="光伏组件"),
        "text (short word)": ListFilter(text="永川"),
        "text (two words)": ListFilter(text="永川 光伏组件"),
        "recycle bin": ListFilter(deleted=True),
    }


def test_common_project_filters_use_indexes(demo_db):
    for name, flt in _project_filters(demo_db).items():
        plan = _plan_of_ids_query(demo_db, "projects", flt)
        assert not _full_scans(plan, "project"), (name, plan)


def test_stage_and_field_filters_keep_the_default_order_from_the_index(demo_db):
    filters = _project_filters(demo_db)
    for name in ("stage", "field", "year"):
        plan = _plan_of_ids_query(demo_db, "projects", filters[name])
        assert not _whole_sorts(plan), (name, plan)


OWN_COLUMNS = [
    "name",
    "code",
    "investor_origin",
    "host_locality",
    "project_type",
    "investment",
    "funds_arrived",
    "signed_date",
    "last_progress_date",
]


@pytest.mark.parametrize("descending", [True, False])
def test_sorting_projects_by_their_own_columns_walks_an_index(demo_db, descending):
    for key in OWN_COLUMNS:
        plan = _plan_of_ids_query(demo_db, "projects", ListFilter(), [(key, descending)])
        assert not _full_scans(plan, "project"), (key, plan)
        assert not _whole_sorts(plan), (key, plan)


def test_meeting_kind_filter_uses_an_index(demo_db):
    with demo_db.read() as conn:
        kind = conn.execute(select(MeetingKind.id)).scalars().first()
    plan = _plan_of_ids_query(demo_db, "meetings", ListFilter(kind_id=kind))
    assert not _full_scans(plan, "meeting"), plan


def test_a_full_scan_is_detected(db):
    """The check itself: without the indexes, the same query shows a full scan and a sort."""
    with db.write() as s:
        f.enterprise(s)
    with db.engine.begin() as conn:
        for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project' "
            "AND (name LIKE 'ix_project_live%' OR name = 'ix_project_deleted_at')"
        ).all():
            conn.exec_driver_sql(f"DROP INDEX {name}")
    plan = _plan_of_ids_query(db, "projects", ListFilter())
    assert _full_scans(plan, "project"), plan


def _walks_every_live_row(plan: list[str]) -> list[str]:
    """Plan lines reading every live project through an index led by deleted_at: an
    index walk in sort order, right for the whole list, wrong under a narrow filter."""
    pattern = re.compile(r"^(SCAN|SEARCH) project USING (COVERING )?INDEX \S+ \(deleted_at=\?\)$")
    return [line for line in plan if pattern.search(line)]


# Sorting by a joined record: (the table's name in the plan, the project index walked).
JOINED_COLUMNS = {
    "investor": ("investor", "ix_project_by_investor"),
    "field": ("industry_field", "ix_project_by_field"),
    "meeting": ("signed_at", "ix_project_by_meeting"),
    "responsible_unit": ("responsible", "ix_project_by_responsible"),
}
PROJECT_COLUMNS = [c.key for c in lists.SPECS["projects"].columns]


@pytest.mark.parametrize("limit", [None, 1000], ids=["every id", "first 1000"])
@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
@pytest.mark.parametrize("key", PROJECT_COLUMNS)
def test_every_projects_column_sorts_by_walking_indexes(demo_db, key, descending, limit):
    plan = _plan_of_ids_query(demo_db, "projects", ListFilter(), [(key, descending)], limit)
    assert not _full_scans(plan, "project"), plan
    assert not _whole_sorts(plan), plan
    assert not [line for line in plan if "TEMP B-TREE" in line], plan
    if key in JOINED_COLUMNS:
        table, index = JOINED_COLUMNS[key]
        assert any(re.match(rf"SCAN {table} USING COVERING INDEX", line) for line in plan), plan
        assert any(f"SEARCH project USING COVERING INDEX {index} " in line for line in plan), plan
    elif key == "stage":
        assert any("ix_project_live_stage_rank (deleted_at=?)" in line for line in plan), plan


@pytest.mark.parametrize("descending", [False, True], ids=["asc", "desc"])
def test_narrow_filters_find_their_rows_first_under_any_sort(demo_db, descending):
    """Under a meeting or a search, the few matching projects are found by the
    filter's index and sorted, not picked out of an index walk over every row."""
    narrow = {k: v for k, v in _project_filters(demo_db).items() if k == "meeting" or "text" in k}
    for name, flt in narrow.items():
        for key in PROJECT_COLUMNS:
            plan = _plan_of_ids_query(demo_db, "projects", flt, [(key, descending)])
            assert not _full_scans(plan, "project"), (name, key, plan)
            assert not _walks_every_live_row(plan), (name, key, plan)


def test_the_stage_sort_is_written_as_its_index():
    """SQLite uses the expression index only for the very same expression."""
    from sqlalchemy.dialects import sqlite

    from db.models import STAGE_RANK_SQL

    sort = lists.SPECS["projects"].column("stage").sort
    rendered = str(sort().compile(dialect=sqlite.dialect()))
    assert rendered == STAGE_RANK_SQL.replace("CASE stage", "CASE project.stage")
