"""Revision 0003: list indexes and the short-word search index, on a 0002 ledger with data."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db import sample_data
from db.engine import Database, open_database
from db.migrate import current_revision, head_revision, upgrade
from db.models import Project
from db.queries import lists
from db.queries.lists import ListFilter
from db.services import projects, units
from tests import factories as f

pytestmark = pytest.mark.sqlite_only

NEW_INDEXES = {
    "ix_project_live_signed",
    "ix_project_live_stage",
    "ix_project_live_field",
    "ix_project_live_investment",
    "ix_meeting_live_start",
    "ix_case_record_live_launch",
    "ix_unit_live_name",
    "ix_alliance_live_founded",
    "ix_project_deleted_signed",
    "ix_project_live_name",
    "ix_project_live_code",
    "ix_project_live_origin",
    "ix_project_live_locality",
    "ix_project_live_type",
    "ix_project_live_funds",
    "ix_project_live_progress",
}


def _names(db: Database, kind: str) -> set[str]:
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = ?", (kind,))
        return {r[0] for r in rows}


def _ledger_at_0002(path: Path) -> Database:
    """A ledger migrated to 0002 only, then filled with the sample records."""
    db = open_database(str(path), migrate=False)
    upgrade(db, "0002")
    with db.write() as session:
        sample_data.load(session)
        investor = f.enterprise(session, "永川区能源科技有限公司")
        projects.create(session, f.project_data(session, investor, name="储能电站", code="P-1"))
    return db


def _like_ids(db: Database, word: str) -> list[int]:
    """The projects whose name, code, investor or locality contain the word (LIKE)."""
    with db.read() as conn:
        rows = conn.exec_driver_sql(
            """SELECT p.id FROM project p JOIN unit u ON u.id = p.investor_id
            WHERE p.deleted_at IS NULL AND (p.name LIKE ? OR p.code LIKE ? OR u.name LIKE ?
                  OR u.short_name LIKE ? OR p.host_locality LIKE ?)""",
            (f"%{word}%",) * 5,
        )
        return sorted(r[0] for r in rows)


def _search(db: Database, word: str) -> list[int]:
    with db.read() as conn:
        return sorted(lists.list_ids(conn, "projects", ListFilter(text=word)))


def test_upgrade_from_0002_with_records_adds_indexes_and_fills_the_short_word_index(tmp_path):
    db = _ledger_at_0002(tmp_path / "old.sqlite3")
    assert not NEW_INDEXES & _names(db, "index")
    with db.read() as conn:
        before = conn.execute(select(Project.id, Project.name).order_by(Project.id)).all()
    upgrade(db, "head")
    with db.read() as conn:
        assert current_revision(conn) == head_revision()
        assert conn.execute(select(Project.id, Project.name).order_by(Project.id)).all() == before
        filled = conn.exec_driver_sql("SELECT count(*) FROM project_fts_chars").scalar()
    assert _names(db, "index") >= NEW_INDEXES
    assert filled == len(before) > 1
    for word in ("永川", "能", "储能", "P-1", "项目"):
        assert _search(db, word) == _like_ids(db, word), word
    assert _search(db, "永川") and _search(db, "能")
    db.dispose()


def test_triggers_keep_the_short_word_index_after_the_upgrade(tmp_path):
    db = _ledger_at_0002(tmp_path / "old.sqlite3")
    upgrade(db, "head")
    with db.write() as session:
        investor = f.enterprise(session, "泸州酒业有限公司")
        new_id = projects.create(session, f.project_data(session, investor, name="窖池改造")).id
    assert _search(db, "窖池") == [new_id]
    assert new_id in _search(db, "泸州") == _like_ids(db, "泸州")
    with db.write() as session:
        units.update(session, investor, units.UnitData("宜宾酒业有限公司", "enterprise", "sichuan"))
    assert new_id not in _search(db, "泸州") == _like_ids(db, "泸州")
    assert new_id in _search(db, "宜宾") == _like_ids(db, "宜宾")
    with db.write() as session:
        session.delete(session.get(Project, new_id))
    assert _search(db, "窖池") == []
    db.dispose()


def test_downgrade_to_0002_removes_what_0003_added(tmp_path):
    from alembic import command

    from db.migrate import alembic_config

    db = _ledger_at_0002(tmp_path / "old.sqlite3")
    upgrade(db, "head")
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0002")
    assert not NEW_INDEXES & _names(db, "index")
    assert not {"project_fts_chars", "project_fts_positions"} & _names(db, "table")
    assert _search(db, "储能电站") == _like_ids(db, "储能电站")
    db.dispose()
