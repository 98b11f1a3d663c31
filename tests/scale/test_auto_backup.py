"""The daily automatic backup runs on a worker thread while the window is used (pytest-qt).

The copy is made slow on purpose (each page of SQLite's online backup waits a
little), not by a big database.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog

import db.backup as backup
from db.backup import list_backups
from desktop import startup
from desktop.auto_backup import AutoBackup, start_auto_backup

PAGE_PAUSE_S = 0.01
SHOTS = Path(os.environ.get("FTZ_LEDGER_SHOTS", tempfile.gettempdir())) / "ftz-ledger-shots"


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


@pytest.fixture
def slow_copy(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each page copied takes a while; records whether each step ran on the GUI thread."""
    on_gui_thread: list[bool] = []
    monkeypatch.setattr(backup, "BACKUP_STEP_PAGES", 1)
    real_step = backup._step

    def slow_step(progress):
        step = real_step(progress)

        def slow(*args):
            on_gui_thread.append(threading.current_thread() is threading.main_thread())
            time.sleep(PAGE_PAUSE_S)
            step(*args)

        return slow

    monkeypatch.setattr(backup, "_step", slow_step)
    return on_gui_thread


def _visible_progress() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def _folder_files(db) -> list[str]:
    folder = backup.backups_dir(db.path)
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def _complete(path) -> bool:
    conn = sqlite3.connect(path)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return ok and conn.execute("SELECT count(*) FROM project").fetchone()[0] == 10
    finally:
        conn.close()


def test_the_backup_runs_in_the_background_while_the_window_answers(
    make_window, demo_db, slow_copy, qtbot
):
    window = make_window(demo_db)
    job = start_auto_backup(window, demo_db)
    assert isinstance(job, AutoBackup) and job.running()
    assert list_backups(demo_db.path) == []  # not made before the window got control back

    ticks: list[int] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(1))
    beat.start(10)
    projects = window.show_tab("projects")
    qtbot.wait(300)
    assert job.running() and len(ticks) >= 10 and projects.model.rowCount() == 10
    qtbot.waitUntil(lambda: not job.running(), timeout=30000)
    beat.stop()

    assert slow_copy and not any(slow_copy)  # every step on a worker thread
    (made,) = list_backups(demo_db.path)
    assert made.reason == "auto" and job.written == made.path and _complete(made.path)
    assert not [n for n in _folder_files(demo_db) if n.endswith(".part")]
    message = window.statusBar().currentMessage()
    assert message == f"Automatic backup made: {made.path.name}"
    _shot(window, "auto-backup-made.png")


def test_no_backup_is_made_twice_the_same_day(make_window, demo_db, qtbot):
    window = make_window(demo_db)
    for _ in range(2):
        job = start_auto_backup(window, demo_db)
        qtbot.waitUntil(lambda j=job: not j.running(), timeout=30000)
    assert len(list_backups(demo_db.path)) == 1


def test_a_failing_backup_is_a_quiet_status_message(
    make_window, demo_db, monkeypatch, qtbot, answers
):
    def full_disk(src, dest, progress=None):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backup, "backup_sqlite", full_disk)
    window = make_window(demo_db)
    job = start_auto_backup(window, demo_db)
    qtbot.waitUntil(lambda: not job.running(), timeout=30000)
    message = window.statusBar().currentMessage()
    assert message.startswith("The automatic backup failed: ") and "No space left" in message
    assert answers.asked == []  # no dialog of any kind
    assert not any(isinstance(w, QMessageBox) for w in QApplication.topLevelWidgets())
    assert list_backups(demo_db.path) == [] and window.isVisible()
    _shot(window, "auto-backup-failed.png")


def test_closing_the_window_waits_for_the_backup_to_finish(make_window, demo_db, slow_copy, qtbot):
    window = make_window(demo_db)
    job = start_auto_backup(window, demo_db)
    qtbot.wait(100)
    assert job.running()
    assert window.close() and not window.isVisible()
    (made,) = list_backups(demo_db.path)  # complete when close() returned
    assert _complete(made.path)
    assert not [n for n in _folder_files(demo_db) if n.endswith(".part")]


def test_cancel_while_closing_leaves_no_partial_backup(make_window, demo_db, slow_copy, qtbot):
    window = make_window(demo_db)
    job = start_auto_backup(window, demo_db)
    qtbot.wait(100)
    assert job.running()
    pressed: list[bool] = []

    def press_cancel() -> None:
        dialog = _visible_progress()
        pressed.append(dialog is not None)
        if dialog is not None:
            assert dialog.labelText() == "Finishing the automatic backup…"
            _shot(dialog, "auto-backup-closing.png")
            dialog.cancel()

    QTimer.singleShot(900, press_cancel)
    window.close()
    assert pressed == [True]
    assert _folder_files(demo_db) == []  # neither a backup nor a .part file
    assert window.statusBar().currentMessage() == "The automatic backup was cancelled."


def test_switching_a_window_to_another_ledger_backs_that_one_up_in_the_background(
    qtbot, db_path, slow_copy
):
    window = QMainWindow()
    qtbot.addWidget(window)
    db = startup.open_database_for_window(str(db_path), window)
    try:
        assert db is not None and list_backups(db_path) == []  # returned before the copy
        jobs = window.findChildren(AutoBackup)
        assert len(jobs) == 1 and jobs[0].running()
        qtbot.waitUntil(lambda: not jobs[0].running(), timeout=30000)
        assert [b.reason for b in list_backups(db_path)] == ["auto"]
    finally:
        db.dispose()


def test_restore_while_the_daily_backup_runs_finishes_it_first(
    make_window, demo_db, slow_copy, qtbot, answers, monkeypatch
):
    from datetime import datetime

    import desktop.dialogs.backup_restore as backup_restore
    from db.backup import make_backup
    from desktop import data_menus

    good = make_backup(demo_db.path, "manual", datetime(2026, 1, 1))
    window = make_window(demo_db)
    job = start_auto_backup(window, demo_db)
    qtbot.wait(100)
    assert job.running()
    monkeypatch.setattr(backup_restore, "choose_backup_file", lambda *_a: good)
    swap = backup_restore.restore_backup
    running_at_swap: list[bool] = []

    def watched_swap(target, source):
        running_at_swap.append(job.running())
        return swap(target, source)

    monkeypatch.setattr(backup_restore, "restore_backup", watched_swap)
    data_menus.restore(window)
    assert running_at_swap == [False]  # the copy was done before the file was replaced
    assert job.written is not None and _complete(job.written)
    assert [kind for kind in answers.kinds() if kind == "warn"] == []
    assert window.db is not demo_db  # the window is on the restored ledger
