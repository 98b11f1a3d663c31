"""A backup copied in steps (the daily one, in the background) finishes while the
clerk keeps saving, and holds the ledger as it was when the copy began."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import pytest

import db.backup as backup
from db.backup import backup_sqlite


def test_saves_during_a_stepped_copy_neither_restart_nor_enter_it(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(backup, "BACKUP_STEP_PAGES", 64)
    src = tmp_path / "ledger.sqlite3"
    clerk = sqlite3.connect(src)
    clerk.execute("PRAGMA journal_mode = WAL")
    clerk.execute("CREATE TABLE t (x TEXT)")
    clerk.executemany("INSERT INTO t VALUES (?)", [("x" * 1000,) for _ in range(3000)])
    clerk.commit()
    rows_at_start = clerk.execute("SELECT count(*) FROM t").fetchone()[0]
    pages = clerk.execute("PRAGMA page_count").fetchone()[0]
    steps: list[int] = []

    def progress(done: int, total: int) -> bool:
        steps.append(done)
        clerk.execute("INSERT INTO t VALUES ('saved meanwhile')")  # another connection
        clerk.commit()
        return len(steps) < 10 * math.ceil(pages / 64)  # a restarting copy gives up

    copy = backup_sqlite(src, tmp_path / "copy.sqlite3", progress)
    assert len(steps) == math.ceil(pages / 64)
    copied = sqlite3.connect(copy)
    assert copied.execute("SELECT count(*) FROM t").fetchone()[0] == rows_at_start
    assert copied.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    copied.close()
    clerk.close()


@pytest.mark.parametrize("stepped", [False, True])
def test_a_copy_leaves_no_transaction_open_on_the_ledger(tmp_path: Path, stepped):
    src = tmp_path / "ledger.sqlite3"
    clerk = sqlite3.connect(src)
    clerk.execute("PRAGMA journal_mode = WAL")
    clerk.execute("CREATE TABLE t (x)")
    clerk.execute("INSERT INTO t VALUES (1)")
    clerk.commit()
    backup_sqlite(src, tmp_path / "copy.sqlite3", (lambda *_a: True) if stepped else None)
    # A full checkpoint succeeds only when no reader holds an old snapshot.
    busy, _log, _done = clerk.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    assert busy == 0
    clerk.close()
