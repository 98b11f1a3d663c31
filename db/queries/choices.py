"""Short lists for pickers in forms: reference entries, units, meetings, cases, years."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select

from db.models import REFERENCE_MODELS, Case, Meeting, Unit
from db.queries.lists import ref_name


def reference_items(
    conn: Connection, table: str, *, with_deleted: bool = False
) -> list[dict[str, Any]]:
    """Entries of a reference table in their sort order, named in the current language."""
    model = REFERENCE_MODELS[table]
    query = select(
        model.id,
        model.code,
        model.name_zh,
        model.name_en,
        model.sort_order,
        model.version,
        model.deleted_at,
        ref_name(model).label("name"),
    ).order_by(model.sort_order, model.id)
    if not with_deleted:
        query = query.where(model.deleted_at.is_(None))
    return [dict(r) for r in conn.execute(query).mappings()]


def unit_choices(conn: Connection) -> list[dict[str, Any]]:
    """Every live unit: id, name, short name, kind (for completers)."""
    query = (
        select(Unit.id, Unit.name, Unit.short_name, Unit.kind)
        .where(Unit.deleted_at.is_(None))
        .order_by(Unit.name)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def meeting_choices(conn: Connection) -> list[dict[str, Any]]:
    """Live meetings, newest first: id, title, start date."""
    query = (
        select(Meeting.id, Meeting.title, Meeting.start_date)
        .where(Meeting.deleted_at.is_(None))
        .order_by(Meeting.start_date.desc(), Meeting.id.desc())
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def case_choices(conn: Connection) -> list[dict[str, Any]]:
    """Live cases, newest first: id, title, code."""
    query = (
        select(Case.id, Case.title, Case.code)
        .where(Case.deleted_at.is_(None))
        .order_by(Case.launch_date.desc(), Case.id.desc())
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def has_records(conn: Connection) -> bool:
    """Whether any meeting, case, project or alliance exists (live or binned)."""
    from db.models import Alliance, Project

    return any(
        conn.execute(select(model.id).limit(1)).first() is not None
        for model in (Meeting, Case, Project, Alliance)
    )
