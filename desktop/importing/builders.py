"""One row's values to one record, through the services; duplicates are skipped.

Each builder returns None when it added the record, or a Duplicate naming the
record the row repeats. Rule breaches come back from the services as
ValidationError, exactly as they would in the forms.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import CaseScope, HostRole, Province, Recognition, Stage, UnitKind
from db.errors import FieldError, ValidationError
from db.labels import label
from db.messages import msg
from db.models import AllianceMember, Case, Meeting, ProgressEntry
from db.services import alliances, cases, meetings, projects, units
from desktop.importing.lookups import Lookups
from desktop.importing.normalise import fold
from desktop.importing.texts import text


@dataclass(frozen=True)
class Duplicate:
    row: int
    text: str
    why: str


@dataclass
class BuildContext:
    session: Session
    lookups: Lookups
    row: int = 0
    # record key -> row of this file that added it, to tell in-file repeats apart
    added_rows: dict[Any, int] = field(default_factory=dict)
    existing: dict[str, Any] = field(default_factory=dict)

    def duplicate(self, key: Any, shown: str, record_id: int | None) -> Duplicate:
        first = self.added_rows.get(key)
        if first is not None:
            why = text("import.duplicate_in_file", row=first)
        else:
            why = text("import.duplicate_existing", id=record_id)
        return Duplicate(self.row, shown, why)

    def added(self, key: Any) -> None:
        self.added_rows.setdefault(key, self.row)

    def cached(self, name: str, load: Callable[[], Any]) -> Any:
        if name not in self.existing:
            self.existing[name] = load()
        return self.existing[name]


# --- units -------------------------------------------------------------------------


def build_unit(ctx: BuildContext, v: dict[str, Any]) -> Duplicate | None:
    name = v.get("name")
    existing = ctx.lookups.unit(name) if name else None
    if existing is not None:
        return ctx.duplicate(("unit", fold(name)), name, existing)
    data = units.UnitData(
        name=name,
        kind=v.get("kind") or UnitKind.OTHER,
        province=v.get("province") or Province.OTHER,
        short_name=v.get("short_name"),
        city=v.get("city"),
        district=v.get("district"),
    )
    unit = units.create(ctx.session, data)
    ctx.lookups.remember_unit(unit)
    ctx.added(("unit", fold(name)))
    return None


# --- meetings ----------------------------------------------------------------------


def _meeting_keys(session: Session) -> dict[tuple[str, date], int]:
    rows = session.execute(
        select(Meeting.id, Meeting.title, Meeting.start_date).where(Meeting.deleted_at.is_(None))
    )
    return {(fold(r.title), r.start_date): r.id for r in rows}


def build_meeting(ctx: BuildContext, v: dict[str, Any]) -> Duplicate | None:
    keys = ctx.cached("meetings", lambda: _meeting_keys(ctx.session))
    title, start = v.get("title"), v.get("start_date")
    key = (fold(title or ""), start)
    if title and key in keys:
        return ctx.duplicate(key, title, keys[key])
    hosts = [
        meetings.HostData(unit_id, role)
        for column, role in (
            ("hosts", HostRole.HOST),
            ("organisers", HostRole.ORGANISER),
            ("co_organisers", HostRole.CO_ORGANISER),
        )
        for unit_id in v.get(column) or []
    ]
    data = meetings.MeetingData(
        title=title,
        kind_id=v.get("kind"),
        start_date=start,
        end_date=v.get("end_date"),
        city=v.get("city"),
        district=v.get("district"),
        venue=v.get("venue"),
        summary=v.get("summary"),
        source_publisher=v.get("source_publisher"),
        source_date=v.get("source_date"),
        source_ref=v.get("source_ref"),
        hosts=hosts,
    )
    meeting = meetings.create(ctx.session, data)
    keys[key] = meeting.id
    ctx.lookups.remember_meeting(meeting)
    ctx.added(key)
    return None


# --- cases ---------------------------------------------------------------------------


def _case_keys(session: Session) -> dict[str, int]:
    keys: dict[str, int] = {}
    rows = session.execute(select(Case.id, Case.title, Case.code).where(Case.deleted_at.is_(None)))
    for r in rows:
        keys.setdefault(f"title:{fold(r.title)}", r.id)
        if r.code:
            keys.setdefault(f"code:{fold(r.code)}", r.id)
    return keys


def build_case(ctx: BuildContext, v: dict[str, Any]) -> Duplicate | None:
    keys = ctx.cached("cases", lambda: _case_keys(ctx.session))
    title, code = v.get("title"), v.get("code")
    candidates = [f"title:{fold(title)}"] if title else []
    candidates += [f"code:{fold(code)}"] if code else []
    for key in candidates:
        if key in keys:
            return ctx.duplicate(key, title or code, keys[key])
    data = cases.CaseData(
        title=title,
        category_id=v.get("category"),
        scope=v.get("scope") or CaseScope.JOINT,
        code=code,
        lead_unit_ids=v.get("lead_units") or [],
        participating_unit_ids=v.get("participating_units") or [],
        launch_date=v.get("launch_date"),
        summary=v.get("summary"),
        results=v.get("results"),
        recognition=v.get("recognition") or Recognition.NONE,
        recognition_batch=v.get("recognition_batch"),
        recognition_date=v.get("recognition_date"),
        meeting_ids=list(dict.fromkeys(v.get("meetings") or [])),
    )
    case = cases.create(ctx.session, data)
    for key in candidates:
        keys[key] = case.id
        ctx.added(key)
    return None


# --- projects ------------------------------------------------------------------------


def build_project(ctx: BuildContext, v: dict[str, Any]) -> Duplicate | None:
    name, investor, code = v.get("name"), v.get("investor"), v.get("code")
    key = ("project", investor, projects.name_key(name or ""))
    if name and investor is not None:
        existing = ctx.lookups.project_of(investor, name)
        if key in ctx.added_rows or existing is not None:
            return ctx.duplicate(key, name, existing)
    data = projects.ProjectData(
        name=name,
        investor_id=investor,
        investor_origin=v.get("investor_origin"),
        field_id=v.get("field"),
        project_type=v.get("project_type"),
        investment=v.get("investment"),
        signed_date=v.get("signed_date"),
        code=code,
        host_locality=v.get("host_locality"),
        meeting_id=v.get("meeting"),
        responsible_unit_id=v.get("responsible_unit"),
        responsible_person=v.get("responsible_person"),
        phone=v.get("phone"),
    )
    # Unflushed rows' codes and names are checked by the service's bulk index.
    projects.create(ctx.session, data, flush=False, progress=_stage_at_import(v))
    ctx.added(key)
    return None


def _stage_at_import(v: dict[str, Any]) -> projects.ProgressData | None:
    """A stage past signing (or funds arrived) becomes the project's first progress entry."""
    stage, funds = v.get("stage"), v.get("funds_arrived")
    if (stage is None or stage == Stage.SIGNED) and funds is None:
        return None
    signed = v.get("signed_date")
    return projects.ProgressData(
        entry_date=max(date.today(), signed) if isinstance(signed, date) else date.today(),
        stage=stage or Stage.SIGNED,
        description=text("import.stage_note"),
        funds_arrived=funds,
    )


# --- progress entries ------------------------------------------------------------


def _progress_keys(session: Session) -> set[tuple]:
    rows = session.execute(
        select(
            ProgressEntry.project_id,
            ProgressEntry.entry_date,
            ProgressEntry.stage,
            ProgressEntry.description,
        ).where(ProgressEntry.deleted_at.is_(None))
    )
    return {(r.project_id, r.entry_date, Stage(r.stage), fold(r.description)) for r in rows}


def _one_project(ctx: BuildContext, v: dict[str, Any], shown: str) -> int:
    candidates = v.get("project") or []
    investor = v.get("investor")
    if investor is not None:
        candidates = [p for p in candidates if ctx.lookups.project_investor(p) == investor]
    if len(candidates) == 1:
        return candidates[0]
    field_name = label("progress.project")
    if not candidates:
        message = msg("rule.unknown_record", field=field_name, value=shown)
        raise ValidationError([FieldError("project", "unknown_record", message)])
    message = text("import.ambiguous_project", field=field_name, value=shown)
    raise ValidationError([FieldError("project", "ambiguous_project", message)])


def build_progress(ctx: BuildContext, v: dict[str, Any], shown_project: str) -> Duplicate | None:
    project_id = _one_project(ctx, v, shown_project)
    keys = ctx.cached("progress", lambda: _progress_keys(ctx.session))
    key = (project_id, v.get("entry_date"), v.get("stage"), fold(v.get("description") or ""))
    if key in keys:
        return ctx.duplicate(key, shown_project, project_id)
    data = projects.ProgressData(
        entry_date=v.get("entry_date"),
        stage=v.get("stage"),
        description=v.get("description"),
        problems=v.get("problems"),
        funds_arrived=v.get("funds_arrived"),
    )
    projects.add_progress(ctx.session, project_id, data)
    keys.add(key)
    ctx.added(key)
    return None


# --- alliance members ----------------------------------------------------------


def _member_keys(session: Session) -> dict[tuple[int, int], int]:
    rows = session.execute(
        select(AllianceMember.id, AllianceMember.alliance_id, AllianceMember.unit_id).where(
            AllianceMember.deleted_at.is_(None), AllianceMember.left_date.is_(None)
        )
    )
    return {(r.alliance_id, r.unit_id): r.id for r in rows}


def build_member(ctx: BuildContext, v: dict[str, Any], shown_unit: str) -> Duplicate | None:
    keys = ctx.cached("members", lambda: _member_keys(ctx.session))
    alliance_id, unit_id = v.get("alliance"), v.get("unit")
    key = (alliance_id, unit_id)
    if v.get("left_date") is None and key in keys:
        return ctx.duplicate(key, shown_unit, keys[key])
    data = alliances.MemberData(
        unit_id=unit_id,
        member_kind_id=v.get("member_kind"),
        joined_date=v.get("joined_date"),
        left_date=v.get("left_date"),
        contact_person=v.get("contact_person"),
        contact_phone=v.get("contact_phone"),
    )
    member = alliances.add_member(ctx.session, alliance_id, data)
    if member.left_date is None:
        keys[key] = member.id
        ctx.added(key)
    return None
