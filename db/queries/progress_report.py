"""The figures of the monthly progress report: each followed project's stage at the
start and the end of a month, its entries during the month and the problems raised.

Two selects (projects signed by the month's end; their entries up to it), then one
pass in Python: an entry list per project is short, whatever the number of projects.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from itertools import groupby
from typing import Any

from sqlalchemy import Connection, select

from db.enums import Stage
from db.models import IndustryField, ProgressEntry, Project, Unit
from db.queries.lists import ref_name


@dataclass
class MonthRow:
    id: int
    name: str
    investor: str
    field: str
    investment: Decimal
    signed_date: date
    start_stage: Stage | None  # None: signed during the month
    end_stage: Stage
    funds_arrived: Decimal  # to date at the month's end
    entries: list[dict[str, Any]] = field(default_factory=list)  # during the month

    @property
    def problems(self) -> list[str]:
        return [e["problems"] for e in self.entries if e["problems"]]


def month_bounds(month: date) -> tuple[date, date]:
    """First and last day of the month `month` falls in."""
    first = month.replace(day=1)
    return first, first.replace(day=monthrange(first.year, first.month)[1])


def _projects(conn: Connection, end: date) -> list[dict]:
    query = (
        select(
            Project.id,
            Project.name,
            Unit.name.label("investor"),
            ref_name(IndustryField).label("field"),
            Project.investment,
            Project.signed_date,
        )
        .join(Unit, Unit.id == Project.investor_id)
        .join(IndustryField, IndustryField.id == Project.field_id)
        .where(Project.deleted_at.is_(None), Project.signed_date <= end)
        .order_by(Project.signed_date, Project.id)
    )
    return [dict(r) for r in conn.execute(query).mappings()]


def _entries(conn: Connection, end: date) -> dict[int, list[dict]]:
    query = (
        select(
            ProgressEntry.project_id,
            ProgressEntry.entry_date,
            ProgressEntry.stage,
            ProgressEntry.description,
            ProgressEntry.problems,
            ProgressEntry.funds_arrived,
        )
        .join(Project, Project.id == ProgressEntry.project_id)
        .where(
            ProgressEntry.deleted_at.is_(None),
            Project.deleted_at.is_(None),
            ProgressEntry.entry_date <= end,
        )
        .order_by(ProgressEntry.project_id, ProgressEntry.entry_date, ProgressEntry.id)
    )
    rows = (dict(r) for r in conn.execute(query).mappings())
    return {pid: list(group) for pid, group in groupby(rows, key=lambda r: r["project_id"])}


def _stage_on(project: dict, entries: list[dict], before: date) -> Stage | None:
    """The stage at the start of `before` (None if not yet signed then)."""
    if project["signed_date"] >= before:
        return None
    earlier = [e for e in entries if e["entry_date"] < before]
    return Stage(earlier[-1]["stage"]) if earlier else Stage.SIGNED


def month_rows(conn: Connection, month: date) -> list[MonthRow]:
    """Every project followed in the month: signed by its end and not terminated before it."""
    start, end = month_bounds(month)
    entries = _entries(conn, end)
    out = []
    for p in _projects(conn, end):
        log = entries.get(p["id"], [])
        start_stage = _stage_on(p, log, start)
        if start_stage == Stage.TERMINATED:
            continue
        funds = [e["funds_arrived"] for e in log if e["funds_arrived"] is not None]
        out.append(
            MonthRow(
                id=p["id"],
                name=p["name"],
                investor=p["investor"],
                field=p["field"],
                investment=Decimal(p["investment"]),
                signed_date=p["signed_date"],
                start_stage=start_stage,
                end_stage=Stage(log[-1]["stage"]) if log else Stage.SIGNED,
                funds_arrived=Decimal(funds[-1]) if funds else Decimal(0),
                entries=[e for e in log if e["entry_date"] >= start],
            )
        )
    return out
