"""Hostile input to every service: accepted values read back exactly, rejected ones change nothing.

Each test draws odd text (control characters, RTL marks, emoji, 100 000
characters), odd amounts (NaN, infinities, negative, huge) and odd dates, asks the
service, and compares with the documented rules (tests/safety/hostile.py): a value
the rules accept must be stored as trimmed; a refusal must be a ValidationError
naming fields, with every table exactly as before.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import ValidationError
from db.models import (
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    Alliance,
    AllianceMember,
    Case,
    Meeting,
    ProgressEntry,
    Project,
    Unit,
)
from db.services import alliances, cases, meetings, projects, reference, units
from db.services.validate import MAX_INT
from tests import factories
from tests.safety.hostile import (
    amounts,
    dates,
    expect_amount,
    expect_date,
    expect_text,
    required_texts,
    texts,
)

HOSTILE = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
_serial = itertools.count()


def attempt(db: Database, expected_ok: bool, write: Callable[[Session], int]) -> int | None:
    """Run one service call; check the outcome against the rules. The new id, or None."""
    before = factories.snapshot(db)
    try:
        with db.write() as session:
            record_id = write(session)
    except ValidationError as err:
        event("refused")
        assert not expected_ok, f"refused a valid value: {err}"
        assert err.errors and all(e.field and e.message for e in err.errors)
        assert factories.snapshot(db) == before, "a refused write changed the database"
        return None
    event("accepted")
    assert expected_ok, "accepted a value the rules refuse"
    return record_id


def stored(db: Database, model, record_id: int, *names: str) -> tuple:
    with db.read() as conn:
        columns = [getattr(model, n) for n in names]
        return tuple(conn.execute(select(*columns).where(model.id == record_id)).one())


def fresh_unit(session: Session, kind: str = "enterprise") -> int:
    name = f"测试单位{next(_serial):05d}"
    return units.create(session, units.UnitData(name=name, kind=kind)).id


@HOSTILE
@given(name=required_texts, short=texts, city=texts, district=texts)
def test_units(db: Database, name, short, city, district):
    ok_name, s_name = expect_text(name, NAME_MAX, required=True)
    taken = False
    if ok_name:  # (a refused name may not even be encodable, so is not looked up)
        with db.read() as conn:
            taken = conn.execute(select(Unit.id).where(Unit.name == s_name)).first() is not None
    checks = [
        (ok_name and not taken, s_name),
        expect_text(short, NAME_MAX),
        expect_text(city, NAME_MAX),
        expect_text(district, NAME_MAX),
    ]
    data = units.UnitData(name=name, kind="other", short_name=short, city=city, district=district)
    rid = attempt(db, all(ok for ok, _ in checks), lambda s: units.create(s, data).id)
    if rid is not None:
        got = stored(db, Unit, rid, "name", "short_name", "city", "district")
        assert got == tuple(v for _, v in checks)


@HOSTILE
@given(
    title=required_texts,
    venue=texts,
    summary=texts,
    start=dates,
    end=dates,
    leader=required_texts,
    agenda=required_texts,
)
def test_meetings(db: Database, title, venue, summary, start, end, leader, agenda):
    ok_start, s_start = expect_date(start, required=True)
    ok_end, s_end = expect_date(end)
    order_ok = not (ok_start and ok_end and s_start and s_end and s_end < s_start)
    checks = [
        expect_text(title, TITLE_MAX, required=True),
        expect_text(venue, NAME_MAX),
        expect_text(summary, TEXT_MAX, multiline=True),
        (ok_start, s_start),
        (ok_end and order_ok, s_end or s_start),
    ]
    ok_leader, s_leader = expect_text(leader, NAME_MAX, required=True)
    ok_agenda, s_agenda = expect_text(agenda, TITLE_MAX, required=True)
    expected = all(ok for ok, _ in checks) and ok_leader and ok_agenda

    def write(session: Session) -> int:
        data = factories.meeting_data(
            session,
            title=title,
            venue=venue,
            summary=summary,
            start_date=start,
            end_date=end,
            leaders=[meetings.LeaderData(name=leader, role="speech")],
            agenda=[meetings.AgendaData(kind="speech", text=agenda)],
        )
        return meetings.create(session, data).id

    rid = attempt(db, expected, write)
    if rid is not None:
        got = stored(db, Meeting, rid, "title", "venue", "summary", "start_date", "end_date")
        assert got == tuple(v for _, v in checks)
        with db.read() as conn:
            assert (
                conn.exec_driver_sql(
                    f"SELECT name FROM meeting_leader WHERE meeting_id = {rid}"
                ).scalar()
                == s_leader
            )
            assert (
                conn.exec_driver_sql(
                    f"SELECT text FROM agenda_item WHERE meeting_id = {rid}"
                ).scalar()
                == s_agenda
            )


@HOSTILE
@given(
    title=required_texts,
    summary=texts,
    results=texts,
    launch=dates,
    batch=st.one_of(st.integers(1, 60), st.integers(1, 60), st.integers()),
)
def test_cases(db: Database, title, summary, results, launch, batch):
    checks = [
        expect_text(title, TITLE_MAX, required=True),
        expect_text(summary, TEXT_MAX, multiline=True),
        expect_text(results, TEXT_MAX, multiline=True),
        expect_date(launch),
        (1 <= batch <= MAX_INT, batch),
    ]

    def write(session: Session) -> int:
        data = cases.CaseData(
            title=title,
            category_id=reference.id_by_code(session, "case_category", "trade_facilitation"),
            summary=summary,
            results=results,
            launch_date=launch,
            recognition="national",
            recognition_batch=batch,
        )
        return cases.create(session, data).id

    rid = attempt(db, all(ok for ok, _ in checks), write)
    if rid is not None:
        got = stored(
            db, Case, rid, "title", "summary", "results", "launch_date", "recognition_batch"
        )
        assert got == tuple(v for _, v in checks)


@HOSTILE
@given(
    name=required_texts,
    locality=texts,
    person=texts,
    phone=texts,
    investment=amounts,
    signed=dates,
)
def test_projects(db: Database, name, locality, person, phone, investment, signed):
    checks = [
        expect_text(name, TITLE_MAX, required=True),
        expect_text(locality, NAME_MAX),
        expect_text(person, NAME_MAX),
        expect_text(phone, 40),
        expect_amount(investment, required=True),
        expect_date(signed, required=True),
    ]
    with db.write() as session:
        investor = fresh_unit(session)  # each project its own investor: no duplicate names

    def write(session: Session) -> int:
        data = factories.project_data(
            session,
            investor,
            name=name,
            host_locality=locality,
            responsible_person=person,
            phone=phone,
            investment=investment,
            signed_date=signed,
        )
        return projects.create(session, data).id

    rid = attempt(db, all(ok for ok, _ in checks), write)
    if rid is not None:
        got = stored(
            db,
            Project,
            rid,
            "name",
            "host_locality",
            "responsible_person",
            "phone",
            "investment",
            "signed_date",
        )
        assert got == tuple(v for _, v in checks)


@HOSTILE
@given(description=required_texts, problems=texts, funds=amounts, on=dates)
def test_progress(db: Database, description, problems, funds, on):
    with db.write() as session:
        investor = fresh_unit(session)
        project_id = projects.create(session, factories.project_data(session, investor)).id
    checks = [
        expect_text(description, TEXT_MAX, required=True, multiline=True),
        expect_text(problems, TEXT_MAX, multiline=True),
        expect_amount(funds),
        expect_date(on, required=True),
    ]
    data = projects.ProgressData(
        entry_date=on, stage="registered", description=description, problems=problems,
        funds_arrived=funds,
    )  # fmt: skip
    rid = attempt(
        db, all(ok for ok, _ in checks), lambda s: projects.add_progress(s, project_id, data).id
    )
    if rid is not None:
        got = stored(
            db, ProgressEntry, rid, "description", "problems", "funds_arrived", "entry_date"
        )
        assert got == tuple(v for _, v in checks)


@HOSTILE
@given(name=required_texts, short=texts, description=texts, founded=dates)
def test_alliances(db: Database, name, short, description, founded):
    ok_name, s_name = expect_text(name, NAME_MAX, required=True)
    taken = None
    if ok_name:
        with db.read() as conn:
            taken = conn.execute(select(Alliance.id).where(Alliance.name == s_name)).first()
    checks = [
        (ok_name and taken is None, s_name),
        expect_text(short, NAME_MAX),
        expect_text(description, TEXT_MAX, multiline=True),
        expect_date(founded),
    ]
    data = alliances.AllianceData(
        name=name, short_name=short, description=description, founded_date=founded
    )
    rid = attempt(db, all(ok for ok, _ in checks), lambda s: alliances.create(s, data).id)
    if rid is not None:
        got = stored(db, Alliance, rid, "name", "short_name", "description", "founded_date")
        assert got == tuple(v for _, v in checks)


@HOSTILE
@given(person=texts, phone=texts, joined=dates, left=dates)
def test_members(db: Database, person, phone, joined, left):
    with db.write() as session:
        alliance_id = alliances.create(
            session, alliances.AllianceData(name=f"测试联盟{next(_serial):05d}")
        ).id
        unit_id = fresh_unit(session, "government")
    ok_joined, s_joined = expect_date(joined)
    ok_left, s_left = expect_date(left)
    order_ok = not (ok_joined and ok_left and s_joined and s_left and s_left < s_joined)
    checks = [
        expect_text(person, NAME_MAX),
        expect_text(phone, 40),
        (ok_joined, s_joined),
        (ok_left and order_ok, s_left),
    ]
    data = alliances.MemberData(
        unit_id=unit_id, joined_date=joined, left_date=left, contact_person=person,
        contact_phone=phone,
    )  # fmt: skip
    rid = attempt(
        db, all(ok for ok, _ in checks), lambda s: alliances.add_member(s, alliance_id, data).id
    )
    if rid is not None:
        got = stored(
            db, AllianceMember, rid, "contact_person", "contact_phone", "joined_date", "left_date"
        )
        assert got == tuple(v for _, v in checks)


def test_the_oracles_agree_with_plain_examples():
    """The rules restated in hostile.py, on values whose fate is obvious."""
    assert expect_text("  永川区 ", 10) == (True, "永川区")
    assert expect_text("a\tb", 10) == (False, "a\tb")
    assert expect_text("a\tb", 10, multiline=True) == (True, "a\tb")
    assert expect_text("   ", 10, required=True) == (False, None)
    assert expect_amount(float("nan"))[0] is False
    assert expect_amount("12.5") == (True, __import__("decimal").Decimal("12.50"))
    assert expect_date(date(1899, 12, 31))[0] is False
