"""Units: organisations named by meetings, cases, projects and alliances."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy import update as sql_update
from sqlalchemy.orm import Session

from db.audit import note_child_change
from db.enums import Province, UnitKind
from db.errors import LedgerError
from db.messages import msg
from db.models import (
    NAME_MAX,
    Alliance,
    AllianceMember,
    CaseUnit,
    ChairTerm,
    MeetingHost,
    MeetingLeader,
    Project,
    Unit,
)
from db.services import common
from db.services.validate import Checker
from db.values import fold


@dataclass
class UnitData:
    name: str
    kind: UnitKind | str = UnitKind.OTHER
    province: Province | str = Province.OTHER
    short_name: str | None = None
    city: str | None = None
    district: str | None = None


def _validate(session: Session, data: UnitData, exclude_id: int | None = None) -> dict:
    chk = Checker("unit")
    values = {
        "name": chk.text("name", data.name, max_len=NAME_MAX, required=True),
        "short_name": chk.text("short_name", data.short_name, max_len=NAME_MAX),
        "kind": chk.choice("kind", UnitKind, data.kind),
        "province": chk.choice("province", Province, data.province),
        "city": chk.text("city", data.city, max_len=NAME_MAX),
        "district": chk.text("district", data.district, max_len=NAME_MAX),
    }
    if values["name"] and chk.ok("name"):
        clash = session.execute(
            select(Unit.id).where(Unit.name == values["name"], Unit.id != (exclude_id or -1))
        ).first()
        if clash:
            chk.fail("name", "unique", value=values["name"])
    chk.raise_if_any()
    return values


def create(session: Session, data: UnitData, *, flush: bool = True) -> Unit:
    """flush=False lets a bulk writer flush many at once (it keeps its names unique)."""
    unit = Unit(**_validate(session, data))
    session.add(unit)
    if flush:
        common.flush(session)
    return unit


def update(session: Session, unit_id: int, data: UnitData, version: int | None = None) -> Unit:
    unit = common.get_record(session, Unit, unit_id)
    common.check_version(unit, version)
    for key, value in _validate(session, data, exclude_id=unit_id).items():
        setattr(unit, key, value)
    common.flush(session)
    return unit


def delete(session: Session, unit_id: int, version: int | None = None) -> Unit:
    return common.soft_delete(session, Unit, unit_id, version)


def find(session: Session, name: str) -> Unit | None:
    """A live unit by exact name, then by short name, then by folded name."""
    name = (name or "").strip()
    if not name:
        return None
    live = Unit.deleted_at.is_(None)
    unit = session.scalars(select(Unit).where(live, Unit.name == name)).first()
    if unit is None:
        unit = session.scalars(select(Unit).where(live, Unit.short_name == name)).first()
    if unit is None:
        key = fold(name)
        rows = session.execute(select(Unit.id, Unit.name, Unit.short_name).where(live))
        match = next((r.id for r in rows if key in (fold(r.name), fold(r.short_name or ""))), None)
        unit = session.get(Unit, match) if match else None
    return unit


def find_or_create(session: Session, data: UnitData) -> tuple[Unit, bool]:
    """The unit named (by name or short name), created if there is none."""
    unit = find(session, data.name)
    if unit is not None:
        return unit, False
    return create(session, data), True


# Every column that points at a unit, for merging duplicates.
UNIT_REFERENCES = (
    (MeetingHost, MeetingHost.unit_id),
    (MeetingLeader, MeetingLeader.unit_id),
    (CaseUnit, CaseUnit.unit_id),
    (Project, Project.investor_id),
    (Project, Project.responsible_unit_id),
    (Alliance, Alliance.secretariat_unit_id),
    (AllianceMember, AllianceMember.unit_id),
    (ChairTerm, ChairTerm.unit_id),
)


def merge(session: Session, keep_id: int, drop_id: int) -> Unit:
    """Move every reference from a duplicate unit to the one kept; bin the duplicate."""
    if keep_id == drop_id:
        raise LedgerError(msg("rule.duplicate_in_list", field="unit", value=keep_id))
    keep = common.get_record(session, Unit, keep_id)
    drop = common.get_record(session, Unit, drop_id)
    for model, column in UNIT_REFERENCES:
        _drop_clashing_rows(session, model, keep_id, drop_id)
        session.execute(
            sql_update(model).where(column == drop_id).values({column.key: keep_id}),
            execution_options={"synchronize_session": False},
        )
    # The bulk updates bypassed the identity map: reload before the last changes.
    session.expire_all()
    note_child_change(keep, "merged_from", None, drop.name)
    drop.deleted_at = common.stamp_time()
    common.flush(session)
    return keep


def _drop_clashing_rows(session: Session, model, keep_id: int, drop_id: int) -> None:
    """Rows that would break a unique pair after the merge are dropped first."""
    if model is MeetingHost:
        parent = MeetingHost.meeting_id
    elif model is CaseUnit:
        parent = CaseUnit.case_id
    else:
        return []
    both = select(parent).where(model.unit_id == keep_id)
    session.execute(model.__table__.delete().where(model.unit_id == drop_id, parent.in_(both)))
    return []
