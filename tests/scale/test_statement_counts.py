"""No N+1 queries: opening a detail panel and writing each report issue a fixed number
of SQL statements, the same with 5 related records as with 50."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event, select

from db import sample_data
from db.engine import Database, open_database
from db.models import Alliance, Case, Meeting, Project
from db.services import alliances, projects
from desktop.reports import REPORT_NAMES, ReportOptions, write_report
from tests import factories as f

SIZES = (5, 50)


def _ledger(path: Path, n: int) -> tuple[Database, dict[str, int]]:
    """The sample records plus n projects at the sample meeting (each from its own
    investor), n progress entries on one project and n members in one alliance."""
    db = open_database(str(path))
    with db.write() as session:
        sample_data.load(session)
        meeting = session.scalars(select(Meeting.id).order_by(Meeting.id)).first()
        alliance = session.scalars(select(Alliance.id).order_by(Alliance.id)).first()
        case = session.scalars(select(Case.id).order_by(Case.id)).first()
        first = None
        for i in range(n):
            investor = f.enterprise(session, f"规模测试企业{i:03d}有限公司")
            data = f.project_data(
                session, investor, name=f"规模测试项目{i:03d}", meeting_id=meeting
            )
            project = projects.create(session, data)
            first = first or project.id
            alliances.add_member(
                session, alliance, alliances.MemberData(investor, joined_date=date(2021, 1, 1))
            )
        for i in range(n):
            entry = projects.ProgressData(date(2025, 1, 1 + i % 28), "signed", f"第{i}次调度")
            projects.add_progress(session, first, entry)
    ids = {"meetings": meeting, "projects": first, "alliances": alliance, "cases": case}
    return db, ids


class Counter:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[str] = []

    def __enter__(self) -> Counter:
        event.listen(self.db.engine, "before_cursor_execute", self._seen)
        return self

    def __exit__(self, *exc) -> None:
        event.remove(self.db.engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn, _cursor, statement, _params, _context, _many) -> None:
        self.statements.append(statement)


@pytest.fixture
def ledgers(tmp_path):
    made = {n: _ledger(tmp_path / f"ledger-{n}.sqlite3", n) for n in SIZES}
    yield made
    for db, _ids in made.values():
        db.dispose()


def _detail_statements(make_window, db: Database, ids: dict[str, int]) -> dict[str, int]:
    window = make_window(db)
    counts = {}
    for kind, record_id in ids.items():
        tab = window.show_tab(kind)
        tab.side_tabs.setCurrentWidget(tab.history)  # the history is a query too
        with Counter(db) as seen:
            tab._show_detail(record_id)
        assert "Select a record" not in tab.detail.toPlainText()  # the record is shown
        counts[kind] = len(seen.statements)
    window.close()
    return counts


def test_opening_a_detail_panel_costs_the_same_for_5_and_50_related_records(ledgers, make_window):
    counts = {n: _detail_statements(make_window, db, ids) for n, (db, ids) in ledgers.items()}
    with ledgers[50][0].read() as conn:  # the 50 projects and entries are really there
        assert (
            len(
                conn.execute(
                    select(Project.id).where(Project.meeting_id == ledgers[50][1]["meetings"])
                ).all()
            )
            >= 50
        )
    assert counts[5] == counts[50]
    assert all(0 < c <= 25 for c in counts[5].values()), counts[5]


def _report_statements(db: Database, ids: dict[str, int], folder: Path) -> dict[str, int]:
    counts = {}
    for name in REPORT_NAMES:
        options = ReportOptions(meeting_id=ids["meetings"], month=date(2025, 1, 1), lang="zh")
        with Counter(db) as seen:
            write_report(db, name, folder / f"{name}.xlsx", options)
        counts[name] = len(seen.statements)
    return counts


def test_every_report_costs_the_same_for_5_and_50_records(ledgers, tmp_path):
    counts = {}
    for n, (db, ids) in ledgers.items():
        folder = tmp_path / f"out-{n}"
        folder.mkdir()
        counts[n] = _report_statements(db, ids, folder)
        with db.read() as conn:
            assert conn.execute(select(Project.id)).all()  # the reports had rows to write
    assert counts[5] == counts[50]
    assert set(counts[5]) == set(REPORT_NAMES)
    assert all(0 < c <= 40 for c in counts[5].values()), counts[5]
