"""Long work runs off the GUI thread with a progress dialog and Cancel (pytest-qt)."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog
from sqlalchemy import func, select

from db.models import Unit
from db.services import units
from desktop.widgets.background import Cancelled, run_with_progress, stop_if_cancelled
from tests.sync import Gate, When, until_cancelled


def _visible_progress() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def _steps(steps: int, seen: list | None = None, gate: Gate | None = None, at: int = 0):
    """Injected work of `steps` steps, reporting each; it waits at `gate` (if any)
    once it has reported step `at`."""

    def work(progress):
        if seen is not None:
            seen.append(threading.current_thread() is threading.main_thread())
        for done in range(steps):
            stop_if_cancelled(progress, done, steps)
            if gate is not None and done == at:
                gate()
        return "finished"

    return work


def _press_cancel(pressed: list[bool]) -> None:
    """Cancel on the progress dialog, noting whether one was showing."""
    dialog = _visible_progress()
    pressed.append(dialog is not None)
    if dialog is not None:
        dialog.cancel()


def _cancel_once_shown(gate: Gate, pressed: list[bool]) -> When:
    """Cancel as soon as the work waits at `gate` and its progress dialog shows; then
    the work goes on (and meets the Cancel at its next report)."""

    def press() -> None:
        _press_cancel(pressed)
        gate.open()

    return When(
        lambda: gate.reached.is_set() and _visible_progress() is not None,
        press,
        on_timeout=gate.open,
    )


def test_slow_work_shows_progress_off_the_gui_thread(qtbot):
    seen_on_main: list[bool] = []
    observed: dict = {}
    ticks: list[float] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start(20)
    gate = Gate()  # the work waits at step 10 until the test has looked

    def shown_at_step_10() -> bool:
        dialog = _visible_progress()
        return gate.reached.is_set() and dialog is not None and dialog.value() == 10

    def look() -> None:
        dialog = _visible_progress()
        assert dialog is not None
        observed.update(maximum=dialog.maximum(), value=dialog.value(), ticks=len(ticks))
        gate.open()

    looking = When(shown_at_step_10, look, on_timeout=gate.open)
    result = run_with_progress(None, "Slow", _steps(30, seen_on_main, gate, at=10))
    beat.stop()
    assert looking.done and result == "finished"
    assert seen_on_main == [False]
    assert observed["maximum"] == 30 and observed["value"] == 10
    assert observed["ticks"] > 0  # the GUI thread kept running its timers meanwhile
    assert _visible_progress() is None  # closed when done


def test_quick_work_shows_no_dialog(qtbot):
    shown: list[bool] = []
    watching = When(lambda: _visible_progress() is not None, lambda: shown.append(True))
    assert run_with_progress(None, "Quick", _steps(5)) == "finished"
    assert shown == [] and not watching.done


def test_cancel_stops_the_work_and_its_transaction_leaves_nothing(qtbot, db):
    with db.read() as conn:
        before = conn.execute(select(func.count(Unit.id))).scalar()
    stopped_at: list[int] = []
    gate = Gate()

    def work(progress):
        report = until_cancelled(progress, gate, at=5)  # half-way through, Cancel
        with db.write() as session:  # the worker's own connection and transaction
            for i in range(200):
                if report(i, 200) is False:
                    stopped_at.append(i)
                    raise Cancelled()
                units.create(session, units.UnitData(f"批量单位{i:03d}", "enterprise", "sichuan"))
                session.flush()
        return "all"

    pressed: list[bool] = []
    cancelling = _cancel_once_shown(gate, pressed)
    with pytest.raises(Cancelled):
        run_with_progress(None, "Units", work)
    assert cancelling.done and pressed == [True]
    assert stopped_at == [5]  # five units were written in the transaction, then undone
    with db.read() as conn:
        assert conn.execute(select(func.count(Unit.id))).scalar() == before


def test_an_error_in_the_work_reaches_the_caller(qtbot):
    def work(_progress):
        raise ValueError("bad cell")

    with pytest.raises(ValueError, match="bad cell"):
        run_with_progress(None, "Failing", work)


def test_export_from_the_window_can_be_cancelled_and_leaves_no_file(
    demo_window, monkeypatch, tmp_path
):
    import desktop.main_window as mw
    import desktop.reports as reports
    import desktop.reports.render as render

    out = tmp_path / "out"
    out.mkdir()
    target = out / "projects.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(render, "PROGRESS_EVERY", 1)
    real_render = reports.render_sheet
    gate = Gate()

    def held_render(wb, plan, ctx, progress=None):  # Cancel comes after the first row
        assert progress is not None
        return real_render(wb, plan, ctx, until_cancelled(progress, gate, at=1))

    monkeypatch.setattr(reports, "render_sheet", held_render)
    demo_window.show_tab("projects")
    pressed: list[bool] = []
    cancelling = _cancel_once_shown(gate, pressed)
    assert demo_window.export_current() is None
    assert cancelling.done and pressed == [True]
    assert list(out.iterdir()) == []  # no report, no temporary file
    assert "cancelled" in demo_window.statusBar().currentMessage().lower()


def test_export_from_the_window_still_writes_the_file(demo_window, monkeypatch, tmp_path):
    import openpyxl

    import desktop.main_window as mw

    target = tmp_path / "projects.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    demo_window.show_tab("projects")
    assert demo_window.export_current() == target.resolve()
    assert openpyxl.load_workbook(target).active.max_row > 3


def test_backup_can_be_cancelled_and_leaves_no_partial_copy(
    demo_db, monkeypatch, tmp_path, answers
):
    import db.backup as backup
    from desktop.dialogs.backup_restore import back_up_now

    monkeypatch.setattr(backup, "BACKUP_STEP_PAGES", 1)
    real_step = backup._step
    gate = Gate()

    def held_step(progress):  # Cancel comes after the first page
        return real_step(until_cancelled(progress, gate, at=1))

    monkeypatch.setattr(backup, "_step", held_step)
    out = tmp_path / "usb"
    out.mkdir()
    pressed: list[bool] = []
    cancelling = _cancel_once_shown(gate, pressed)
    assert back_up_now(demo_db, None, out / "copy.sqlite3") is None
    assert cancelling.done and pressed == [True]
    assert list(out.iterdir()) == []
    assert answers.kinds() == ["inform"] and "cancelled" in answers.asked[0][1]


def test_backup_without_cancel_is_complete(demo_db, tmp_path, answers):
    import sqlite3

    from desktop.dialogs.backup_restore import back_up_now

    written = back_up_now(demo_db, None, tmp_path / "copy.sqlite3")
    assert written == tmp_path / "copy.sqlite3"
    conn = sqlite3.connect(written)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("SELECT count(*) FROM project").fetchone()[0] > 0
    conn.close()


def _held_list_ids(monkeypatch, gate: Gate, ended: threading.Event) -> None:
    """lists.list_ids waits at `gate` (an injected slow query); `ended` once it returns."""
    from db.queries import lists

    real = lists.list_ids

    def held(*args, **kwargs):
        try:
            gate()
            return real(*args, **kwargs)
        finally:
            ended.set()

    monkeypatch.setattr(lists, "list_ids", held)


def test_a_slow_sort_shows_progress_and_cancel_keeps_the_rows(demo_window, monkeypatch):
    from PySide6.QtCore import Qt

    tab = demo_window.show_tab("projects")
    before_ids, before_sort = list(tab.model.ids), list(tab.model.sort_keys)
    gate, ended = Gate(), threading.Event()
    _held_list_ids(monkeypatch, gate, ended)
    pressed: list[bool] = []
    cancelling = When(
        lambda: gate.reached.is_set() and _visible_progress() is not None,
        lambda: _press_cancel(pressed),
        on_timeout=gate.open,
    )
    tab.model.sort(tab.model.column_index("name"), Qt.SortOrder.AscendingOrder)
    assert not gate.opened.is_set()  # Cancel stopped the wait while the query still ran
    assert cancelling.done and pressed == [True]
    assert tab.model.ids == before_ids and tab.model.sort_keys == before_sort
    gate.open()
    assert ended.wait(20)  # the abandoned query ends on its own thread


def test_a_slow_sort_still_arrives_when_not_cancelled(demo_window, monkeypatch):
    from PySide6.QtCore import Qt

    tab = demo_window.show_tab("projects")
    gate, ended = Gate(), threading.Event()
    _held_list_ids(monkeypatch, gate, ended)
    # The query goes on only once its progress dialog shows: the slow kind of sort.
    waited = When(lambda: _visible_progress() is not None, gate.open, on_timeout=gate.open)
    tab.model.sort(tab.model.column_index("name"), Qt.SortOrder.AscendingOrder)
    assert waited.done
    names = [tab.model.row_data(i)["name"] for i in range(tab.model.rowCount())]
    assert names == sorted(names) and tab.model.sort_keys == [("name", False)]
