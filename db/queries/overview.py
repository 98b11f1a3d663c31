"""The numbers of the Overview tab: aggregate queries only, never rows of a whole table.

Each function is one grouped select (or a short, limited one for the stalled list);
the projects are read in one pass for the stage, field and warning figures together.
`overview_figures()` reads everything the tab shows in one go: the tab calls it on a
worker thread, since on a million projects that pass still takes a while
(bench/bench_overview.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from sqlalchemy import Connection, case, extract, func, select

from db.enums import STAGE_ORDER, Recognition, Stage
from db.models import Case, IndustryField, Meeting, Project
from db.queries import follow_up
from db.queries.lists import ref_name
from db.queries.reports import in_period

STAGES: tuple[Stage, ...] = (*STAGE_ORDER, Stage.TERMINATED)
STALLED_SHOWN = 200  # the list shows the longest-silent ones; the counts are exact


@dataclass
class StageFigure:
    stage: Stage
    count: int
    investment: Decimal
    funds_arrived: Decimal


def _year(col, year: int):
    return in_period(col, date(year, 1, 1), date(year, 12, 31))


def meetings_in_year(conn: Connection, year: int) -> int:
    query = select(func.count(Meeting.id)).where(
        Meeting.deleted_at.is_(None), _year(Meeting.start_date, year)
    )
    return conn.execute(query).scalar_one()


def cases_by_recognition(conn: Connection) -> dict[Recognition, int]:
    """Live cases per recognition level, every level present (zeros included)."""
    query = (
        select(Case.recognition, func.count(Case.id))
        .where(Case.deleted_at.is_(None))
        .group_by(Case.recognition)
    )
    found = {Recognition(r): n for r, n in conn.execute(query)}
    return {level: found.get(level, 0) for level in Recognition}


@dataclass
class ProjectTotals:
    """Live projects counted and summed per (stage, field), with how many of each group
    are red and how many are amber: one pass over the projects gives the stage figures,
    the field chart and the warning counts."""

    rows: list[tuple[Stage, int, int, Decimal, Decimal, int, int]]


def _counted(condition) -> Any:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


def project_totals(conn: Connection, today: date) -> ProjectTotals:
    """One grouped select over the live projects, grouped by plain columns only (an
    index on (deleted_at, stage, field_id, ...) holding the summed columns answers it
    without reading the table)."""
    limits = follow_up.thresholds(conn)
    since = follow_up.since_expr()
    red_cut = follow_up.months_before(today, limits.red)
    amber_cut = follow_up.months_before(today, limits.amber)
    query = (
        select(
            Project.stage,
            Project.field_id,
            func.count(),
            func.coalesce(func.sum(Project.investment), 0),
            func.coalesce(func.sum(Project.funds_arrived), 0),
            _counted(since <= red_cut),
            _counted(since <= amber_cut),  # red ones included: red months >= amber months
        )
        .where(Project.deleted_at.is_(None))
        .group_by(Project.stage, Project.field_id)
    )
    rows = []
    for stage, field_id, n, investment, funds, red, amber_or_red in conn.execute(query):
        stage = Stage(stage)
        if stage in follow_up.SETTLED:  # never stalled, however long silent
            red = amber_or_red = 0
        rows.append(
            (stage, field_id, n, Decimal(investment), Decimal(funds), red, amber_or_red - red)
        )
    return ProjectTotals(rows)


def stage_figures(totals: ProjectTotals) -> list[StageFigure]:
    """Per stage in workflow order: count, contracted and arrived amounts."""
    out = {s: StageFigure(s, 0, Decimal(0), Decimal(0)) for s in STAGES}
    for stage, _field, n, investment, funds, _red, _amber in totals.rows:
        f = out[stage]
        f.count, f.investment, f.funds_arrived = (
            f.count + n,
            f.investment + investment,
            f.funds_arrived + funds,
        )
    return list(out.values())


def field_figures(conn: Connection, totals: ProjectTotals) -> list[dict[str, Any]]:
    """Industry fields with projects, in their order: id, name, count, investment."""
    sums: dict[int, list] = {}
    for _stage, field_id, n, investment, _funds, _red, _amber in totals.rows:
        entry = sums.setdefault(field_id, [0, Decimal(0)])
        entry[0] += n
        entry[1] += investment
    query = select(IndustryField.id, ref_name(IndustryField).label("name")).order_by(
        IndustryField.sort_order, IndustryField.id
    )
    return [
        {"id": fid, "name": name, "count": sums[fid][0], "investment": sums[fid][1]}
        for fid, name in conn.execute(query)
        if fid in sums
    ]


def stalled_figures(totals: ProjectTotals) -> dict[str, int]:
    """How many live projects are red and how many amber (amber excludes red)."""
    out = {follow_up.RED: 0, follow_up.AMBER: 0}
    for _stage, _field, _n, _inv, _funds, red, amber in totals.rows:
        out[follow_up.RED] += red
        out[follow_up.AMBER] += amber
    return out


def projects_by_stage(conn: Connection, today: date | None = None) -> list[StageFigure]:
    return stage_figures(project_totals(conn, today or date.today()))


def investment_by_field(conn: Connection, today: date | None = None) -> list[dict[str, Any]]:
    return field_figures(conn, project_totals(conn, today or date.today()))


def stalled_counts(conn: Connection, today: date) -> dict[str, int]:
    return stalled_figures(project_totals(conn, today))


def funds_totals(figures: list[StageFigure]) -> tuple[Decimal, Decimal]:
    """Contracted and arrived amounts over all live projects (from the stage figures)."""
    return (
        sum((f.investment for f in figures), Decimal(0)),
        sum((f.funds_arrived for f in figures), Decimal(0)),
    )


def signings_per_month(conn: Connection, year: int) -> list[int]:
    """Projects signed in each month of the year (12 numbers, January first)."""
    month = extract("month", Project.signed_date)
    query = (
        select(month, func.count(Project.id))
        .where(Project.deleted_at.is_(None), _year(Project.signed_date, year))
        .group_by(month)
    )
    out = [0] * 12
    for m, n in conn.execute(query):
        out[int(m) - 1] = n
    return out


def latest_year(conn: Connection, today: date) -> int:
    """This year if it has meetings or signings, else the latest year that has (the
    overview opens on figures, not on an empty January)."""
    latest = [
        conn.execute(
            select(func.max(Meeting.start_date)).where(
                Meeting.deleted_at.is_(None), Meeting.start_date <= today
            )
        ).scalar(),
        conn.execute(
            select(func.max(Project.signed_date)).where(
                Project.deleted_at.is_(None), Project.signed_date <= today
            )
        ).scalar(),
    ]
    years = [d.year for d in latest if d is not None]
    return max(years) if years else today.year


def stalled_projects(
    conn: Connection, today: date, limit: int = STALLED_SHOWN
) -> list[dict[str, Any]]:
    """The red and amber projects, longest silent first, with their level.

    Silent since the signing (no entry) and silent since the latest entry are read
    apart, each along its date's index, and merged: ordering by the COALESCE of
    the two would sort the whole table."""
    limits = follow_up.thresholds(conn)
    cut = follow_up.months_before(today, limits.amber)
    live = (
        Project.deleted_at.is_(None),
        Project.stage.notin_([s.value for s in follow_up.SETTLED]),
    )
    cols = (Project.id, Project.name, Project.stage, Project.signed_date)
    never = (
        select(*cols, Project.signed_date.label("since"))
        .where(*live, Project.last_progress_date.is_(None), Project.signed_date <= cut)
        .order_by(Project.signed_date, Project.id)
        .limit(limit)
    )
    logged = (
        select(*cols, Project.last_progress_date.label("since"))
        .where(*live, Project.last_progress_date <= cut)
        .order_by(Project.last_progress_date, Project.id)
        .limit(limit)
    )
    rows = [dict(r) for q in (never, logged) for r in conn.execute(q).mappings()]
    rows = sorted(rows, key=lambda r: (r["since"], r["id"]))[:limit]
    for r in rows:
        r["level"] = follow_up.level(r["stage"], r["signed_date"], r["since"], today, limits)
    return rows


@dataclass
class OverviewFigures:
    """Everything the Overview tab shows, read in one go (on a worker thread)."""

    today: date
    year: int  # the year of the meetings figure and the signings chart
    latest_year: int  # the year the overview opens on (latest_year())
    meetings: int
    cases: dict[Recognition, int]
    stages: list[StageFigure]
    fields: list[dict[str, Any]]
    follow_up: dict[str, int]
    months: list[int]
    stalled: list[dict[str, Any]]


def overview_figures(
    conn: Connection,
    today: date,
    year: int | None = None,
    progress: Callable[[int, int], bool] | None = None,
) -> OverviewFigures | None:
    """The Overview's figures for `year` (None: the latest year with records).

    progress(done, total) is called between the queries (the import's convention);
    when it answers False nobody wants these figures any more: None is returned.
    """
    steps: list[Callable[[], Any]] = [
        lambda: latest_year(conn, today),
        lambda: cases_by_recognition(conn),
        lambda: project_totals(conn, today),  # the one pass over the projects
        lambda: stalled_projects(conn, today),
    ]
    results = []
    for done, step in enumerate(steps):
        if progress is not None and progress(done, len(steps)) is False:
            return None
        results.append(step())
    latest, cases, totals, stalled = results
    year = year or latest
    stages = stage_figures(totals)
    return OverviewFigures(
        today=today,
        year=year,
        latest_year=latest,
        meetings=meetings_in_year(conn, year),
        cases=cases,
        stages=stages,
        fields=field_figures(conn, totals),
        follow_up=stalled_figures(totals),
        months=signings_per_month(conn, year),
        stalled=stalled,
    )
