"""Several clerks at once: a stale save is a conflict, concurrent additions are all kept."""

from __future__ import annotations

import multiprocessing
from concurrent.futures import ProcessPoolExecutor

import pytest
from sqlalchemy import func, select

from db.engine import open_database
from db.errors import ConflictError
from db.models import AuditLog, ProgressEntry, Project, Unit
from db.services import projects, units
from tests import factories
from tests.pg.writers import add_entries

WRITERS = 8
ENTRIES_EACH = 1000
PROJECTS_EACH = 25
# Ten entries per save keeps the test quick (a save costs milliseconds of Python) while
# the eight writers still interleave fifty transactions each.
PER_SAVE = 20


def _unit_data(name: str) -> units.UnitData:
    return units.UnitData(name=name, kind="government", province="sichuan")


def test_second_save_of_a_stale_form_is_a_conflict(db_target):
    """Two copies of the program open one unit; the later save is refused, not lost."""
    first, second = open_database(db_target), open_database(db_target)
    with first.write() as s:
        unit_id = units.create(s, _unit_data("四川省商务厅")).id
    with first.read() as conn:
        opened_version = conn.execute(select(Unit.version).where(Unit.id == unit_id)).scalar()
    with first.write() as s:
        units.update(s, unit_id, _unit_data("四川省商务厅（自贸办）"), version=opened_version)
    with pytest.raises(ConflictError, match="changed"), second.write() as s:
        units.update(s, unit_id, _unit_data("四川省商务厅（第二位）"), version=opened_version)
    # The clerk reloads and saves their text again: now it goes through.
    with second.write() as s:
        current = s.get(Unit, unit_id).version
        units.update(s, unit_id, _unit_data("四川省商务厅（第二位）"), version=current)
    with first.read() as conn:
        assert conn.execute(select(Unit.name).where(Unit.id == unit_id)).scalar() == (
            "四川省商务厅（第二位）"
        )
    first.dispose()
    second.dispose()


def test_two_open_sessions_saving_one_record_conflict(db_target):
    """Both sessions loaded the record before either saved: the database catches it."""
    first, second = open_database(db_target), open_database(db_target)
    with first.write() as s:
        unit_id = units.create(s, _unit_data("重庆市商务委员会")).id
    late = second.session()
    late.begin()
    stale = late.get(Unit, unit_id)
    with first.write() as s:
        units.update(s, unit_id, _unit_data("重庆市商务委员会（一）"), version=stale.version)
    with pytest.raises(ConflictError):
        units.update(late, unit_id, _unit_data("重庆市商务委员会（二）"), version=stale.version)
    late.rollback()
    late.close()
    with first.read() as conn:
        assert conn.execute(select(Unit.name).where(Unit.id == unit_id)).scalar() == (
            "重庆市商务委员会（一）"
        )
    first.dispose()
    second.dispose()


def _projects_for_writers(db) -> list[list[int]]:
    with db.write() as s:
        investor = factories.enterprise(s)
        ids = [
            projects.create(s, factories.project_data(s, investor, name=f"并发项目{i}")).id
            for i in range(WRITERS * PROJECTS_EACH)
        ]
    return [ids[w * PROJECTS_EACH : (w + 1) * PROJECTS_EACH] for w in range(WRITERS)]


def test_eight_concurrent_writers_lose_no_progress_entry(db, db_target):
    groups = _projects_for_writers(db)
    # Processes, each with its own engine, like copies of the program on several PCs.
    # A fork server imports the program once (spawn would import it eight times) and
    # is itself a fresh process (forking pytest, which may run Qt threads, is unsafe).
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.pg.writers"])
    with ProcessPoolExecutor(max_workers=WRITERS, mp_context=context) as pool:
        jobs = [
            pool.submit(add_entries, db_target, group, ENTRIES_EACH, PER_SAVE, f"w{n}")
            for n, group in enumerate(groups)
        ]
        assert [job.result() for job in jobs] == [ENTRIES_EACH] * WRITERS
    with db.read() as conn:
        assert conn.execute(select(func.count()).select_from(ProgressEntry)).scalar() == (
            WRITERS * ENTRIES_EACH
        )
        logged = conn.execute(
            select(func.count()).where(AuditLog.record_type == "progress_entry")
        ).scalar()
        per_project = conn.execute(
            select(func.count()).select_from(ProgressEntry).group_by(ProgressEntry.project_id)
        ).scalars()
    assert logged == WRITERS * ENTRIES_EACH
    assert set(per_project) == {ENTRIES_EACH // PROJECTS_EACH}


def test_clerks_adding_progress_to_one_project_at_once_all_succeed(db, db_target):
    """Each entry rewrites the project's stage and date; the project row is locked
    while that happens, so no clerk gets a conflict that nobody caused."""
    with db.write() as s:
        project_id = projects.create(s, factories.project_data(s, factories.enterprise(s))).id
    clerks, each = 4, 40
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["tests.pg.writers"])
    with ProcessPoolExecutor(max_workers=clerks, mp_context=context) as pool:
        jobs = [
            pool.submit(add_entries, db_target, [project_id], each, 1, f"clerk{n}")
            for n in range(clerks)
        ]
        assert [job.result() for job in jobs] == [each] * clerks
    with db.read() as conn:
        count, latest = conn.execute(
            select(func.count(), func.max(ProgressEntry.entry_date)).where(
                ProgressEntry.project_id == project_id
            )
        ).one()
        shown = conn.execute(
            select(Project.last_progress_date).where(Project.id == project_id)
        ).scalar()
    assert count == clerks * each and shown == latest
