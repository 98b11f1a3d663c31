"""A bulk load that fails part-way leaves the ledger's indexes and search triggers as
they were (the search index must keep following every later save)."""

from __future__ import annotations

import pytest

import bench.generate as generate_module
from db.engine import Database
from db.search_index import bulk_load

SHAPE = (
    "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'trigger'),"
    " (SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'project')"
)


def _shape(db: Database) -> tuple[int, int]:
    with db.read() as conn:
        return tuple(conn.exec_driver_sql(SHAPE).one())


@pytest.mark.sqlite_only
def test_a_failed_bulk_load_puts_indexes_and_triggers_back(db: Database):
    before = _shape(db)
    assert before[0] > 0 and before[1] > 0
    with pytest.raises(ValueError), db.engine.begin() as conn, bulk_load(conn, ["project"]):
        raise ValueError("a bad row half-way")
    assert _shape(db) == before


@pytest.mark.sqlite_only
def test_a_failed_generator_run_puts_the_search_triggers_back(db: Database, monkeypatch):
    before = _shape(db)

    def disk_full(*_args, **_kwargs):
        raise OSError("No space left on device")

    monkeypatch.setattr(generate_module, "copy_projects", disk_full)
    with pytest.raises(OSError, match="No space"):
        generate_module.generate(db, 50)
    assert _shape(db)[0] == before[0]
