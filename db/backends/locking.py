"""Hold a record until the transaction ends, so reading it and then changing it cannot race.

Adding a progress entry rewrites its project's stage and last-progress date. Two clerks
adding entries to one project at the same moment would otherwise both read the same
project version, and the later save would fail as a conflict nobody caused. With the
lock the second save waits for the first and then reads the project as it now is.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import RecordMixin

LOCKED = "locked_rows"


def lock_for_update(session: Session, model: type[RecordMixin], record_id: int) -> None:
    """Lock one record's row for this transaction (the whole file on SQLite)."""
    conn = session.connection()
    if conn.dialect.name == "sqlite":
        # SQLite has one writer at a time: take the write lock now (waiting out the
        # busy timeout) instead of at the first INSERT, after the reads.
        dbapi = conn.connection.dbapi_connection
        if dbapi is not None and not dbapi.in_transaction:
            conn.exec_driver_sql("BEGIN IMMEDIATE")  # errors come wrapped, like any query's
        return
    key = (id(session.get_transaction()), model.__tablename__, record_id)
    locked = session.info.setdefault(LOCKED, set())
    if key not in locked:
        session.execute(select(model.id).where(model.id == record_id).with_for_update())
        locked.add(key)
