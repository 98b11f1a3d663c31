"""Bulk loads and the SQLite project search indexes (FTS5, migrations 0002 and 0003).

project_fts (trigram) finds words of three characters or more; project_fts_chars
(one token per character) finds shorter ones as a phrase. Row-by-row triggers keep
both right for ordinary writes; a bulk load of hundreds of thousands of rows is far
faster with the triggers (and the table's indexes) lifted and everything rebuilt
once afterwards.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

# Characters past this are left out of the short-word index (migration 0003).
CHARS_TEXT_MAX = 1200

PROJECT_TEXT = """p.name || ' ' || coalesce(p.code, '') || ' ' ||
    coalesce(u.name || ' ' || coalesce(u.short_name, ''), '') || ' ' ||
    coalesce(p.host_locality, '')"""


def has_project_index(conn: Connection) -> bool:
    return _has_table(conn, "project_fts")


def has_chars_index(conn: Connection) -> bool:
    return _has_table(conn, "project_fts_chars")


def _has_table(conn: Connection, name: str) -> bool:
    return conn.dialect.name == "sqlite" and bool(
        conn.exec_driver_sql(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
        ).first()
    )


def spaced_characters(text: str | None) -> str | None:
    """The text as project_fts_chars indexes it: every character a token."""
    return None if text is None else " ".join(text[:CHARS_TEXT_MAX])


# FTS5 keeps new terms in memory up to this size before writing them out as a
# segment that later merges cost again; a bulk fill writes once at the end instead.
BULK_HASH_BYTES = 128 * 1024 * 1024
DEFAULT_HASH_BYTES = 1024 * 1024  # FTS5's own default
SEARCH_TABLES = ("project_fts", "project_fts_chars")


def project_search_text(
    name: str,
    code: str | None,
    investor_name: str | None,
    investor_short_name: str | None,
    host_locality: str | None,
) -> str:
    """The text a project is found by, as PROJECT_TEXT (and the triggers) make it."""
    investor = "" if investor_name is None else f"{investor_name} {investor_short_name or ''}"
    return f"{name} {code or ''} {investor} {host_locality or ''}"


@contextmanager
def bulk_load(conn: Connection, tables: Sequence[str] = ()) -> Iterator[None]:
    """Lift the search index triggers (and, on SQLite, the named indexes of `tables`)
    for a bulk insert, then rebuild them in the same transaction: building an index
    once from sorted keys is faster than keeping it up row by row."""
    with lifted_indexes(conn, tables), _lifted_search_index(conn):
        yield


@contextmanager
def lifted_indexes(conn: Connection, tables: Sequence[str]) -> Iterator[None]:
    """Drop the indexes of `tables` (those sqlite_master has SQL for: not the ones
    UNIQUE constraints make) and create them again afterwards."""
    if conn.dialect.name != "sqlite" or not tables:
        yield
        return
    _open_transaction(conn)
    marks = ", ".join("?" * len(tables))
    saved = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({marks})",
        tuple(tables),
    ).all()
    for name, _sql in saved:
        conn.exec_driver_sql(f'DROP INDEX "{name}"')
    with _put_back(conn, "index", saved):
        yield


@contextmanager
def lifted_search_triggers(conn: Connection) -> Iterator[None]:
    """Drop the triggers that keep the search indexes, and create them again afterwards
    (the caller fills the indexes itself)."""
    if not has_project_index(conn):
        yield
        return
    _open_transaction(conn)
    saved = conn.exec_driver_sql(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'project_fts%'"
    ).all()
    for name, _sql in saved:
        conn.exec_driver_sql(f'DROP TRIGGER IF EXISTS "{name}"')
    with _put_back(conn, "trigger", saved):
        yield


@contextmanager
def _put_back(conn: Connection, kind: str, saved: Sequence) -> Iterator[None]:
    """Create the dropped indexes or triggers again after the body, also when it
    fails (a caller that committed part-way could not roll the drops back)."""
    try:
        yield
    except BaseException:
        with suppress(Exception):  # the body's failure is what the caller must hear of
            _create_missing(conn, kind, saved)
        raise
    _create_missing(conn, kind, saved)


def _create_missing(conn: Connection, kind: str, saved: Sequence) -> None:
    present = {
        name
        for (name,) in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = ?", (kind,)
        )
    }
    for name, sql in saved:
        if name not in present:
            conn.exec_driver_sql(sql)


def _open_transaction(conn: Connection) -> None:
    """pysqlite runs DDL outside any transaction unless one is already open (it begins
    one only before INSERT/UPDATE/DELETE): open it, so that a failure's rollback
    brings the dropped indexes and triggers back with everything else."""
    if not conn.connection.driver_connection.in_transaction:
        conn.exec_driver_sql("BEGIN")


@contextmanager
def _lifted_search_index(conn: Connection) -> Iterator[None]:
    with lifted_search_triggers(conn):
        yield
        if has_project_index(conn):
            rebuild_project_index(conn)


@contextmanager
def fts_bulk_mode(conn: Connection) -> Iterator[None]:
    """Let the search indexes gather a bulk fill in memory (BULK_HASH_BYTES each) and
    write it at the commit; afterwards the file holds FTS5's default setting again."""
    tables = [t for t in SEARCH_TABLES if _has_table(conn, t)]
    for table in tables:
        _set_hash_size(conn, table, BULK_HASH_BYTES)
    yield  # a failure rolls the setting back with the rest of the transaction
    for table in tables:
        _set_hash_size(conn, table, DEFAULT_HASH_BYTES)
        # The setting FTS5 stored is the default's value now; without the row the
        # file is as the migrations made it.
        conn.exec_driver_sql(f"DELETE FROM {table}_config WHERE k = 'hashsize'")


def _set_hash_size(conn: Connection, table: str, size: int) -> None:
    conn.exec_driver_sql(f"INSERT INTO {table}({table}, rank) VALUES ('hashsize', ?)", (size,))


def rebuild_project_index(conn: Connection) -> None:
    """Fill the search indexes from the project rows (replacing what they held)."""
    source = f"SELECT p.id, {PROJECT_TEXT} FROM project p LEFT JOIN unit u ON u.id = p.investor_id"
    with fts_bulk_mode(conn):
        conn.exec_driver_sql("DELETE FROM project_fts")
        conn.exec_driver_sql(f"INSERT INTO project_fts(rowid, text) {source}")
        if has_chars_index(conn):
            conn.connection.driver_connection.create_function(
                "ftz_spaced", 1, spaced_characters, deterministic=True
            )
            conn.exec_driver_sql("DELETE FROM project_fts_chars")
            conn.exec_driver_sql(
                "INSERT INTO project_fts_chars(rowid, text) "
                "SELECT rowid, ftz_spaced(text) FROM project_fts"
            )
