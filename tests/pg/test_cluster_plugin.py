"""The session's automatic PostgreSQL cluster: started when possible, required in CI."""

from __future__ import annotations

import pytest

from tests.pg import cluster


def test_missing_binaries_skip_the_half_unless_required(monkeypatch, tmp_path):
    monkeypatch.delenv("FTZ_LEDGER_TEST_PG", raising=False)
    monkeypatch.setenv("PG_BIN", str(tmp_path / "no-postgres-here"))
    monkeypatch.delenv(cluster.ENV_AUTO, raising=False)
    monkeypatch.delenv(cluster.ENV_REQUIRE, raising=False)
    assert cluster.start_cluster() is None

    monkeypatch.setenv(cluster.ENV_REQUIRE, "1")
    with pytest.raises(cluster.ClusterUnavailable, match="initdb not found"):
        cluster.start_cluster()


def test_a_named_server_is_used_as_it_is(monkeypatch):
    monkeypatch.setenv("FTZ_LEDGER_TEST_PG", "postgresql+psycopg://someone@db.example/x")
    assert cluster.start_cluster() is None  # nothing started, the URL kept


def test_required_but_turned_off_fails_early(monkeypatch):
    monkeypatch.delenv("FTZ_LEDGER_TEST_PG", raising=False)
    monkeypatch.setenv(cluster.ENV_REQUIRE, "1")
    with pytest.raises(cluster.ClusterUnavailable):
        cluster.require_server()
