"""The overview's numbers against the database (counted independently, row by row)."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from db.engine import Database
from db.enums import Recognition, Stage
from db.models import Case, IndustryField, Meeting, Project
from db.queries import follow_up, overview
from db.services import meetings, projects
from db.services.projects import ProgressData
from tests.factories import enterprise, meeting_data, project_data

TODAY = date(2025, 6, 15)


def _rows(db: Database, model) -> list:
    with db.write() as s:
        rows = list(s.scalars(select(model).where(model.deleted_at.is_(None))))
        for r in rows:
            s.expunge(r)
        return rows


def _more_records(db: Database) -> None:
    """Beyond the samples: another meeting in 2025, projects signed in 2025 with progress,
    one deleted (it must count nowhere)."""
    with db.write() as s:
        meetings.create(
            s,
            meeting_data(
                s, title="二〇二五年推介会", start_date=date(2025, 3, 3), end_date=date(2025, 3, 3)
            ),
        )
        firm = enterprise(s, "另一企业有限公司")
        a = projects.create(s, project_data(s, firm, name="甲", signed_date=date(2025, 3, 9)))
        b = projects.create(
            s, project_data(s, firm, name="乙", signed_date=date(2025, 5, 20), investment=500)
        )
        gone = projects.create(s, project_data(s, firm, name="丙", signed_date=date(2025, 5, 1)))
        projects.add_progress(
            s, a.id, ProgressData(date(2025, 4, 1), "construction", "开工", None, 700)
        )
        projects.add_progress(
            s, b.id, ProgressData(date(2025, 6, 1), "terminated", "投资方撤回", None, None)
        )
        projects.delete(s, gone.id)


def test_stage_figures_and_funds_match_the_projects(demo_db):
    _more_records(demo_db)
    live = _rows(demo_db, Project)
    with demo_db.read() as conn:
        figures = overview.projects_by_stage(conn)
    assert [f.stage for f in figures] == list(overview.STAGES)
    for f in figures:
        mine = [p for p in live if p.stage == f.stage]
        assert f.count == len(mine)
        assert f.investment == sum((p.investment for p in mine), Decimal(0))
        assert f.funds_arrived == sum((p.funds_arrived for p in mine), Decimal(0))
    contracted, arrived = overview.funds_totals(figures)
    assert contracted == sum((p.investment for p in live), Decimal(0))
    assert arrived == sum((p.funds_arrived for p in live), Decimal(0)) > 0


def test_meetings_cases_fields_and_months_match(demo_db):
    _more_records(demo_db)
    live_meetings = _rows(demo_db, Meeting)
    live_projects = _rows(demo_db, Project)
    with demo_db.read() as conn:
        for year in (2024, 2025):
            expected = sum(1 for m in live_meetings if m.start_date.year == year)
            assert overview.meetings_in_year(conn, year) == expected
        levels = overview.cases_by_recognition(conn)
        fields = overview.investment_by_field(conn)
        months = overview.signings_per_month(conn, 2025)
        names = dict(conn.execute(select(IndustryField.id, IndustryField.name_en)).all())
    assert levels == {
        r: sum(1 for c in _rows(demo_db, Case) if c.recognition == r) for r in Recognition
    }
    assert sum(levels.values()) == 5
    by_field = Counter()
    for p in live_projects:
        by_field[p.field_id] += p.investment
    assert {f["id"]: Decimal(f["investment"]) for f in fields} == dict(by_field)
    assert {f["name"] for f in fields} == {names[i] for i in by_field}
    expected_months = [0] * 12
    for p in live_projects:
        if p.signed_date.year == 2025:
            expected_months[p.signed_date.month - 1] += 1
    assert months == expected_months == [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0]


def test_stalled_counts_and_list_follow_the_levels(demo_db):
    _more_records(demo_db)
    live = _rows(demo_db, Project)
    limits = follow_up.Thresholds()
    levels = {
        p.id: follow_up.level(p.stage, p.signed_date, p.last_progress_date, TODAY, limits)
        for p in live
    }
    with demo_db.read() as conn:
        counts = overview.stalled_counts(conn, TODAY)
        listed = overview.stalled_projects(conn, TODAY)
    assert counts == {
        "red": sum(1 for v in levels.values() if v == "red"),
        "amber": sum(1 for v in levels.values() if v == "amber"),
    }
    assert counts["red"] > 0 and counts["amber"] > 0
    assert {r["id"]: r["level"] for r in listed} == {k: v for k, v in levels.items() if v}
    silent = [r["since"] for r in listed]
    assert silent == sorted(silent)  # the longest silent first
    stopped = next(p for p in live if p.stage == Stage.TERMINATED)
    assert stopped.id not in {r["id"] for r in listed}


def test_latest_year_is_this_year_or_the_last_with_records(demo_db):
    with demo_db.read() as conn:
        assert overview.latest_year(conn, date(2030, 1, 1)) == 2024
        assert overview.latest_year(conn, date(2024, 12, 31)) == 2024
        assert overview.latest_year(conn, date(2020, 6, 1)) == 2020  # nothing by then
    _more_records(demo_db)
    with demo_db.read() as conn:
        assert overview.latest_year(conn, date(2030, 1, 1)) == 2025
        assert overview.latest_year(conn, date(2025, 1, 1)) == 2024  # nothing yet in 2025
