"""Revision 0004: indexes for the joined and stage sorts, on a 0003 ledger with data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select

from db import sample_data
from db.engine import Database, open_database
from db.migrate import alembic_config, current_revision, upgrade
from db.models import STAGE_RANK_SQL, Project
from db.queries import lists
from db.services import meetings, projects
from tests import factories as f

pytestmark = pytest.mark.sqlite_only

NEW_INDEXES = {
    "ix_project_by_investor",
    "ix_project_by_meeting",
    "ix_project_by_responsible",
    "ix_project_by_field",
    "ix_project_live_stage_rank",
    "ix_meeting_title",
    "ix_industry_field_name_zh",
    "ix_industry_field_name_en",
}
REPLACED = {
    "ix_project_investor_id",
    "ix_project_meeting_id",
    "ix_project_responsible_unit_id",
    "ix_project_field_id",
    "ix_project_deleted_at",
}

# What each sort means, in plain SQL over the tables (NULL smallest, as SQLite has it).
PLAIN_ORDER = {
    "investor": "investor.name {d}, investor.id {d}, p.id {d}",
    "meeting": "m.title {d}, m.id {d}, p.id {d}",
    "responsible_unit": "r.name {d}, r.id {d}, p.id {d}",
    "field": "fld.name_en {d}, fld.id {d}, p.id {d}",
    "stage": STAGE_RANK_SQL.replace("stage", "p.stage", 1) + " {d}, p.id {d}",
}
PLAIN = """SELECT p.id FROM project p JOIN unit investor ON investor.id = p.investor_id
    JOIN industry_field fld ON fld.id = p.field_id
    LEFT JOIN meeting m ON m.id = p.meeting_id LEFT JOIN unit r ON r.id = p.responsible_unit_id
    WHERE p.deleted_at IS NULL ORDER BY {order}"""


def _indexes(db: Database) -> dict[str, str | None]:
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master WHERE type = 'index'")
        return {name: sql for name, sql in rows}


def _ledger_at_0003(path: Path) -> Database:
    """A ledger at 0003 with the sample records, a meeting title twice, projects without
    a meeting or responsible unit, and a deleted project."""
    db = open_database(str(path), migrate=False)
    upgrade(db, "0003")
    with db.write() as s:
        sample_data.load(s)
        investor, office = f.enterprise(s, "永川区能源科技有限公司"), f.unit(s, "永川区商务局")
        twice = [meetings.create(s, f.meeting_data(s, title="产业对接会")).id for _ in range(2)]
        for n, (meeting, unit) in enumerate([(twice[1], office), (None, None), (twice[0], None)]):
            data = f.project_data(
                s,
                investor,
                name=f"储能电站{n}",
                meeting_id=meeting,
                responsible_unit_id=unit,
                signed_date=date(2023, 1 + n, 1),
            )
            projects.create(s, data)
        projects.delete(s, projects.create(s, f.project_data(s, investor, name="已删项目")).id)
    return db


def _plain_ids(db: Database, key: str, desc: bool) -> list[int]:
    order = PLAIN_ORDER[key].format(d="DESC" if desc else "ASC")
    with db.read() as conn:
        return [r[0] for r in conn.exec_driver_sql(PLAIN.format(order=order))]


def _sorted_ids(db: Database, key: str, desc: bool) -> list[int]:
    with db.read() as conn:
        return lists.list_ids(conn, "projects", sort=[(key, desc)])


def test_upgrade_from_0003_with_records_swaps_the_indexes_and_keeps_the_rows(tmp_path):
    db = _ledger_at_0003(tmp_path / "old.sqlite3")
    before_indexes = _indexes(db)
    assert before_indexes.keys() >= REPLACED and not NEW_INDEXES & before_indexes.keys()
    with db.read() as conn:
        before = conn.execute(select(Project).order_by(Project.id)).all()
    upgrade(db, "0004")
    indexes = _indexes(db)
    with db.read() as conn:
        assert current_revision(conn) == "0004"
        assert conn.execute(select(Project).order_by(Project.id)).all() == before
        integrity = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
    assert integrity == "ok"
    assert indexes.keys() >= NEW_INDEXES and not REPLACED & indexes.keys()
    assert STAGE_RANK_SQL in (indexes["ix_project_live_stage_rank"] or "")
    db.dispose()


@pytest.mark.parametrize("desc", [False, True], ids=["asc", "desc"])
def test_sorts_after_the_upgrade_give_the_plain_order(tmp_path, desc):
    db = _ledger_at_0003(tmp_path / "old.sqlite3")
    upgrade(db, "head")
    for key in PLAIN_ORDER:
        want = _plain_ids(db, key, desc)
        assert len(want) > 10 and _sorted_ids(db, key, desc) == want, key
    db.dispose()


def test_downgrade_to_0003_puts_the_old_indexes_back(tmp_path):
    db = _ledger_at_0003(tmp_path / "old.sqlite3")
    before = _indexes(db)
    upgrade(db, "head")
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    assert _indexes(db) == before
    # The program's queries still give the same rows on the old schema, only slower.
    for key in PLAIN_ORDER:
        assert _sorted_ids(db, key, True) == _plain_ids(db, key, True), key
    db.dispose()
