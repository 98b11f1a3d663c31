"""The window in Chinese and in English: tab names, column headers, validation messages,
dates; chosen by the locale, by Settings or by --lang."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialogButtonBox

from db.lang import current_language
from desktop import i18n
from desktop.app import start_language
from desktop.widgets.formatting import amount_text, date_text

LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")
TAB_NAMES = {
    "zh": ["会议活动", "协同创新案例", "重点项目", "联盟"],
    "en": ["Meetings", "Cases", "Projects", "Alliances"],
}


def _record_tab_names(window) -> list[str]:
    return [window.tabs.tabText(window.tabs.indexOf(t)) for t in window.record_tabs()]


def _header(tab, key: str) -> str:
    column = tab.model.column_index(key)
    return tab.model.headerData(column, Qt.Orientation.Horizontal)


def _system_locale(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", value)


def test_switching_language_renames_tabs_headers_and_messages(make_window, db, ui_language, qtbot):
    expected = {
        "zh": ("活动名称", "“活动名称”为必填项。", "文件(&F)"),
        "en": ("Title", "Title is required.", "&File"),
    }
    for lang in ("zh", "en", "zh"):
        ui_language(lang)
        window = make_window(db)
        assert _record_tab_names(window) == TAB_NAMES[lang]
        header, message, file_menu = expected[lang]
        meetings = window.tab("meetings")
        assert _header(meetings, "title") == header
        assert window.menuBar().actions()[0].text() == file_menu
        form = window.new_meeting_from_empty()
        form.save()
        assert form.isVisible() and form.grid.errors["title"].isVisible()
        assert message in form.grid.errors["title"].text()
        form.done(0)
        window.close()


def test_chinese_standard_buttons_come_from_qt_own_catalogue(ui_language):
    ui_language("zh")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    assert QCoreApplication.translate("QFileDialog", "Look in:") == "查找范围："
    ui_language("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


@pytest.mark.parametrize(
    ("locale", "lang"), [("zh_CN.UTF-8", "zh"), ("en_US.UTF-8", "en"), ("de_DE.UTF-8", "en")]
)
def test_started_under_a_system_locale(
    make_window, demo_db, ui_language, qapp, monkeypatch, locale, lang
):
    _system_locale(monkeypatch, locale)
    assert start_language(qapp, None) == lang
    window = make_window(demo_db)
    assert _record_tab_names(window) == TAB_NAMES[lang]
    projects = window.tab("projects")
    assert _header(projects, "name") == {"zh": "项目名称", "en": "Project"}[lang]


def test_settings_choice_beats_the_locale_and_lang_beats_both(ui_language, qapp, monkeypatch):
    _system_locale(monkeypatch, "zh_CN.UTF-8")
    i18n.store_language("en")
    assert start_language(qapp, None) == "en" and current_language() == "en"
    assert start_language(qapp, "zh") == "zh" and current_language() == "zh"
    i18n.store_language(None)
    _system_locale(monkeypatch, "en_GB.UTF-8")
    assert start_language(qapp, None) == "en"
    with pytest.raises(ValueError):
        i18n.store_language("fr")


def test_dates_and_amounts_per_language(ui_language):
    day = date(2024, 12, 12)
    ui_language("zh")
    assert date_text(day) == "2024年12月12日"
    assert amount_text(1234567.5) == "1,234,567.50"
    ui_language("en")
    assert date_text(day) == "12 Dec 2024"


def test_table_cells_show_dates_per_language(make_window, demo_db, ui_language):
    for lang, pattern in (("zh", "年"), ("en", " ")):
        ui_language(lang)
        meetings = make_window(demo_db).tab("meetings")
        column = meetings.model.column_index("start_date")
        text = meetings.model.index(0, column).data()
        assert pattern in text and "-" not in text, text


def test_window_font_falls_back_to_a_cjk_family(qapp):
    saved = qapp.font()
    try:
        font = qapp.font()
        font.setFamilies(["DejaVu Sans"])
        qapp.setFont(font)
        assert i18n.lacks_cjk(qapp.font())
        families = i18n.ensure_cjk_font(qapp).families()
        assert families[0] == "DejaVu Sans" and families[-1] == i18n.cjk_family()
        assert not i18n.lacks_cjk(qapp.font())
    finally:
        qapp.setFont(saved)


@pytest.mark.parametrize(
    ("lang", "one", "many"),
    [("zh", "共 1 条记录", "共 1,234 条记录"), ("en", "1 record", "1,234 records")],
)
def test_record_count_has_plural_forms_and_digit_groups(ui_language, lang, one, many):
    ui_language(lang)
    tr = QCoreApplication.translate
    assert tr("MainWindow", "%Ln record(s)", "", 1) == one
    assert tr("MainWindow", "%Ln record(s)", "", 1234) == many
