"""Fixtures for tests that need the PostgreSQL server itself (skipped without one)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from sqlalchemy.engine import URL

from tests.pg.databases import create_database, drop_database, unique_name


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
