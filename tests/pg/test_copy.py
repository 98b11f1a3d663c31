"""Moving an office to a server and back: every row arrives unchanged, or nothing does."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from db import copy as copy_module
from db.copy import copied_tables, copy_records, row_counts
from db.engine import Database, open_database
from db.errors import LedgerError
from db.models import Project, Unit
from db.sample_data import load
from db.services import projects, units
from desktop.cli import main


def all_rows(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    with db.read() as conn:
        return {
            table.name: [
                tuple(row)
                for row in conn.execute(select(table).order_by(*table.primary_key.columns))
            ]
            for table in copied_tables()
        }


@pytest.fixture
def office(tmp_path) -> Database:
    """A local ledger with history: sample records, an edit, a deletion, progress."""
    db = open_database(str(tmp_path / "office.sqlite3"))
    with db.write() as s:
        load(s)
    with db.write() as s:
        project = s.scalars(select(Project).order_by(Project.id)).first()
        projects.add_progress(
            s, project.id, projects.ProgressData(date(2025, 3, 1), "registered", "工商注册完成")
        )
        unit = units.create(s, units.UnitData(name="临时单位", kind="other", province="other"))
    with db.write() as s:
        units.delete(s, unit.id)
    yield db
    db.dispose()


def _url(db: Database) -> str:
    return db.url.render_as_string(hide_password=False)


def test_round_trip_local_server_local_keeps_every_row(office, pg_url, tmp_path):
    server = open_database(pg_url.render_as_string(hide_password=False))
    copied = copy_records(office, server)
    back = open_database(str(tmp_path / "back.sqlite3"))
    copy_records(server, back)
    before = all_rows(office)
    assert copied["audit_log"] == len(before["audit_log"]) > 70
    assert all_rows(server) == before
    assert all_rows(back) == before
    server.dispose()
    back.dispose()


def test_server_gives_new_records_fresh_ids_after_a_copy(office, pg_url):
    server = open_database(pg_url.render_as_string(hide_password=False))
    copy_records(office, server)
    with office.read() as conn:
        highest = conn.execute(select(func.max(Unit.id))).scalar()
    with server.write() as s:
        new = units.create(s, units.UnitData(name="新单位", kind="other", province="other"))
    assert new.id > highest
    server.dispose()


def test_copy_into_a_ledger_with_records_is_refused_and_changes_nothing(office, db):
    with db.write() as s:
        units.create(s, units.UnitData(name="已有单位", kind="other", province="other"))
    before = all_rows(db)
    with pytest.raises(LedgerError, match=r"already holds records \(Unit 1, history entries 1\)"):
        copy_records(office, db)
    assert all_rows(db) == before


def test_a_failed_copy_leaves_the_target_as_it_was(office, db, monkeypatch):
    before = all_rows(db)
    real = copy_module._copy_table

    def fail_at_projects(source, target, table):
        if table.name == "project":
            raise LedgerError("disk full")
        return real(source, target, table)

    monkeypatch.setattr(copy_module, "_copy_table", fail_at_projects)
    with pytest.raises(LedgerError, match="disk full"):
        copy_records(office, db)
    assert all_rows(db) == before


def test_copy_into_itself_is_refused(office):
    same = open_database(str(office.path))
    with pytest.raises(LedgerError, match="same database"):
        copy_records(office, same)
    same.dispose()


def test_command_line_copies_to_the_target_and_back(office, db_target, tmp_path, capsys):
    """`copy --to` the test database (SQLite or PostgreSQL), then `copy --from` it."""
    expected = all_rows(office)
    office_file = str(office.path)
    office.dispose()
    assert main(["--db", office_file, "copy", "--to", db_target]) == 0
    assert "Copied from" in capsys.readouterr().out
    back_file = str(tmp_path / "back.sqlite3")
    assert main(["--db", back_file, "copy", "--from", db_target]) == 0
    back = open_database(back_file)
    assert all_rows(back) == expected
    back.dispose()
    assert main(["--db", back_file, "copy", "--from", db_target]) == 1
    assert "already holds records" in capsys.readouterr().err


def test_row_counts_of_a_new_ledger_are_only_the_default_lists(db):
    with db.read() as conn:
        filled = {name for name, n in row_counts(conn).items() if n}
    assert filled <= copy_module.SEEDED
    assert "industry_field" in filled
