"""Collaborative innovation cases with their units and showcasing meetings."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.audit import note_child_change
from db.enums import RECOGNITION_WITH_BATCH, CaseScope, CaseUnitRole, Recognition
from db.models import TEXT_MAX, TITLE_MAX, Case, CaseCategory, CaseMeeting, CaseUnit, Meeting, Unit
from db.services import common
from db.services.validate import Checker


@dataclass
class CaseData:
    title: str
    category_id: int | None
    scope: CaseScope | str = CaseScope.JOINT
    code: str | None = None
    lead_unit_ids: list[int] = field(default_factory=list)
    participating_unit_ids: list[int] = field(default_factory=list)
    launch_date: date | None = None
    summary: str | None = None
    results: str | None = None
    recognition: Recognition | str = Recognition.NONE
    recognition_batch: int | None = None
    recognition_date: date | None = None
    meeting_ids: list[int] = field(default_factory=list)


def _validate(session: Session, data: CaseData, exclude_id: int | None) -> dict:
    chk = Checker("case")
    values = {
        "title": chk.text("title", data.title, max_len=TITLE_MAX, required=True),
        "code": chk.text("code", data.code, max_len=60),
        "category_id": data.category_id,
        "scope": chk.choice("scope", CaseScope, data.scope),
        "launch_date": chk.date("launch_date", data.launch_date),
        "summary": chk.text("summary", data.summary, max_len=TEXT_MAX, multiline=True),
        "results": chk.text("results", data.results, max_len=TEXT_MAX, multiline=True),
        "recognition": chk.choice("recognition", Recognition, data.recognition),
        "recognition_batch": chk.integer("recognition_batch", data.recognition_batch),
        "recognition_date": chk.date("recognition_date", data.recognition_date),
    }
    common.check_ref(chk, session, "category", CaseCategory, data.category_id, required=True)
    if values["recognition"] in RECOGNITION_WITH_BATCH and values["recognition_batch"] is None:
        chk.fail("recognition_batch", "batch_needed")
    if values["code"]:
        clash = session.execute(
            select(Case.id).where(Case.code == values["code"], Case.id != (exclude_id or -1))
        ).first()
        if clash:
            chk.fail("code", "unique", value=values["code"])
    _validate_links(chk, session, data)
    chk.raise_if_any()
    return values


def _validate_links(chk: Checker, session: Session, data: CaseData) -> None:
    all_units = data.lead_unit_ids + data.participating_unit_ids
    for unit_id in all_units:
        name = "lead_units" if unit_id in data.lead_unit_ids else "participating_units"
        common.check_ref(chk, session, name, Unit, unit_id, required=True)
    dupes = {u for u in all_units if all_units.count(u) > 1}
    for unit_id in dupes:
        chk.fail("participating_units", "duplicate_in_list", value=unit_id)
    for meeting_id in data.meeting_ids:
        common.check_ref(chk, session, "meetings", Meeting, meeting_id, required=True)


def _set_links(session: Session, case: Case, data: CaseData) -> None:
    old_units = [(u.unit_id, u.role.value) for u in case.units] if case.id else []
    old_meetings = sorted(s.meeting_id for s in case.showcases) if case.id else []
    units = [(u, CaseUnitRole.LEAD) for u in data.lead_unit_ids] + [
        (u, CaseUnitRole.PARTICIPANT) for u in data.participating_unit_ids
    ]
    existing = {u.unit_id: u for u in case.units}  # reuse rows: (case, unit) is unique
    rows = []
    for i, (unit_id, role) in enumerate(units):
        row = existing.get(unit_id) or CaseUnit(unit_id=unit_id)
        row.role, row.seq = role, i
        rows.append(row)
    case.units = rows
    wanted = list(dict.fromkeys(data.meeting_ids))
    keep = [s for s in case.showcases if s.meeting_id in wanted]
    have = {s.meeting_id for s in keep}
    case.showcases = keep + [CaseMeeting(meeting_id=m) for m in wanted if m not in have]
    if case.id:
        note_child_change(case, "units", old_units, [(u, r.value) for u, r in units])
        note_child_change(case, "meetings", old_meetings, sorted(wanted))


def create(session: Session, data: CaseData) -> Case:
    case = Case(**_validate(session, data, None))
    _set_links(session, case, data)
    session.add(case)
    common.flush(session)
    return case


def update(session: Session, case_id: int, data: CaseData, version: int | None = None) -> Case:
    case = common.get_record(session, Case, case_id)
    common.check_version(case, version)
    for key, value in _validate(session, data, case_id).items():
        setattr(case, key, value)
    _set_links(session, case, data)
    common.flush(session)
    return case


def delete(session: Session, case_id: int, version: int | None = None) -> Case:
    return common.soft_delete(session, Case, case_id, version)
