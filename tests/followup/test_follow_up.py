"""Stage transitions of the progress log and the amber/red warnings with a fixed today."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from sqlalchemy import select

from db.engine import Database
from db.enums import Stage
from db.errors import ValidationError
from db.models import Project, Unit
from db.queries import follow_up, lists
from db.queries.follow_up import Thresholds, months_before
from db.queries.lists import ListFilter
from db.services import projects, settings
from db.services.projects import ProgressData
from tests.factories import enterprise, project_data

TODAY = date(2025, 6, 15)


def _project(db: Database, name: str, signed: date, firm: str = "测试企业有限公司") -> int:
    with db.write() as s:
        investor = s.scalar(select(Unit.id).where(Unit.name == firm)) or enterprise(s, firm)
        return projects.create(s, project_data(s, investor, name=name, signed_date=signed)).id


def _entry(db: Database, pid: int, day: date, stage: str, text: str = "进展", funds=None) -> int:
    with db.write() as s:
        return projects.add_progress(s, pid, ProgressData(day, stage, text, None, funds)).id


def _project_row(db: Database, pid: int) -> Project:
    with db.write() as s:
        p = s.get(Project, pid)
        s.expunge(p)
        return p


# --- stage transitions -----------------------------------------------------------


def test_stage_and_funds_follow_the_latest_entry_and_edits(db):
    pid = _project(db, "项目甲", date(2024, 12, 12))
    _entry(db, pid, date(2025, 1, 5), "registered", funds=Decimal(100))
    second = _entry(db, pid, date(2025, 3, 1), "construction", funds=Decimal(900))
    p = _project_row(db, pid)
    assert (p.stage, p.funds_arrived, p.last_progress_date) == (
        Stage.CONSTRUCTION,
        Decimal(900),
        date(2025, 3, 1),
    )
    with db.write() as s:
        projects.update_progress(
            s, second, ProgressData(date(2025, 3, 2), "production", "投产", None, 1500)
        )
    p = _project_row(db, pid)
    assert (p.stage, p.funds_arrived, p.last_progress_date) == (
        Stage.PRODUCTION,
        Decimal(1500),
        date(2025, 3, 2),
    )
    with db.write() as s:
        projects.delete_progress(s, second)
    p = _project_row(db, pid)
    assert (p.stage, p.last_progress_date) == (Stage.REGISTERED, date(2025, 1, 5))
    assert p.funds_arrived == Decimal(100)
    with db.write() as s:
        (first,) = [e.id for e in s.get(Project, pid).progress if e.deleted_at is None]
        projects.delete_progress(s, first)
    p = _project_row(db, pid)  # no entry left: back to signing, nothing arrived
    assert (p.stage, p.last_progress_date, p.funds_arrived) == (Stage.SIGNED, None, Decimal(0))


def test_the_stage_never_moves_backwards(db):
    pid = _project(db, "项目乙", date(2024, 12, 12))
    _entry(db, pid, date(2025, 2, 1), "construction")
    with pytest.raises(ValidationError) as exc:
        _entry(db, pid, date(2025, 3, 1), "registered")
    assert exc.value.errors[0].field == "stage"
    assert exc.value.errors[0].rule == "stage_backwards"
    assert _project_row(db, pid).stage == Stage.CONSTRUCTION


def test_terminated_is_always_allowed_and_keeps_the_reason_then_nothing_follows(db):
    pid = _project(db, "项目丙", date(2024, 12, 12))
    _entry(db, pid, date(2025, 2, 1), "production")
    _entry(db, pid, date(2025, 4, 1), "terminated", "投资方战略调整，项目终止")
    p = _project_row(db, pid)
    assert p.stage == Stage.TERMINATED and p.terminated_reason == "投资方战略调整，项目终止"
    with pytest.raises(ValidationError):
        _entry(db, pid, date(2025, 5, 1), "target")


# --- warnings with a fixed today ---------------------------------------------------


@pytest.mark.parametrize(
    ("today", "months", "expected"),
    [
        (date(2025, 6, 15), 2, date(2025, 4, 15)),
        (date(2025, 3, 31), 1, date(2025, 2, 28)),
        (date(2024, 3, 31), 1, date(2024, 2, 29)),
        (date(2025, 2, 10), 3, date(2024, 11, 10)),
    ],
)
def test_months_before_clamps_to_the_month(today, months, expected):
    assert months_before(today, months) == expected


def test_levels_with_a_fixed_today():
    limits = Thresholds(2, 3)
    level = follow_up.level
    assert level("signed", date(2025, 5, 1), None, TODAY, limits) is None
    assert level("signed", date(2025, 4, 15), None, TODAY, limits) == "amber"
    assert level("signed", date(2025, 4, 16), None, TODAY, limits) is None
    assert level("signed", date(2025, 3, 15), None, TODAY, limits) == "red"
    # the latest entry counts, not the signing
    assert level("registered", date(2024, 1, 1), date(2025, 6, 1), TODAY, limits) is None
    assert level("construction", date(2024, 1, 1), date(2025, 3, 1), TODAY, limits) == "red"
    # never stalled
    assert level("terminated", date(2020, 1, 1), None, TODAY, limits) is None
    assert level("target", date(2020, 1, 1), date(2021, 1, 1), TODAY, limits) is None


def test_follow_up_filter_in_the_list_query(db):
    fresh = _project(db, "新近项目", date(2025, 6, 1))
    amber = _project(db, "两月未报", date(2025, 4, 1))
    red = _project(db, "三月未报", date(2025, 1, 1))
    updated = _project(db, "刚有进展", date(2024, 1, 1))
    _entry(db, updated, date(2025, 6, 10), "registered")
    old_entry = _project(db, "进展已久", date(2024, 6, 1))
    _entry(db, old_entry, date(2025, 2, 1), "construction")
    done = _project(db, "已达效", date(2023, 1, 1))
    _entry(db, done, date(2024, 1, 1), "target")
    stopped = _project(db, "已终止", date(2023, 1, 1))
    _entry(db, stopped, date(2023, 6, 1), "terminated", "终止原因")

    def ids(which):
        with db.read() as conn:
            return set(lists.list_ids(conn, "projects", ListFilter(follow_up=which, today=TODAY)))

    assert ids("red") == {red, old_entry}
    assert ids("amber") == {amber}
    assert ids("any") == {red, old_entry, amber}
    assert fresh not in ids("any")
    with db.read() as conn:
        assert lists.count(conn, "projects", ListFilter(follow_up="red", today=TODAY)) == 2


def test_thresholds_come_from_settings_and_bad_values_fall_back(db):
    amber = _project(db, "一月未报", date(2025, 5, 10))
    with db.read() as conn:
        assert follow_up.thresholds(conn) == Thresholds(2, 3)
    with db.write() as s:
        settings.put(s, "amber_months", "1")
        settings.put(s, "red_months", "6")
    with db.read() as conn:
        assert follow_up.thresholds(conn) == Thresholds(1, 6)
        flt = ListFilter(follow_up="amber", today=TODAY)
        assert lists.list_ids(conn, "projects", flt) == [amber]
    with db.write() as s:
        settings.put(s, "amber_months", "abc")
        settings.put(s, "red_months", "1")  # red before amber: not usable
    with db.read() as conn:
        assert follow_up.thresholds(conn) == Thresholds(2, 3)
