"""One version: pyproject's, read by program_version(), remembered by the database."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import update

from db.engine import open_database
from db.migrate import upgrade
from db.models import Setting
from db.version import SCHEMA_WRITER_KEY, program_version, recorded_program_version
from tests.installer.helpers import ROOT, bundle_contents


def test_program_version_is_pyprojects() -> None:
    assert program_version() == bundle_contents.pyproject_version(ROOT)


def test_a_new_database_records_the_program_version(tmp_path: Path) -> None:
    db = open_database(str(tmp_path / "new.sqlite3"))
    with db.read() as conn:
        assert recorded_program_version(conn) == program_version()
    db.dispose()


def test_an_upgrade_records_the_upgrading_version(tmp_path: Path) -> None:
    path = str(tmp_path / "old.sqlite3")
    old = open_database(path, migrate=False)
    upgrade(old, "0001")  # a ledger left by an older program
    with old.engine.begin() as conn:
        assert recorded_program_version(conn) is None
    old.dispose()
    db = open_database(path)
    with db.read() as conn:
        assert recorded_program_version(conn) == program_version()
    db.dispose()


def test_an_up_to_date_database_is_not_written_on_open(tmp_path: Path) -> None:
    path = str(tmp_path / "ledger.sqlite3")
    db = open_database(path)
    with db.engine.begin() as conn:
        conn.execute(
            update(Setting.__table__).where(Setting.key == SCHEMA_WRITER_KEY).values(value="0.0.9")
        )
    db.dispose()
    db = open_database(path)
    with db.read() as conn:
        assert recorded_program_version(conn) == "0.0.9"
    db.dispose()
