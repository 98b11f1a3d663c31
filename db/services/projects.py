"""Key projects and their progress log; the stage follows the log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.backends.locking import lock_for_update
from db.enums import InvestorOrigin, ProjectType, Stage, UnitKind, stage_rank
from db.errors import FieldError, ValidationError
from db.labels import enum_label
from db.messages import msg
from db.models import (
    NAME_MAX,
    TEXT_MAX,
    TITLE_MAX,
    IndustryField,
    Meeting,
    ProgressEntry,
    Project,
    Unit,
)
from db.services import common
from db.services.validate import Checker
from db.values import fold


@dataclass
class ProjectData:
    name: str
    investor_id: int | None
    investor_origin: InvestorOrigin | str | None
    field_id: int | None
    project_type: ProjectType | str | None
    investment: Decimal | int | str | None
    signed_date: date | None
    code: str | None = None
    host_locality: str | None = None
    meeting_id: int | None = None
    responsible_unit_id: int | None = None
    responsible_person: str | None = None
    phone: str | None = None
    is_sample: bool = False


@dataclass
class ProgressData:
    entry_date: date | None
    stage: Stage | str | None
    description: str
    problems: str | None = None
    funds_arrived: Decimal | int | str | None = None


def name_key(name: str) -> str:
    return fold(name)


def _validate(session: Session, data: ProjectData, exclude_id: int | None) -> dict:
    chk = Checker("project")
    values = {
        "name": chk.text("name", data.name, max_len=TITLE_MAX, required=True),
        "code": chk.text("code", data.code, max_len=60),
        "investor_id": data.investor_id,
        "investor_origin": chk.choice("investor_origin", InvestorOrigin, data.investor_origin),
        "field_id": data.field_id,
        "host_locality": chk.text("host_locality", data.host_locality, max_len=NAME_MAX),
        "project_type": chk.choice("project_type", ProjectType, data.project_type),
        "investment": chk.amount("investment", data.investment, required=True),
        "signed_date": chk.date("signed_date", data.signed_date, required=True),
        "meeting_id": data.meeting_id,
        "responsible_unit_id": data.responsible_unit_id,
        "responsible_person": chk.text(
            "responsible_person", data.responsible_person, max_len=NAME_MAX
        ),
        "phone": chk.text("phone", data.phone, max_len=40),
        "is_sample": bool(data.is_sample),
    }
    common.check_ref(chk, session, "investor", Unit, data.investor_id, required=True)
    common.check_ref(chk, session, "field", IndustryField, data.field_id, required=True)
    common.check_ref(chk, session, "meeting", Meeting, data.meeting_id)
    common.check_ref(chk, session, "responsible_unit", Unit, data.responsible_unit_id)
    if chk.ok("investor") and data.investor_id is not None:
        investor = session.get(Unit, data.investor_id)
        if investor.kind != UnitKind.ENTERPRISE:
            chk.fail("investor", "unit_not_enterprise", value=investor.name)
    _check_unique(chk, session, values, exclude_id)
    chk.raise_if_any()
    values["name_key"] = name_key(values["name"])
    return values


# session.info key of a UniqueIndex a bulk writer installed (see bulk_index).
BULK_INDEX = "project_unique_index"


@dataclass
class UniqueIndex:
    """Codes and (investor, folded name) of every project, read once.

    A bulk writer (the Excel import) installs it with bulk_index(); create() then
    checks uniqueness in memory instead of two queries per project, and adds each
    new project to it, so rows not yet flushed are seen too.
    """

    codes: set[str]
    names: dict[tuple[int, str], tuple[int | None, str]]

    def add(self, project: Project) -> None:
        if project.code:
            self.codes.add(project.code)
        self.names.setdefault((project.investor_id, project.name_key), (project.id, project.name))


def bulk_index(session: Session) -> UniqueIndex:
    """Load the index into the session (until bulk_done); creates in it check against it."""
    rows = session.execute(
        select(
            Project.id,
            Project.code,
            Project.name,
            Project.name_key,
            Project.investor_id,
            Project.deleted_at,
        )
    )
    index = UniqueIndex(set(), {})
    for r in rows:
        if r.code:
            index.codes.add(r.code)  # the UNIQUE constraint counts binned projects too
        if r.deleted_at is None:
            index.names.setdefault((r.investor_id, r.name_key), (r.id, r.name))
    session.info[BULK_INDEX] = index
    return index


def bulk_done(session: Session) -> None:
    session.info.pop(BULK_INDEX, None)


def _check_unique_indexed(chk: Checker, session: Session, values: dict, index: UniqueIndex) -> None:
    if values["code"] and values["code"] in index.codes:
        chk.fail("code", "unique", value=values["code"])
    if values["name"] and values["investor_id"] and chk.ok("investor"):
        same = index.names.get((values["investor_id"], name_key(values["name"])))
        if same:
            investor = session.get(Unit, values["investor_id"])
            chk.errors.append(_duplicate_error(investor.name, same[1], same[0]))


def _check_unique(chk: Checker, session: Session, values: dict, exclude_id: int | None) -> None:
    index = session.info.get(BULK_INDEX)
    if index is not None and exclude_id is None:
        _check_unique_indexed(chk, session, values, index)
        return
    others = Project.id != (exclude_id or -1)
    if (
        values["code"]
        and session.execute(
            select(Project.id).where(Project.code == values["code"], others)
        ).first()
    ):
        chk.fail("code", "unique", value=values["code"])
    if values["name"] and values["investor_id"] and chk.ok("investor"):
        same = session.execute(
            select(Project.id, Project.name).where(
                Project.investor_id == values["investor_id"],
                Project.name_key == name_key(values["name"]),
                Project.deleted_at.is_(None),
                others,
            )
        ).first()
        if same:
            investor = session.get(Unit, values["investor_id"])
            chk.errors.append(_duplicate_error(investor.name, same.name, same.id))


def _duplicate_error(investor: str, name: str, existing_id: int) -> FieldError:
    text = msg("rule.duplicate_project", investor=investor, name=name, id=existing_id)
    return FieldError("name", "duplicate_project", text)


def find_duplicate(session: Session, investor_id: int, name: str) -> int | None:
    """The live project of this investor with the same folded name, if any."""
    return session.scalar(
        select(Project.id).where(
            Project.investor_id == investor_id,
            Project.name_key == name_key(name),
            Project.deleted_at.is_(None),
        )
    )


def create(
    session: Session,
    data: ProjectData,
    *,
    flush: bool = True,
    progress: ProgressData | None = None,
) -> Project:
    """A new project, optionally with its first progress entry (a project recorded
    late, already past signing: the stage follows that entry, as with add_progress).

    flush=False lets a bulk writer flush many at once; it must then keep names
    and codes unique within its own batch, which the checks here cannot see yet."""
    values, entry = _validate_with_entry(session, data, progress)
    project = Project(**values, stage=Stage.SIGNED, funds_arrived=Decimal(0), progress=[])
    if entry is not None:
        project.progress.append(entry)
        _follow_log(project, [entry])
    session.add(project)
    if BULK_INDEX in session.info:
        session.info[BULK_INDEX].add(project)
    if flush:
        common.flush(session)
    return project


def _validate_with_entry(
    session: Session, data: ProjectData, progress: ProgressData | None
) -> tuple[dict, ProgressEntry | None]:
    """Both checked, every problem reported together."""
    errors: list[FieldError] = []
    values: dict = {}
    entry = None
    try:
        values = _validate(session, data, None)
    except ValidationError as exc:
        errors += exc.errors
    if progress is not None:
        try:
            entry = ProgressEntry(**_validate_entry(progress))
            _check_sequence([entry])
        except ValidationError as exc:
            errors += exc.errors
    if errors:
        raise ValidationError(errors)
    return values, entry


def update(
    session: Session, project_id: int, data: ProjectData, version: int | None = None
) -> Project:
    project = common.get_record(session, Project, project_id)
    common.check_version(project, version)
    for key, value in _validate(session, data, project_id).items():
        setattr(project, key, value)
    common.flush(session)
    return project


def delete(session: Session, project_id: int, version: int | None = None) -> Project:
    return common.soft_delete(session, Project, project_id, version)


# --- progress log --------------------------------------------------------------


def _validate_entry(data: ProgressData) -> dict:
    chk = Checker("progress")
    values = {
        "entry_date": chk.date("entry_date", data.entry_date, required=True),
        "stage": chk.choice("stage", Stage, data.stage),
        "description": chk.text(
            "description", data.description, max_len=TEXT_MAX, required=True, multiline=True
        ),
        "problems": chk.text("problems", data.problems, max_len=TEXT_MAX, multiline=True),
        "funds_arrived": chk.amount("funds_arrived", data.funds_arrived),
    }
    chk.raise_if_any()
    return values


def _check_sequence(entries: list[ProgressEntry]) -> None:
    """In date order the stage only moves forward; nothing follows terminated."""
    previous = Stage.SIGNED
    for entry in sorted(entries, key=lambda e: (e.entry_date, e.id or 10**12)):
        if previous == Stage.TERMINATED or stage_rank(entry.stage) < stage_rank(previous):
            text = msg(
                "rule.stage_backwards", old=enum_label(previous), new=enum_label(entry.stage)
            )
            raise ValidationError([FieldError("stage", "stage_backwards", text)])
        previous = entry.stage


def _follow_log(project: Project, entries: list[ProgressEntry]) -> None:
    """The project's stage, funds and last-progress date come from its latest entry."""
    live = sorted(
        (e for e in entries if e.deleted_at is None), key=lambda e: (e.entry_date, e.id or 10**12)
    )
    if not live:
        project.stage, project.last_progress_date, project.terminated_reason = (
            Stage.SIGNED,
            None,
            None,
        )
        project.funds_arrived = Decimal(0)  # funds come only from the log
        return
    latest = live[-1]
    project.stage = latest.stage
    project.last_progress_date = latest.entry_date
    project.terminated_reason = latest.description if latest.stage == Stage.TERMINATED else None
    funds = [e.funds_arrived for e in live if e.funds_arrived is not None]
    if funds:
        project.funds_arrived = funds[-1]


def add_progress(session: Session, project_id: int, data: ProgressData) -> ProgressEntry:
    lock_for_update(session, Project, project_id)
    project = common.get_record(session, Project, project_id)
    entry = ProgressEntry(project_id=project_id, **_validate_entry(data))
    entries = [e for e in project.progress if e.deleted_at is None]
    _check_sequence([*entries, entry])
    session.add(entry)
    common.flush(session)
    _follow_log(project, [*entries, entry])
    common.flush(session)
    return entry


def update_progress(
    session: Session, entry_id: int, data: ProgressData, version: int | None = None
) -> ProgressEntry:
    entry = common.get_record(session, ProgressEntry, entry_id)
    lock_for_update(session, Project, entry.project_id)
    common.check_version(entry, version)
    for key, value in _validate_entry(data).items():
        setattr(entry, key, value)
    project = entry.project
    entries = [e for e in project.progress if e.deleted_at is None]
    _check_sequence(entries)
    _follow_log(project, entries)
    common.flush(session)
    return entry


def delete_progress(session: Session, entry_id: int, version: int | None = None) -> ProgressEntry:
    entry = common.get_record(session, ProgressEntry, entry_id)
    lock_for_update(session, Project, entry.project_id)
    entry = common.soft_delete(session, ProgressEntry, entry_id, version)
    _follow_log(entry.project, list(entry.project.progress))
    common.flush(session)
    return entry
