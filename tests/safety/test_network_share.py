"""A ledger on a network share uses the rollback journal: WAL's shared memory is per PC."""

from __future__ import annotations

from pathlib import Path

import pytest

from db import filesystems
from db.engine import open_database
from db.filesystems import fs_type, is_network_path, journal_mode_for, mount_table
from db.services import units

MOUNTS = r"""sysfs /sys sysfs rw,nosuid 0 0
/dev/sda1 / ext4 rw,relatime 0 0
//fileserver/台账 /mnt/office\040share cifs rw,vers=3.0 0 0
server:/export /srv/nfs nfs4 rw 0 0
tmpfs /tmp tmpfs rw 0 0
"""


def test_mount_table_and_longest_mount_point():
    mounts = mount_table(MOUNTS)
    assert ("/mnt/office share", "cifs") in mounts
    assert fs_type(Path("/mnt/office share/ledger"), mounts) == "cifs"
    assert fs_type(Path("/srv/nfs/a/b"), mounts) == "nfs4"
    assert fs_type(Path("/srv/nfsother"), mounts) == "ext4"
    assert fs_type(Path("/tmp/x"), mounts) == "tmpfs"


@pytest.fixture
def share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "share"
    folder.mkdir()
    monkeypatch.setattr(
        filesystems, "_linux_mounts", lambda: [("/", "ext4"), (str(folder.resolve()), "cifs")]
    )
    return folder


def test_share_detected(share: Path, tmp_path: Path):
    assert is_network_path(share / "ledger.sqlite3")
    assert journal_mode_for(share / "ledger.sqlite3") == "DELETE"
    assert journal_mode_for(tmp_path / "ledger.sqlite3") == "WAL"


def test_a_ledger_on_a_share_uses_the_rollback_journal(share: Path):
    db = open_database(str(share / "ledger.sqlite3"))
    try:
        with db.write() as session:
            units.create(session, units.UnitData(name="四川省商务厅", kind="government"))
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
        assert not (share / "ledger.sqlite3-wal").exists()
        assert not (share / "ledger.sqlite3-shm").exists()
    finally:
        db.dispose()


def test_a_local_ledger_moved_to_a_share_leaves_wal(share: Path, db_path: Path):
    db = open_database(str(db_path))
    db.dispose()
    moved = share / "ledger.sqlite3"
    moved.write_bytes(db_path.read_bytes())
    db = open_database(str(moved))
    try:
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "delete"
    finally:
        db.dispose()


def test_a_local_ledger_uses_wal(db_path: Path):
    db = open_database(str(db_path))
    try:
        with db.read() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        db.dispose()
