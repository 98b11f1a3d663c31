"""Bulk loads and the SQLite project search index (FTS5, migration 0002).

Row-by-row triggers keep the index right for ordinary writes; a bulk load of
hundreds of thousands of rows is far faster with the triggers lifted and the index
rebuilt in one statement afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection

TRIGGERS = (
    "project_fts_insert",
    "project_fts_update",
    "project_fts_delete",
    "project_fts_unit_renamed",
)


def has_project_index(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite" and bool(
        conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'project_fts'"
        ).first()
    )


@contextmanager
def bulk_load(conn: Connection) -> Iterator[None]:
    """Lift the index triggers for a bulk insert, then rebuild the index (same transaction)."""
    if not has_project_index(conn):
        yield
        return
    saved = [
        row[0]
        for row in conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'project_fts_%'"
        )
    ]
    for name in TRIGGERS:
        conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
    yield
    rebuild_project_index(conn)
    for sql in saved:
        conn.exec_driver_sql(sql)


def rebuild_project_index(conn: Connection) -> None:
    conn.exec_driver_sql("DELETE FROM project_fts")
    conn.exec_driver_sql(
        """INSERT INTO project_fts(rowid, text)
        SELECT p.id, p.name || ' ' || coalesce(p.code, '') || ' ' ||
               coalesce(u.name || ' ' || coalesce(u.short_name, ''), '') || ' ' ||
               coalesce(p.host_locality, '')
        FROM project p LEFT JOIN unit u ON u.id = p.investor_id"""
    )
