"""Restore: a backup is checked first, the current file kept, then swapped in atomically."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db import restore as restore_module
from db.backup import backup_now, list_backups
from db.engine import Database, open_database
from db.errors import LedgerError
from db.restore import check_backup, latest_good_backup, restore_backup, restore_into
from db.services import units
from tests.safety.helpers import counts, damage, digest


def add_unit(db: Database, name: str) -> None:
    with db.write() as session:
        units.create(session, units.UnitData(name=name, kind="government"))


def unit_names(path: Path) -> list[str]:
    db = open_database(str(path))
    try:
        with db.read() as conn:
            return sorted(conn.exec_driver_sql("SELECT name FROM unit").scalars())
    finally:
        db.dispose()


@pytest.fixture
def backup_with_one_unit(db: Database, tmp_path: Path) -> Path:
    add_unit(db, "重庆市商务委员会")
    dest = backup_now(db, tmp_path / "usb" / "backup.sqlite3")
    add_unit(db, "四川省商务厅")  # made after the backup: restoring takes it away
    db.dispose()
    return dest


def test_restore_puts_the_backup_back_and_keeps_the_current_file(
    db: Database, backup_with_one_unit: Path
):
    result = restore_backup(db.path, backup_with_one_unit)
    assert unit_names(db.path) == ["重庆市商务委员会"]
    # The file as it was before is a backup of its own, with both units.
    assert result.previous is not None and "before-restore" in result.previous.name
    assert unit_names(result.previous) == ["四川省商务厅", "重庆市商务委员会"]
    assert [b.path for b in list_backups(db.path)] == [result.previous]
    # No staging file, no WAL of the old file left beside the ledger.
    leftovers = {p.name for p in db.path.parent.iterdir()} - {"ledger.sqlite3", "backups", "usb"}
    assert not {n for n in leftovers if not n.startswith("ledger.sqlite3-")}
    assert not list(db.path.parent.glob(".ledger.sqlite3.restore-*"))


def test_restore_leaves_no_wal_of_the_old_file(db: Database, backup_with_one_unit: Path):
    # Uncommitted-to-the-main-file changes sit in the WAL of the old file.
    conn = sqlite3.connect(db.path)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE unit SET city = 'in the wal'")
    conn.commit()
    conn.close()
    restore_backup(db.path, backup_with_one_unit)
    restored = open_database(str(db.path))
    try:
        with restored.read() as c:
            assert c.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            assert c.exec_driver_sql("SELECT city FROM unit").scalars().all() == [None]
    finally:
        restored.dispose()


@pytest.mark.parametrize("kind", ["random", "truncated_half", "scribbled", "empty"])
def test_a_damaged_backup_is_refused_and_nothing_changes(
    db: Database, db_path: Path, tmp_path: Path, kind: str
):
    add_unit(db, "四川省商务厅")
    good = backup_now(db, tmp_path / "good.sqlite3")
    db.dispose()
    bad = damage(kind, good, tmp_path / f"bad-{kind}.sqlite3")
    before, bad_before = digest(db_path), digest(bad)
    with pytest.raises(LedgerError, match="not a ledger backup|integrity check"):
        restore_backup(db_path, bad)
    assert digest(db_path) == before and digest(bad) == bad_before
    assert list_backups(db_path) == []


def test_an_sqlite_file_that_is_not_a_ledger_is_refused(db_path: Path, tmp_path: Path):
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (text)")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(LedgerError, match="not a ledger of this program"):
        restore_backup(db_path, other)
    assert digest(db_path) == before


def test_a_backup_from_a_newer_program_is_refused(db: Database, tmp_path: Path):
    newer = backup_now(db, tmp_path / "newer.sqlite3")
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    db.dispose()
    before = digest(db.path)
    with pytest.raises(LedgerError, match="newer program"):
        restore_backup(db.path, newer)
    assert digest(db.path) == before


def test_a_missing_backup_or_a_folder_is_refused(db_path: Path, tmp_path: Path):
    with pytest.raises(LedgerError, match="no backup file"):
        restore_backup(db_path, tmp_path / "nope.sqlite3")
    with pytest.raises(LedgerError, match="not a file"):
        restore_backup(db_path, tmp_path)


def test_restoring_the_file_over_itself_is_refused(db_path: Path):
    with pytest.raises(LedgerError, match="from itself"):
        restore_backup(db_path, db_path)


def test_restore_is_refused_while_the_ledger_is_open_elsewhere(
    db: Database, backup_with_one_unit: Path
):
    other = open_database(str(db.path))  # another window on the same file
    try:
        with other.read() as conn:
            conn.exec_driver_sql("SELECT count(*) FROM unit").scalar()
            before = sorted(conn.exec_driver_sql("SELECT name FROM unit").scalars())
            with pytest.raises(LedgerError, match="still open"):
                restore_backup(db.path, backup_with_one_unit)
    finally:
        other.dispose()
    assert unit_names(db.path) == before


def test_an_interrupted_restore_leaves_the_records_intact(
    db: Database, backup_with_one_unit: Path, monkeypatch: pytest.MonkeyPatch
):
    """Power cut between the backup of the current file and the swap."""
    before = unit_names(db.path)

    def power_cut(staged: Path, target: Path) -> None:
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(restore_module, "_install", power_cut)
    with pytest.raises(LedgerError, match="restore failed"):
        restore_backup(db.path, backup_with_one_unit)
    assert unit_names(db.path) == before
    # The copy made before the swap is there too, and the staged copy is gone.
    kept = list_backups(db.path)
    assert len(kept) == 1 and unit_names(kept[0].path) == before
    assert not list(db.path.parent.glob(".ledger.sqlite3.restore-*"))
    assert check_backup(db.path).revision


def test_restoring_over_a_damaged_file_keeps_it_byte_for_byte(db: Database, tmp_path: Path):
    add_unit(db, "四川省商务厅")
    good = backup_now(db, tmp_path / "good.sqlite3")
    db.dispose()
    damaged = damage("truncated_half", good, tmp_path / "spoilt.sqlite3")
    shutil.copyfile(damaged, db.path)
    spoilt = digest(db.path)
    result = restore_backup(db.path, good)
    assert unit_names(db.path) == ["四川省商务厅"]
    assert result.previous is not None and digest(result.previous) == spoilt


def test_latest_good_backup_skips_damaged_ones(db: Database):
    from db.backup import make_backup

    older = make_backup(db.path, "auto")
    newer = make_backup(db.path, "manual")
    damage("scribbled", older, newer.with_name("tmp"))
    Path(newer.with_name("tmp")).replace(newer)
    db.dispose()
    assert latest_good_backup(db.path) == older


def test_check_backup_reports_counts(demo_db: Database, tmp_path: Path):
    info = check_backup(backup_now(demo_db, tmp_path / "b.sqlite3"))
    live = counts(demo_db)  # the sample records have none in the recycle bin
    assert info.counts["project"] == live["project"] == 10
    assert info.counts["unit"] == live["unit"] and info.counts["meeting"] == live["meeting"]


def test_restore_into_a_server_database_is_refused(tmp_path: Path):
    with pytest.raises(LedgerError, match="server database"):
        restore_into("postgresql://clerk@localhost/ledger", tmp_path / "b.sqlite3")


def test_restore_onto_a_new_computer_creates_the_ledger(db: Database, tmp_path: Path):
    """A fresh install: no ledger yet, only the backup from the USB stick."""
    add_unit(db, "重庆市商务委员会")
    usb = backup_now(db, tmp_path / "usb" / "backup.sqlite3")
    target = tmp_path / "new-pc" / "data" / "ledger.sqlite3"
    result = restore_into(str(target), usb)
    assert result.previous is None
    assert unit_names(target) == ["重庆市商务委员会"]
