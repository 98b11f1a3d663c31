"""Entering records through the real window: meeting, case, project, hand-over."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from PySide6.QtCore import Qt

from db.enums import AgendaKind, HostRole
from db.queries.details import alliance_detail, case_detail, meeting_detail, project_detail
from desktop.widgets.formatting import date_text
from tests import factories


def _save(qtbot, form) -> None:
    with qtbot.waitSignal(form.finished, timeout=3000):
        qtbot.mouseClick(form.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def test_empty_ledger_offers_samples_and_new_meeting(window, qtbot):
    assert window.stack.currentWidget() is window.empty
    qtbot.mouseClick(window.empty.samples_button, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is window.tabs
    assert window.tab("projects").model.rowCount() == 10
    assert window.tab("meetings").model.rowCount() >= 1


def test_create_meeting_with_two_hosts_and_agenda(window, qtbot, db, some_units):
    form = window.new_meeting_from_empty()
    assert window.tabs.currentWidget() is window.tab("meetings")
    form.title.setText("川渝自贸协同对接会")
    form.start_date.set_value(date(2025, 3, 6))
    form.city.setText("泸州")
    first = form.hosts.add_row()
    first.unit.edit.setText("四川省商务厅")
    second = form.hosts.add_row()
    second.unit.edit.setText("重庆市商务委")  # the short name is enough
    second.role.set_value(HostRole.ORGANISER)
    for kind, text in [
        (AgendaKind.CEREMONY, "开幕"),
        (AgendaKind.SPEECH, "致辞"),
        (AgendaKind.OTHER, "合影"),
    ]:
        row = form.agenda.add_row()
        row.kind.set_value(kind)
        row.text.setText(text)
    form.agenda._move(form.agenda.rows[2], -1)  # 合影 before 致辞
    _save(qtbot, form)

    tab = window.tab("meetings")
    assert tab.model.rowCount() == 1
    with db.read() as conn:
        rec = meeting_detail(conn, tab.selected_id())
    assert [(h["unit_id"], h["role"]) for h in rec["hosts"]] == [
        (some_units["commerce"], HostRole.HOST),
        (some_units["cq"], HostRole.ORGANISER),
    ]
    assert [a["text"] for a in rec["agenda"]] == ["开幕", "合影", "致辞"]
    assert "川渝自贸协同对接会" in tab.detail.toPlainText()


def test_unit_picker_creates_a_unit_on_the_spot(window, qtbot, db):
    form = window.new_meeting_from_empty()
    form.title.setText("新单位的会")
    row = form.hosts.add_row()
    row.unit.edit.setText("自贡市人民政府")
    assert row.unit.value() is None
    row.unit.add_button.click()
    unit_form = form.unit_form
    assert unit_form.name.text() == "自贡市人民政府"
    _save(qtbot, unit_form)
    assert row.unit.value() is not None
    _save(qtbot, form)
    with db.read() as conn:
        rec = meeting_detail(conn, window.tab("meetings").selected_id())
    assert [h["unit"] for h in rec["hosts"]] == ["自贡市人民政府"]


def test_unknown_unit_is_reported_not_dropped(window, qtbot):
    form = window.new_meeting_from_empty()
    form.title.setText("会")
    form.hosts.add_row().unit.edit.setText("没有这个单位")
    form.save()
    assert form.isVisible()
    error = form.grid.errors["hosts"]
    assert error.isVisible() and "没有这个单位" in error.text()


def test_add_case_showcased_at_a_meeting(window, qtbot, db, some_units):
    with db.write() as session:
        meeting_id = factories.meetings.create(session, factories.meeting_data(session)).id
    window.refresh_all()
    tab = window.show_tab("cases")
    form = tab.new_record()
    form.title.setText("关银一KEY通")
    form.lead_units.add_row().unit.edit.setText("四川省商务厅")
    form.meetings.set_value([meeting_id])
    _save(qtbot, form)
    assert tab.model.rowCount() == 1
    with db.read() as conn:
        case = case_detail(conn, tab.selected_id())
        meeting = meeting_detail(conn, meeting_id)
    assert [m["id"] for m in case["meetings"]] == [meeting_id]
    assert [c["title"] for c in meeting["cases"]] == ["关银一KEY通"]
    assert [u["unit_id"] for u in case["lead_units"]] == [some_units["commerce"]]


def test_add_project_signed_at_a_meeting(window, qtbot, db, some_units):
    with db.write() as session:
        meeting_id = factories.meetings.create(session, factories.meeting_data(session)).id
    window.refresh_all()
    meetings_tab = window.show_tab("meetings")
    assert meetings_tab.selected_id() == meeting_id
    meetings_tab.actions_["new_project_here"].trigger()
    form = window.tab("projects").open_form
    assert form.meeting.value() == meeting_id
    form.name.setText("锂电池正极材料项目")
    form.investor.edit.setText("泸州新材料有限公司")
    form.investment.setText("1,234.5")
    _save(qtbot, form)
    tab = window.tab("projects")
    assert window.tabs.currentWidget() is tab
    with db.read() as conn:
        rec = project_detail(conn, tab.selected_id())
        meeting = meeting_detail(conn, meeting_id)
    assert rec["meeting_id"] == meeting_id
    assert rec["investment"] == Decimal("1234.50")
    assert meeting["projects_total"] == Decimal("1234.50")
    column = tab.model.column_index("investment")
    assert tab.model.index(0, column).data() == "1,234.50"


def test_hand_over_alliance_chair(demo_window, qtbot, demo_db):
    tab = demo_window.show_tab("alliances")
    with demo_db.read() as conn:
        alliance_id = tab.selected_id()
        before = alliance_detail(conn, alliance_id)
    successor = next(
        m["unit"]
        for m in before["members"]
        if m["unit"] != before["current_chair"] and m["left_date"] is None
    )
    dialog = tab.hand_over()
    dialog.unit.edit.setText(successor)
    dialog.on.set_value(date(2026, 1, 15))
    _save(qtbot, dialog)
    with demo_db.read() as conn:
        after = alliance_detail(conn, alliance_id)
    assert after["current_chair"] == successor
    assert len(after["chair_terms"]) == len(before["chair_terms"]) + 1
    old = next(t for t in after["chair_terms"] if t["unit"] == before["current_chair"])
    assert old["end_date"] == date(2026, 1, 15)
    assert successor in tab.detail.toPlainText()


def test_add_member_and_member_leaves(demo_window, qtbot, demo_db):
    with demo_db.write() as session:
        factories.unit(session, "眉山市人民政府")
    tab = demo_window.show_tab("alliances")
    alliance_id = tab.selected_id()
    form = tab.add_member()
    form.unit.edit.setText("眉山市人民政府")
    form.joined.set_value(date(2025, 1, 1))
    _save(qtbot, form)
    leave = tab.member_leaves()
    leave.member.setCurrentIndex(leave.member.findText("眉山市人民政府"))
    leave.left.set_value(date(2025, 6, 30))
    _save(qtbot, leave)
    with demo_db.read() as conn:
        members = alliance_detail(conn, alliance_id)["members"]
    joined = next(m for m in members if m["unit"] == "眉山市人民政府")
    assert joined["left_date"] == date(2025, 6, 30)


def test_edit_member_changes_contact_details_and_names_bad_dates(
    demo_window, qtbot, demo_db, answers
):
    tab = demo_window.show_tab("alliances")
    alliance_id = tab.selected_id()
    with demo_db.read() as conn:
        member = alliance_detail(conn, alliance_id)["members"][0]
    joined = date_text(member["joined_date"])
    answers.choice = f"{member['unit']} (since {joined})"
    form = tab.edit_member()
    assert form is not None and form.unit.value() == member["unit_id"]
    form.person.setText("张联络")
    form.phone.setText("028-12345678")
    form.left.set_value(member["joined_date"] - timedelta(days=1))
    form.save()
    assert form.isVisible() and form.grid.errors["left_date"].isVisible()
    form.left.set_value(None)
    _save(qtbot, form)
    with demo_db.read() as conn:
        edited = next(
            m for m in alliance_detail(conn, alliance_id)["members"] if m["id"] == member["id"]
        )
    assert (edited["contact_person"], edited["contact_phone"]) == ("张联络", "028-12345678")
    assert "张联络" in tab.detail.toPlainText()
    answers.choice = None  # Cancel in the chooser: no form
    assert tab.edit_member() is None


def test_progress_entry_moves_the_stage(demo_window, qtbot, demo_db):
    tab = demo_window.show_tab("projects")
    project_id = tab.selected_id()
    form = tab.add_progress()
    form.stage.set_value("registered")
    form.entry_date.set_value(date(2025, 2, 1))
    form.description.setPlainText("完成工商注册")
    _save(qtbot, form)
    assert tab.selected_id() == project_id
    column = tab.model.column_index("stage")
    assert tab.model.index(tab.view.currentIndex().row(), column).data() == "Registered"
    assert "完成工商注册" in tab.detail.toPlainText()
