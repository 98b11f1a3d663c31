"""Child processes for the crash and concurrency tests (run as `python -m tests.safety.writers`)."""

from __future__ import annotations

import sys
import time
from datetime import date
from decimal import Decimal

from sqlalchemy import event

from db.engine import open_database
from db.errors import ConflictError
from db.services import projects, reference, units


def small_cache(db) -> None:
    """A tiny page cache makes SQLite spill the open transaction into the WAL early,
    so a kill finds uncommitted pages on disk (the hard case for all-or-nothing)."""

    @event.listens_for(db.engine, "connect")
    def _cache(dbapi_conn, _record) -> None:
        dbapi_conn.execute("PRAGMA cache_size = 20")


def big_import(path: str, rows: int) -> None:
    db = open_database(path)
    small_cache(db)
    db.dispose()
    with db.write() as session:
        investor = units.create(session, units.UnitData(name="导入测试企业", kind="enterprise"))
        field_id = reference.id_by_code(session, "industry_field", "new_energy")
        for i in range(rows):
            data = projects.ProjectData(
                name=f"导入项目{i:05d}",
                investor_id=investor.id,
                investor_origin="local",
                field_id=field_id,
                project_type="new",
                investment=Decimal("100.00"),
                signed_date=date(2024, 1, 1),
                code=f"IMP-{i:05d}",
            )
            projects.create(session, data)
            if i == rows // 2:
                print("halfway", flush=True)
        print("committing", flush=True)
    print("done", flush=True)


def many_writes(path: str, tag: str, rows: int) -> None:
    """Many short transactions, as a clerk on another PC saving record after record."""
    db = open_database(path)
    for i in range(rows):
        with db.write() as session:
            units.create(session, units.UnitData(name=f"{tag}-{i:04d}", kind="other"))
    # Everyone edits the same unit: each edit either lands or is a clear conflict.
    conflicts = 0
    for i in range(rows // 4):
        with db.read() as conn:
            version = conn.exec_driver_sql("SELECT version FROM unit WHERE id = 1").scalar()
        time.sleep(0.001)
        try:
            with db.write() as session:
                data = units.UnitData(name="共享单位", kind="other", city=f"{tag}{i}")
                units.update(session, 1, data, version=version)
        except ConflictError:
            conflicts += 1
    print(f"ok {conflicts}", flush=True)
    db.dispose()


if __name__ == "__main__":
    command, *rest = sys.argv[1:]
    if command == "import":
        big_import(rest[0], int(rest[1]))
    elif command == "writes":
        many_writes(rest[0], rest[1], int(rest[2]))
