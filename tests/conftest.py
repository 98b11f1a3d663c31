"""Every test gets a fresh database; GUI tests run offscreen."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import URL

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from db.engine import Database, open_database  # noqa: E402
from db.lang import set_language  # noqa: E402
from db.sample_data import load  # noqa: E402
from tests.pg.cluster import require_server, start_cluster, stop_cluster  # noqa: E402
from tests.pg.databases import (  # noqa: E402
    SKIP_REASON,
    create_database,
    drop_database,
    server_url,
    unique_name,
)

_CLUSTER = pytest.StashKey[str | None]()

# Tests here run on SQLite and, when FTZ_LEDGER_TEST_PG names a server, on PostgreSQL
# too: every test using the `db`/`db_target` fixtures (not `db_path`, which is a file).
BOTH_BACKENDS = (
    "tests/db/",
    "tests/reports/",
    "tests/importing/",
    "tests/pg/",
    "tests/test_cli.py",
)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "sqlite_only: about the SQLite file itself; not run on PostgreSQL"
    )
    # Only the controlling process starts a cluster (not a worker of a plugin).
    if not hasattr(config, "workerinput"):
        config.stash[_CLUSTER] = start_cluster()
        require_server()


def pytest_unconfigure(config: pytest.Config) -> None:
    stop_cluster(config.stash.get(_CLUSTER, None))


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    names = metafunc.fixturenames
    if "backend" not in names or "db_path" in names:
        return
    where = metafunc.definition.path.relative_to(metafunc.config.rootpath).as_posix()
    if where.startswith(BOTH_BACKENDS) and not metafunc.definition.get_closest_marker(
        "sqlite_only"
    ):
        metafunc.parametrize("backend", ["sqlite", "postgresql"], indirect=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> pytest.TestReport:
    """Fold the skipped PostgreSQL half into one summary line instead of one per test."""
    report = yield
    if report.skipped and isinstance(report.longrepr, tuple) and SKIP_REASON in report.longrepr[2]:
        report.longrepr = (__file__, None, report.longrepr[2])
    return report


@pytest.fixture
def backend(request: pytest.FixtureRequest) -> str:
    """The database engine of this test run: "sqlite" unless parametrised."""
    return getattr(request, "param", "sqlite")


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


@pytest.fixture(scope="session")
def pg_template() -> Iterator[tuple[URL, str]]:
    """A database on the test server built by the migrations, copied for each test."""
    url = server_url()
    if url is None:
        pytest.skip(SKIP_REASON)
    name = unique_name("template")
    target = create_database(url, name)
    open_database(target.render_as_string(hide_password=False)).dispose()
    yield url, name
    drop_database(url, name)


@pytest.fixture
def db_target(request: pytest.FixtureRequest, backend: str) -> Iterator[str]:
    """A fresh migrated ledger: an SQLite file path, or a PostgreSQL URL."""
    if backend == "sqlite":
        yield str(request.getfixturevalue("db_path"))
        return
    url, template = request.getfixturevalue("pg_template")
    name = unique_name("test")
    yield create_database(url, name, template).render_as_string(hide_password=False)
    drop_database(url, name)


@pytest.fixture
def db(db_target: str) -> Iterator[Database]:
    database = open_database(db_target)
    yield database
    database.dispose()


@pytest.fixture
def demo_db(db: Database) -> Database:
    """A fresh database with the sample records of the seed article."""
    with db.write() as session:
        load(session)
    return db
