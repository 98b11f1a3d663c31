"""Opening a database: location, pragmas, foreign keys."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from db.engine import default_db_path, open_database, resolve_target, target_url
from db.models import Project


def test_foreign_keys_are_enforced_on_sqlite(db):
    with pytest.raises(IntegrityError), db.write() as s:
        s.add(
            Project(
                name="x",
                name_key="x",
                investor_id=424242,
                investor_origin="local",
                field_id=1,
                project_type="new",
                investment=1,
                signed_date=date(2024, 1, 1),
            )
        )
        s.flush()


@pytest.mark.sqlite_only
def test_pragmas_for_safe_writes(db):
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000


def test_default_location_is_the_user_data_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_db_path() == tmp_path / "xdg" / "ftz-ledger" / "ledger.sqlite3"
    db = open_database(None)
    assert db.path == default_db_path() and db.path.exists()
    db.dispose()


def test_environment_variable_names_the_database(tmp_path, monkeypatch):
    monkeypatch.setenv("FTZ_LEDGER_DB", str(tmp_path / "env.sqlite3"))
    assert resolve_target(None) == str(tmp_path / "env.sqlite3")
    assert resolve_target("other.sqlite3") == "other.sqlite3"


def test_url_and_path_targets():
    assert (
        target_url("postgresql+psycopg://clerk@127.0.0.1:5432/ledger").get_backend_name()
        == "postgresql"
    )
    assert target_url("ledger.sqlite3").get_backend_name() == "sqlite"


def test_missing_folder_is_a_clear_error(tmp_path):
    from db.errors import LedgerOpenError

    with pytest.raises(LedgerOpenError, match="does not exist"):
        open_database(str(tmp_path / "no" / "such" / "ledger.sqlite3"))
