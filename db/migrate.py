"""Bring a database's schema to the program's head revision with Alembic."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

from db.backup import backup_before_upgrade
from db.engine import Database
from db.errors import LedgerError, LedgerOpenError
from db.messages import msg
from db.version import program_version, record_program_version

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


# Tables the models do not describe on purpose: SQLite's FTS5 index and its shadow
# tables, kept by triggers (migration 0002).
UNMODELLED_PREFIXES = ("project_fts",)  # also project_fts_chars and _positions (0003)


# An index on an expression Alembic cannot compare: PostgreSQL hands the CASE of
# migration 0004 back in its own layout (line breaks, casts, ELSE NULL), never
# equal to the model's text; SQLite does not hand it back at all.
UNCOMPARED_INDEXES = ("ix_project_live_stage_rank",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # noqa: ANN001
    """Alembic filter: leave the FTS tables and the expression index out of schema
    comparisons."""
    if type_ == "index":
        return name not in UNCOMPARED_INDEXES
    return not (type_ == "table" and name and name.startswith(UNMODELLED_PREFIXES))


def alembic_config() -> Config:
    """A Config built in code, so an installed or frozen program needs no .ini."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def schema_state(db: Database) -> tuple[str | None, list[str]]:
    with db.engine.connect() as conn:
        return current_revision(conn), inspect(conn).get_table_names()


def ensure_schema(db: Database) -> None:
    """Create, upgrade or refuse: never silently change a file we do not own."""
    rev, tables = schema_state(db)
    head = head_revision()
    if rev == head:
        return
    if rev is None and set(tables) - {"alembic_version"}:
        raise LedgerOpenError(msg("open.not_ledger", path=db.display_name()))
    if rev is not None and rev not in known_revisions():
        raise LedgerOpenError(msg("open.too_new", revision=rev, version=program_version()))
    if rev is not None and db.path is not None:
        try:
            backup_before_upgrade(db.path, rev)
        except LedgerError as exc:
            # No upgrade without a copy to go back to.
            raise LedgerOpenError(str(exc)) from exc
    upgrade(db, "head")
    with db.engine.begin() as conn:
        record_program_version(conn)


def upgrade(db: Database, target: str) -> None:
    cfg = alembic_config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
