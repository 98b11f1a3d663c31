"""bench/generate.py makes a valid ledger: counts in proportion, search indexes that
find what was generated, sound SQLite checks, the schema as the migrations made it."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bench.generate import (
    COPY,
    ProjectFileBuilder,
    ProjectSchema,
    build_project_file,
    copies_records,
    generate,
)
from db.engine import Database, open_database
from db.health import run_checks
from db.queries import lists
from db.queries.lists import ListFilter
from db.search_index import bulk_load, lifted_search_triggers

N = 3000
# Words of the generated text: two characters (the one-character index), three or
# more (the trigram index), a code prefix and an investor's city.
WORDS = ["永川", "光伏", "能", "冷链项目", "锂电科技", "P00001", "大足"]
SEARCH_TEXT = """SELECT p.id, p.name || ' ' || coalesce(p.code, '') || ' ' ||
    coalesce(u.name || ' ' || coalesce(u.short_name, ''), '') || ' ' ||
    coalesce(p.host_locality, '')
    FROM project p LEFT JOIN unit u ON u.id = p.investor_id ORDER BY p.id"""


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def schema(path: Path) -> set[tuple]:
    with sqlite3.connect(path) as conn:
        return set(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))


def generated(path: Path, n: int = N, seed: int = 1) -> Path:
    db = open_database(str(path))
    try:
        generate(db, n, seed)
    finally:
        db.dispose()
    return path


@pytest.fixture
def ledger(db_path: Path) -> Path:
    return generated(db_path)


def test_counts_come_in_proportion(ledger: Path) -> None:
    with sqlite3.connect(ledger) as conn:
        assert count(conn, "project") == N
        assert count(conn, "unit") == N // 10
        assert count(conn, "meeting") == N // 100
        assert count(conn, "case_record") == N // 100
        assert count(conn, "case_unit") == 2 * (N // 100)
        assert count(conn, "project_fts") == count(conn, "project_fts_chars") == N
        # Realistic values: names, codes, ten years of dates, every stage and field.
        first = conn.execute("SELECT name, code FROM project ORDER BY id LIMIT 1").fetchone()
        assert first[0].startswith("某某") and first[0].endswith("项目1")
        assert first[1] == "P00000001"
        years = conn.execute("SELECT min(signed_date), max(signed_date) FROM project").fetchone()
        assert years[0] < "2016" and years[1] > "2024"
        assert count(conn, "(SELECT DISTINCT stage FROM project)") == 6
        assert count(conn, "(SELECT DISTINCT field_id FROM project)") == count(
            conn, "industry_field"
        )


def test_search_indexes_find_the_generated_words(ledger: Path) -> None:
    with sqlite3.connect(ledger) as conn:
        texts = conn.execute(SEARCH_TEXT).fetchall()
        # What the triggers would have indexed, row for row.
        assert conn.execute("SELECT rowid, text FROM project_fts ORDER BY rowid").fetchall() == (
            texts
        )
        for table in ("project_fts", "project_fts_chars"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
    db = open_database(str(ledger))
    try:
        with db.read() as conn:
            for word in WORDS:
                expected = {pid for pid, text in texts if word in text}
                assert expected, word
                assert set(lists.list_ids(conn, "projects", ListFilter(text=word))) == expected
    finally:
        db.dispose()


def test_the_file_is_a_sound_normal_ledger(ledger: Path, migrated_template: Path) -> None:
    with sqlite3.connect(ledger) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("project_fts_config", "project_fts_chars_config"):
            assert conn.execute(f"SELECT k FROM {table}").fetchall() == [("version",)]
    # Triggers and indexes back as the migrations made them.
    assert schema(ledger) == schema(migrated_template)
    db = open_database(str(ledger))  # the start-up probe (quick_check for a small file)
    try:
        report = run_checks(db)
    finally:
        db.dispose()
    assert report.problems == []
    assert not Path(str(ledger) + ".projects-scratch").exists()


def test_a_seed_makes_the_same_records(db_path: Path, tmp_path: Path) -> None:
    copies = []
    for name, seed in (("a", 7), ("b", 7), ("c", 8)):
        path = tmp_path / f"{name}.sqlite3"
        shutil.copy(db_path, path)
        copies.append(generated(path, 500, seed))

    def records(path: Path) -> list:
        with sqlite3.connect(path) as conn:
            rows = []
            for table in ("unit", "meeting", "case_record", "project"):
                cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
                keep = [c for c in cols if c not in ("created_at", "updated_at")]
                rows += conn.execute(
                    f"SELECT {', '.join(keep)} FROM {table} ORDER BY id"
                ).fetchall()
            return rows + conn.execute("SELECT rowid, text FROM project_fts_chars").fetchall()

    first, again, other = (records(p) for p in copies)
    assert first == again
    assert first != other


def test_a_ledger_with_projects_gets_more(demo_db: Database, migrated_template: Path) -> None:
    with demo_db.read() as conn:
        before = set(lists.list_ids(conn, "projects"))
        sample_hits = set(lists.list_ids(conn, "projects", ListFilter(text="项目")))
    assert before and sample_hits
    generate(demo_db, 400)
    with demo_db.read() as conn:
        after = set(lists.list_ids(conn, "projects"))
        assert before < after and len(after) == len(before) + 400
        found = set(lists.list_ids(conn, "projects", ListFilter(text="项目")))
        assert sample_hits < found and len(found) == len(sample_hits) + 400
    assert run_checks(demo_db).problems == []
    assert schema(demo_db.path) == schema(migrated_template)


def test_a_failing_builder_says_why(tmp_path: Path) -> None:
    builder = ProjectFileBuilder(tmp_path / "scratch", ProjectSchema("CREATE TABLE", []), "")
    try:
        with pytest.raises(RuntimeError, match="building the project table failed: .*Operational"):
            builder.send([(1,)])  # unless it has already ended, it takes the batch
            builder.finish()
    finally:
        builder.stop()


def test_bulk_load_leaves_the_search_settings_as_they_were(db: Database) -> None:
    with db.engine.begin() as conn, bulk_load(conn, ["project"]):
        conn.exec_driver_sql("SELECT 1")
    with db.read() as conn:
        rows = conn.exec_driver_sql("SELECT k, v FROM project_fts_config").all()
    assert [tuple(r) for r in rows] == [("version", 4)]


def test_the_project_table_is_copied_by_records(db_path: Path, tmp_path: Path) -> None:
    """A trigger or index the scratch file lacks would make SQLite build every index
    entry again: a million projects would take minutes, not seconds."""
    scratch = tmp_path / "scratch.sqlite3"
    db = open_database(str(db_path))
    try:
        with db.engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA foreign_keys = OFF")
            project_schema = ProjectSchema.read(conn)
            build_project_file(scratch, project_schema, "", iter(()))
            with lifted_search_triggers(conn):
                conn.exec_driver_sql("ATTACH DATABASE ? AS scratch", (str(scratch),))
                assert copies_records(conn, COPY)
                conn.exec_driver_sql("DETACH DATABASE scratch")
    finally:
        db.dispose()
