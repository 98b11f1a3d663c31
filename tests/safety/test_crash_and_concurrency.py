"""Crash safety (SIGKILL mid-import, power cut mid-restore) and two writers on one file."""

from __future__ import annotations

import signal
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.engine import Database, open_database
from db.errors import ConflictError
from db.models import Project, Unit
from db.services import units

ROOT = Path(__file__).resolve().parents[2]


def child(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.safety.writers", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_for(proc: subprocess.Popen, line: str) -> None:
    for got in proc.stdout:
        if got.strip() == line:
            return
    raise AssertionError(f"child ended before {line!r}: {proc.stderr.read()}")


def integrity_and_projects(path: Path) -> tuple[str, int, int]:
    db = open_database(str(path))
    try:
        with db.read() as conn:
            ok = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            n = conn.execute(select(func.count(Project.id))).scalar_one()
            investors = conn.execute(
                select(func.count(Unit.id)).where(Unit.name == "导入测试企业")
            ).scalar_one()
        return ok, n, investors
    finally:
        db.dispose()


def test_an_import_killed_halfway_leaves_nothing_and_a_sound_file(db_path: Path):
    proc = child("import", str(db_path), "5000")
    try:
        wait_for(proc, "halfway")
        wal = db_path.with_name(db_path.name + "-wal")
        assert wal.exists() and wal.stat().st_size > 0  # the transaction spilled to disk
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    assert proc.returncode == -signal.SIGKILL
    assert integrity_and_projects(db_path) == ("ok", 0, 0)


def test_an_import_killed_while_committing_is_all_or_nothing(db_path: Path):
    proc = child("import", str(db_path), "1000")
    try:
        wait_for(proc, "committing")
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=60)
    ok, n, investors = integrity_and_projects(db_path)
    assert ok == "ok"
    assert (n, investors) in {(0, 0), (1000, 1)}


def test_an_import_that_finishes_is_all_there(db_path: Path):
    proc = child("import", str(db_path), "300")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert integrity_and_projects(db_path) == ("ok", 300, 1)


def test_two_processes_writing_at_once_lose_nothing(db: Database, db_path: Path):
    with db.write() as session:
        units.create(session, units.UnitData(name="共享单位", kind="other"))
    db.dispose()
    rows = 120
    procs = [child("writes", str(db_path), tag, str(rows)) for tag in ("甲", "乙")]
    results = [p.communicate(timeout=300) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.startswith("ok "), err
    check = open_database(str(db_path))
    try:
        with check.read() as conn:
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
            names = conn.execute(select(Unit.name)).scalars().all()
            version = conn.exec_driver_sql("SELECT version FROM unit WHERE id = 1").scalar()
            logged = conn.exec_driver_sql(
                "SELECT count(*) FROM audit_log WHERE record_type = 'unit' AND record_id = 1"
                " AND action = 'update'"
            ).scalar()
    finally:
        check.dispose()
    for tag in ("甲", "乙"):
        assert sum(n.startswith(f"{tag}-") for n in names) == rows
    # Every edit of the shared unit that was not refused as a conflict landed, once.
    conflicts = sum(int(out.split()[1]) for out, _ in results)
    assert version - 1 == logged == 2 * (rows // 4) - conflicts


def test_a_stale_edit_from_another_pc_is_a_conflict_not_a_lost_update(db_path: Path):
    first, second = open_database(str(db_path)), open_database(str(db_path))
    try:
        with first.write() as session:
            unit_id = units.create(
                session, units.UnitData(name="四川省商务厅", kind="government")
            ).id
        data = units.UnitData(name="四川省商务厅", kind="government", city="成都")
        with first.write() as session:
            units.update(session, unit_id, data, version=1)
        with pytest.raises(ConflictError), second.write() as session:
            units.update(
                session, unit_id, units.UnitData(name="改名", kind="government"), version=1
            )
        with second.read() as conn:
            assert conn.execute(select(Unit.name, Unit.city)).one() == ("四川省商务厅", "成都")
    finally:
        first.dispose()
        second.dispose()
