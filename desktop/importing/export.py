"""Existing records as rows of their import template (for round trips and hand edits).

Each row holds, in the template's column order, the values the import reads
back: names instead of ids, labels in the program's language instead of codes.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.engine import Database
from db.enums import HostRole
from db.labels import enum_label
from db.lang import current_language
from db.models import AllianceMember, Case, Meeting, ProgressEntry, Project, Unit
from desktop.importing.template import write_template

SEP = "；"


def _ref_name(item) -> str | None:
    if item is None:
        return None
    return item.name_zh if current_language() == "zh" else item.name_en


def _names(units: list) -> str | None:
    return SEP.join(u.name for u in units) or None


def _live(session: Session, model) -> list:
    stmt = select(model).where(model.deleted_at.is_(None)).order_by(model.id)
    return list(session.scalars(stmt))


def unit_rows(session: Session) -> list[list[Any]]:
    return [
        [u.name, u.short_name, enum_label(u.kind), enum_label(u.province), u.city, u.district]
        for u in _live(session, Unit)
    ]


def meeting_rows(session: Session) -> list[list[Any]]:
    rows = []
    for m in _live(session, Meeting):
        by_role = {role: [h.unit for h in m.hosts if h.role == role] for role in HostRole}
        rows.append(
            [
                m.title,
                _ref_name(m.kind),
                m.start_date,
                m.end_date,
                m.city,
                m.district,
                m.venue,
                _names(by_role[HostRole.HOST]),
                _names(by_role[HostRole.ORGANISER]),
                _names(by_role[HostRole.CO_ORGANISER]),
                m.summary,
                m.source_publisher,
                m.source_date,
                m.source_ref,
            ]
        )
    return rows


def case_rows(session: Session) -> list[list[Any]]:
    rows = []
    for c in _live(session, Case):
        lead = [u.unit for u in c.units if u.role.value == "lead"]
        others = [u.unit for u in c.units if u.role.value != "lead"]
        rows.append(
            [
                c.title,
                c.code,
                _ref_name(c.category),
                enum_label(c.scope),
                _names(lead),
                _names(others),
                c.launch_date,
                enum_label(c.recognition),
                c.recognition_batch,
                c.recognition_date,
                c.summary,
                c.results,
                SEP.join(s.meeting.title for s in c.showcases) or None,
            ]
        )
    return rows


def project_rows(session: Session) -> list[list[Any]]:
    rows = []
    for p in _live(session, Project):
        rows.append(
            [
                p.name,
                p.code,
                p.investor.name,
                enum_label(p.investor_origin),
                _ref_name(p.field),
                p.host_locality,
                enum_label(p.project_type),
                p.investment,
                p.signed_date,
                p.meeting.title if p.meeting else None,
                enum_label(p.stage),
                p.funds_arrived or None,
                p.responsible_unit.name if p.responsible_unit else None,
                p.responsible_person,
                p.phone,
            ]
        )
    return rows


def progress_rows(session: Session) -> list[list[Any]]:
    return [
        [
            e.project.name,
            e.project.investor.name,
            e.entry_date,
            enum_label(e.stage),
            e.description,
            e.problems,
            e.funds_arrived,
        ]
        for e in _live(session, ProgressEntry)
        if e.project.deleted_at is None
    ]


def member_rows(session: Session) -> list[list[Any]]:
    return [
        [
            m.alliance.name,
            m.unit.name,
            _ref_name(m.member_kind),
            m.joined_date,
            m.left_date,
            m.contact_person,
            m.contact_phone,
        ]
        for m in _live(session, AllianceMember)
        if m.alliance.deleted_at is None
    ]


ROWS: dict[str, Callable[[Session], list[list[Any]]]] = {
    "units": unit_rows,
    "meetings": meeting_rows,
    "cases": case_rows,
    "projects": project_rows,
    "progress": progress_rows,
    "members": member_rows,
}


def export_records(db: Database, kind: str, path: str | Path) -> Path:
    """The kind's records written into its import template."""
    with db.session() as session:
        rows = ROWS[kind](session)
    return write_template(db, kind, path, rows)
