"""Meetings with their hosts, leaders, agenda and showcased cases."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import note_child_change
from db.enums import AgendaKind, HostRole, LeaderRole
from db.models import (
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    AgendaItem,
    Case,
    CaseMeeting,
    Meeting,
    MeetingHost,
    MeetingKind,
    MeetingLeader,
    Unit,
)
from db.services import common
from db.services.validate import Checker


@dataclass
class HostData:
    unit_id: int
    role: HostRole | str = HostRole.HOST


@dataclass
class LeaderData:
    name: str
    role: LeaderRole | str = LeaderRole.ATTENDED
    position: str | None = None
    unit_id: int | None = None


@dataclass
class AgendaData:
    kind: AgendaKind | str
    text: str


@dataclass
class MeetingData:
    title: str
    kind_id: int | None
    start_date: date | None
    end_date: date | None = None
    city: str | None = None
    district: str | None = None
    venue: str | None = None
    summary: str | None = None
    source_publisher: str | None = None
    source_date: date | None = None
    source_ref: str | None = None
    hosts: list[HostData] = field(default_factory=list)
    leaders: list[LeaderData] = field(default_factory=list)
    agenda: list[AgendaData] = field(default_factory=list)
    # None leaves the showcased cases as they are.
    case_ids: list[int] | None = None


def _validate(session: Session, data: MeetingData) -> tuple[dict, Checker]:
    chk = Checker("meeting")
    start = chk.date("start_date", data.start_date, required=True)
    values = {
        "title": chk.text("title", data.title, max_len=TITLE_MAX, required=True),
        "kind_id": data.kind_id,
        "start_date": start,
        "end_date": chk.date("end_date", data.end_date) or start,
        "city": chk.text("city", data.city, max_len=NAME_MAX),
        "district": chk.text("district", data.district, max_len=NAME_MAX),
        "venue": chk.text("venue", data.venue, max_len=NAME_MAX),
        "summary": chk.text("summary", data.summary, max_len=TEXT_MAX, multiline=True),
        "source_publisher": chk.text("source_publisher", data.source_publisher, max_len=NAME_MAX),
        "source_date": chk.date("source_date", data.source_date),
        "source_ref": chk.text("source_ref", data.source_ref, max_len=TITLE_MAX),
    }
    common.check_ref(chk, session, "kind", MeetingKind, data.kind_id, required=True)
    chk.date_order("start_date", values["start_date"], "end_date", values["end_date"])
    _validate_children(chk, session, data)
    return values, chk


def _validate_children(chk: Checker, session: Session, data: MeetingData) -> None:
    seen: set[int] = set()
    for host in data.hosts:
        common.check_ref(chk, session, "hosts", Unit, host.unit_id, required=True)
        chk.choice("hosts", HostRole, host.role)
        if host.unit_id in seen:
            chk.fail("hosts", "duplicate_in_list", value=host.unit_id)
        seen.add(host.unit_id)
    for leader in data.leaders:
        chk.text("leaders", leader.name, max_len=NAME_MAX, required=True)
        chk.text("leaders", leader.position, max_len=TITLE_MAX)
        chk.choice("leaders", LeaderRole, leader.role)
        if leader.unit_id is not None:
            common.check_ref(chk, session, "leaders", Unit, leader.unit_id)
    for item in data.agenda:
        chk.choice("agenda", AgendaKind, item.kind)
        chk.text("agenda", item.text, max_len=TITLE_MAX, required=True)
    for case_id in data.case_ids or []:
        common.check_ref(chk, session, "cases", Case, case_id)


def _host_names(meeting: Meeting) -> list[str]:
    return [f"{h.unit.name}:{HostRole(h.role).value}" for h in meeting.hosts]


def _set_children(session: Session, meeting: Meeting, data: MeetingData) -> None:
    old_hosts = _host_names(meeting) if meeting.id else []
    old_agenda = [a.text for a in meeting.agenda] if meeting.id else []
    old_leaders = [x.name for x in meeting.leaders] if meeting.id else []
    # Reuse host rows by unit: replacing them would insert before deleting and
    # trip the (meeting, unit) unique constraint.
    existing = {h.unit_id: h for h in meeting.hosts}
    hosts = []
    for i, h in enumerate(data.hosts):
        row = existing.get(h.unit_id) or MeetingHost(
            unit_id=h.unit_id, unit=session.get(Unit, h.unit_id)
        )
        row.role, row.seq = HostRole(h.role), i
        hosts.append(row)
    meeting.hosts = hosts
    meeting.leaders = [
        MeetingLeader(
            name=x.name.strip(),
            position=(x.position or "").strip() or None,
            unit_id=x.unit_id,
            role=LeaderRole(x.role),
            seq=i,
        )
        for i, x in enumerate(data.leaders)
    ]
    meeting.agenda = [
        AgendaItem(kind=AgendaKind(a.kind), text=a.text.strip(), seq=i)
        for i, a in enumerate(data.agenda)
    ]
    if meeting.id:
        note_child_change(meeting, "hosts", old_hosts, _host_names(meeting))
        note_child_change(meeting, "agenda", old_agenda, [a.text for a in meeting.agenda])
        note_child_change(meeting, "leaders", old_leaders, [x.name for x in meeting.leaders])


def _set_cases(session: Session, meeting: Meeting, case_ids: list[int] | None) -> None:
    if case_ids is None:
        return
    current = set(
        session.scalars(select(CaseMeeting.case_id).where(CaseMeeting.meeting_id == meeting.id))
    )
    wanted = list(dict.fromkeys(case_ids))
    for case_id in current - set(wanted):
        session.execute(
            CaseMeeting.__table__.delete().where(
                CaseMeeting.meeting_id == meeting.id, CaseMeeting.case_id == case_id
            )
        )
    for case_id in wanted:
        if case_id not in current:
            session.add(CaseMeeting(case_id=case_id, meeting_id=meeting.id))
    note_child_change(meeting, "cases", sorted(current), sorted(wanted))


def create(session: Session, data: MeetingData) -> Meeting:
    values, chk = _validate(session, data)
    chk.raise_if_any()
    meeting = Meeting(**values)
    _set_children(session, meeting, data)
    session.add(meeting)
    common.flush(session)
    _set_cases(session, meeting, data.case_ids)
    common.flush(session)
    return meeting


def update(
    session: Session, meeting_id: int, data: MeetingData, version: int | None = None
) -> Meeting:
    meeting = common.get_record(session, Meeting, meeting_id)
    common.check_version(meeting, version)
    values, chk = _validate(session, data)
    chk.raise_if_any()
    for key, value in values.items():
        setattr(meeting, key, value)
    _set_children(session, meeting, data)
    _set_cases(session, meeting, data.case_ids)
    common.flush(session)
    return meeting


def delete(session: Session, meeting_id: int, version: int | None = None) -> Meeting:
    return common.soft_delete(session, Meeting, meeting_id, version)
