"""Copy every record of one ledger into another, empty one (local file <-> server).

Rows are copied table by table as they are (ids, uuids, audit stamps, versions and the
whole audit log), in one transaction on the target: a failure leaves it unchanged.
Keeping the ids is safe because the target must be empty; on PostgreSQL the id
sequences are then moved past the copied ids so new records do not collide.
"""

from __future__ import annotations

from sqlalchemy import Connection, Table, delete, func, insert, select, text
from sqlalchemy.exc import SQLAlchemyError

from db.backends.messages import server_msg
from db.engine import Database
from db.errors import LedgerError
from db.labels import label
from db.lang import pick
from db.models import RECORD_MODELS, REFERENCE_MODELS, Base, Setting

CHUNK = 1000
# Tables a new ledger already fills (default lists and settings, written by the
# migrations): the target's copies are replaced by the source's.
SEEDED = {model.__tablename__ for model in REFERENCE_MODELS.values()} | {Setting.__tablename__}


def copied_tables() -> list[Table]:
    """Every table of the models, parents before children."""
    return list(Base.metadata.sorted_tables)


def row_counts(conn: Connection) -> dict[str, int]:
    return {
        table.name: conn.execute(select(func.count()).select_from(table)).scalar_one()
        for table in copied_tables()
    }


def _same_database(source: Database, target: Database) -> bool:
    if source.path is not None or target.path is not None:
        return (
            source.path is not None
            and target.path is not None
            and (source.path.resolve() == target.path.resolve())
        )
    return source.url.render_as_string(hide_password=True) == target.url.render_as_string(
        hide_password=True
    )


def check_target_empty(conn: Connection, target: Database) -> None:
    """Only a ledger with nothing but its default lists may receive a copy."""
    filled = {name: n for name, n in row_counts(conn).items() if n and name not in SEEDED}
    if filled:
        counts = describe_counts(filled)
        raise LedgerError(
            server_msg("copy.target_not_empty", target=target.display_name(), counts=counts)
        )


def _copy_table(source: Connection, target: Connection, table: Table) -> int:
    copied = 0
    order = list(table.primary_key.columns)
    result = source.execution_options(yield_per=CHUNK).execute(select(table).order_by(*order))
    for chunk in result.partitions():
        target.execute(insert(table), [dict(row._mapping) for row in chunk])
        copied += len(chunk)
    return copied


def _reset_sequences(conn: Connection) -> None:
    """Move PostgreSQL's id sequences past the ids copied in explicitly."""
    if conn.dialect.name != "postgresql":
        return
    for table in copied_tables():
        if "id" not in table.c or not table.c.id.primary_key:
            continue
        conn.execute(
            text(
                "SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                f"coalesce((SELECT max(id) FROM {table.name}), 1), "
                f"(SELECT max(id) FROM {table.name}) IS NOT NULL)"
            ),
            {"t": table.name},
        )


def copy_records(source: Database, target: Database) -> dict[str, int]:
    """Copy every row of `source` into the empty ledger `target`; the rows copied per table.

    Both databases must be open at the program's schema (open_database does that).
    Raises LedgerError with a clerk's message; the target is then unchanged.
    """
    if _same_database(source, target):
        raise LedgerError(server_msg("copy.same_database", target=target.display_name()))
    try:
        return _copy_all(source, target)
    except SQLAlchemyError as exc:
        detail = getattr(exc, "orig", None) or exc
        raise LedgerError(
            server_msg("copy.failed", target=target.display_name(), detail=detail)
        ) from exc


def _copy_all(source: Database, target: Database) -> dict[str, int]:
    copied: dict[str, int] = {}
    with source.read() as src, target.engine.begin() as dst:
        check_target_empty(dst, target)
        for table in reversed(copied_tables()):
            if table.name in SEEDED:
                dst.execute(delete(table))
        for table in copied_tables():
            copied[table.name] = _copy_table(src, dst, table)
        _reset_sequences(dst)
    return copied


def describe_counts(copied: dict[str, int]) -> str:
    """The records copied, by kind, and the history entries, for the clerk."""
    parts = [
        f"{label(f'kind.{key}')} {copied[model.__tablename__]}"
        for key, model in RECORD_MODELS.items()
        if copied.get(model.__tablename__) and key not in REFERENCE_MODELS
    ]
    parts.append(
        pick("历史记录 {n} 条", "history entries {n}").format(n=copied.get("audit_log", 0))
    )
    return pick("，", ", ").join(parts)
