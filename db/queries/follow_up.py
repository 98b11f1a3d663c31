"""Which projects need follow-up: amber after N months without a progress entry, red after M.

A project with no entry counts from its signing date; terminated projects and those
at target output are never stalled. Everything takes `today` so tests can fix it.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date

from sqlalchemy import ColumnElement, Connection, and_, func
from sqlalchemy.orm import Session

from db.enums import Stage
from db.models import Project
from db.services import settings

AMBER, RED, ANY = "amber", "red", "any"
LEVELS = (AMBER, RED, ANY)
# Stages that need no more follow-up.
SETTLED = (Stage.TERMINATED, Stage.TARGET)
MAX_MONTHS = 120


@dataclass(frozen=True)
class Thresholds:
    amber: int = 2
    red: int = 3


def months_before(day: date, months: int) -> date:
    """The same day `months` calendar months earlier (the month's last day if shorter)."""
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    return date(year, month, min(day.day, monthrange(year, month)[1]))


def _month_setting(conn: Connection | Session, key: str) -> int:
    try:
        value = int(settings.get(conn, key))
    except ValueError:
        value = int(settings.DEFAULTS[key])
    return max(1, min(value, MAX_MONTHS))


def thresholds(conn: Connection | Session) -> Thresholds:
    """The stored thresholds; unreadable or inconsistent values fall back to the defaults."""
    amber, red = _month_setting(conn, "amber_months"), _month_setting(conn, "red_months")
    if red < amber:
        return Thresholds()
    return Thresholds(amber, red)


def level(
    stage: Stage | str | None,
    signed_date: date | None,
    last_progress_date: date | None,
    today: date,
    limits: Thresholds,
) -> str | None:
    """ "red", "amber" or None for one project (the table's colours)."""
    if stage in SETTLED or stage is None:
        return None
    since = last_progress_date or signed_date
    if since is None:
        return None
    if since <= months_before(today, limits.red):
        return RED
    if since <= months_before(today, limits.amber):
        return AMBER
    return None


def since_expr() -> ColumnElement:
    """The date a project's silence counts from: its latest entry, else its signing."""
    return func.coalesce(Project.last_progress_date, Project.signed_date)


def condition(which: str, today: date, limits: Thresholds) -> ColumnElement[bool]:
    """SQL for projects at `which` level: "amber" (amber, not yet red), "red", or "any"."""
    if which not in LEVELS:
        raise ValueError(f"unknown follow-up level: {which}")
    since = since_expr()
    red_cut, amber_cut = months_before(today, limits.red), months_before(today, limits.amber)
    live = Project.stage.notin_([s.value for s in SETTLED])
    if which == RED:
        return and_(live, since <= red_cut)
    if which == AMBER:
        return and_(live, since <= amber_cut, since > red_cut)
    return and_(live, since <= amber_cut)  # red >= amber months, so red is inside
