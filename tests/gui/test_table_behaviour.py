"""Finding, sorting, deleting and remembering: the table side of the tabs."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from sqlalchemy import select

from db.models import Project
from db.queries import lists


def _column_texts(tab, key: str) -> list[str]:
    col = tab.model.column_index(key)
    return [tab.model.index(r, col).data() for r in range(tab.model.rowCount())]


def test_four_tabs_show_the_sample_records(demo_window):
    titles = [demo_window.tabs.tabText(i) for i in range(demo_window.tabs.count())]
    assert titles == ["Overview", "Meetings", "Cases", "Projects", "Alliances"]
    counts = {t.kind: t.model.rowCount() for t in demo_window.record_tabs()}
    assert counts["projects"] == 10
    assert counts["meetings"] >= 1 and counts["cases"] >= 5 and counts["alliances"] == 2


def test_search_box_narrows_the_table(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    tab.filter_bar.search.setFocus()
    tab.filter_bar.search.insert("新能源")  # as typed (QTest cannot type CJK)
    qtbot.waitUntil(lambda: tab.model.rowCount() < 10, timeout=2000)
    names = _column_texts(tab, "name")
    assert names and all("新能源" in n for n in names)
    assert demo_window.count_label.text() == f"{len(names)} records"
    tab.filter_bar.clear()
    assert tab.model.rowCount() == 10
    qtbot.keyClicks(tab.filter_bar.search, "sample-2024-1")  # typed, debounced
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1, timeout=2000)
    assert _column_texts(tab, "code") == ["SAMPLE-2024-10"]
    assert demo_window.count_label.text() == "1 record"  # Qt's plural forms


def test_stage_filter_and_filter_contract(demo_window):
    tab = demo_window.show_tab("projects")
    combo = tab.filter_bar._combos["stage"]
    combo.setCurrentIndex(combo.findData("terminated"))
    assert tab.model.rowCount() == 0
    assert tab.current_filter().stage == "terminated"
    combo.setCurrentIndex(0)
    assert tab.current_ids() == tab.model.ids and len(tab.current_ids()) == 10
    assert tab.visible_columns()[0] == "name"


def test_clicking_a_header_sorts_by_that_column(demo_window, qtbot, demo_db):
    tab = demo_window.show_tab("projects")
    header = tab.view.horizontalHeader()
    col = tab.model.column_index("investment")
    x = header.sectionViewportPosition(col) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    first = tab.current_sort()[0]
    assert first[0] == "investment"
    with demo_db.read() as conn:
        expected = lists.list_ids(conn, "projects", None, [first])
    assert tab.current_ids() == expected
    amounts = [float(t.replace(",", "")) for t in _column_texts(tab, "investment")]
    assert amounts == sorted(amounts, reverse=first[1])


def test_delete_asks_naming_the_record_then_bins_it(demo_window, qtbot, demo_db, answers):
    tab = demo_window.show_tab("projects")
    tab.view.setFocus()
    victim = tab.selected_id()
    name = tab.record_name(victim)
    answers.confirm = False
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert answers.asked[-1][0] == "confirm" and name in answers.asked[-1][1]
    assert tab.model.rowCount() == 10
    answers.confirm = True
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.rowCount() == 9 and victim not in tab.current_ids()
    with demo_db.read() as conn:
        deleted_at = conn.execute(select(Project.deleted_at).where(Project.id == victim)).scalar()
    assert deleted_at is not None


def test_column_widths_sort_and_last_tab_are_remembered(make_window, demo_db):
    first = make_window(demo_db)
    first.resize(700, 500)  # the offscreen screen is 800x800
    size = (first.width(), first.height())  # the width may be held at the window's minimum
    tab = first.show_tab("cases")
    tab.view.setColumnWidth(0, 333)
    tab.model.sort(tab.model.column_index("title"), Qt.SortOrder.AscendingOrder)
    tab.view.horizontalHeader().setSortIndicator(
        tab.model.column_index("title"), Qt.SortOrder.AscendingOrder
    )
    first.close()
    second = make_window(demo_db)
    assert second.current_tab().kind == "cases"
    assert (second.width(), second.height()) == size and size[1] == 500
    again = second.tab("cases")
    assert again.view.columnWidth(0) == 333
    assert again.current_sort() == [("title", False)]


def test_export_without_reports_says_not_available(demo_window, monkeypatch, answers):
    import desktop.main_window as mw

    monkeypatch.setattr(mw, "_reports_module", lambda: None)
    demo_window.show_tab("projects").actions_["export"].trigger()
    assert answers.asked[-1] == ("inform", "Export is not available yet.")


def test_export_hands_ids_and_columns_to_write_report(demo_window, monkeypatch, tmp_path):
    import types

    import desktop.main_window as mw

    calls = []

    class ReportOptions:
        def __init__(self, **kw):
            self.__dict__.update(kw)

    def write_report(db, name, path, options):
        calls.append((name, path, options))
        return path

    fake = types.SimpleNamespace(write_report=write_report, ReportOptions=ReportOptions)
    monkeypatch.setattr(mw, "_reports_module", lambda: fake)
    target = tmp_path / "out.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab = demo_window.show_tab("projects")
    assert demo_window.export_current() == target
    name, path, options = calls[0]
    assert (name, path) == ("projects", target)
    assert options.ids == tab.current_ids() and options.columns == tab.visible_columns()


def test_lazy_model_fetches_only_a_window(demo_window, monkeypatch):
    from desktop.widgets import record_model

    tab = demo_window.show_tab("projects")
    fetched = []
    real = record_model.lists.fetch_rows
    monkeypatch.setattr(
        record_model.lists,
        "fetch_rows",
        lambda c, k, ids: fetched.append(list(ids)) or real(c, k, ids),
    )
    monkeypatch.setattr(record_model, "WINDOW", 4)
    tab.model.reload()
    assert tab.model.index(0, 0).data()
    assert fetched and len(fetched[0]) <= 4


def test_keyboard_new_opens_a_form_in_the_current_tab(demo_window, qtbot):
    tab = demo_window.show_tab("cases")
    assert tab.view.hasFocus() or demo_window.focusWidget() is tab.view
    qtbot.keyClick(tab.view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    form = tab.open_form
    assert form is not None and form.isVisible() and form.title.text() == ""
    form.reject()


def test_export_writes_the_workbook_the_clerk_sees(demo_window, monkeypatch, tmp_path):
    """With the real reports package: the file holds the filtered rows in view order."""
    import openpyxl

    import desktop.main_window as mw

    target = tmp_path / "projects.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab = demo_window.show_tab("projects")
    tab.filter_bar.search.setText("新能源")
    tab.filter_bar.flush()
    expected = [row["name"] for row in tab.model.rows_for(tab.current_ids())]
    assert demo_window.export_current() == target.resolve()
    sheet = openpyxl.load_workbook(target).active
    cells = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    found = [name for name in cells if name in expected]
    assert found == expected
    assert not any("智能装备重点项目" in c for c in cells)  # filtered out in the tab


def test_ctrl_tab_moves_on_and_del_in_the_search_box_only_edits_text(demo_window, qtbot, answers):
    tab = demo_window.show_tab("meetings")
    qtbot.keyClick(tab.view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.current_tab().kind == "cases"
    cases = demo_window.current_tab()
    search = cases.filter_bar.search
    search.setFocus()
    search.setText("ab")
    search.setCursorPosition(0)
    qtbot.keyClick(search, Qt.Key.Key_Delete)
    assert search.text() == "b" and answers.asked == []


def test_f5_shows_records_saved_elsewhere(demo_window, qtbot, demo_db):
    from tests import factories

    tab = demo_window.show_tab("meetings")
    before = tab.model.rowCount()
    with demo_db.write() as session:
        factories.meetings.create(session, factories.meeting_data(session, title="别处新增的会"))
    qtbot.keyClick(tab.view, Qt.Key.Key_F5)
    assert tab.model.rowCount() == before + 1
    assert demo_window.count_label.text() == f"{before + 1} records"


def test_refreshing_and_filtering_do_not_eat_references_to_true(demo_window):
    """PySide6 6.12.0's Python-side emit() drops a reference to True each time; a long
    session would end in a crash. pyproject bounds the wheels below 6.12; this keeps
    the window's own signals (refresh, filter, count) honest under that bound."""
    import gc
    import sys

    tab = demo_window.show_tab("projects")
    gc.collect()
    before = sys.getrefcount(True)
    for _ in range(100):
        tab.refresh()
        tab.filter_bar.search.setText("新能源")
        tab.filter_bar.flush()
        tab.filter_bar.clear()
    gc.collect()
    assert sys.getrefcount(True) - before > -10


def test_ctrl_f_goes_to_search_and_ctrl_e_exports(demo_window, qtbot, monkeypatch, answers):
    import desktop.main_window as mw

    tab = demo_window.show_tab("alliances")
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert demo_window.focusWidget() is tab.filter_bar.search
    monkeypatch.setattr(mw, "_reports_module", lambda: None)
    qtbot.keyClick(tab.filter_bar.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert answers.asked[-1] == ("inform", "Export is not available yet.")
