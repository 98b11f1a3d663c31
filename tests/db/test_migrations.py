"""The schema comes only from Alembic, and matches the models exactly."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

from db.engine import open_database
from db.errors import LedgerOpenError
from db.migrate import head_revision, include_object
from db.models import Base, IndustryField, MeetingKind


def test_migrated_schema_equals_the_models(db):
    with db.engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": include_object}
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_create_all_and_migrations_give_the_same_tables(tmp_path, db):
    engine = create_engine(f"sqlite:///{tmp_path / 'create_all.sqlite3'}")
    Base.metadata.create_all(engine)
    with engine.connect() as a, db.engine.connect() as b:
        ctx = MigrationContext.configure(
            b, opts={"compare_type": True, "include_object": include_object}
        )
        assert compare_metadata(ctx, Base.metadata) == []
        from sqlalchemy import inspect

        migrated = {
            t for t in inspect(b).get_table_names() if include_object(None, t, "table", True, None)
        }
        assert set(inspect(a).get_table_names()) | {"alembic_version"} == migrated
    engine.dispose()


def test_reference_lists_are_seeded_in_both_languages(db):
    with db.read() as conn:
        fields = conn.execute(
            select(IndustryField.code, IndustryField.name_zh, IndustryField.name_en)
        ).all()
        kinds = conn.execute(select(MeetingKind.name_zh)).scalars().all()
    assert ("advanced_materials", "先进材料", "Advanced materials") in fields
    assert len(fields) == 8
    assert "产业对接会" in kinds


def _stamp(path: Path, revision: str) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()


def test_database_from_a_newer_program_is_refused_and_left_alone(db_path):
    _stamp(db_path, "9999_from_the_future")
    before = db_path.read_bytes()
    with pytest.raises(LedgerOpenError, match="newer program"):
        open_database(str(db_path))
    assert db_path.read_bytes() == before


def test_sqlite_file_of_another_program_is_refused(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = path.read_bytes()
    with pytest.raises(LedgerOpenError, match="not a ledger"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_file_that_is_not_sqlite_is_refused_unchanged(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_bytes(b"this is a text file, not a database" * 10)
    before = path.read_bytes()
    with pytest.raises(LedgerOpenError, match="not a ledger database"):
        open_database(str(path))
    assert path.read_bytes() == before


def test_folder_is_refused(tmp_path):
    with pytest.raises(LedgerOpenError, match="is a folder"):
        open_database(str(tmp_path))


def test_new_file_is_created_at_head(tmp_path):
    db = open_database(str(tmp_path / "new.sqlite3"))
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
    db.dispose()


def test_upgrade_from_an_older_revision_keeps_data_and_backs_up_first(db_path, monkeypatch):
    """An older ledger (here: one whose revision the program can still upgrade) is
    copied aside before the upgrade, and its records survive."""
    from db import migrate, schema_head
    from db.services import units

    db = open_database(str(db_path))
    with db.write() as s:
        units.create(s, units.UnitData(name="四川省商务厅", kind="government", province="sichuan"))
    db.dispose()
    # Pretend the program's head moved on: the file's revision is now "older".
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999_next")
    monkeypatch.setattr(schema_head, "HEAD_REVISION", "9999_next")
    upgraded_to = []
    monkeypatch.setattr(migrate, "upgrade", lambda db, target: upgraded_to.append(target))
    db = open_database(str(db_path))
    backups = list((db_path.parent / "backups").glob(f"*before-upgrade-{head_revision()}*"))
    assert len(backups) == 1 and upgraded_to == ["head"]
    copy = sqlite3.connect(backups[0])
    assert copy.execute("SELECT name FROM unit").fetchall() == [("四川省商务厅",)]
    copy.close()
    db.dispose()


@pytest.mark.sqlite_only
def test_0002_upgrades_a_0001_ledger_with_projects_and_indexes_them(tmp_path):
    from db import migrate
    from db.queries import lists
    from db.services import projects
    from tests import factories as f

    path = tmp_path / "old.sqlite3"
    old = open_database(str(path), migrate=False)
    migrate.upgrade(old, "0001")
    with old.write() as s:
        projects.create(
            s, f.project_data(s, f.enterprise(s, "泸州储能科技有限公司"), name="储能电站项目")
        )
    old.dispose()
    db = open_database(str(path))
    with db.read() as conn:
        assert migrate.current_revision(conn) == head_revision()
        assert lists.count(conn, "projects", lists.ListFilter(text="泸州储能")) == 1
        assert lists.count(conn, "projects", lists.ListFilter(text="储能电站")) == 1
    assert list((tmp_path / "backups").glob("*before-upgrade-0001*"))
    db.dispose()


def test_the_quick_head_check_knows_the_same_head_as_alembic():
    from db.schema_head import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_opening_an_up_to_date_ledger_does_not_load_alembic(db_path):
    """The start-up's common case answers from one SELECT; a new file still migrates."""
    script = (
        "import sys; from db.engine import open_database; "
        "db = open_database(sys.argv[1]); db.dispose(); "
        "print('alembic' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]

    def loads_alembic(path: Path) -> bool:
        run = subprocess.run(
            [sys.executable, "-c", script, str(path)],
            cwd=root,
            capture_output=True,
            text=True,
            check=True,
        )
        return run.stdout.strip() == "True"

    assert loads_alembic(db_path.parent / "new.sqlite3")  # created: migrations ran
    assert not loads_alembic(db_path.parent / "new.sqlite3")  # now at head
