"""Fixtures for tests that need the PostgreSQL server itself (skipped without one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from tests.pg.databases import create_database, drop_database, run_sql, unique_name


@pytest.fixture
def pg_url(pg_template: tuple[URL, str]) -> Iterator[URL]:
    """A fresh migrated ledger database on the test server (whatever the backend param)."""
    server, template = pg_template
    name = unique_name("pg")
    yield create_database(server, name, template)
    drop_database(server, name)


@pytest.fixture
def pg_server(pg_template: tuple[URL, str]) -> URL:
    """The test server's admin URL (a superuser allowed to create roles and databases)."""
    return pg_template[0]


@pytest.fixture
def login_role(pg_server: URL) -> Iterator[tuple[str, str]]:
    """A role that must give its password (the test user itself is trusted).

    Request it before pg_url: the role can be dropped only after that database.
    """
    role, password = unique_name("clerk"), "correct horse"
    run_sql(pg_server, f"CREATE ROLE {role} LOGIN PASSWORD '{password}'")
    yield role, password
    run_sql(pg_server, f"DROP ROLE IF EXISTS {role}")
