"""Database-wide settings (the reporting unit, warning thresholds)."""

from __future__ import annotations

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from db.models import Setting

DEFAULTS: dict[str, str] = {
    "reporting_unit": "",
    "amber_months": "2",
    "red_months": "3",
}


def get(conn: Connection | Session, key: str) -> str:
    value = conn.execute(select(Setting.value).where(Setting.key == key)).scalar()
    return DEFAULTS.get(key, "") if value is None else value


def put(session: Session, key: str, value: str) -> None:
    row = session.get(Setting, key)
    if row is None:
        session.add(Setting(key=key, value=value))
    else:
        row.value = value
    session.flush()
