"""The read side: ids in order, rows by id, filters, counts; deleted records left out."""

from __future__ import annotations

from datetime import date

import pytest

from db.queries import lists
from db.queries.lists import ListFilter
from db.sample_data import SAMPLE_PROJECTS
from db.services import projects, reference
from tests import factories as f


def _projects(db, n: int = 5) -> list[int]:
    ids = []
    with db.write() as s:
        investor = f.enterprise(s)
        for i in range(n):
            ids.append(
                projects.create(
                    s,
                    f.project_data(
                        s,
                        investor,
                        name=f"项目{i}",
                        investment=1000 * (i + 1),
                        signed_date=date(2020 + i, 6, 1),
                    ),
                ).id
            )
    return ids


def test_ids_follow_the_requested_sort(db):
    ids = _projects(db)
    with db.read() as conn:
        assert lists.list_ids(conn, "projects", sort=[("investment", True)]) == ids[::-1]
        assert lists.list_ids(conn, "projects", sort=[("investment", False)]) == ids
        # default: newest signing first
        assert lists.list_ids(conn, "projects") == ids[::-1]


def test_stage_sorts_in_workflow_order_not_alphabetically(db):
    ids = _projects(db, 3)
    with db.write() as s:
        projects.add_progress(s, ids[0], projects.ProgressData(date(2025, 1, 1), "target", "达效"))
        projects.add_progress(
            s, ids[1], projects.ProgressData(date(2025, 1, 1), "construction", "开工")
        )
    with db.read() as conn:
        assert lists.list_ids(conn, "projects", sort=[("stage", False)]) == [ids[2], ids[1], ids[0]]


def test_text_year_field_and_stage_filters(db):
    ids = _projects(db)
    with db.read() as conn:
        assert lists.list_ids(conn, "projects", ListFilter(text="项目3")) == [ids[3]]
        assert lists.list_ids(conn, "projects", ListFilter(text="测试企业")) == ids[::-1]
        assert lists.list_ids(conn, "projects", ListFilter(year=2021)) == [ids[1]]
        assert lists.count(conn, "projects", ListFilter(stage="signed")) == 5
        assert lists.count(conn, "projects", ListFilter(stage="construction")) == 0
    with db.write() as s:
        other = reference.id_by_code(s, "industry_field", "other")
    with db.read() as conn:
        assert lists.count(conn, "projects", ListFilter(field_id=other)) == 0


def test_search_treats_wildcards_literally(db):
    _projects(db, 2)
    with db.read() as conn:
        assert lists.count(conn, "projects", ListFilter(text="%")) == 0
        assert lists.count(conn, "projects", ListFilter(text="_")) == 0


def test_deleted_records_are_left_out_and_listed_in_the_bin(db):
    ids = _projects(db, 3)
    with db.write() as s:
        projects.delete(s, ids[1])
    with db.read() as conn:
        assert ids[1] not in lists.list_ids(conn, "projects")
        assert lists.list_ids(conn, "projects", ListFilter(deleted=True)) == [ids[1]]


def test_rows_by_id_carry_every_declared_column(demo_db):
    with demo_db.read() as conn:
        for kind, spec in lists.SPECS.items():
            ids = lists.list_ids(conn, kind)
            rows = lists.fetch_rows(conn, kind, ids)
            assert set(rows) == set(ids), kind
            for row in rows.values():
                assert set(row) == {"id"} | {c.key for c in spec.columns}


def test_meeting_row_totals_its_signed_projects(demo_db):
    with demo_db.read() as conn:
        rows = lists.list_rows(conn, "meetings", ListFilter(text="产业对接会"))
    assert rows[0]["projects"] == 10
    assert rows[0]["investment"] == sum(a for _f, a, _o, _h in SAMPLE_PROJECTS)


def test_search_index_follows_renames_and_deletes(db):
    ids = _projects(db, 2)
    with db.read() as conn:
        assert lists.list_ids(conn, "projects", ListFilter(text="测试企业有限")) == ids[::-1]
    with db.write() as s:
        from db.services import units

        investor = s.get(projects.Project, ids[0]).investor_id
        units.update(s, investor, units.UnitData("川南新材料集团", "enterprise", "sichuan"))
        projects.update(s, ids[1], f.project_data(s, investor, name="储能电站二期"))
    with db.read() as conn:
        assert lists.list_ids(conn, "projects", ListFilter(text="测试企业有限")) == []
        assert lists.list_ids(conn, "projects", ListFilter(text="川南新材料")) == ids[::-1]
        assert lists.list_ids(conn, "projects", ListFilter(text="储能电站")) == [ids[1]]
        assert lists.list_ids(conn, "projects", ListFilter(text="项目1")) == []


@pytest.mark.sqlite_only  # the FTS5 index exists only in SQLite files
def test_bulk_load_rebuilds_the_search_index(db):
    from db.search_index import bulk_load

    ids = _projects(db, 1)
    count_triggers = "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
    with db.read() as conn:
        before = conn.exec_driver_sql(count_triggers).scalar()
    with db.engine.begin() as conn, bulk_load(conn, ["project"]):
        conn.exec_driver_sql("UPDATE project SET name = '批量导入的光伏组件项目'")
    with db.read() as conn:
        assert lists.list_ids(conn, "projects", ListFilter(text="光伏组件")) == ids
        assert lists.list_ids(conn, "projects", ListFilter(text="光伏")) == ids
        assert conn.exec_driver_sql(count_triggers).scalar() == before == 8


def test_every_column_sorts_and_joined_filters_work(demo_db):
    """Ids queries join only what they need: every sort key and filter must still work."""
    with demo_db.read() as conn:
        for kind, spec in lists.SPECS.items():
            everything = sorted(lists.list_ids(conn, kind))
            for col in spec.columns:
                for desc in (False, True):
                    ids = lists.list_ids(conn, kind, sort=[(col.key, desc)])
                    assert sorted(ids) == everything, (kind, col.key)
                    values = [lists.fetch_rows(conn, kind, ids)[i][col.key] for i in ids]
                    present = [v for v in values if v is not None]
                    if col.sort is None:
                        assert present == sorted(present, reverse=desc), (kind, col.key)
        sichuan = lists.list_ids(conn, "projects", ListFilter(province="sichuan"))
        assert 0 < len(sichuan) < 10
        assert lists.count(conn, "projects", ListFilter(province="sichuan")) == len(sichuan)
