"""The Projects tab's follow-up: row colours, the progress log, stage rules in the form,
Settings, the counting help of the project form and the monthly report dialog."""

from __future__ import annotations

from datetime import date

import openpyxl
from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QStyleOptionViewItem
from sqlalchemy import select

from db.enums import ProjectType, Stage
from db.lang import set_language
from db.models import Project
from db.queries import follow_up
from db.services import settings
from desktop.dialogs import progress_report
from desktop.main_menus import _fill_reports
from desktop.tabs.projects import FOLLOW_UP_COLOURS

TODAY = date(2025, 6, 15)


def _save(qtbot, form) -> None:
    with qtbot.waitSignal(form.finished, timeout=3000):
        qtbot.mouseClick(form.buttons.buttons()[0], Qt.MouseButton.LeftButton)


def _project(db, code: str) -> Project:
    with db.write() as s:
        p = s.scalar(select(Project).where(Project.code == code))
        s.expunge(p)
        return p


def _select(tab, project_id: int) -> None:
    tab.select_row(tab.model.row_of(project_id))


def _background(tab, row: int):
    option = QStyleOptionViewItem()
    tab.view.itemDelegate().initStyleOption(option, tab.model.index(row, 0))
    return option.backgroundBrush.color()


def test_rows_are_coloured_by_follow_up_level(demo_window, demo_db):
    tab = demo_window.show_tab("projects")
    tab.today = TODAY
    seen = set()
    for row in range(tab.model.rowCount()):
        rec = tab.model.row_data(row)
        level = follow_up.level(
            rec["stage"], rec["signed_date"], rec["last_progress_date"], TODAY, tab.limits
        )
        seen.add(level)
        if level is None:
            assert _background(tab, row) != FOLLOW_UP_COLOURS["red"]
        else:
            assert _background(tab, row) == FOLLOW_UP_COLOURS[level]
    assert {None, "red"} <= seen  # some fine, some red on that day
    project_7 = _project(demo_db, "SAMPLE-2024-07")  # entry 2025-06-20: not stalled
    assert tab.follow_up_level(tab.model.row_of(project_7.id)) is None
    _select(tab, project_7.id)
    assert "no progress entry" not in tab.detail.toPlainText()
    _select(tab, _project(demo_db, "SAMPLE-2024-02").id)  # never an entry: red
    assert "Red: no progress entry for 3 months or more." in tab.detail.toPlainText()


def test_follow_up_filter_combo(demo_window):
    tab = demo_window.show_tab("projects")
    combo = tab.filter_bar._combos["follow_up"]
    combo.setCurrentIndex(combo.findData("red"))
    assert tab.current_filter().follow_up == "red"
    assert tab.model.rowCount() == 10  # real today: every sample is long silent
    combo.setCurrentIndex(combo.findData("amber"))
    assert tab.model.rowCount() == 0


def test_progress_log_adds_edits_and_deletes_entries(demo_window, qtbot, demo_db, answers):
    tab = demo_window.show_tab("projects")
    project = _project(demo_db, "SAMPLE-2024-05")  # registered, construction, production
    _select(tab, project.id)
    log = tab.progress_log()
    assert log.table.rowCount() == 3
    assert log.table.item(2, 1).text() == "In production"
    # edit the latest entry: to target output
    log.table.selectRow(2)
    form = log.edit_entry()
    form.stage.set_value(Stage.TARGET)
    _save(qtbot, form)
    assert _project(demo_db, "SAMPLE-2024-05").stage == Stage.TARGET
    assert tab.selected_id() == project.id
    assert tab.model.index(
        tab.view.currentIndex().row(), tab.model.column_index("stage")
    ).data() == ("At target output")
    # delete it: the stage follows the entries left
    log.table.selectRow(2)
    assert log.delete_entry()
    assert answers.kinds()[-1] == "confirm"
    assert log.table.rowCount() == 2
    assert _project(demo_db, "SAMPLE-2024-05").stage == Stage.CONSTRUCTION
    # add one through the log
    form = log.add_entry()
    form.entry_date.set_value(date(2025, 11, 5))
    form.stage.set_value(Stage.PRODUCTION)
    form.description.setPlainText("恢复生产")
    _save(qtbot, form)
    assert log.table.rowCount() == 3
    assert _project(demo_db, "SAMPLE-2024-05").last_progress_date == date(2025, 11, 5)


def test_refused_delete_keeps_the_entry(demo_window, demo_db, answers):
    tab = demo_window.show_tab("projects")
    project = _project(demo_db, "SAMPLE-2024-07")
    _select(tab, project.id)
    log = tab.progress_log()
    answers.confirm = False
    assert not log.delete_entry()
    assert log.table.rowCount() == 2


def test_new_entry_offers_only_forward_stages_and_terminated(demo_window, demo_db):
    tab = demo_window.show_tab("projects")
    project = _project(demo_db, "SAMPLE-2024-07")  # under construction
    _select(tab, project.id)
    form = tab.add_progress()
    model = form.stage.model()
    assert isinstance(model, QStandardItemModel)
    enabled = {form.stage.itemData(i): model.item(i).isEnabled() for i in range(form.stage.count())}
    assert enabled == {
        Stage.SIGNED: False,
        Stage.REGISTERED: False,
        Stage.CONSTRUCTION: True,
        Stage.PRODUCTION: True,
        Stage.TARGET: True,
        Stage.TERMINATED: True,
    }
    form.done(0)


def test_terminating_asks_for_the_reason(demo_window, qtbot, demo_db):
    tab = demo_window.show_tab("projects")
    project = _project(demo_db, "SAMPLE-2024-02")
    _select(tab, project.id)
    form = tab.add_progress()
    form.entry_date.set_value(date(2025, 3, 1))
    form.stage.set_value(Stage.TERMINATED)
    assert "Reason for termination" in form.description_label.text()
    assert "final" in form.stage_hint.text()
    qtbot.mouseClick(form.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert form.isVisible()
    error = form.grid.errors["description"]
    assert error.isVisibleTo(form) and "reason for termination" in error.text()
    assert _project(demo_db, "SAMPLE-2024-02").stage == Stage.SIGNED
    form.description.setPlainText("投资方战略调整")
    _save(qtbot, form)
    saved = _project(demo_db, "SAMPLE-2024-02")
    assert saved.stage == Stage.TERMINATED and saved.terminated_reason == "投资方战略调整"


def test_a_backward_entry_is_refused_under_the_stage(demo_window, qtbot, demo_db):
    tab = demo_window.show_tab("projects")
    project = _project(demo_db, "SAMPLE-2024-07")
    _select(tab, project.id)
    form = tab.add_progress()
    form.entry_date.set_value(date(2025, 8, 1))
    form.stage.setCurrentIndex(form.stage.findData(Stage.REGISTERED))  # greyed, forced
    form.description.setPlainText("回退")
    qtbot.mouseClick(form.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    assert form.isVisible() and form.grid.errors["stage"].isVisibleTo(form)
    assert _project(demo_db, "SAMPLE-2024-07").stage == Stage.CONSTRUCTION
    form.done(0)


def test_settings_dialog_stores_the_thresholds(demo_window, demo_db):
    tools = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&Tools")
    action = next(a for a in tools.actions() if a.objectName() == "menu_settings")
    action.trigger()
    dialog = demo_window.tool_dialog
    assert (dialog.amber.value(), dialog.red.value()) == (2, 3)
    dialog.amber.setValue(5)
    dialog.red.setValue(4)
    dialog.save()
    assert dialog.isVisible() and "Red must come at or after amber" in dialog.error.text()
    dialog.red.setValue(8)
    dialog.save()
    assert not dialog.isVisible()
    with demo_db.read() as conn:
        assert follow_up.thresholds(conn) == follow_up.Thresholds(5, 8)
        assert settings.get(conn, "red_months") == "8"


def test_project_form_warns_of_a_similar_project_and_opens_it(demo_window, demo_db):
    tab = demo_window.show_tab("projects")
    existing = _project(demo_db, "SAMPLE-2024-03")
    form = tab.new_record()
    form.investor.edit.setText("【示例】样例企业03有限公司")
    form.name.setText("【示例】先进材料重点项目3")  # not the same name, nearly
    assert form.check_similar() == [existing.id]
    assert form.similar.isVisibleTo(form)
    assert existing.name in form.similar.text() and f"href='{existing.id}'" in form.similar.text()
    opened = form.open_existing(existing.id)
    assert opened.record_id == existing.id and opened.name.text() == existing.name
    opened.done(0)
    form.name.setText("完全不同的数据中心")
    assert form.check_similar() == [] and not form.similar.isVisibleTo(form)
    form.investor.edit.setText("【示例】样例企业04有限公司")  # another investor
    form.name.setText("【示例】先进材料重点项目3")
    assert form.check_similar() == [_project(demo_db, "SAMPLE-2024-04").id]
    form.done(0)


def test_expansion_says_only_the_added_amount_counts(demo_window):
    form = demo_window.show_tab("projects").new_record()
    assert not form.amount_note.isVisibleTo(form)
    form.project_type.set_value(ProjectType.EXPANSION)
    assert form.amount_note.isVisibleTo(form)
    assert "only the added investment" in form.amount_note.text()
    form.project_type.set_value(ProjectType.NEW)
    assert not form.amount_note.isVisibleTo(form)
    form.done(0)


def test_reports_menu_writes_the_monthly_progress_report(
    demo_window, demo_db, monkeypatch, tmp_path, answers
):
    target = tmp_path / "月报.xlsx"
    monkeypatch.setattr(
        progress_report.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "")
    )
    reports = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&Reports")
    _fill_reports(demo_window, reports)  # what opening the menu does (aboutToShow)
    action = next(a for a in reports.actions() if a.objectName() == "menu_progress_report")
    assert action.text() == "Monthly progress report of key projects…"
    set_language("zh")
    _fill_reports(demo_window, reports)
    action = next(a for a in reports.actions() if a.objectName() == "menu_progress_report")
    assert action.text() == "重点项目推进情况月报…"
    set_language("en")
    action.trigger()
    dialog = demo_window.tool_dialog
    dialog.month.setDate(QDate(2025, 1, 1))
    assert dialog.export() == target
    ws = openpyxl.load_workbook(target).worksheets[0]
    assert ws["A1"].value.endswith("2025-01")
    assert answers.kinds()[-1] == "inform"
