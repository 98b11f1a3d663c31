"""History view (audit log of one record) and the recycle bin dialog, through real widgets."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from db.engine import Database
from db.errors import LedgerError
from db.lang import set_language
from db.models import Project
from db.queries.lists import ListFilter, count, list_ids
from db.queries.recycle import deleted_records
from db.services import projects, recycle
from desktop.dialogs.history import HistoryView, record_history
from desktop.dialogs.recycle_bin import RecycleBinDialog
from desktop.widgets import ask
from tests import factories


@pytest.fixture
def edited_project(db: Database) -> int:
    with db.write() as session:
        investor = factories.enterprise(session)
        project = projects.create(session, factories.project_data(session, investor))
        pid = project.id
    with db.write() as session:
        data = factories.project_data(
            session, investor, investment=Decimal("20000.50"), host_locality="永川区"
        )
        projects.update(session, pid, data, version=1)
    with db.write() as session:
        projects.add_progress(
            session,
            pid,
            projects.ProgressData(
                entry_date=data.signed_date, stage="registered", description="完成工商注册"
            ),
        )
    return pid


def test_history_lists_who_when_and_each_field_old_to_new(db: Database, edited_project: int):
    entries = record_history(db, "project", edited_project)
    assert [e.action for e in entries] == ["Changed", "Changed", "Created"]
    assert {e.who for e in entries} == {db.user}
    changed = {c.field: (c.old, c.new) for c in entries[1].changes}
    assert changed["Contracted (万元)"] == ("12345.67", "20000.50")
    assert changed["Host locality"] == ("—", "永川区")
    stage = {c.field: (c.old, c.new) for c in entries[0].changes}["Stage"]
    assert stage == ("Signed", "Registered")
    created = {c.field: c.new for c in entries[2].changes}
    assert created["Investor"].startswith("测试企业有限公司")
    assert "UUID" not in created


def test_history_in_chinese(db: Database, edited_project: int):
    set_language("zh")
    entries = record_history(db, "projects", edited_project)
    assert entries[-1].action == "新建"
    assert ("签约", "落地") in {(c.old, c.new) for c in entries[0].changes}


def test_history_view_widget_shows_the_entries(qtbot, db: Database, edited_project: int):
    view = HistoryView(db)
    qtbot.addWidget(view)
    view.resize(900, 400)
    view.show()
    view.show_record("project", edited_project)
    tree = view.tree
    assert tree.topLevelItemCount() == 3
    first = tree.topLevelItem(0)
    assert first.text(1) == db.user and first.text(2) == "Changed"
    children = {first.child(i).text(2): first.child(i).text(4) for i in range(first.childCount())}
    assert children["Stage"] == "Registered"
    assert view.empty.isHidden()
    view.show_record("project", None)
    assert tree.topLevelItemCount() == 0 and not view.empty.isHidden()


def test_history_of_a_deleted_and_restored_record(db: Database, edited_project: int):
    with db.write() as session:
        projects.delete(session, edited_project)
    with db.write() as session:
        recycle.restore(session, "project", edited_project)
    actions = [e.action for e in record_history(db, "project", edited_project)]
    assert actions[:2] == ["Restored from the recycle bin", "Moved to the recycle bin"]


def test_lists_leave_deleted_records_out(db: Database, edited_project: int):
    with db.write() as session:
        projects.delete(session, edited_project)
    with db.read() as conn:
        assert list_ids(conn, "projects") == []
        assert count(conn, "projects") == 0
        assert list_ids(conn, "projects", ListFilter(deleted=True)) == [edited_project]


def test_bin_lists_every_kind_and_restores(qtbot, demo_db: Database, monkeypatch):
    from db.services import meetings, units

    with demo_db.write() as session:
        projects.delete(session, 1)
        meetings.delete(session, 1)
        units.delete(session, 31)
    dialog = RecycleBinDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    kinds = {dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())}
    assert kinds == {"Project", "Meeting", "Unit"}
    row = next(r for r in range(3) if dialog.entries[r].kind == "project")
    dialog.table.selectRow(row)
    with qtbot.waitSignal(dialog.changed):
        qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 2
    with demo_db.read() as conn:
        assert 1 in list_ids(conn, "projects")


def test_bin_purges_only_after_confirmation(qtbot, demo_db: Database, monkeypatch):
    from db.services import units

    with demo_db.write() as session:
        unit = units.create(session, units.UnitData(name="临时单位", kind="other"))
        uid = unit.id
        units.delete(session, uid)
    dialog = RecycleBinDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.table.selectRow(0)
    monkeypatch.setattr(ask, "confirm", lambda *_a: False)
    dialog.purge_selected()
    assert dialog.table.rowCount() == 1
    monkeypatch.setattr(ask, "confirm", lambda *_a: True)
    dialog.table.selectRow(0)
    dialog.purge_selected()
    assert dialog.table.rowCount() == 0
    with demo_db.read() as conn:
        assert deleted_records(conn) == []
        assert conn.exec_driver_sql(f"SELECT count(*) FROM unit WHERE id = {uid}").scalar() == 0


def test_purging_a_record_still_in_use_is_refused_with_a_message(
    qtbot, demo_db: Database, monkeypatch
):
    from db.services import units

    with demo_db.write() as session:
        investor = session.get(Project, 1).investor_id
        # Its project is still live and points at it.
        units.delete(session, investor)
    warned: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda *_a: True)
    monkeypatch.setattr(ask, "warn", lambda _p, _t, text: warned.append(text))
    dialog = RecycleBinDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.table.selectAll()
    dialog.purge_selected()
    assert len(warned) == 1 and "cannot be purged" in warned[0]
    with demo_db.read() as conn:
        users = conn.exec_driver_sql(
            f"SELECT count(*) FROM project WHERE investor_id = {investor}"
        ).scalar()
        assert [(e.kind, e.id) for e in deleted_records(conn)] == [("unit", investor)]
    assert f"still used by {users} records" in warned[0]
    with pytest.raises(LedgerError), demo_db.write() as session:
        recycle.purge(session, "unit", investor)


def test_restoring_a_progress_entry_moves_the_stage_again(db: Database, edited_project: int):
    with db.read() as conn:
        entry_id = conn.exec_driver_sql("SELECT id FROM progress_entry").scalar()
    with db.write() as session:
        projects.delete_progress(session, entry_id)
    with db.read() as conn:
        assert [e.kind for e in deleted_records(conn)] == ["progress"]
    with db.write() as session:
        assert session.get(Project, edited_project).stage == "signed"
        recycle.restore(session, "progress", entry_id)
    with db.write() as session:
        assert session.get(Project, edited_project).stage == "registered"


def test_bin_filter_by_name(qtbot, demo_db: Database):
    from db.services import meetings

    with demo_db.write() as session:
        projects.delete(session, 1)
        meetings.delete(session, 1)
    dialog = RecycleBinDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.search.setText("重点项目01")  # typed; QTest cannot key-click Chinese
    assert [e.kind for e in dialog.entries] == ["project"]


def test_purging_a_project_takes_its_progress_log_with_it(demo_db: Database):
    """What the record owns goes with it; nothing is left pointing nowhere."""
    with demo_db.write() as session:
        data = projects.ProgressData(date(2025, 3, 1), "registered", "完成注册")
        projects.add_progress(session, 1, data)
        projects.delete(session, 1)
    with demo_db.write() as session:
        recycle.purge(session, "project", 1)
    with demo_db.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM project WHERE id = 1").scalar() == 0
        assert (
            conn.exec_driver_sql(
                "SELECT count(*) FROM progress_entry WHERE project_id = 1"
            ).scalar()
            == 0
        )
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []


def test_purging_an_alliance_takes_its_members_and_chair_terms_with_it(demo_db: Database):
    from db.services import alliances

    with demo_db.read() as conn:
        alliance_id = conn.exec_driver_sql(
            "SELECT alliance_id FROM chair_term ORDER BY alliance_id LIMIT 1"
        ).scalar()
    with demo_db.write() as session:
        alliances.delete(session, alliance_id)
    with demo_db.write() as session:
        recycle.purge(session, "alliance", alliance_id)
    with demo_db.read() as conn:
        for table in ("alliance_member", "chair_term"):
            left = f"SELECT count(*) FROM {table} WHERE alliance_id = {alliance_id}"
            assert conn.exec_driver_sql(left).scalar() == 0, table
        gone = f"SELECT count(*) FROM alliance WHERE id = {alliance_id}"
        assert conn.exec_driver_sql(gone).scalar() == 0
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
