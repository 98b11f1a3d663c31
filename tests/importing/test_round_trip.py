"""Export records in the template layout, import into a fresh database, export again."""

from __future__ import annotations

import shutil
from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import select

from db.engine import open_database
from db.lang import set_language
from db.models import Alliance, ProgressEntry, Project
from db.services import alliances, projects
from desktop.importing.export import export_records
from desktop.importing.importer import ImportOptions, run_import
from desktop.importing.workbook import read_sheet

KINDS_IN_ORDER = ["units", "meetings", "cases", "projects", "progress", "members"]


def _cells(path) -> list[tuple]:
    ws = openpyxl.load_workbook(path).worksheets[0]
    rows = [tuple(c.value for c in row) for row in ws.iter_rows(min_row=1)]
    return [row for row in rows if any(v is not None for v in row)]  # not the blank formatted rows


@pytest.fixture
def fresh_db(tmp_path, migrated_template):
    path = tmp_path / "fresh.sqlite3"
    shutil.copy(migrated_template, path)
    database = open_database(str(path))
    yield database
    database.dispose()


def _without_sample_progress(db) -> None:
    """The sample records come with progress entries; this test adds its own after the
    first export (a project exported past signing comes back with an entry of its own)."""
    with db.write() as s:
        for entry_id in s.scalars(select(ProgressEntry.id)).all():
            projects.delete_progress(s, entry_id)


def _add_progress(db) -> None:
    with db.write() as s:
        first, second = s.scalars(select(Project.id).order_by(Project.id).limit(2)).all()
        for pid, stage, day, funds in [
            (first, "registered", date(2025, 1, 10), None),
            (first, "construction", date(2025, 3, 1), Decimal("1500.5")),
            (second, "terminated", date(2025, 2, 2), None),
        ]:
            entry = projects.ProgressData(day, stage, f"进展：{stage}", "用地指标待协调", funds)
            projects.add_progress(s, pid, entry)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_kind_round_trips(demo_db, fresh_db, tmp_path, lang):
    set_language(lang)
    _without_sample_progress(demo_db)
    with demo_db.write() as s:
        # A clerk's text that looks like a formula must come back as the same text.
        s.scalars(select(Project).order_by(Project.id)).first().responsible_person = "=1+1"
    first = {k: export_records(demo_db, k, tmp_path / f"a-{k}.xlsx") for k in KINDS_IN_ORDER}
    _add_progress(demo_db)
    first["progress"] = export_records(demo_db, "progress", tmp_path / "a-progress.xlsx")
    projects_after = export_records(demo_db, "projects", tmp_path / "a-projects-after.xlsx")
    first["members"] = export_records(demo_db, "members", tmp_path / "a-members.xlsx")
    with fresh_db.write() as s, demo_db.session() as demo:
        for alliance in demo.scalars(select(Alliance)):
            alliances.create(s, alliances.AllianceData(name=alliance.name))

    for kind in KINDS_IN_ORDER:
        sheet = read_sheet(first[kind], kind)
        report = run_import(fresh_db, sheet, ImportOptions())
        assert report.problems == [] and report.written, kind
        assert report.added == len(sheet.rows) and report.duplicates == []
        assert report.created_units == []  # units came first, and by name
        again = export_records(fresh_db, kind, tmp_path / f"b-{kind}.xlsx")
        expected = projects_after if kind == "projects" else first[kind]
        if kind != "projects":
            assert _cells(again) == _cells(expected), kind
    # Projects came in at "signed"; the progress rows moved them on, as in the source.
    assert _cells(tmp_path / "b-projects.xlsx") == _cells(first["projects"])
    final = export_records(fresh_db, "projects", tmp_path / "b-projects-after.xlsx")
    assert _cells(final) == _cells(projects_after)
    data = _cells(projects_after)
    assert len(data) == 11 and any("=1+1" in row for row in data)


def test_importing_the_same_export_twice_adds_nothing(demo_db, tmp_path):
    exported = export_records(demo_db, "projects", tmp_path / "p.xlsx")
    report = run_import(demo_db, read_sheet(exported, "projects"), ImportOptions())
    assert report.written and report.added == 0 and len(report.duplicates) == 10
