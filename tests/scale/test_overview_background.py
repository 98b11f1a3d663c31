"""The Overview counts on a worker thread: its frame at once, "Counting…", then the figures.

The counting is made slow on purpose (a gate the test opens, or a query that never
ends by itself), not by a big database.
"""

from __future__ import annotations

import os
import tempfile
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from db.queries import overview
from desktop.tabs.overview import NOT_YET, OverviewTab
from tests.sync import endless_query, event_loop_turns

SHOTS = Path(os.environ.get("FTZ_LEDGER_SHOTS", tempfile.gettempdir())) / "ftz-ledger-shots"
REAL = overview.overview_figures


class Gate:
    """overview_figures held at a gate the test opens; records each call's year."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.calls: list[int | None] = []
        self.on_worker: list[bool] = []

    def __call__(self, conn, today, year=None, progress=None):
        self.calls.append(year)
        self.on_worker.append(threading.current_thread() is not threading.main_thread())
        assert self.opened.wait(20), "the test never opened the gate"
        return REAL(conn, today, year, progress)


@pytest.fixture(autouse=True)
def opens_on_the_overview() -> None:
    from desktop.widgets.settings import settings

    settings().clear()  # a first start: the window opens on its first tab, the overview


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


def _overview(window) -> OverviewTab:
    tab = window.overview()
    assert window.tabs.currentWidget() is tab
    return tab


def _expected(db, year: int | None = None) -> overview.OverviewFigures:
    with db.read() as conn:
        figures = REAL(conn, _overview_today(), year)
    assert figures is not None
    return figures


def _overview_today():
    from datetime import date

    return date.today()


def test_the_frame_shows_at_once_with_counting_then_the_figures(
    make_window, demo_db, monkeypatch, qtbot
):
    gate = Gate()
    monkeypatch.setattr(overview, "overview_figures", gate)
    window = make_window(demo_db)  # shown: the overview starts counting
    tab = _overview(window)
    qtbot.waitUntil(lambda: gate.calls == [None], timeout=5000)
    assert tab.is_counting() and tab.counting.isVisible()
    assert tab.counting.text() == "Counting…"
    assert {b.text() for b in tab.figures.values()} == {NOT_YET}
    assert tab.stalled.topLevelItemCount() == 0 and tab.year.count() == 0
    _shot(window, "overview-counting.png")

    # Meanwhile (the count held at the gate) the window answers: its event loop turns
    # and another tab shows its rows.
    event_loop_turns(qtbot)
    projects = window.show_tab("projects")
    qtbot.waitUntil(lambda: projects.model.rowCount() == 10, timeout=10000)
    assert tab.is_counting() and gate.calls == [None]
    window.tabs.setCurrentWidget(tab)

    gate.opened.set()
    qtbot.waitUntil(lambda: not tab.is_counting(), timeout=10000)
    assert gate.on_worker == [True]
    want = _expected(demo_db)
    assert not tab.counting.isVisible()
    assert tab.year.currentData() == want.year == 2024
    assert tab.figures["meetings"].text() == str(want.meetings) == "1"
    assert tab.figures["recognition_showcased"].text() == "Showcased  5"
    assert tab.figures["follow_up_red"].text() == f"Red: {want.follow_up['red']} projects"
    registered = next(f for f in want.stages if f.stage.value == "registered")
    assert tab.figures["stage_registered"].text().startswith(f"Registered  {registered.count}")
    assert tab.stalled.topLevelItemCount() == len(want.stalled) > 0
    qtbot.wait(50)  # the charts lay out their bars
    _shot(window, "overview-counted.png")


def test_a_refresh_while_counting_shows_only_the_newest_figures(
    make_window, demo_db, monkeypatch, qtbot
):
    window = make_window(demo_db)
    tab = _overview(window)
    qtbot.waitUntil(lambda: not tab.is_counting(), timeout=10000)
    assert tab.year.currentData() == 2024

    gate = Gate()
    monkeypatch.setattr(overview, "overview_figures", gate)
    shown: list[int] = []
    deliver = tab.counter.on_result
    tab.counter.on_result = lambda figures: (shown.append(figures.year), deliver(figures))
    tab.refresh()  # counts 2024, held at the gate
    qtbot.waitUntil(lambda: gate.calls == [2024], timeout=5000)
    for year in (2023, 2022, 2021):  # the clerk goes on picking years meanwhile
        tab.year.setCurrentIndex(tab.year.findData(year))
    assert tab.is_counting() and tab.counting.isVisible()
    gate.opened.set()
    qtbot.waitUntil(lambda: not tab.is_counting(), timeout=10000)
    assert gate.calls == [2024, 2021]  # no pile: the first, then only the newest
    assert shown == [2021]  # the stale 2024 figures were dropped
    assert tab.meetings_box.title() == "Meetings in 2021"
    assert tab.figures["meetings"].text() == "0"


def test_a_refresh_interrupts_a_count_stuck_in_a_long_query(
    make_window, demo_db, monkeypatch, qtbot
):
    window = make_window(demo_db)
    tab = _overview(window)
    qtbot.waitUntil(lambda: not tab.is_counting(), timeout=10000)
    errors: list[str] = []
    started = threading.Event()

    def endless_then_real(conn, today, year=None, progress=None):
        if not errors:
            try:
                endless_query(conn, started)
            except Exception as exc:  # the interrupt ends it
                errors.append(str(exc))
                raise
        return REAL(conn, today, year, progress)

    monkeypatch.setattr(overview, "overview_figures", endless_then_real)
    tab.refresh()
    assert started.wait(20)  # the endless query is running
    assert tab.is_counting() and errors == []
    tab.refresh()
    qtbot.waitUntil(lambda: not tab.is_counting(), timeout=5000)
    assert len(errors) == 1 and "interrupt" in errors[0]
    assert tab.counting.isHidden() and tab.figures["meetings"].text() == "1"
    with demo_db.read() as conn:  # the pooled connection still answers
        assert conn.exec_driver_sql("SELECT count(*) FROM project").scalar() == 10


def test_a_failing_count_is_said_quietly_without_a_dialog(
    make_window, demo_db, monkeypatch, qtbot, answers
):
    def broken(conn, today, year=None, progress=None):
        return conn.exec_driver_sql("SELECT count(*) FROM no_such_table").scalar()

    monkeypatch.setattr(overview, "overview_figures", broken)
    window = make_window(demo_db)
    tab = _overview(window)
    qtbot.waitUntil(lambda: not tab.is_counting(), timeout=10000)
    assert tab.counting.isVisible()
    # The driver's words, without SQLAlchemy's SQL and links.
    assert tab.counting.text() == "The figures could not be counted: no such table: no_such_table"
    assert answers.asked == []
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    projects = window.show_tab("projects")  # the rest of the window works on
    assert projects.model.rowCount() == 10


@pytest.mark.parametrize("steps_before_stop", [0, 2])
def test_a_stopped_count_returns_nothing(demo_db, steps_before_stop):
    """overview_figures stops between its queries once progress() answers False."""
    seen: list[int] = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < steps_before_stop

    with demo_db.read() as conn:
        assert overview.overview_figures(conn, _overview_today(), None, progress) is None
    assert seen == list(range(steps_before_stop + 1))


def test_figures_of_one_pass_match_the_separate_queries(demo_db):
    today = _overview_today()
    with demo_db.read() as conn:
        figures = overview.overview_figures(conn, today, 2024)
        assert figures is not None
        assert figures.meetings == overview.meetings_in_year(conn, 2024)
        assert figures.months == overview.signings_per_month(conn, 2024)
        assert figures.stages == overview.projects_by_stage(conn, today)
        assert figures.follow_up == overview.stalled_counts(conn, today)
        assert figures.stalled == overview.stalled_projects(conn, today)
        assert figures.latest_year == overview.latest_year(conn, today) == 2024
    assert sum(f.count for f in figures.stages) == 10
