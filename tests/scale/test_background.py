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


def _visible_progress() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def _slow(steps: int, pause: float, seen: list | None = None):
    """An injected slow function: `steps` steps of `pause` seconds, reporting each."""

    def work(progress):
        if seen is not None:
            seen.append(threading.current_thread() is threading.main_thread())
        for done in range(steps):
            stop_if_cancelled(progress, done, steps)
            time.sleep(pause)
        return "finished"

    return work


def _press_cancel(pressed: list[bool]) -> None:
    """Cancel on the progress dialog, noting whether one was showing."""
    dialog = _visible_progress()
    pressed.append(dialog is not None)
    if dialog is not None:
        dialog.cancel()


def _later(ms: int, action) -> None:
    QTimer.singleShot(ms, action)


def test_slow_work_shows_progress_off_the_gui_thread(qtbot):
    seen_on_main: list[bool] = []
    observed: dict = {}
    ticks: list[float] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start(20)

    def look() -> None:
        dialog = _visible_progress()
        observed["dialog"] = dialog is not None
        observed["maximum"] = dialog.maximum() if dialog else None
        observed["value"] = dialog.value() if dialog else None

    _later(900, look)
    result = run_with_progress(None, "Slow", _slow(30, 0.05, seen_on_main))
    beat.stop()
    assert result == "finished"
    assert seen_on_main == [False]
    assert observed == {"dialog": True, "maximum": 30, "value": observed["value"]}
    assert 0 < observed["value"] < 30
    assert len(ticks) > 20  # the GUI thread kept running its timers meanwhile
    assert _visible_progress() is None  # closed when done


def test_quick_work_shows_no_dialog(qtbot):
    shown: list[bool] = []
    _later(100, lambda: shown.append(_visible_progress() is not None))
    assert run_with_progress(None, "Quick", _slow(5, 0.04)) == "finished"
    assert shown == [False]


def test_cancel_stops_the_work_and_its_transaction_leaves_nothing(qtbot, db):
    with db.read() as conn:
        before = conn.execute(select(func.count(Unit.id))).scalar()
    stopped_at: list[int] = []

    def work(progress):
        with db.write() as session:  # the worker's own connection and transaction
            for i in range(200):
                if progress(i, 200) is False:
                    stopped_at.append(i)
                    raise Cancelled()
                units.create(session, units.UnitData(f"批量单位{i:03d}", "enterprise", "sichuan"))
                session.flush()
                time.sleep(0.01)
        return "all"

    def press_cancel() -> None:
        dialog = _visible_progress()
        assert dialog is not None
        dialog.cancel()

    _later(800, press_cancel)
    with pytest.raises(Cancelled):
        run_with_progress(None, "Units", work)
    assert stopped_at and 0 < stopped_at[0] < 200
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
    import desktop.reports.render as render

    out = tmp_path / "out"
    out.mkdir()
    target = out / "projects.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    monkeypatch.setattr(render, "PROGRESS_EVERY", 1)
    real_row = render.CellMaker.row

    def slow_row(self, *args):  # an injected slow report: each row takes a while
        time.sleep(0.2)
        return real_row(self, *args)

    monkeypatch.setattr(render.CellMaker, "row", slow_row)
    demo_window.show_tab("projects")
    pressed: list[bool] = []

    _later(900, lambda: _press_cancel(pressed))
    assert demo_window.export_current() is None
    assert pressed == [True]
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

    def slow_step(progress):  # an injected slow copy: each page takes a while
        step = real_step(progress)

        def slow(*args):
            time.sleep(0.02)
            step(*args)

        return slow

    monkeypatch.setattr(backup, "_step", slow_step)
    out = tmp_path / "usb"
    out.mkdir()
    pressed: list[bool] = []

    _later(900, lambda: _press_cancel(pressed))
    assert back_up_now(demo_db, None, out / "copy.sqlite3") is None
    assert pressed == [True]
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


def test_a_slow_sort_shows_progress_and_cancel_keeps_the_rows(demo_window, monkeypatch):
    from PySide6.QtCore import Qt

    from db.queries import lists

    tab = demo_window.show_tab("projects")
    before_ids, before_sort = list(tab.model.ids), list(tab.model.sort_keys)
    real = lists.list_ids

    def slow_list_ids(*args, **kwargs):  # an injected slow query
        time.sleep(1.5)
        return real(*args, **kwargs)

    monkeypatch.setattr(lists, "list_ids", slow_list_ids)
    pressed: list[bool] = []

    _later(800, lambda: _press_cancel(pressed))
    started = time.monotonic()
    tab.model.sort(tab.model.column_index("name"), Qt.SortOrder.AscendingOrder)
    assert time.monotonic() - started < 1.4  # Cancel stopped the wait
    assert pressed == [True]
    assert tab.model.ids == before_ids and tab.model.sort_keys == before_sort
    time.sleep(1.0)  # the abandoned query ends on its own thread


def test_a_slow_sort_still_arrives_when_not_cancelled(demo_window, monkeypatch):
    from PySide6.QtCore import Qt

    from db.queries import lists

    tab = demo_window.show_tab("projects")
    real = lists.list_ids
    monkeypatch.setattr(lists, "list_ids", lambda *a, **k: (time.sleep(0.7), real(*a, **k))[1])
    tab.model.sort(tab.model.column_index("name"), Qt.SortOrder.AscendingOrder)
    names = [tab.model.row_data(i)["name"] for i in range(tab.model.rowCount())]
    assert names == sorted(names) and tab.model.sort_keys == [("name", False)]
