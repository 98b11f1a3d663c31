"""The revision the program's migrations end at, known without loading Alembic.

Opening a ledger that is already up to date is the common case; answering it from
one SELECT spares the start-up Alembic's import (~0.3 s, more on a busy machine).
A test checks HEAD_REVISION against Alembic's own head, so a new revision cannot
be forgotten here.
"""

from __future__ import annotations

from sqlalchemy import Connection
from sqlalchemy.exc import SQLAlchemyError

HEAD_REVISION = "0005"


def is_at_head(conn: Connection) -> bool:
    """True when the database's stored revision is this program's head."""
    try:
        rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").all()
    except SQLAlchemyError:  # no such table: a new or foreign file, for ensure_schema
        conn.rollback()
        return False
    return [tuple(r) for r in rows] == [(HEAD_REVISION,)]
