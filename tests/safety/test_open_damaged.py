"""Opening a damaged or unreadable file: a clear message, and the file left exactly as it was."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from db import engine
from db.backup import backup_now
from db.engine import Database, open_database
from db.errors import LedgerOpenError
from db.services import units
from tests.safety.helpers import DAMAGE_KINDS, damage, digest, files_beside

MESSAGES = {
    "random": "not a ledger database",
    "truncated_half": "incomplete",
    "truncated_odd": "incomplete",
    "truncated_header": "incomplete",
    "empty": "empty file",
    "scribbled": "damaged",
    "folder": "is a folder",
}


@pytest.fixture
def good_copy(db: Database, tmp_path: Path) -> Path:
    with db.write() as session:
        for i in range(40):
            units.create(session, units.UnitData(name=f"单位{i:03d}" * 20, kind="enterprise"))
    return backup_now(db, tmp_path / "good" / "good.sqlite3")


@pytest.mark.parametrize("kind", DAMAGE_KINDS)
def test_a_damaged_file_is_explained_and_left_as_it_was(good_copy: Path, tmp_path: Path, kind):
    path = damage(kind, good_copy, tmp_path / "damaged.sqlite3")
    before = None if path.is_dir() else digest(path)
    around = files_beside(path)
    with pytest.raises(LedgerOpenError) as caught:
        open_database(str(path))
    assert MESSAGES[kind] in str(caught.value)
    assert str(path) in str(caught.value)
    if before is not None:
        assert digest(path) == before
    assert files_beside(path) == around  # no -wal, -shm or new file created


def test_a_new_path_still_creates_a_new_ledger(tmp_path: Path):
    db = open_database(str(tmp_path / "new.sqlite3"))
    db.dispose()
    assert (tmp_path / "new.sqlite3").stat().st_size > 0


def test_a_read_only_file_gets_a_clear_message(
    good_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    """Read-only media: (root ignores file modes, so the access check is what is faked)."""
    path = tmp_path / "cdrom" / "ledger.sqlite3"
    path.parent.mkdir()
    path.write_bytes(good_copy.read_bytes())
    real_access = os.access
    monkeypatch.setattr(
        engine.os, "access", lambda p, mode: False if mode == os.W_OK else real_access(p, mode)
    )
    before = digest(path)
    with pytest.raises(LedgerOpenError, match="read-only"):
        open_database(str(path))
    assert digest(path) == before


def test_sqlite_read_only_errors_are_explained():
    text = engine.explain_sqlite_error(
        Path("x.sqlite3"), Exception("attempt to write a readonly database")
    )
    assert "read-only" in text


LOCKER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode = EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("UPDATE unit SET city = city")
print("locked", flush=True)
time.sleep(30)
"""


def test_a_file_locked_by_another_program_gets_a_clear_message(
    good_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    path = tmp_path / "locked.sqlite3"
    path.write_bytes(good_copy.read_bytes())
    monkeypatch.setattr(engine, "BUSY_TIMEOUT_MS", 300)
    locker = subprocess.Popen(
        [sys.executable, "-c", LOCKER, str(path)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert locker.stdout.readline().strip() == "locked"
        before = digest(path)
        started = time.monotonic()
        with pytest.raises(LedgerOpenError, match="locked by another program"):
            open_database(str(path))
        assert time.monotonic() - started < 20  # refused, not after the locker's 30 s
        assert digest(path) == before
    finally:
        locker.kill()
        locker.wait()
