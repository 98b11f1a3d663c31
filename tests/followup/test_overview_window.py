"""The Overview tab in the real window: its figures, charts, and clicks into filtered tabs."""

from __future__ import annotations

import time
from datetime import date

from PySide6.QtCharts import QBarSeries
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QPushButton

from db.enums import Stage
from db.queries import follow_up, overview
from db.queries.lists import ListFilter, list_ids
from desktop.tabs.overview import OverviewTab
from desktop.widgets.settings import settings

TODAY = date(2025, 6, 15)


def _overview(window, qtbot=None) -> OverviewTab:
    tab = window.overview()
    window.tabs.setCurrentWidget(tab)
    tab.today = TODAY
    tab.refresh()
    _until_counted(tab)
    if qtbot is not None:
        qtbot.wait(50)  # the charts lay out their new bars
    return tab


def _until_counted(tab: OverviewTab) -> None:
    """The figures are counted on a worker thread: wait until they are shown."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + 10
    while tab.is_counting() and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert not tab.is_counting()


def _click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def _bar_values(view) -> list[float]:
    (series,) = view.chart().series()
    assert isinstance(series, QBarSeries)
    (bars,) = series.barSets()
    return [bars.at(i) for i in range(bars.count())]


def test_window_opens_on_the_overview_with_its_charts(make_window, demo_db):
    settings().clear()  # a first start: nothing remembered
    demo_window = make_window(demo_db)
    assert demo_window.tabs.currentIndex() == 0
    assert demo_window.tabs.currentWidget() is demo_window.overview()
    tab = _overview(demo_window)
    with demo_db.read() as conn:
        stages = overview.projects_by_stage(conn)
        fields = overview.investment_by_field(conn)
        months = overview.signings_per_month(conn, 2024)
        counts = overview.stalled_counts(conn, TODAY)
    assert tab.year.currentData() == 2024  # the sample year, not an empty one
    assert _bar_values(tab.charts["by_stage"]) == [f.count for f in stages]
    assert _bar_values(tab.charts["by_field"]) == [float(f["investment"]) for f in fields]
    assert _bar_values(tab.charts["by_month"]) == [float(n) for n in months]
    assert months[11] == 10
    assert tab.figures["meetings"].text() == "1"
    assert tab.meetings_box.title() == "Meetings in 2024"
    assert tab.figures["recognition_showcased"].text() == "Showcased  5"
    registered = next(f for f in stages if f.stage == Stage.REGISTERED)
    assert tab.figures["stage_registered"].text().startswith(f"Registered  {registered.count}")
    assert tab.figures["follow_up_red"].text() == f"Red: {counts['red']} projects"
    assert tab.stalled.topLevelItemCount() == counts["red"] + counts["amber"]
    assert "17.7%" in tab.figures["funds"].text()  # 134,000 of 756,000 arrived


def test_a_stage_figure_opens_the_projects_filtered_by_that_stage(demo_window, qtbot, demo_db):
    tab = _overview(demo_window)
    _click(qtbot, tab.figures["stage_registered"])
    projects = demo_window.current_tab()
    assert projects.kind == "projects"
    assert projects.filter_bar._combos["stage"].currentData() == Stage.REGISTERED
    with demo_db.read() as conn:
        expected = list_ids(conn, "projects", ListFilter(stage="registered"))
    assert sorted(projects.current_ids()) == sorted(expected) and len(expected) == 3
    assert tab.figures["stage_registered"].text().startswith("Registered  3")


def test_follow_up_and_recognition_and_meetings_figures(demo_window, qtbot, demo_db):
    tab = _overview(demo_window)
    _click(qtbot, tab.figures["follow_up_red"])
    projects = demo_window.current_tab()
    assert projects.current_filter().follow_up == follow_up.RED
    with demo_db.read() as conn:
        red_today = list_ids(conn, "projects", ListFilter(follow_up="red"))
    assert sorted(projects.current_ids()) == sorted(red_today)

    demo_window.tabs.setCurrentWidget(tab)
    _click(qtbot, tab.figures["recognition_showcased"])
    cases = demo_window.current_tab()
    assert cases.kind == "cases" and cases.current_filter().recognition == "showcased"
    assert cases.model.rowCount() == 5
    demo_window.tabs.setCurrentWidget(tab)
    _click(qtbot, tab.figures["recognition_national"])
    assert demo_window.current_tab().model.rowCount() == 0

    demo_window.tabs.setCurrentWidget(tab)
    _click(qtbot, tab.figures["meetings"])
    meetings = demo_window.current_tab()
    assert meetings.kind == "meetings" and meetings.filter_bar.year.currentData() == 2024
    assert meetings.model.rowCount() == 1


def _bar_position(view, index: int, value: float):
    chart = view.chart()
    (series,) = chart.series()
    inside = chart.mapToPosition(QPointF(index, value / 2), series)
    return view.mapFromScene(chart.mapToScene(inside))


def test_clicking_a_bar_opens_the_projects_of_that_field(demo_window, qtbot, demo_db):
    tab = _overview(demo_window, qtbot)
    view = tab.charts["by_field"]
    values = _bar_values(view)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=_bar_position(view, 1, values[1])
    )
    projects = demo_window.current_tab()
    assert projects.kind == "projects"
    with demo_db.read() as conn:
        field_id = overview.investment_by_field(conn)[1]["id"]
        expected = list_ids(conn, "projects", ListFilter(field_id=field_id))
    assert projects.current_filter().field_id == field_id
    assert sorted(projects.current_ids()) == sorted(expected) and len(expected) == 3


def test_double_clicking_a_stalled_project_opens_it(demo_window, qtbot):
    tab = _overview(demo_window, qtbot)
    item = tab.stalled.topLevelItem(2)
    wanted = item.data(0, Qt.ItemDataRole.UserRole)
    rect = tab.stalled.visualItemRect(item)
    qtbot.mouseClick(tab.stalled.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.stalled.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    projects = demo_window.current_tab()
    assert projects.kind == "projects" and projects.selected_id() == wanted
    assert projects.model.rowCount() == 10  # its filter cleared, so the project is there


def test_figures_are_counted_again_only_after_records_changed(demo_window, qtbot, monkeypatch):
    tab = _overview(demo_window)
    calls = []
    original = tab.refresh
    monkeypatch.setattr(tab, "refresh", lambda: (calls.append(1), original())[1])
    demo_window.show_tab("meetings")
    demo_window.tabs.setCurrentWidget(tab)
    assert calls == []  # nothing changed: the figures shown are still right
    projects = demo_window.show_tab("projects")
    projects.select_row(projects.model.row_of(projects.current_ids()[0]))
    form = projects.add_progress()
    form.entry_date.set_value(date(2025, 2, 1))
    form.stage.set_value(Stage.REGISTERED)
    form.description.setPlainText("完成注册")
    with qtbot.waitSignal(form.finished, timeout=3000):
        qtbot.mouseClick(form.buttons.buttons()[0], Qt.MouseButton.LeftButton)
    demo_window.tabs.setCurrentWidget(tab)
    assert calls == [1]
    _until_counted(tab)
    assert tab.figures["stage_registered"].text().startswith("Registered  4")


def test_red_and_amber_figures_are_painted_in_their_colours(demo_window):
    from desktop.tabs.overview import AMBER, LEVEL_COLOURS, RED

    tab = _overview(demo_window)
    # The window as painted: a button's own grab() fills in its palette's background
    # even where the window shows none.
    image = demo_window.grab().toImage()
    for level in (RED, AMBER):
        button = tab.findChild(QPushButton, f"figure_follow_up_{level}")
        # A point inside the button, clear of its text (the left padding).
        at = button.mapTo(demo_window, QPoint(3, button.height() // 2))
        painted = image.pixelColor(at)
        wanted = LEVEL_COLOURS[level]
        assert (
            max(
                abs(painted.red() - wanted.red()),
                abs(painted.green() - wanted.green()),
                abs(painted.blue() - wanted.blue()),
            )
            < 12
        ), (level, painted.name(), wanted.name())
