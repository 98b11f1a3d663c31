"""What is in the recycle bin: deleted records of every kind, newest deletion first."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, select

from db.models import (
    RECORD_MODELS,
    Alliance,
    AllianceMember,
    Case,
    ChairTerm,
    Meeting,
    ProgressEntry,
    Project,
    Unit,
)
from db.queries.lists import ListFilter, list_ids

# The record kinds the bin shows: each list kind, then the rows kept under a record.
LIST_KINDS = {
    "meeting": "meetings",
    "case": "cases",
    "project": "projects",
    "alliance": "alliances",
    "unit": "units",
}
CHILD_KINDS = ("progress", "member", "chair_term")
BIN_KINDS = (*LIST_KINDS, *CHILD_KINDS)
_NAME = {Meeting: Meeting.title, Case: Case.title, Project: Project.name}
_NAME |= {Alliance: Alliance.name, Unit: Unit.name}


@dataclass(frozen=True)
class BinEntry:
    kind: str  # a key of RECORD_MODELS
    id: int
    name: str
    deleted_at: datetime
    deleted_by: str


def _list_kind(conn: Connection, kind: str, text: str) -> list[BinEntry]:
    model = RECORD_MODELS[kind]
    ids = list_ids(conn, LIST_KINDS[kind], ListFilter(text=text, deleted=True))
    if not ids:
        return []
    rows = conn.execute(
        select(model.id, _NAME[model], model.deleted_at, model.updated_by).where(model.id.in_(ids))
    )
    return [BinEntry(kind, r[0], r[1], r[2], r[3]) for r in rows]


def _child_query(kind: str):
    if kind == "progress":
        return select(
            ProgressEntry.id,
            Project.name,
            ProgressEntry.entry_date,
            ProgressEntry.deleted_at,
            ProgressEntry.updated_by,
        ).join(Project, Project.id == ProgressEntry.project_id)
    model = AllianceMember if kind == "member" else ChairTerm
    when = AllianceMember.joined_date if kind == "member" else ChairTerm.start_date
    return (
        select(
            model.id, Alliance.name + " — " + Unit.name, when, model.deleted_at, model.updated_by
        )
        .join(Alliance, Alliance.id == model.alliance_id)
        .join(Unit, Unit.id == model.unit_id)
    )


def _child_kind(conn: Connection, kind: str, text: str) -> list[BinEntry]:
    model = RECORD_MODELS[kind]
    out = []
    for rid, name, on, deleted_at, by in conn.execute(
        _child_query(kind).where(model.deleted_at.isnot(None))
    ):
        shown = f"{name} ({on.isoformat()})" if isinstance(on, date) else name
        if text.strip().casefold() in shown.casefold():
            out.append(BinEntry(kind, rid, shown, deleted_at, by))
    return out


def deleted_records(conn: Connection, kinds=BIN_KINDS, text: str = "") -> list[BinEntry]:
    """Every deleted record of the given kinds (matching text), newest deletion first."""
    entries: list[BinEntry] = []
    for kind in kinds:
        if kind in LIST_KINDS:
            entries += _list_kind(conn, kind, text)
        else:
            entries += _child_kind(conn, kind, text)
    return sorted(entries, key=lambda e: (e.deleted_at, e.kind, e.id), reverse=True)
