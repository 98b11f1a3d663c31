"""Throwaway PostgreSQL databases for the tests: one migrated template, a copy per test.

The server is the one named by FTZ_LEDGER_TEST_PG (scripts/pg_test_cluster.sh starts
one); its user must be allowed to create databases. `CREATE DATABASE x TEMPLATE t`
copies the migrated template's files, which is much faster than migrating each time.
"""

from __future__ import annotations

import itertools
import os

import psycopg
from sqlalchemy.engine import URL, make_url

ENV_TEST_PG = "FTZ_LEDGER_TEST_PG"
SKIP_REASON = (
    "PostgreSQL half skipped: no PostgreSQL server binaries found to start a test "
    "cluster (install postgresql), and FTZ_LEDGER_TEST_PG names no server"
)
_counter = itertools.count(1)


def server_url() -> URL | None:
    """The test server's URL (any database on it), or None when not configured."""
    value = os.environ.get(ENV_TEST_PG)
    return make_url(value).set(drivername="postgresql+psycopg") if value else None


def _admin(url: URL) -> psycopg.Connection:
    return psycopg.connect(
        host=url.host,
        port=url.port or 5432,
        user=url.username,
        password=url.password,
        dbname=url.database or "postgres",
        autocommit=True,
    )


def unique_name(prefix: str) -> str:
    return f"ftz_{prefix}_{os.getpid()}_{next(_counter)}"


def create_database(url: URL, name: str, template: str | None = None) -> URL:
    """A new database on the server (a copy of `template` if given); its URL."""
    with _admin(url) as conn:
        sql = f'CREATE DATABASE "{name}"'
        conn.execute(sql + (f' TEMPLATE "{template}"' if template else ""))
    return url.set(database=name)


def drop_database(url: URL, name: str) -> None:
    with _admin(url) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run_sql(url: URL, sql: str, params: tuple = ()) -> None:
    """One statement in its own autocommit connection (roles, stamps)."""
    with _admin(url) as conn:
        conn.execute(sql, params)


def grant_all(server: URL, database: URL, role: str) -> None:
    """Let a role work in an (already migrated) database."""
    run_sql(server, f'GRANT ALL ON DATABASE "{database.database}" TO {role}')
    run_sql(database, f"GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}")
    run_sql(database, f"GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role}")
