"""List queries for the record tabs, the list reports and `list`: ids, then rows.

A tab asks for the ordered ids of its filter (one narrow query), then fetches the
rows it shows in windows by id (DESIGN.md rule 3). Each kind's columns are
declared once here, so the table, the report and the command line agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import (
    Case as SqlCase,
)
from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    func,
    inspect,
    select,
)
from sqlalchemy.orm import aliased
from sqlalchemy.sql.util import find_tables

from db.enums import STAGE_ORDER, Stage
from db.lang import current_language
from db.models import (
    Alliance,
    AllianceMember,
    Case,
    CaseCategory,
    CaseMeeting,
    CaseUnit,
    ChairTerm,
    IndustryField,
    Meeting,
    MeetingHost,
    MeetingKind,
    Project,
    Unit,
)
from db.queries import follow_up
from db.queries.search import names_agg, text_matches

KINDS = ("meetings", "cases", "projects", "alliances", "units")


@dataclass(frozen=True)
class Col:
    """One column of a list: its key, label key, value type and SQL."""

    key: str
    label: str
    kind: str  # text, date, amount, int, enum:<family>
    expr: Callable[[], ColumnElement]
    sort: Callable[[], ColumnElement] | None = None


@dataclass
class ListFilter:
    text: str = ""
    year: int | None = None
    category_id: int | None = None  # case category
    field_id: int | None = None  # industry field
    kind_id: int | None = None  # meeting kind
    stage: Stage | str | None = None
    province: str | None = None
    meeting_id: int | None = None
    deleted: bool = False
    ids: Sequence[int] | None = None
    follow_up: str | None = None  # projects: "amber", "red" or "any" (db.queries.follow_up)
    recognition: str | None = None  # cases: a recognition level
    today: date | None = None  # the day follow-up counts to (None: today; fixed in tests)


@dataclass(frozen=True)
class Join:
    """A to-one join from the list's table; taken only by queries that need it."""

    target: object
    on: Callable[[], ColumnElement[bool]]
    outer: bool = False


@dataclass(frozen=True)
class ListSpec:
    kind: str
    model: type
    columns: list[Col]
    search: Callable[[], list[ColumnElement]]
    year_col: Callable[[], ColumnElement] | None
    default_sort: list[tuple[str, bool]]
    joins: list[Join] = field(default_factory=list)

    def column(self, key: str) -> Col:
        return next(c for c in self.columns if c.key == key)


def ref_name(model) -> ColumnElement:
    """A reference entry's name in the current language."""
    return model.name_zh if current_language() == "zh" else model.name_en


# --- aliases used by the projects list ---------------------------------------
Investor = aliased(Unit, name="investor")
Responsible = aliased(Unit, name="responsible")
SignedAt = aliased(Meeting, name="signed_at")


def _stage_sort() -> ColumnElement:
    whens = {s.value: i for i, s in enumerate((*STAGE_ORDER, Stage.TERMINATED))}
    return SqlCase(whens, value=Project.stage)


def _hosts_of_meeting() -> ColumnElement:
    return (
        select(names_agg(Unit.name))
        .select_from(MeetingHost)
        .join(Unit, Unit.id == MeetingHost.unit_id)
        .where(MeetingHost.meeting_id == Meeting.id)
        .scalar_subquery()
    )


def _meeting_projects(what) -> ColumnElement:
    return (
        select(what)
        .where(Project.meeting_id == Meeting.id, Project.deleted_at.is_(None))
        .scalar_subquery()
    )


def case_unit_names(role: str) -> ColumnElement:
    """A case's units of one role, joined with 、 (correlated to Case)."""
    return (
        select(names_agg(Unit.name))
        .select_from(CaseUnit)
        .join(Unit, Unit.id == CaseUnit.unit_id)
        .where(CaseUnit.case_id == Case.id, CaseUnit.role == role)
        .scalar_subquery()
    )


def _case_meetings() -> ColumnElement:
    return (
        select(names_agg(Meeting.title))
        .select_from(CaseMeeting)
        .join(Meeting, Meeting.id == CaseMeeting.meeting_id)
        .where(CaseMeeting.case_id == Case.id, Meeting.deleted_at.is_(None))
        .scalar_subquery()
    )


def _member_count() -> ColumnElement:
    return (
        select(func.count(AllianceMember.id))
        .where(
            AllianceMember.alliance_id == Alliance.id,
            AllianceMember.left_date.is_(None),
            AllianceMember.deleted_at.is_(None),
        )
        .scalar_subquery()
    )


def _current_chair() -> ColumnElement:
    return (
        select(Unit.name)
        .select_from(ChairTerm)
        .join(Unit, Unit.id == ChairTerm.unit_id)
        .where(
            ChairTerm.alliance_id == Alliance.id,
            ChairTerm.end_date.is_(None),
            ChairTerm.deleted_at.is_(None),
        )
        .limit(1)
        .scalar_subquery()
    )


SPECS: dict[str, ListSpec] = {
    "meetings": ListSpec(
        kind="meetings",
        model=Meeting,
        columns=[
            Col("title", "meeting.title", "text", lambda: Meeting.title),
            Col("kind", "meeting.kind", "text", lambda: ref_name(MeetingKind)),
            Col("start_date", "meeting.start_date", "date", lambda: Meeting.start_date),
            Col("end_date", "meeting.end_date", "date", lambda: Meeting.end_date),
            Col("city", "meeting.city", "text", lambda: Meeting.city),
            Col("venue", "meeting.venue", "text", lambda: Meeting.venue),
            Col("hosts", "meeting.hosts", "text", _hosts_of_meeting),
            Col(
                "projects",
                "meeting.projects",
                "int",
                lambda: _meeting_projects(func.count(Project.id)),
            ),
            Col(
                "investment",
                "meeting.investment",
                "amount",
                lambda: _meeting_projects(func.coalesce(func.sum(Project.investment), 0)),
            ),
        ],
        search=lambda: [
            Meeting.title,
            Meeting.city,
            Meeting.district,
            Meeting.venue,
            Meeting.summary,
        ],
        year_col=lambda: Meeting.start_date,
        default_sort=[("start_date", True)],
        joins=[Join(MeetingKind, lambda: MeetingKind.id == Meeting.kind_id)],
    ),
    "cases": ListSpec(
        kind="cases",
        model=Case,
        columns=[
            Col("title", "case.title", "text", lambda: Case.title),
            Col("code", "case.code", "text", lambda: Case.code),
            Col("category", "case.category", "text", lambda: ref_name(CaseCategory)),
            Col("scope", "case.scope", "enum:case_scope", lambda: Case.scope),
            Col("lead_units", "case.lead_units", "text", lambda: case_unit_names("lead")),
            Col("launch_date", "case.launch_date", "date", lambda: Case.launch_date),
            Col("recognition", "case.recognition", "enum:recognition", lambda: Case.recognition),
            Col(
                "recognition_batch", "case.recognition_batch", "int", lambda: Case.recognition_batch
            ),
            Col("meetings", "case.meetings", "text", _case_meetings),
        ],
        search=lambda: [Case.title, Case.code, Case.summary, Case.results],
        year_col=lambda: Case.launch_date,
        default_sort=[("launch_date", True), ("title", False)],
        joins=[Join(CaseCategory, lambda: CaseCategory.id == Case.category_id)],
    ),
    "projects": ListSpec(
        kind="projects",
        model=Project,
        columns=[
            Col("name", "project.name", "text", lambda: Project.name),
            Col("code", "project.code", "text", lambda: Project.code),
            Col("investor", "project.investor", "text", lambda: Investor.name),
            Col(
                "investor_origin",
                "project.investor_origin",
                "enum:investor_origin",
                lambda: Project.investor_origin,
            ),
            Col("field", "project.field", "text", lambda: ref_name(IndustryField)),
            Col("host_locality", "project.host_locality", "text", lambda: Project.host_locality),
            Col(
                "project_type",
                "project.project_type",
                "enum:project_type",
                lambda: Project.project_type,
            ),
            Col("investment", "project.investment", "amount", lambda: Project.investment),
            Col("funds_arrived", "project.funds_arrived", "amount", lambda: Project.funds_arrived),
            Col("signed_date", "project.signed_date", "date", lambda: Project.signed_date),
            Col("meeting", "project.meeting", "text", lambda: SignedAt.title),
            Col("stage", "project.stage", "enum:stage", lambda: Project.stage, sort=_stage_sort),
            Col("responsible_unit", "project.responsible_unit", "text", lambda: Responsible.name),
            Col(
                "last_progress_date",
                "project.last_progress_date",
                "date",
                lambda: Project.last_progress_date,
            ),
        ],
        search=lambda: [Project.name, Project.code, Investor.name, Project.host_locality],
        year_col=lambda: Project.signed_date,
        default_sort=[("signed_date", True)],
        joins=[
            Join(Investor, lambda: Investor.id == Project.investor_id),
            Join(IndustryField, lambda: IndustryField.id == Project.field_id),
            Join(SignedAt, lambda: SignedAt.id == Project.meeting_id, outer=True),
            Join(Responsible, lambda: Responsible.id == Project.responsible_unit_id, outer=True),
        ],
    ),
    "alliances": ListSpec(
        kind="alliances",
        model=Alliance,
        columns=[
            Col("name", "alliance.name", "text", lambda: Alliance.name),
            Col("short_name", "alliance.short_name", "text", lambda: Alliance.short_name),
            Col("founded_date", "alliance.founded_date", "date", lambda: Alliance.founded_date),
            Col("members", "alliance.members", "int", _member_count),
            Col("chair", "alliance.chair", "text", _current_chair),
            Col("secretariat", "alliance.secretariat", "text", lambda: Unit.name),
        ],
        search=lambda: [Alliance.name, Alliance.short_name, Alliance.description],
        year_col=lambda: Alliance.founded_date,
        default_sort=[("founded_date", True)],
        joins=[Join(Unit, lambda: Unit.id == Alliance.secretariat_unit_id, outer=True)],
    ),
    "units": ListSpec(
        kind="units",
        model=Unit,
        columns=[
            Col("name", "unit.name", "text", lambda: Unit.name),
            Col("short_name", "unit.short_name", "text", lambda: Unit.short_name),
            Col("kind", "unit.kind", "enum:unit_kind", lambda: Unit.kind),
            Col("province", "unit.province", "enum:province", lambda: Unit.province),
            Col("city", "unit.city", "text", lambda: Unit.city),
            Col("district", "unit.district", "text", lambda: Unit.district),
        ],
        search=lambda: [Unit.name, Unit.short_name, Unit.city, Unit.district],
        year_col=None,
        default_sort=[("name", False)],
    ),
}


def _where(
    spec: ListSpec, flt: ListFilter, dialect: str, conn: Connection | None = None
) -> list[ColumnElement[bool]]:
    model = spec.model
    conds: list[ColumnElement[bool]] = [
        model.deleted_at.isnot(None) if flt.deleted else model.deleted_at.is_(None)
    ]
    if flt.text.strip():
        conds.append(text_matches(spec.kind, model.id, spec.search(), flt.text, dialect))
    if flt.year and spec.year_col is not None:
        col = spec.year_col()
        conds.append(and_(col >= date(flt.year, 1, 1), col < date(flt.year + 1, 1, 1)))
    if flt.ids is not None:
        conds.append(model.id.in_(list(flt.ids)))
    conds.extend(_kind_filters(spec.kind, flt))
    if flt.follow_up and spec.kind == "projects" and conn is not None:
        conds.append(_follow_up(conn, flt))
    return conds


def _follow_up(conn: Connection, flt: ListFilter) -> ColumnElement[bool]:
    today = flt.today or date.today()
    return follow_up.condition(flt.follow_up, today, follow_up.thresholds(conn))


def _kind_filters(kind: str, flt: ListFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if kind == "projects":
        if flt.field_id:
            conds.append(Project.field_id == flt.field_id)
        if flt.stage:
            conds.append(Project.stage == Stage(flt.stage))
        if flt.meeting_id:
            conds.append(Project.meeting_id == flt.meeting_id)
        if flt.province:
            conds.append(Investor.province == flt.province)
    elif kind == "cases":
        if flt.recognition:
            conds.append(Case.recognition == flt.recognition)
        if flt.category_id:
            conds.append(Case.category_id == flt.category_id)
        if flt.province:
            conds.append(Case.scope == flt.province)
    elif kind == "meetings":
        if flt.kind_id:
            conds.append(Meeting.kind_id == flt.kind_id)
    elif kind == "units" and flt.province:
        conds.append(Unit.province == flt.province)
    return conds


def _order(spec: ListSpec, sort: Sequence[tuple[str, bool]] | None) -> list[ColumnElement]:
    order = []
    for key, desc in list(sort or []) or spec.default_sort:
        col = spec.column(key)
        expr = (col.sort or col.expr)()
        order.append(expr.desc() if desc else expr.asc())
    # Ties broken by id so paging and windows are stable.
    order.append(spec.model.id.desc() if (sort or spec.default_sort)[0][1] else spec.model.id.asc())
    return order


def _base(spec: ListSpec, *cols, needed: Sequence[ColumnElement] | None = None) -> Select:
    """select(cols) from the list's table with its joins: all of them, or (for id and
    count queries) only those the given expressions refer to. Every join is to-one
    and never drops a row, so leaving one out changes only the speed."""
    query = select(*cols).select_from(spec.model)
    used = None if needed is None else _tables_in(needed)
    for join in spec.joins:
        if used is None or inspect(join.target).selectable in used:
            query = query.join(join.target, join.on(), isouter=join.outer)
    return query


def _tables_in(exprs: Sequence[ColumnElement]) -> set:
    found: set = set()
    for expr in exprs:
        found.update(
            find_tables(expr, check_columns=True, include_aliases=True, include_joins=False)
        )
    return found


def list_ids(
    conn: Connection,
    kind: str,
    flt: ListFilter | None = None,
    sort: Sequence[tuple[str, bool]] | None = None,
    limit: int | None = None,
) -> list[int]:
    """The ordered ids of every record matching the filter (the first `limit` of them)."""
    spec = SPECS[kind]
    flt = flt or ListFilter()
    where, order = _where(spec, flt, conn.dialect.name, conn), _order(spec, sort)
    query = _base(spec, spec.model.id, needed=[*where, *order]).where(*where).order_by(*order)
    if limit is not None:
        query = query.limit(limit)
    # The driver's own rows, one at a time: a million ids come faster than through
    # SQLAlchemy's row objects (plain integers need no result processing), and no
    # list of a million rows is held besides the ids.
    return [row[0] for row in conn.execute(query).cursor]


def count(conn: Connection, kind: str, flt: ListFilter | None = None) -> int:
    spec = SPECS[kind]
    where = _where(spec, flt or ListFilter(), conn.dialect.name, conn)
    query = _base(spec, func.count(spec.model.id), needed=where).where(*where)
    return conn.execute(query).scalar_one()


def _row_select(spec: ListSpec) -> Select:
    cols = [spec.model.id.label("id")] + [c.expr().label(c.key) for c in spec.columns]
    return _base(spec, *cols)


def fetch_rows(conn: Connection, kind: str, ids: Sequence[int]) -> dict[int, dict]:
    """Rows by id (the window a table is about to paint), as dicts of column key -> value."""
    if not ids:
        return {}
    spec = SPECS[kind]
    out: dict[int, dict] = {}
    for start in range(0, len(ids), 500):
        chunk = list(ids[start : start + 500])
        for row in conn.execute(_row_select(spec).where(spec.model.id.in_(chunk))).mappings():
            out[row["id"]] = dict(row)
    return out


def list_rows(
    conn: Connection,
    kind: str,
    flt: ListFilter | None = None,
    sort: Sequence[tuple[str, bool]] | None = None,
    offset: int = 0,
    limit: int | None = None,
) -> list[dict]:
    """A page of rows in order (reports and the command line)."""
    spec = SPECS[kind]
    query = (
        _row_select(spec)
        .where(*_where(spec, flt or ListFilter(), conn.dialect.name, conn))
        .order_by(*_order(spec, sort))
    )
    query = query.offset(offset)
    if limit is not None:
        query = query.limit(limit)
    return [dict(r) for r in conn.execute(query).mappings()]
