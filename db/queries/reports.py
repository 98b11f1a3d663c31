"""Read queries of the printed reports (Core selects; a fixed number per report).

The tab lists come from `db.queries.lists`; these are the groupings and totals
only the reports need: the ledger by field, the compendium by category, the
roster's members and chair terms, and the period summary.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, Connection, String, and_, cast, func, select
from sqlalchemy.orm import aliased

from db.models import (
    Alliance,
    AllianceMember,
    Case,
    CaseCategory,
    CaseMeeting,
    ChairTerm,
    IndustryField,
    Meeting,
    MeetingKind,
    MemberKind,
    Project,
    Unit,
)
from db.queries.lists import SPECS, case_unit_names, ref_name
from db.queries.search import names_agg

Investor = aliased(Unit, name="investor")
Responsible = aliased(Unit, name="responsible")


def in_period(col: ColumnElement, start: date | None, end: date | None) -> ColumnElement[bool]:
    """start <= col <= end, each bound optional."""
    conds = []
    if start is not None:
        conds.append(col >= start)
    if end is not None:
        conds.append(col <= end)
    return and_(True, *conds)


def ids_in_period(conn: Connection, kind: str, start: date | None, end: date | None) -> list[int]:
    """Ids of a tab's live records whose dating column falls in the period."""
    spec = SPECS[kind]
    query = select(spec.model.id).where(spec.model.deleted_at.is_(None))
    if spec.year_col is not None:
        query = query.where(in_period(spec.year_col(), start, end))
    return list(conn.execute(query).scalars())


def _rows(conn: Connection, query) -> list[dict[str, Any]]:
    return [dict(r) for r in conn.execute(query).mappings()]


def alliance_members(conn: Connection, alliance_ids: Sequence[int] | None) -> list[dict]:
    """Members of the given (or all live) alliances, by alliance then joining date."""
    query = (
        select(
            AllianceMember.alliance_id,
            Alliance.name.label("alliance"),
            Unit.name.label("unit"),
            Unit.kind.label("unit_kind"),
            Unit.province.label("province"),
            ref_name(MemberKind).label("member_kind"),
            AllianceMember.joined_date,
            AllianceMember.left_date,
            AllianceMember.contact_person,
            AllianceMember.contact_phone,
        )
        .join(Alliance, Alliance.id == AllianceMember.alliance_id)
        .join(Unit, Unit.id == AllianceMember.unit_id)
        .outerjoin(MemberKind, MemberKind.id == AllianceMember.member_kind_id)
        .where(AllianceMember.deleted_at.is_(None), Alliance.deleted_at.is_(None))
        .order_by(
            AllianceMember.alliance_id,
            AllianceMember.joined_date.is_(None),
            AllianceMember.joined_date,
            AllianceMember.id,
        )
    )
    if alliance_ids is not None:
        query = query.where(AllianceMember.alliance_id.in_(list(alliance_ids)))
    return _rows(conn, query)


def chair_terms(conn: Connection, alliance_ids: Sequence[int] | None) -> list[dict]:
    """Chair terms of the given (or all live) alliances, oldest first."""
    query = (
        select(
            ChairTerm.alliance_id,
            Alliance.name.label("alliance"),
            Unit.name.label("unit"),
            ChairTerm.start_date,
            ChairTerm.end_date,
            Meeting.title.label("handover_meeting"),
        )
        .join(Alliance, Alliance.id == ChairTerm.alliance_id)
        .join(Unit, Unit.id == ChairTerm.unit_id)
        .outerjoin(Meeting, Meeting.id == ChairTerm.handover_meeting_id)
        .where(ChairTerm.deleted_at.is_(None), Alliance.deleted_at.is_(None))
        .order_by(ChairTerm.alliance_id, ChairTerm.start_date, ChairTerm.id)
    )
    if alliance_ids is not None:
        query = query.where(ChairTerm.alliance_id.in_(list(alliance_ids)))
    return _rows(conn, query)


def alliances(conn: Connection) -> list[dict]:
    """Live alliances with their secretariat, in founding order."""
    query = (
        select(
            Alliance.id,
            Alliance.name,
            Alliance.short_name,
            Alliance.founded_date,
            Unit.name.label("secretariat"),
        )
        .outerjoin(Unit, Unit.id == Alliance.secretariat_unit_id)
        .where(Alliance.deleted_at.is_(None))
        .order_by(Alliance.founded_date.is_(None), Alliance.founded_date, Alliance.id)
    )
    return _rows(conn, query)


def ledger_projects(
    conn: Connection,
    field_id: int | None = None,
    stage: str | None = None,
    start: date | None = None,
    end: date | None = None,
) -> list[dict]:
    """Live projects grouped by industry field (its sort order), then by signing date."""
    query = (
        select(
            Project.id,
            Project.field_id,
            ref_name(IndustryField).label("field"),
            Project.name,
            Project.code,
            Investor.name.label("investor"),
            Project.investor_origin,
            Project.host_locality,
            Project.project_type,
            Project.investment,
            Project.funds_arrived,
            Project.signed_date,
            Project.stage,
            Responsible.name.label("responsible_unit"),
            Project.responsible_person,
            Project.last_progress_date,
        )
        .join(IndustryField, IndustryField.id == Project.field_id)
        .join(Investor, Investor.id == Project.investor_id)
        .outerjoin(Responsible, Responsible.id == Project.responsible_unit_id)
        .where(Project.deleted_at.is_(None), in_period(Project.signed_date, start, end))
        .order_by(IndustryField.sort_order, IndustryField.id, Project.signed_date, Project.id)
    )
    if field_id:
        query = query.where(Project.field_id == field_id)
    if stage:
        query = query.where(Project.stage == stage)
    return _rows(conn, query)


def _case_showcases() -> ColumnElement:
    """The meetings that showcased a case, each as “title（date）”."""
    shown = Meeting.title + "（" + cast(Meeting.start_date, String) + "）"
    return (
        select(names_agg(shown))
        .select_from(CaseMeeting)
        .join(Meeting, Meeting.id == CaseMeeting.meeting_id)
        .where(CaseMeeting.case_id == Case.id, Meeting.deleted_at.is_(None))
        .scalar_subquery()
    )


def compendium_cases(conn: Connection) -> list[dict]:
    """Live cases grouped by category (its sort order), then by launch date and title."""
    query = (
        select(
            Case.id,
            Case.category_id,
            ref_name(CaseCategory).label("category"),
            Case.title,
            Case.code,
            Case.scope,
            case_unit_names("lead").label("lead_units"),
            case_unit_names("participant").label("participating_units"),
            Case.launch_date,
            Case.recognition,
            Case.recognition_batch,
            Case.recognition_date,
            _case_showcases().label("meetings"),
            Case.summary,
        )
        .join(CaseCategory, CaseCategory.id == Case.category_id)
        .where(Case.deleted_at.is_(None))
        .order_by(
            CaseCategory.sort_order,
            CaseCategory.id,
            Case.launch_date.is_(None),
            Case.launch_date,
            Case.title,
        )
    )
    return _rows(conn, query)


# --- the period summary --------------------------------------------------------


def meetings_by_kind(conn: Connection, start: date | None, end: date | None) -> list[dict]:
    query = (
        select(ref_name(MeetingKind).label("name"), func.count(Meeting.id).label("count"))
        .join(MeetingKind, MeetingKind.id == Meeting.kind_id)
        .where(Meeting.deleted_at.is_(None), in_period(Meeting.start_date, start, end))
        .group_by(MeetingKind.id, MeetingKind.sort_order, ref_name(MeetingKind))
        .order_by(MeetingKind.sort_order, MeetingKind.id)
    )
    return _rows(conn, query)


def _case_date() -> ColumnElement:
    """When a case counts: recognised, else launched, else first showcased."""
    first_shown = (
        select(func.min(Meeting.start_date))
        .select_from(CaseMeeting)
        .join(Meeting, Meeting.id == CaseMeeting.meeting_id)
        .where(CaseMeeting.case_id == Case.id, Meeting.deleted_at.is_(None))
        .scalar_subquery()
    )
    return func.coalesce(Case.recognition_date, Case.launch_date, first_shown)


def cases_by_recognition(conn: Connection, start: date | None, end: date | None) -> list[dict]:
    conds = [Case.deleted_at.is_(None)]
    if start is not None or end is not None:
        conds.append(in_period(_case_date(), start, end))
    query = (
        select(Case.recognition.label("name"), func.count(Case.id).label("count"))
        .where(*conds)
        .group_by(Case.recognition)
    )
    return _rows(conn, query)


def _project_totals(group_cols: list, order_cols: list, start, end, joins=None) -> Any:
    query = select(
        *group_cols,
        func.count(Project.id).label("count"),
        func.coalesce(func.sum(Project.investment), 0).label("investment"),
        func.coalesce(func.sum(Project.funds_arrived), 0).label("funds_arrived"),
    ).select_from(Project)
    if joins is not None:
        query = joins(query)
    return (
        query.where(Project.deleted_at.is_(None), in_period(Project.signed_date, start, end))
        .group_by(*group_cols, *order_cols)
        .order_by(*order_cols)
    )


def projects_by_field(conn: Connection, start: date | None, end: date | None) -> list[dict]:
    query = _project_totals(
        [ref_name(IndustryField).label("name")],
        [IndustryField.sort_order, IndustryField.id],
        start,
        end,
        lambda q: q.join(IndustryField, IndustryField.id == Project.field_id),
    )
    return _rows(conn, query)


def projects_by_origin(conn: Connection, start: date | None, end: date | None) -> list[dict]:
    return _rows(conn, _project_totals([Project.investor_origin.label("name")], [], start, end))


def projects_by_province(conn: Connection, start: date | None, end: date | None) -> list[dict]:
    query = _project_totals(
        [Investor.province.label("name")],
        [],
        start,
        end,
        lambda q: q.join(Investor, Investor.id == Project.investor_id),
    )
    return _rows(conn, query)
