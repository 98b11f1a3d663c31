"""Automatic and manual backups: online copies, names, when they are due, thinning."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from db.backup import (
    auto_backup,
    backup_before_import,
    backup_before_upgrade,
    backup_now,
    backups_dir,
    list_backups,
    names_to_delete,
    parse_backup_name,
    stamps_to_keep,
    thin_backups,
)
from db.engine import Database, open_database
from db.errors import LedgerError
from db.services import units
from tests.safety.helpers import counts

TODAY = date(2026, 11, 27)


def daily_stamps(days: int, end: date = TODAY) -> list[datetime]:
    return [datetime.combine(end - timedelta(days=i), datetime.min.time()) for i in range(days)]


def test_thinning_keeps_7_daily_4_weekly_12_monthly_of_a_year_of_dailies():
    stamps = daily_stamps(400)
    kept = stamps_to_keep(stamps, TODAY)
    days = sorted((s.date() for s in kept), reverse=True)
    # 7 newest days, then Sundays of the 4 newest weeks, then month ends back 12 months.
    assert days[:7] == [TODAY - timedelta(days=i) for i in range(7)]
    weekly = {s.isocalendar()[:2] for s in kept}
    assert len(weekly) >= 4
    months = {(s.year, s.month) for s in kept}
    assert len(months) == 12
    assert min(days) == date(2025, 12, 31)  # last day of the 12th month back
    # 7 daily + Sunday 2026-11-22, 2026-11-15 (weekly; 11-22 is in the dailies? no: 11-21..27)
    # + the last day of each of the 11 earlier months.
    assert date(2026, 11, 15) in days and date(2026, 10, 31) in days
    assert len(kept) == 7 + 2 + 11


def test_thinning_counts_only_periods_that_have_backups():
    # A ledger opened once a month keeps its copies: each is the newest of its day.
    stamps = [datetime(2026, m, 3, 9) for m in range(1, 12)]
    assert stamps_to_keep(stamps, TODAY) == set(stamps)


def test_thinning_keeps_backups_dated_in_the_future():
    future = datetime(2027, 1, 1)
    assert future in stamps_to_keep([future, *daily_stamps(30)], TODAY)


def test_newest_of_each_day_is_the_one_kept():
    morning, evening = datetime(2026, 11, 20, 8), datetime(2026, 11, 20, 18)
    assert stamps_to_keep([morning, evening], TODAY) == {evening}


def test_names_to_delete_spares_manual_and_recent_safety_copies():
    names = [
        "ledger-20261120-080000-auto.sqlite3",
        "ledger-20261120-180000-auto.sqlite3",
        "ledger-20261120-090000-manual.sqlite3",
        "ledger-20261125-100000-before-restore.sqlite3",
        "ledger-20261125-110000-before-restore.sqlite3",
        "ledger-20261001-100000-before-import.sqlite3",
        "ledger-20261001-110000-auto.sqlite3",
        "other-20261120-080000-auto.sqlite3",
        "notes.txt",
    ]
    assert names_to_delete(names, "ledger", TODAY) == [
        "ledger-20261001-100000-before-import.sqlite3",
        "ledger-20261120-080000-auto.sqlite3",
    ]


def test_parse_backup_name():
    assert parse_backup_name("my-ledger-20261127-093001-before-upgrade-0001.sqlite3") == (
        datetime(2026, 11, 27, 9, 30, 1),
        "before-upgrade-0001",
    )
    assert parse_backup_name("ledger-20261327-093001-auto.sqlite3") is None
    assert parse_backup_name("ledger.sqlite3") is None


def test_backup_is_a_consistent_copy_of_a_live_database(db: Database, tmp_path: Path):
    with db.write() as session:
        units.create(session, units.UnitData(name="四川省商务厅", kind="government"))
    # Another connection holds an open write transaction while the copy is made.
    other = sqlite3.connect(db.path)
    other.execute("BEGIN IMMEDIATE")
    other.execute("UPDATE unit SET city = 'not committed'")
    dest = backup_now(db, tmp_path / "usb" / "copy.sqlite3")
    other.rollback()
    other.close()
    copy = open_database(str(dest))
    try:
        assert counts(copy) == counts(db)
        with copy.read() as conn:
            assert conn.exec_driver_sql("SELECT city FROM unit").scalars().all() == [None]
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        copy.dispose()
    assert not dest.with_name(dest.name + ".part").exists()


def test_backup_is_a_single_file_readable_without_its_wal(db: Database, tmp_path: Path):
    dest = backup_now(db, tmp_path / "usb" / "copy.sqlite3")
    assert dest.read_bytes()[18:20] == b"\x01\x01"  # rollback journal, not WAL
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.sqlite3"]


def test_backup_to_a_folder_names_the_file(db: Database, tmp_path: Path):
    dest = backup_now(db, tmp_path)
    assert dest.parent == tmp_path and parse_backup_name(dest.name, "ledger")[1] == "manual"


def test_backup_refuses_to_overwrite_the_database_itself(db: Database):
    before = db.path.read_bytes()
    with pytest.raises(LedgerError, match="over the database itself"):
        backup_now(db, db.path)
    assert db.path.read_bytes() == before


def test_backup_into_a_missing_drive_is_a_clear_error(db: Database, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(LedgerError, match="Could not back up"):
        backup_now(db, blocker / "sub" / "copy.sqlite3")


def test_auto_backup_is_made_when_the_last_is_a_day_old(db: Database):
    first = auto_backup(db, now=datetime(2026, 11, 26, 9, 0))
    assert first is not None and first.parent == backups_dir(db.path)
    assert auto_backup(db, now=datetime(2026, 11, 26, 17, 0)) is None
    second = auto_backup(db, now=datetime(2026, 11, 27, 9, 0))
    assert second is not None
    assert [b.path for b in list_backups(db.path)] == [second, first]


def test_auto_backup_thins_old_ones(db: Database):
    start = datetime(2025, 1, 1, 9)
    for day in range(0, 120, 3):
        auto_backup(db, now=start + timedelta(days=day))
    kept = list_backups(db.path)
    assert len(kept) == len(stamps_to_keep([b.taken for b in kept], TODAY))
    assert len(kept) < 40 and kept[0].taken == start + timedelta(days=117)


def test_backup_before_import_only_for_large_imports(db: Database):
    assert backup_before_import(db, rows=5) is None
    made = backup_before_import(db, rows=5000)
    assert made is not None and "before-import" in made.name


def test_backup_before_upgrade_uses_the_common_name(db: Database):
    made = backup_before_upgrade(db.path, "0001")
    assert parse_backup_name(made.name, "ledger")[1] == "before-upgrade-0001"


def test_thin_backups_leaves_foreign_files(db_path: Path):
    folder = backups_dir(db_path)
    folder.mkdir()
    (folder / "README.txt").write_text("mine")
    for i in range(30):
        (folder / f"ledger-202601{i + 1:02d}-090000-auto.sqlite3").write_bytes(b"x")
    removed = thin_backups(db_path, today=date(2026, 1, 30))
    assert (folder / "README.txt").exists()
    assert len(removed) == 30 - len(list_backups(db_path))
    # Jan 24-30 daily; the weeks of Jan 19-25 and Jan 26- are covered by them;
    # the two weeks before keep their Sundays, Jan 18 and Jan 11.
    kept_days = sorted(b.taken.day for b in list_backups(db_path))
    assert kept_days == [11, 18, 24, 25, 26, 27, 28, 29, 30]


def test_server_database_backup_is_refused_with_a_message(db: Database):
    from sqlalchemy.engine import make_url

    server = Database(engine=db.engine, url=make_url("postgresql://clerk@server/ledger"))
    with pytest.raises(LedgerError, match="server database"):
        backup_now(server)
    assert auto_backup(server) is None


def test_an_unreadable_backups_folder_is_a_message_not_a_crash(db: Database):
    backups_dir(db.path).write_text("a file where the folder should be")
    assert list_backups(db.path) == []
    with pytest.raises(LedgerError, match="Could not back up"):
        auto_backup(db)
