"""File › Import / Back up / Restore / server entries and Edit › Recycle bin, in the real window."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QMenu

from db.queries import lists
from db.services import projects
from desktop import data_menus


def _menu(window, title_part: str) -> QMenu:
    for action in window.menuBar().actions():
        if title_part in action.text().replace("&", ""):
            return action.menu()
    raise AssertionError(f"no menu {title_part}")


def _action(menu: QMenu, name: str):
    found = [a for a in menu.actions() if a.objectName() == f"menu_{name}"]
    assert found, [a.objectName() for a in menu.actions()]
    return found[0]


def test_file_menu_has_the_data_entries_before_quit(make_window, demo_db):
    window = make_window(demo_db)
    names = [a.objectName() for a in _menu(window, "File").actions() if a.objectName()]
    for name in ("import", "backup", "restore", "connect_server", "copy_to_server"):
        assert f"menu_{name}" in names
    assert names[-1] == "menu_quit"


def test_edit_menu_offers_the_recycle_bin_after_the_tab_actions(make_window, demo_db, qtbot):
    window = make_window(demo_db)
    window.show_tab("projects")
    edit = _menu(window, "Edit")
    edit.aboutToShow.emit()
    assert edit.actions()[-1].objectName() == "menu_recycle_bin"
    edit.actions()[-1].trigger()
    assert type(window.tool_dialog).__name__ == "RecycleBinDialog"


def test_deleted_record_comes_back_from_the_recycle_bin(make_window, demo_db, qtbot):
    window = make_window(demo_db)
    with demo_db.read() as conn:
        project_id = lists.list_ids(conn, "projects")[0]
    with demo_db.write() as s:
        projects.delete(s, project_id)
    data_menus.recycle_bin(window)
    dialog = window.tool_dialog
    dialog.table.selectRow(0)
    dialog.restore_selected()
    with demo_db.read() as conn:
        assert project_id in lists.list_ids(conn, "projects")
    assert window.tab("projects").model.rowCount() == 10


def test_back_up_now_writes_a_copy_where_the_clerk_chose(
    make_window, demo_db, tmp_path, monkeypatch, answers
):
    from desktop.dialogs import backup_restore

    window = make_window(demo_db)
    target = tmp_path / "usb" / "ledger-copy.sqlite3"
    target.parent.mkdir()
    monkeypatch.setattr(backup_restore, "choose_backup_destination", lambda _p, _db: target)
    _action(_menu(window, "File"), "backup").trigger()
    copy = sqlite3.connect(target)
    assert copy.execute("SELECT count(*) FROM project").fetchone() == (10,)
    copy.close()
    assert answers.kinds()[-1] == "inform"


def test_restore_reopens_the_window_on_the_restored_records(
    make_window, demo_db, tmp_path, monkeypatch, answers
):
    from db.backup import backup_to
    from desktop.dialogs import backup_restore

    window = make_window(demo_db)
    saved = backup_to(demo_db.path, tmp_path / "before.sqlite3")
    with demo_db.write() as s:
        for project_id in lists.list_ids(s.connection(), "projects")[:4]:
            projects.delete(s, project_id)
    window.refresh_all()
    assert window.tab("projects").model.rowCount() == 6
    monkeypatch.setattr(backup_restore, "choose_backup_file", lambda _p, _db: saved)
    _action(_menu(window, "File"), "restore").trigger()
    assert window.tab("projects").model.rowCount() == 10
    with window.db.read() as conn:
        assert lists.count(conn, "projects") == 10


def test_import_opens_the_wizard_on_the_current_tab_kind(make_window, demo_db):
    window = make_window(demo_db)
    window.show_tab("projects")
    _action(_menu(window, "File"), "import").trigger()
    wizard = window.tool_dialog
    assert type(wizard).__name__ == "ImportWizard"
    assert wizard.page(wizard.startId()).current_kind() == "projects"
    wizard.reject()


def test_history_tab_beside_the_details_shows_who_changed_what(make_window, demo_db, qtbot):
    window = make_window(demo_db)
    tab = window.show_tab("projects")
    tab.select_row(0)
    project_id = tab.selected_id()
    with demo_db.write() as s:
        project = s.get(projects.Project, project_id)
        old_name = project.name
        data = projects.ProjectData(
            name=old_name + "（二期）",
            investor_id=project.investor_id,
            investor_origin=project.investor_origin,
            field_id=project.field_id,
            project_type=project.project_type,
            investment=project.investment,
            signed_date=project.signed_date,
            meeting_id=project.meeting_id,
            code=project.code,
            is_sample=True,
            host_locality=project.host_locality,
        )
        projects.update(s, project_id, data)
    tab.refresh()
    tab.select_row(tab.model.row_of(project_id))
    assert tab.history.entries == []  # not loaded while hidden
    tab.side_tabs.setCurrentWidget(tab.history)
    assert len(tab.history.entries) == 2  # created, then renamed
    changes = {c.old: c.new for c in tab.history.entries[0].changes}  # newest first
    assert changes[old_name] == old_name + "（二期）"
