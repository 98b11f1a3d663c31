"""List queries for the record tabs, the list reports and `list`: ids, then rows.

A tab asks for the ordered ids of its filter (one narrow query), then fetches the
rows it shows in windows by id (DESIGN.md rule 3). Each kind's columns are
declared once here, so the table, the report and the command line agree.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    SQLColumnExpression,
    and_,
    case,
    func,
    inspect,
    literal_column,
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
from db.queries.planner_hints import OuterFirst, unindexed
from db.queries.search import FTS_TABLES, names_agg, text_matches

KINDS = ("meetings", "cases", "projects", "alliances", "units")
# A column, a mapped attribute or an expression: what a list column's SQL may be.
Expr = SQLColumnExpression[Any]


@dataclass(frozen=True)
class Col:
    """One column of a list: its key, label key, value type and SQL."""

    key: str
    label: str
    kind: str  # text, date, amount, int, enum:<family>
    expr: Callable[[], Expr]
    sort: Callable[[], Expr] | None = None
    via: object | None = None  # the joined table (alias) whose name this column shows


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
    key: Callable[[], Expr] | None = None  # the foreign key it follows


@dataclass(frozen=True)
class ListSpec:
    kind: str
    model: type
    columns: list[Col]
    search: Callable[[], list[Expr]]
    year_col: Callable[[], Expr] | None
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
    """The stage's place in a project's life, terminated last: written with literals,
    as db.models.STAGE_RANK_SQL, so SQLite walks the index on that expression."""
    stages = enumerate((*STAGE_ORDER, Stage.TERMINATED))
    whens: list[tuple[Any, Any]] = [
        (literal_column(f"'{s.value}'"), literal_column(str(i))) for i, s in stages
    ]
    return case(*whens, value=Project.stage)


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
            Col("investor", "project.investor", "text", lambda: Investor.name, via=Investor),
            Col(
                "investor_origin",
                "project.investor_origin",
                "enum:investor_origin",
                lambda: Project.investor_origin,
            ),
            Col(
                "field", "project.field", "text", lambda: ref_name(IndustryField), via=IndustryField
            ),
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
            Col("meeting", "project.meeting", "text", lambda: SignedAt.title, via=SignedAt),
            Col("stage", "project.stage", "enum:stage", lambda: Project.stage, sort=_stage_sort),
            Col(
                "responsible_unit",
                "project.responsible_unit",
                "text",
                lambda: Responsible.name,
                via=Responsible,
            ),
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
            Join(
                Investor,
                lambda: Investor.id == Project.investor_id,
                key=lambda: Project.investor_id,
            ),
            Join(
                IndustryField,
                lambda: IndustryField.id == Project.field_id,
                key=lambda: Project.field_id,
            ),
            Join(
                SignedAt,
                lambda: SignedAt.id == Project.meeting_id,
                outer=True,
                key=lambda: Project.meeting_id,
            ),
            Join(
                Responsible,
                lambda: Responsible.id == Project.responsible_unit_id,
                outer=True,
                key=lambda: Project.responsible_unit_id,
            ),
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
    live: ColumnElement = model.deleted_at
    if dialect == "sqlite" and (flt.ids is not None or _searched_by_index(spec, flt)):
        # The rows come from a list of ids (the search index's or the caller's): each
        # is looked up by id. Else SQLite walks every live row's entry in an index
        # led by deleted_at to test it against the list (1 s for a million).
        live = unindexed(live)
    conds: list[ColumnElement[bool]] = [live.isnot(None) if flt.deleted else live.is_(None)]
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


def _searched_by_index(spec: ListSpec, flt: ListFilter) -> bool:
    return bool(flt.text.strip()) and spec.kind in FTS_TABLES


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


# --- order ---------------------------------------------------------------------


@dataclass(frozen=True)
class _Term:
    """One ORDER BY expression and the join its table comes from (None: the list's own)."""

    expr: ColumnElement
    desc: bool
    via: Join | None = None


def _terms(spec: ListSpec, sort: Sequence[tuple[str, bool]] | None) -> list[_Term]:
    """The sort's columns; after a joined record's name its id (two records of one
    name keep their rows apart); the list's id last, in the first column's direction:
    ties broken the same way every time, so windows and pages are stable."""
    keys = list(sort or []) or spec.default_sort
    terms = []
    for key, desc in keys:
        col = spec.column(key)
        join = _join_to(spec, col.via)
        terms.append(_Term((col.sort or col.expr)(), desc, join))
        if join is not None:
            terms.append(_Term(col.via.id, desc, join))  # type: ignore[attr-defined]
    terms.append(_Term(spec.model.id, keys[0][1]))
    return terms


def _join_to(spec: ListSpec, target: object | None) -> Join | None:
    return next((j for j in spec.joins if j.target is target), None) if target else None


def _order(terms: Sequence[_Term], dialect: str, indexed: bool) -> list[ColumnElement]:
    """ORDER BY; `indexed` False keeps SQLite from taking the order from an index."""
    order = []
    for term in terms:
        expr = term.expr if indexed or dialect != "sqlite" else unindexed(term.expr)
        expr = expr.desc() if term.desc else expr.asc()
        if dialect != "sqlite" and term.via is not None and term.via.outer:
            # No record: first ascending, last descending, as SQLite orders NULL.
            expr = expr.nulls_last() if term.desc else expr.nulls_first()
        order.append(expr)
    return order


# Filters whose index (revision 0003) ends in the column of the default sort: a
# list narrowed by these alone still takes that order from walking the index.
ORDERED_WITHIN: dict[str, tuple[str, set[str]]] = {
    "projects": ("signed_date", {"stage", "field_id", "year"}),
}
# Filters that find their rows through an index of their own: under them, SQLite
# sorts the rows found. Under the others (follow-up is worked out per row, the
# province is the investor's; both keep half the rows or more) it walks the sort's
# index and tests each row, which needs no sort and stops early under a LIMIT.
_INDEXED_FILTERS = ("year", "category_id", "field_id", "kind_id", "stage", "meeting_id")


def _indexed_filters_on(flt: ListFilter) -> set[str]:
    """The filters in effect that find their rows by an index (the recycle bin counts:
    it is small)."""
    on = {name for name in _INDEXED_FILTERS if getattr(flt, name)}
    on |= {"text"} if flt.text.strip() else set()
    on |= {"ids"} if flt.ids is not None else set()
    return on | ({"deleted"} if flt.deleted else set())


def _index_ordered(spec: ListSpec, flt: ListFilter, sort: Sequence | None) -> bool:
    """Whether the order should come from walking an index (SQLite), or from sorting
    what a filter's index finds. The walk reads each row once, in order, and stops
    early under a LIMIT; but under a filter keeping few rows, SQLite (which keeps no
    statistics) would walk through all the others too: a million read to keep a
    hundred."""
    on = _indexed_filters_on(flt)
    if not on:
        return True
    column, filters = ORDERED_WITHIN.get(spec.kind, ("", set()))
    return (list(sort or []) or spec.default_sort)[0][0] == column and on <= filters


# --- queries ---------------------------------------------------------------------


def _table(target: object):  # noqa: ANN202 - a Table or an Alias
    return inspect(target).selectable


def _base(
    spec: ListSpec,
    *cols,
    needed: Sequence[ColumnElement] | None = None,
    outside: Join | None = None,
) -> Select:
    """select(cols) from the list's table with its joins: all of them, or (for id and
    count queries) only those the given expressions refer to. Every join is to-one
    and never drops a row, so leaving one out changes only the speed.

    With `outside`, that join's table comes first and SQLite keeps it the outer loop,
    as every inner join after it (CROSS JOIN): the rows come in the order of that
    table's index walk. Only rows having such a record are selected then."""
    used = None if needed is None else _tables_in(needed)
    model = spec.model.__table__
    source = model if outside is None else OuterFirst(_table(outside.target), model, outside.on())
    for join in spec.joins:
        if join is outside or (used is not None and _table(join.target) not in used):
            continue
        if join.outer:
            source = source.outerjoin(_table(join.target), join.on())
        elif outside is not None:
            source = OuterFirst(source, _table(join.target), join.on())
        else:
            source = source.join(_table(join.target), join.on())
    return select(*cols).select_from(source)


def _tables_in(exprs: Sequence[ColumnElement]) -> set:
    found: set = set()
    for expr in exprs:
        found.update(
            find_tables(expr, check_columns=True, include_aliases=True, include_joins=False)
        )
    return found


def _ordered(
    conn: Connection,
    spec: ListSpec,
    flt: ListFilter,
    sort: Sequence[tuple[str, bool]] | None,
    cols: Sequence[ColumnElement],
    all_joins: bool,
) -> list[Select]:
    """The queries whose rows, one query after the other, are the list in order."""
    dialect = conn.dialect.name
    where, terms = _where(spec, flt, dialect, conn), _terms(spec, sort)
    indexed = dialect == "sqlite" and _index_ordered(spec, flt, sort)
    if indexed and terms[0].via is not None:
        return _by_joined_name(spec, cols, where, terms, all_joins)
    order = _order(terms, dialect, indexed)
    query = _base(spec, *cols, needed=None if all_joins else [*where, *order])
    return [query.where(*where).order_by(*order)]


def _by_joined_name(
    spec: ListSpec,
    cols: Sequence[ColumnElement],
    where: list[ColumnElement[bool]],
    terms: list[_Term],
    all_joins: bool,
) -> list[Select]:
    """Sorted by a joined record's name (SQLite, no filter with an index of its own):
    that table walked by its name index outside, each record's rows found by the
    foreign key inside (an index on it and deleted_at holds them in id order). Rows
    without the record, if it is optional, come as a second query: first ascending,
    last descending, as SQLite orders NULL."""
    lead = terms[0].via
    assert lead is not None
    order = _order(terms, "sqlite", True)
    needed = None if all_joins else [*where, *order]
    joined = _base(spec, *cols, needed=needed, outside=lead).where(*where).order_by(*order)
    if not lead.outer or lead.key is None:
        return [joined]
    order = _order([t for t in terms if t.via is not lead], "sqlite", True)
    where = [*where, lead.key().is_(None)]
    needed = None if all_joins else [*where, *order]
    without = _base(spec, *cols, needed=needed).where(*where).order_by(*order)
    return [joined, without] if terms[0].desc else [without, joined]


def list_ids(
    conn: Connection,
    kind: str,
    flt: ListFilter | None = None,
    sort: Sequence[tuple[str, bool]] | None = None,
    limit: int | None = None,
) -> list[int]:
    """The ordered ids of every record matching the filter (the first `limit` of them)."""
    spec = SPECS[kind]
    ids: list[int] = []
    for query in _ordered(conn, spec, flt or ListFilter(), sort, [spec.model.id], False):
        if limit is not None and len(ids) >= limit:
            break
        page = query if limit is None else query.limit(limit - len(ids))
        # The driver's own rows, one at a time: a million ids come faster than through
        # SQLAlchemy's row objects (plain integers need no result processing), and no
        # list of a million rows is held besides the ids.
        ids.extend(row[0] for row in conn.execute(page).cursor)
    return ids


def count(conn: Connection, kind: str, flt: ListFilter | None = None) -> int:
    spec = SPECS[kind]
    where = _where(spec, flt or ListFilter(), conn.dialect.name, conn)
    query = _base(spec, func.count(spec.model.id), needed=where).where(*where)
    return conn.execute(query).scalar_one()


def _row_columns(spec: ListSpec) -> list[ColumnElement]:
    return [spec.model.id.label("id")] + [c.expr().label(c.key) for c in spec.columns]


def _row_select(spec: ListSpec) -> Select:
    return _base(spec, *_row_columns(spec))


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
    """A page of rows in order (reports and the command line): the same queries and
    order as list_ids, with the row's columns."""
    spec = SPECS[kind]
    rows: list[dict] = []
    for query in _ordered(conn, spec, flt or ListFilter(), sort, _row_columns(spec), True):
        if limit is not None and len(rows) >= limit:
            break
        page = query.offset(offset) if offset else query
        page = page if limit is None else page.limit(limit - len(rows))
        found = [dict(r) for r in conn.execute(page).mappings()]
        # An empty page of an offset: this query's rows all lay before the page.
        offset = offset - min(offset, _count_of(conn, query)) if offset and not found else 0
        rows.extend(found)
    return rows


def _count_of(conn: Connection, query: Select) -> int:
    return conn.execute(
        select(func.count()).select_from(query.order_by(None).subquery())
    ).scalar_one()
