"""One record with its related records, for detail panels, `list --json` and reports.

Each function runs a fixed handful of queries whatever the record's size (no N+1).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select

from db.models import (
    AgendaItem,
    Alliance,
    AllianceMember,
    AuditLog,
    Case,
    CaseCategory,
    CaseMeeting,
    CaseUnit,
    ChairTerm,
    IndustryField,
    Meeting,
    MeetingHost,
    MeetingKind,
    MeetingLeader,
    MemberKind,
    ProgressEntry,
    Project,
    Unit,
)
from db.queries.lists import ref_name

COMMON = (
    "id",
    "uuid",
    "created_at",
    "updated_at",
    "created_by",
    "updated_by",
    "version",
    "deleted_at",
)


def _one(conn: Connection, model, record_id: int) -> dict[str, Any] | None:
    row = conn.execute(select(model.__table__).where(model.id == record_id)).mappings().first()
    return dict(row) if row else None


def _unit_name(conn: Connection, unit_id: int | None) -> str | None:
    if unit_id is None:
        return None
    return conn.execute(select(Unit.name).where(Unit.id == unit_id)).scalar()


def unit_detail(conn: Connection, unit_id: int) -> dict[str, Any] | None:
    return _one(conn, Unit, unit_id)


def meeting_detail(conn: Connection, meeting_id: int) -> dict[str, Any] | None:
    rec = _one(conn, Meeting, meeting_id)
    if rec is None:
        return None
    rec["kind"] = conn.execute(
        select(ref_name(MeetingKind)).where(MeetingKind.id == rec["kind_id"])
    ).scalar()
    rec["hosts"] = [
        dict(r)
        for r in conn.execute(
            select(Unit.id.label("unit_id"), Unit.name.label("unit"), MeetingHost.role)
            .join(Unit, Unit.id == MeetingHost.unit_id)
            .where(MeetingHost.meeting_id == meeting_id)
            .order_by(MeetingHost.seq)
        ).mappings()
    ]
    rec["leaders"] = [
        dict(r)
        for r in conn.execute(
            select(
                MeetingLeader.name,
                MeetingLeader.position,
                MeetingLeader.role,
                MeetingLeader.unit_id,
                Unit.name.label("unit"),
            )
            .outerjoin(Unit, Unit.id == MeetingLeader.unit_id)
            .where(MeetingLeader.meeting_id == meeting_id)
            .order_by(MeetingLeader.seq)
        ).mappings()
    ]
    rec["agenda"] = [
        dict(r)
        for r in conn.execute(
            select(AgendaItem.kind, AgendaItem.text)
            .where(AgendaItem.meeting_id == meeting_id)
            .order_by(AgendaItem.seq)
        ).mappings()
    ]
    rec["cases"] = [
        dict(r)
        for r in conn.execute(
            select(Case.id, Case.title, Case.code)
            .join(CaseMeeting, CaseMeeting.case_id == Case.id)
            .where(CaseMeeting.meeting_id == meeting_id, Case.deleted_at.is_(None))
            .order_by(Case.id)
        ).mappings()
    ]
    rec["projects"] = [
        dict(r)
        for r in conn.execute(
            select(
                Project.id,
                Project.name,
                Project.investment,
                Project.stage,
                ref_name(IndustryField).label("field"),
                Unit.name.label("investor"),
            )
            .join(IndustryField, IndustryField.id == Project.field_id)
            .join(Unit, Unit.id == Project.investor_id)
            .where(Project.meeting_id == meeting_id, Project.deleted_at.is_(None))
            .order_by(Project.id)
        ).mappings()
    ]
    rec["projects_total"] = sum((p["investment"] for p in rec["projects"]), start=0)
    return rec


def case_detail(conn: Connection, case_id: int) -> dict[str, Any] | None:
    rec = _one(conn, Case, case_id)
    if rec is None:
        return None
    rec["category"] = conn.execute(
        select(ref_name(CaseCategory)).where(CaseCategory.id == rec["category_id"])
    ).scalar()
    units = conn.execute(
        select(Unit.id, Unit.name, CaseUnit.role)
        .join(CaseUnit, CaseUnit.unit_id == Unit.id)
        .where(CaseUnit.case_id == case_id)
        .order_by(CaseUnit.seq)
    ).all()
    rec["lead_units"] = [{"unit_id": u.id, "unit": u.name} for u in units if u.role == "lead"]
    rec["participating_units"] = [
        {"unit_id": u.id, "unit": u.name} for u in units if u.role != "lead"
    ]
    rec["meetings"] = [
        dict(r)
        for r in conn.execute(
            select(Meeting.id, Meeting.title, Meeting.start_date)
            .join(CaseMeeting, CaseMeeting.meeting_id == Meeting.id)
            .where(CaseMeeting.case_id == case_id, Meeting.deleted_at.is_(None))
            .order_by(Meeting.start_date)
        ).mappings()
    ]
    return rec


def project_detail(conn: Connection, project_id: int) -> dict[str, Any] | None:
    rec = _one(conn, Project, project_id)
    if rec is None:
        return None
    rec["investor"] = _unit_name(conn, rec["investor_id"])
    rec["responsible_unit"] = _unit_name(conn, rec["responsible_unit_id"])
    rec["field"] = conn.execute(
        select(ref_name(IndustryField)).where(IndustryField.id == rec["field_id"])
    ).scalar()
    rec["meeting"] = (
        conn.execute(select(Meeting.title).where(Meeting.id == rec["meeting_id"])).scalar()
        if rec["meeting_id"]
        else None
    )
    rec["progress"] = [
        dict(r)
        for r in conn.execute(
            select(
                ProgressEntry.id,
                ProgressEntry.version,
                ProgressEntry.entry_date,
                ProgressEntry.stage,
                ProgressEntry.description,
                ProgressEntry.problems,
                ProgressEntry.funds_arrived,
            )
            .where(ProgressEntry.project_id == project_id, ProgressEntry.deleted_at.is_(None))
            .order_by(ProgressEntry.entry_date, ProgressEntry.id)
        ).mappings()
    ]
    return rec


def alliance_detail(conn: Connection, alliance_id: int) -> dict[str, Any] | None:
    rec = _one(conn, Alliance, alliance_id)
    if rec is None:
        return None
    rec["secretariat"] = _unit_name(conn, rec["secretariat_unit_id"])
    rec["founding_meeting"] = (
        conn.execute(select(Meeting.title).where(Meeting.id == rec["founding_meeting_id"])).scalar()
        if rec["founding_meeting_id"]
        else None
    )
    rec["members"] = [
        dict(r)
        for r in conn.execute(
            select(
                AllianceMember.id,
                AllianceMember.version,
                AllianceMember.unit_id,
                Unit.name.label("unit"),
                ref_name(MemberKind).label("member_kind"),
                AllianceMember.member_kind_id,
                AllianceMember.joined_date,
                AllianceMember.left_date,
                AllianceMember.contact_person,
                AllianceMember.contact_phone,
            )
            .join(Unit, Unit.id == AllianceMember.unit_id)
            .outerjoin(MemberKind, MemberKind.id == AllianceMember.member_kind_id)
            .where(AllianceMember.alliance_id == alliance_id, AllianceMember.deleted_at.is_(None))
            .order_by(AllianceMember.joined_date, AllianceMember.id)
        ).mappings()
    ]
    rec["chair_terms"] = [
        dict(r)
        for r in conn.execute(
            select(
                ChairTerm.id,
                ChairTerm.unit_id,
                Unit.name.label("unit"),
                ChairTerm.start_date,
                ChairTerm.end_date,
                Meeting.title.label("handover_meeting"),
            )
            .join(Unit, Unit.id == ChairTerm.unit_id)
            .outerjoin(Meeting, Meeting.id == ChairTerm.handover_meeting_id)
            .where(ChairTerm.alliance_id == alliance_id, ChairTerm.deleted_at.is_(None))
            .order_by(ChairTerm.start_date)
        ).mappings()
    ]
    current = [t for t in rec["chair_terms"] if t["end_date"] is None]
    rec["current_chair"] = current[0]["unit"] if current else None
    return rec


DETAILS = {
    "meetings": meeting_detail,
    "cases": case_detail,
    "projects": project_detail,
    "alliances": alliance_detail,
    "units": unit_detail,
}


def history(conn: Connection, record_type: str, record_id: int) -> list[dict[str, Any]]:
    """The audit log of one record, oldest first, with changes decoded."""
    rows = conn.execute(
        select(AuditLog.at, AuditLog.by, AuditLog.action, AuditLog.changes)
        .where(AuditLog.record_type == record_type, AuditLog.record_id == record_id)
        .order_by(AuditLog.id)
    ).mappings()
    return [{**dict(r), "changes": json.loads(r["changes"])} for r in rows]
