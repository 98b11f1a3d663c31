"""Dates and amounts typed from the keyboard, in every form that has them."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from db.queries.details import meeting_detail, project_detail
from desktop.widgets.form_parts import AmountField, DateField
from desktop.widgets.formatting import date_text
from tests.gui.keys import type_text


def _ready(qtbot, form):
    """The form once it is the active window (keys go to its focused field)."""
    qtbot.waitUntil(form.isActiveWindow, timeout=3000)
    return form


def _type(qtbot, field, text: str) -> None:
    """Focus the field as Tab would (selecting its text), type, and leave with Tab."""
    field.setFocus(Qt.FocusReason.TabFocusReason)
    field.selectAll()
    if text:
        type_text(field, text)
    else:
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def _openers(window):
    """Each record form and dialog with a date, opened from its tab as the clerk would."""
    projects, alliances = window.tab("projects"), window.tab("alliances")
    return {
        "meeting": lambda: window.show_tab("meetings").new_record(),
        "case": lambda: window.show_tab("cases").new_record(),
        "project": lambda: window.show_tab("projects").new_record(),
        "alliance": lambda: window.show_tab("alliances").new_record(),
        "progress": lambda: projects.add_progress(),
        "member": lambda: alliances.add_member(),
        "handover": lambda: alliances.hand_over(),
        "leaves": lambda: alliances.member_leaves(),
    }


def _date_fields(form) -> dict[str, DateField]:
    return {
        name: w
        for name, w in form.grid.widgets.items()
        if isinstance(w, DateField) and w.objectName() == name
    }


def test_every_date_of_every_form_reads_a_typed_date(demo_window, demo_db, qtbot):
    openers = _openers(demo_window)
    seen = []
    for kind, opener in openers.items():
        form = opener()
        assert form is not None, kind
        _ready(qtbot, form)
        for name, field in _date_fields(form).items():
            _type(qtbot, field, "20241212")
            assert field.value() == date(2024, 12, 12), (kind, name)
            assert field.text() == date_text(date(2024, 12, 12))
            assert QApplication.focusWidget() is not field, (kind, name)  # Tab left it
            seen.append((kind, name))
        form.done(0)
    # Every date the forms have was tried (a form that lost its dates fails here).
    assert {k for k, _ in seen} == set(openers)
    assert len(seen) >= 11


@pytest.mark.parametrize(
    "typed",
    ["20241212", "2024-12-12", "2024.12.12", "2024/12/12", "2024年12月12日", "24.12.12"],
)
def test_a_date_in_every_spelling(window, qtbot, typed):
    form = _ready(qtbot, window.new_meeting_from_empty())
    _type(qtbot, form.end_date, typed)
    assert form.end_date.value() == date(2024, 12, 12)
    assert form.end_date.text() == "12 Dec 2024"  # the English window's format


def test_a_pasted_date_and_the_locales_short_form(window, qtbot):
    form = _ready(qtbot, window.new_meeting_from_empty())
    field = form.end_date
    QApplication.clipboard().setText("2024年12月12日")
    field.setFocus()
    qtbot.keySequence(field, "Ctrl+V")
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert field.value() == date(2024, 12, 12)
    short = field.locale().toString(QDate(2024, 3, 5), field.locale().FormatType.ShortFormat)
    _type(qtbot, field, short)
    assert field.value() == date(2024, 3, 5), short


def test_garbage_is_a_field_error_naming_the_field_and_nothing_is_changed(window, qtbot, db):
    form = _ready(qtbot, window.new_meeting_from_empty())
    type_text(form.title, "日期不对的会")
    _type(qtbot, form.end_date, "2024-13-45")
    error = form.grid.errors["end_date"]
    assert error.isVisible() and "End date" in error.text()
    assert form.end_date.text() == "2024-13-45"  # kept as typed, never silently changed
    form.save()
    assert form.isVisible()
    assert "End date must be a date." in error.text()
    assert window.tab("meetings").model.rowCount() == 0
    _type(qtbot, form.end_date, "2024-12-13")
    assert not error.isVisible()


def test_an_empty_optional_date_stays_empty_and_tab_leaves_it(window, qtbot, db):
    form = _ready(qtbot, window.new_meeting_from_empty())
    type_text(form.title, "无来源日期")
    form.source_date.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(form.source_date, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.source_ref  # no keyboard trap
    assert form.source_date.text() == "" and form.source_date.value() is None
    with qtbot.waitSignal(form.finished, timeout=3000):
        qtbot.keySequence(form.title, "Ctrl+S")
    with db.read() as conn:
        rec = meeting_detail(conn, window.tab("meetings").selected_id())
    assert rec["source_date"] is None


def test_backspace_and_delete_empty_a_date(window, qtbot):
    form = _ready(qtbot, window.new_meeting_from_empty())
    for key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
        form.end_date.set_value(date(2024, 12, 12))
        form.end_date.setFocus(Qt.FocusReason.TabFocusReason)
        form.end_date.selectAll()  # as Tab into the field does
        qtbot.keyClick(form.end_date, key)
        qtbot.keyClick(form.end_date, Qt.Key.Key_Tab)
        assert form.end_date.value() is None and form.end_date.text() == ""
        assert not form.grid.errors["end_date"].isVisible()


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_F4, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier),
    ],
)
def test_calendar_keys_open_on_this_month_and_enter_picks(window, qtbot, key, modifier):
    form = _ready(qtbot, window.new_meeting_from_empty())
    field = form.end_date
    field.setFocus()
    qtbot.keyClick(field, key, modifier)
    calendar = field.calendar
    assert calendar is not None and calendar.isVisible()
    today = QDate.currentDate()
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year(), today.month())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)  # tomorrow
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not calendar.isVisible()
    tomorrow = today.addDays(1)
    assert field.value() == date(tomorrow.year(), tomorrow.month(), tomorrow.day())


def test_calendar_opens_on_the_fields_date_and_esc_keeps_it(window, qtbot):
    form = _ready(qtbot, window.new_meeting_from_empty())
    field = form.end_date
    field.set_value(date(2024, 12, 12))
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_F4)
    assert field.calendar.selectedDate() == QDate(2024, 12, 12)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not field.calendar.isVisible() and form.isVisible()
    assert field.value() == date(2024, 12, 12)


@pytest.mark.parametrize(
    ("typed", "shown", "stored"),
    [
        ("2.5亿", "25,000.00 万元", Decimal("25000.00")),
        ("3000万", "3,000.00 万元", Decimal("3000.00")),
        ("1,234.5", "1,234.50 万元", Decimal("1234.50")),
        ("１２３４．５", "1,234.50 万元", Decimal("1234.50")),
    ],
)
def test_amounts_as_the_import_reads_them(window, qtbot, db, some_units, typed, shown, stored):
    form = _ready(qtbot, window.show_tab("projects").new_record())
    type_text(form.name, "金额项目")
    form.investor.edit.setText("泸州新材料有限公司")
    form.origin.setCurrentIndex(1)
    form.signed_date.set_value(date(2025, 1, 2))
    _type(qtbot, form.investment, typed)
    assert form.investment.text() == shown
    with qtbot.waitSignal(form.finished, timeout=3000):
        qtbot.keySequence(form.name, "Ctrl+Return")
    with db.read() as conn:
        assert project_detail(conn, window.tab("projects").selected_id())["investment"] == stored


def test_foreign_currency_is_a_field_error(window, qtbot, some_units):
    form = _ready(qtbot, window.show_tab("projects").new_record())
    _type(qtbot, form.investment, "100万美元")
    error = form.grid.errors["investment"]
    assert error.isVisible() and "foreign-currency" in error.text()
    assert form.investment.text() == "100万美元"
    form.save()
    assert form.isVisible() and "Contracted" in error.text()


def test_amount_fields_are_the_typed_kind_everywhere(demo_window, demo_db, qtbot):
    project = demo_window.show_tab("projects").new_record()
    assert isinstance(project.findChild(AmountField, "investment"), AmountField)
    progress = demo_window.show_tab("projects").add_progress()
    assert isinstance(progress.findChild(AmountField, "funds_arrived"), AmountField)
