"""Every test gets a fresh database; GUI tests run offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.engine import Database, open_database  # noqa: E402
from db.lang import set_language  # noqa: E402
from db.sample_data import load  # noqa: E402


@pytest.fixture(autouse=True)
def english_by_default() -> Iterator[None]:
    """Messages in a known language unless a test picks one."""
    set_language("en")
    yield
    set_language(None)


@pytest.fixture(autouse=True)
def isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing a test does touches the real user data folder or settings."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.delenv("FTZ_LEDGER_DB", raising=False)


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One database built by the migrations, copied for each test (fast)."""
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    open_database(str(path)).dispose()
    return path


@pytest.fixture
def db_path(tmp_path: Path, migrated_template: Path) -> Path:
    path = tmp_path / "ledger.sqlite3"
    shutil.copy(migrated_template, path)
    return path


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(str(db_path))
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """A fresh database with the sample records of the seed article."""
    with db.write() as session:
        load(session)
    return db
