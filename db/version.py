"""The program's one version, read from the installed distribution (pyproject).

The database also remembers which version last created or upgraded its schema (the
`program_version` setting), so a clerk told "written by a newer program" can be told
which one.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # program_version() stays cheap to import: no SQLAlchemy for --version
    from sqlalchemy import Connection

SCHEMA_WRITER_KEY = "program_version"


def program_version() -> str:
    try:
        return version("ftz-ledger")
    except PackageNotFoundError:
        return "0.0.0+unknown"


def record_program_version(conn: Connection) -> None:
    """Note this program's version in the database (after creating or upgrading it)."""
    from sqlalchemy import delete, insert

    from db.models import Setting

    table = Setting.__table__
    conn.execute(delete(table).where(table.c.key == SCHEMA_WRITER_KEY))
    conn.execute(insert(table).values(key=SCHEMA_WRITER_KEY, value=program_version()))


def recorded_program_version(conn: Connection) -> str | None:
    """The version of the program that last created or upgraded this database's schema."""
    from sqlalchemy import select

    from db.models import Setting

    return conn.execute(select(Setting.value).where(Setting.key == SCHEMA_WRITER_KEY)).scalar()
