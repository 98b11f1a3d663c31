"""The numbers of the Overview tab: aggregate queries only, never rows of a whole table.

Each function is one grouped select (or a short, limited one for the stalled list),
so the overview stays quick on a million projects.
"""

from __future__ import annotations

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
    """Live projects counted and summed per (stage, field, follow-up level): one scan
    of the table gives the stage figures, the field chart and the warning counts."""

    rows: list[tuple[Stage, int, str, int, Decimal, Decimal]]


def project_totals(conn: Connection, today: date) -> ProjectTotals:
    limits = follow_up.thresholds(conn)
    level = case(
        (follow_up.condition(follow_up.RED, today, limits), follow_up.RED),
        (follow_up.condition(follow_up.AMBER, today, limits), follow_up.AMBER),
        else_="",
    )
    # Grouped in an outer query: PostgreSQL refuses a GROUP BY on a CASE whose bound
    # dates are separate parameters from the select list's.
    inner = (
        select(
            Project.stage,
            Project.field_id,
            level.label("level"),
            Project.investment,
            Project.funds_arrived,
        )
        .where(Project.deleted_at.is_(None))
        .subquery()
    )
    query = select(
        inner.c.stage,
        inner.c.field_id,
        inner.c.level,
        func.count(),
        func.coalesce(func.sum(inner.c.investment), 0),
        func.coalesce(func.sum(inner.c.funds_arrived), 0),
    ).group_by(inner.c.stage, inner.c.field_id, inner.c.level)
    return ProjectTotals(
        [(Stage(s), f, lv, n, Decimal(i), Decimal(a)) for s, f, lv, n, i, a in conn.execute(query)]
    )


def stage_figures(totals: ProjectTotals) -> list[StageFigure]:
    """Per stage in workflow order: count, contracted and arrived amounts."""
    out = {s: StageFigure(s, 0, Decimal(0), Decimal(0)) for s in STAGES}
    for stage, _field, _level, n, investment, funds in totals.rows:
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
    for _stage, field_id, _level, n, investment, _funds in totals.rows:
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
    for _stage, _field, level, n, _inv, _funds in totals.rows:
        if level in out:
            out[level] += n
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
