"""Tools (reference data, units directory with merge), About, switching databases, and
the start-up entry used by the installer check."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys

from PySide6.QtCore import Qt

from db.engine import open_database
from db.queries.choices import reference_items
from db.queries.details import meeting_detail
from db.services import meetings
from db.services.meetings import HostData
from db.version import program_version
from tests import factories


def _menu_action(window, name: str):
    from PySide6.QtGui import QAction

    return window.findChild(QAction, f"menu_{name}")


def test_reference_data_adds_a_meeting_kind(window, db, qtbot):
    _menu_action(window, "reference").trigger()
    dialog = window.tool_dialog
    page = dialog.pages.widget(0)
    before = page.model.rowCount()
    form = page.add()
    form.code.setText("expo")
    form.name_zh.setText("博览会")
    form.name_en.setText("Expo")
    form.save()
    assert not form.isVisible()
    assert page.model.rowCount() == before + 1
    with db.read() as conn:
        assert "博览会" in [k["name_zh"] for k in reference_items(conn, "meeting_kind")]
    again = page.add()
    again.code.setText("expo")
    again.save()
    assert again.isVisible() and again.grid.errors["code"].isVisible()
    assert again.grid.errors["name_zh"].isVisible()
    again.done(0)
    dialog.reject()
    kinds = window.tab("meetings").filter_bar._combos["kind_id"]
    assert "Expo" in [kinds.itemText(i) for i in range(kinds.count())]


def test_units_directory_merges_a_duplicate(window, db, answers):
    with db.write() as session:
        keep = factories.unit(session, "四川省商务厅")
        drop = factories.unit(session, "四川商务厅（重复）")
        data = factories.meeting_data(session, hosts=[HostData(drop)])
        meeting_id = meetings.create(session, data).id
    _menu_action(window, "units").trigger()
    directory = window.tool_dialog
    directory.filter_bar.search.setText("重复")
    directory.filter_bar.flush()
    assert directory.model.rowCount() == 1
    directory.view.setCurrentIndex(directory.model.index(0, 0))
    merge = directory.merge()
    merge.keep.edit.setText("四川省商务厅")
    merge.merge()
    assert answers.kinds()[-1] == "confirm" and "四川商务厅（重复）" in answers.asked[-1][1]
    assert not merge.isVisible()
    assert directory.model.rowCount() == 0
    with db.read() as conn:
        assert [h["unit_id"] for h in meeting_detail(conn, meeting_id)["hosts"]] == [keep]


def test_units_directory_edits_a_unit(window, db, qtbot):
    with db.write() as session:
        factories.unit(session, "自贡市政府")
    _menu_action(window, "units").trigger()
    directory = window.tool_dialog
    directory.view.setCurrentIndex(directory.model.index(0, 0))
    form = directory.edit()
    form.short_name.setText("自贡")
    form.save()
    assert not form.isVisible()
    col = directory.model.column_index("short_name")
    assert directory.model.index(0, col).data() == "自贡"


def test_about_names_version_and_database(window, db):
    _menu_action(window, "about").trigger()
    text = window.tool_dialog.text.text()
    assert program_version() in text and db.display_name() in text


def test_open_another_database_rebuilds_the_tabs(window, demo_db, tmp_path):
    other = tmp_path / "other.sqlite3"
    assert window.switch_database(str(other))
    assert window.db.path == other
    assert window.stack.currentWidget() is window.empty
    assert all(t.db is window.db for t in window.record_tabs())
    from desktop.widgets.settings import recent_databases

    assert recent_databases()[0] == str(other)


def test_next_tab_key_and_edit_menu(demo_window, qtbot):
    demo_window.show_tab("meetings")
    _menu_action(demo_window, "next_tab").trigger()
    assert demo_window.current_tab().kind == "cases"
    edit_menu = demo_window.menuBar().actions()[1].menu()
    edit_menu.aboutToShow.emit()
    names = [a.objectName() for a in edit_menu.actions()]
    assert names[:3] == ["action_new", "action_edit", "action_delete"]
    assert edit_menu.actions()[0].parent() is demo_window.current_tab()


def test_enter_on_a_row_opens_the_form(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    form = tab.open_form
    assert form is not None and form.isVisible() and form.name.text()
    form.reject()
    qtbot.keyClick(tab.view, Qt.Key.Key_Return)
    assert tab.open_form is not None and tab.open_form.isVisible()
    tab.open_form.reject()


def test_smoke_test_opens_and_closes_by_itself(db_path):
    """Exactly the installer's check, in its own process: `ftz-ledger --db X --smoke-test`."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "desktop", "--db", str(db_path), "--smoke-test"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr


def test_window_refuses_a_file_that_is_not_a_ledger(tmp_path, monkeypatch):
    import desktop.startup as startup
    from desktop import app

    monkeypatch.setattr(startup, "open_database_for_window", lambda target, parent: None)
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("not a database")
    assert app.run(argparse.Namespace(db=str(bad), smoke_test=True)) == 1


def test_window_shows_records_of_the_sample_ledger(demo_db, db_path, make_window):
    window = make_window(open_database(str(db_path)))
    assert window.tab("projects").model.rowCount() == 10
    window.db.dispose()
