"""Opening a server database: the clerk reads why it failed, and nothing is changed."""

from __future__ import annotations

import socket

import pytest
from sqlalchemy import text
from sqlalchemy.engine import URL

from db.engine import open_database
from db.errors import LedgerOpenError
from db.migrate import head_revision
from tests.pg.databases import grant_all, run_sql, unique_name


def _as_text(url: URL) -> str:
    return url.render_as_string(hide_password=False)


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_wrong_port_says_the_server_cannot_be_reached(pg_url):
    port = _closed_port()
    with pytest.raises(LedgerOpenError) as err:
        open_database(_as_text(pg_url.set(port=port)))
    assert f"Cannot reach the database server 127.0.0.1:{port}" in str(err.value)
    assert "Traceback" not in str(err.value)


def test_unknown_host_says_the_server_cannot_be_reached(pg_url):
    with pytest.raises(LedgerOpenError, match="Cannot reach the database server no-such-host"):
        open_database(_as_text(pg_url.set(host="no-such-host.invalid")))


def test_wrong_password_says_the_login_was_refused_and_hides_the_password(pg_url, login_role):
    role, _ = login_role
    url = pg_url.set(username=role, password="wrong-secret")
    with pytest.raises(LedgerOpenError) as err:
        open_database(_as_text(url))
    message = str(err.value)
    assert f"refused the login of user “{role}”" in message
    assert "wrong-secret" not in message


def test_unknown_user_says_the_login_was_refused(pg_url):
    url = pg_url.set(username="nobody_here", password="x")
    with pytest.raises(LedgerOpenError, match="refused the login of user “nobody_here”"):
        open_database(_as_text(url))


def test_right_password_opens_the_ledger(login_role, pg_url, pg_server):
    # login_role first: it is dropped after the database that granted it rights.
    role, password = login_role
    grant_all(pg_server, pg_url, role)
    db = open_database(_as_text(pg_url.set(username=role, password=password)))
    assert "correct horse" not in db.display_name()
    with db.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM industry_field")).scalar() == 8
    db.dispose()


def test_missing_database_is_named(pg_url):
    with pytest.raises(LedgerOpenError, match="There is no database “no_such_ledger”"):
        open_database(_as_text(pg_url.set(database="no_such_ledger")))


def test_database_from_a_newer_program_is_refused_and_left_alone(pg_url):
    run_sql(pg_url, "UPDATE alembic_version SET version_num = '9999_from_the_future'")
    with pytest.raises(LedgerOpenError, match="written by a newer program"):
        open_database(_as_text(pg_url))
    db = open_database(_as_text(pg_url), migrate=False)
    with db.read() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
            "9999_from_the_future"
        )
    db.dispose()


def test_empty_database_is_migrated_to_head(pg_server):
    from tests.pg.databases import create_database, drop_database

    name = unique_name("empty")
    url = create_database(pg_server, name)
    try:
        db = open_database(_as_text(url))
        with db.read() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == (
                head_revision()
            )
        db.dispose()
    finally:
        drop_database(pg_server, name)


def test_unsupported_kind_of_database_is_refused():
    with pytest.raises(LedgerOpenError, match="not supported: mysql://clerk@host/ledger"):
        open_database("mysql://clerk@host/ledger")
