"""Revision 0005: the Overview's indexes, on a 0004 ledger with data; their plans."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import event, select

from db import sample_data
from db.engine import Database, open_database
from db.migrate import alembic_config, current_revision, upgrade
from db.models import Project
from db.queries import overview
from db.services import projects
from tests import factories as f

pytestmark = pytest.mark.sqlite_only

TODAY = date(2025, 6, 15)
NEW = {"ix_project_live_overview", "ix_project_live_never_logged"}


def _ledger_at_0004(path: Path) -> Database:
    """Sample records, projects silent for months (never logged), one deleted."""
    db = open_database(str(path), migrate=False)
    upgrade(db, "0004")
    with db.write() as s:
        sample_data.load(s)
        investor = f.enterprise(s, "永川区能源科技有限公司")
        for n in range(6):
            data = f.project_data(
                s, investor, name=f"储能电站{n}", signed_date=TODAY - timedelta(days=40 * n)
            )
            projects.create(s, data)
        projects.delete(s, projects.create(s, f.project_data(s, investor, name="已删项目")).id)
    return db


def _indexes(db: Database) -> set[str]:
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'")
        return {name for (name,) in rows}


def _figures(db: Database) -> overview.OverviewFigures:
    with db.read() as conn:
        figures = overview.overview_figures(conn, TODAY)
    assert figures is not None
    return figures


def test_upgrade_from_0004_adds_the_indexes_and_the_figures_stay(tmp_path):
    db = _ledger_at_0004(tmp_path / "old.sqlite3")
    assert not NEW & _indexes(db)
    before, figures_before = _rows(db), _figures(db)
    upgrade(db, "head")
    with db.read() as conn:
        assert current_revision(conn) == "0005"
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert _indexes(db) >= NEW
    assert _rows(db) == before
    assert _figures(db) == figures_before
    assert sum(figures_before.follow_up.values()) > 0  # silent projects were counted
    db.dispose()


def test_downgrade_to_0004_drops_them(tmp_path):
    db = _ledger_at_0004(tmp_path / "old.sqlite3")
    before = _indexes(db)
    upgrade(db, "head")
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert _indexes(db) == before
    db.dispose()


def test_the_overview_reads_its_indexes_not_the_project_table(db):
    plans = _plans(db, lambda conn: overview.overview_figures(conn, TODAY))
    totals = next(p for p in plans if "GROUP BY" in p[0] and "project.stage" in p[0])
    assert any("COVERING INDEX ix_project_live_overview" in step for step in totals[1])
    never = next(p for p in plans if "last_progress_date IS NULL" in p[0])
    assert any("ix_project_live_never_logged" in step for step in never[1])
    for statement, steps in plans:
        if "FROM project" in statement:
            assert not any(s.startswith("SCAN project") for s in steps), (statement, steps)


def _rows(db: Database) -> list:
    with db.read() as conn:
        return conn.execute(select(Project).order_by(Project.id)).all()


def _plans(db: Database, run) -> list[tuple[str, list[str]]]:
    """Each SELECT the call sends, with SQLite's plan for it."""
    captured: list[tuple[str, tuple]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            captured.append((statement, parameters))

    with db.read() as conn:
        event.listen(conn, "before_cursor_execute", remember)
        run(conn)
        event.remove(conn, "before_cursor_execute", remember)
        return [
            (sql, [r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}", params)])
            for sql, params in captured
        ]
