"""Alliances, their members and their chair terms (rotating chairs)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.errors import FieldError, ValidationError
from db.messages import msg
from db.models import (
    NAME_MAX,
    TEXT_MAX,
    Alliance,
    AllianceMember,
    ChairTerm,
    Meeting,
    MemberKind,
    Unit,
)
from db.services import common
from db.services.validate import Checker


@dataclass
class AllianceData:
    name: str
    short_name: str | None = None
    founded_date: date | None = None
    founding_meeting_id: int | None = None
    secretariat_unit_id: int | None = None
    description: str | None = None


@dataclass
class MemberData:
    unit_id: int | None
    member_kind_id: int | None = None
    joined_date: date | None = None
    left_date: date | None = None
    contact_person: str | None = None
    contact_phone: str | None = None


def _validate(session: Session, data: AllianceData, exclude_id: int | None) -> dict:
    chk = Checker("alliance")
    values = {
        "name": chk.text("name", data.name, max_len=NAME_MAX, required=True),
        "short_name": chk.text("short_name", data.short_name, max_len=NAME_MAX),
        "founded_date": chk.date("founded_date", data.founded_date),
        "founding_meeting_id": data.founding_meeting_id,
        "secretariat_unit_id": data.secretariat_unit_id,
        "description": chk.text("description", data.description, max_len=TEXT_MAX, multiline=True),
    }
    common.check_ref(chk, session, "founding_meeting", Meeting, data.founding_meeting_id)
    common.check_ref(chk, session, "secretariat", Unit, data.secretariat_unit_id)
    if values["name"]:
        clash = session.execute(
            select(Alliance.id).where(
                Alliance.name == values["name"], Alliance.id != (exclude_id or -1)
            )
        ).first()
        if clash:
            chk.fail("name", "unique", value=values["name"])
    chk.raise_if_any()
    return values


def create(session: Session, data: AllianceData) -> Alliance:
    alliance = Alliance(**_validate(session, data, None))
    session.add(alliance)
    common.flush(session)
    return alliance


def update(
    session: Session, alliance_id: int, data: AllianceData, version: int | None = None
) -> Alliance:
    alliance = common.get_record(session, Alliance, alliance_id)
    common.check_version(alliance, version)
    for key, value in _validate(session, data, alliance_id).items():
        setattr(alliance, key, value)
    common.flush(session)
    return alliance


def delete(session: Session, alliance_id: int, version: int | None = None) -> Alliance:
    return common.soft_delete(session, Alliance, alliance_id, version)


# --- members -------------------------------------------------------------------


def _validate_member(
    session: Session, alliance_id: int, data: MemberData, exclude_id: int | None
) -> dict:
    chk = Checker("member")
    values = {
        "unit_id": data.unit_id,
        "member_kind_id": data.member_kind_id,
        "joined_date": chk.date("joined_date", data.joined_date),
        "left_date": chk.date("left_date", data.left_date),
        "contact_person": chk.text("contact_person", data.contact_person, max_len=NAME_MAX),
        "contact_phone": chk.text("contact_phone", data.contact_phone, max_len=40),
    }
    common.check_ref(chk, session, "unit", Unit, data.unit_id, required=True)
    common.check_ref(chk, session, "member_kind", MemberKind, data.member_kind_id)
    chk.date_order("joined_date", values["joined_date"], "left_date", values["left_date"])
    if chk.ok("unit") and values["left_date"] is None:
        current = session.execute(
            select(AllianceMember.id).where(
                AllianceMember.alliance_id == alliance_id,
                AllianceMember.unit_id == data.unit_id,
                AllianceMember.left_date.is_(None),
                AllianceMember.deleted_at.is_(None),
                AllianceMember.id != (exclude_id or -1),
            )
        ).first()
        if current:
            chk.fail("unit", "unique", value=session.get(Unit, data.unit_id).name)
    chk.raise_if_any()
    return values


def add_member(session: Session, alliance_id: int, data: MemberData) -> AllianceMember:
    common.get_record(session, Alliance, alliance_id)
    member = AllianceMember(
        alliance_id=alliance_id, **_validate_member(session, alliance_id, data, None)
    )
    session.add(member)
    common.flush(session)
    return member


def update_member(
    session: Session, member_id: int, data: MemberData, version: int | None = None
) -> AllianceMember:
    member = common.get_record(session, AllianceMember, member_id)
    common.check_version(member, version)
    for key, value in _validate_member(session, member.alliance_id, data, member_id).items():
        setattr(member, key, value)
    _check_chairs_are_members(session, member.alliance_id)
    common.flush(session)
    return member


def member_leaves(
    session: Session, member_id: int, left: date, version: int | None = None
) -> AllianceMember:
    member = common.get_record(session, AllianceMember, member_id)
    common.check_version(member, version)
    chk = Checker("member")
    chk.date("left_date", left, required=True)
    chk.date_order("joined_date", member.joined_date, "left_date", left)
    chk.raise_if_any()
    member.left_date = left
    _check_chairs_are_members(session, member.alliance_id)
    common.flush(session)
    return member


def remove_member(session: Session, member_id: int, version: int | None = None) -> AllianceMember:
    member = common.soft_delete(session, AllianceMember, member_id, version)
    _check_chairs_are_members(session, member.alliance_id)
    return member


# --- chair terms ---------------------------------------------------------------


def _terms(session: Session, alliance_id: int) -> list[ChairTerm]:
    return list(
        session.scalars(
            select(ChairTerm)
            .where(ChairTerm.alliance_id == alliance_id, ChairTerm.deleted_at.is_(None))
            .order_by(ChairTerm.start_date)
        )
    )


def _is_member(
    session: Session, alliance_id: int, unit_id: int, start: date, end: date | None
) -> bool:
    """Was the unit a member for the whole of [start, end)?"""
    rows = session.scalars(
        select(AllianceMember).where(
            AllianceMember.alliance_id == alliance_id,
            AllianceMember.unit_id == unit_id,
            AllianceMember.deleted_at.is_(None),
        )
    )
    for m in rows:
        joined_ok = m.joined_date is None or m.joined_date <= start
        left_ok = m.left_date is None or (end is not None and m.left_date >= end)
        if joined_ok and left_ok:
            return True
    return False


def _overlaps(a_start: date, a_end: date | None, b_start: date, b_end: date | None) -> bool:
    # Terms are half-open: a handover day ends one term and starts the next.
    return a_start < (b_end or date.max) and b_start < (a_end or date.max)


def _fmt(d: date | None) -> str:
    return d.isoformat() if d else "…"


def _check_term(
    session: Session,
    alliance_id: int,
    unit_id: int | None,
    start: date | None,
    end: date | None,
    exclude: ChairTerm | None = None,
) -> None:
    chk = Checker("chair_term")
    chk.date("start_date", start, required=True)
    chk.date("end_date", end)
    common.check_ref(chk, session, "unit", Unit, unit_id, required=True)
    chk.date_order("start_date", start, "end_date", end)
    chk.raise_if_any()
    for other in _terms(session, alliance_id):
        if other is not exclude and _overlaps(start, end, other.start_date, other.end_date):
            text = msg(
                "rule.chair_overlap",
                start=_fmt(start),
                end=_fmt(end),
                unit=other.unit.name,
                other_start=_fmt(other.start_date),
                other_end=_fmt(other.end_date),
            )
            raise ValidationError([FieldError("start_date", "chair_overlap", text)])
    if not _is_member(session, alliance_id, unit_id, start, end):
        unit = session.get(Unit, unit_id)
        text = msg("rule.chair_not_member", unit=unit.name, date=start.isoformat())
        raise ValidationError([FieldError("unit", "chair_not_member", text)])


def _check_chairs_are_members(session: Session, alliance_id: int) -> None:
    session.flush()
    for term in _terms(session, alliance_id):
        if not _is_member(session, alliance_id, term.unit_id, term.start_date, term.end_date):
            text = msg(
                "rule.chair_not_member", unit=term.unit.name, date=term.start_date.isoformat()
            )
            raise ValidationError([FieldError("unit", "chair_not_member", text)])


def add_chair_term(
    session: Session,
    alliance_id: int,
    unit_id: int | None,
    start: date | None,
    end: date | None = None,
    meeting_id: int | None = None,
) -> ChairTerm:
    common.get_record(session, Alliance, alliance_id)
    _check_term(session, alliance_id, unit_id, start, end)
    _check_meeting(session, meeting_id)
    term = ChairTerm(
        alliance_id=alliance_id,
        unit_id=unit_id,
        start_date=start,
        end_date=end,
        handover_meeting_id=meeting_id,
    )
    session.add(term)
    common.flush(session)
    return term


def _check_meeting(session: Session, meeting_id: int | None) -> None:
    chk = Checker("chair_term")
    common.check_ref(chk, session, "handover_meeting", Meeting, meeting_id)
    chk.raise_if_any()


def current_chair(session: Session, alliance_id: int) -> ChairTerm | None:
    return next((t for t in _terms(session, alliance_id) if t.end_date is None), None)


def hand_over(
    session: Session,
    alliance_id: int,
    new_unit_id: int | None,
    on: date | None,
    meeting_id: int | None = None,
) -> ChairTerm:
    """Close the current chair's term on the day and open the new chair's, as one step."""
    common.get_record(session, Alliance, alliance_id)
    current = current_chair(session, alliance_id)
    chk = Checker("chair_term")
    chk.date("start_date", on, required=True)
    common.check_ref(chk, session, "unit", Unit, new_unit_id, required=True)
    chk.raise_if_any()
    if current is not None:
        if current.unit_id == new_unit_id:
            text = msg("rule.same_chair", unit=current.unit.name)
            raise ValidationError([FieldError("unit", "same_chair", text)])
        if on < current.start_date:
            text = msg(
                "rule.handover_before_current",
                date=on.isoformat(),
                start=current.start_date.isoformat(),
            )
            raise ValidationError([FieldError("start_date", "handover_before_current", text)])
        current.end_date = on
    _check_term(session, alliance_id, new_unit_id, on, None, exclude=current)
    _check_meeting(session, meeting_id)
    term = ChairTerm(
        alliance_id=alliance_id, unit_id=new_unit_id, start_date=on, handover_meeting_id=meeting_id
    )
    session.add(term)
    common.flush(session)
    return term


def remove_chair_term(session: Session, term_id: int, version: int | None = None) -> ChairTerm:
    return common.soft_delete(session, ChairTerm, term_id, version)
