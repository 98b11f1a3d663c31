"""The daily automatic backup runs on a worker thread while the window is used (pytest-qt).

The copy is held on purpose (its first page waits at a gate the test opens), not
made slow by a big database or a clock: what the window does meanwhile is checked
while the copy is certainly still running.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QProgressDialog

import db.backup as backup
from db.backup import list_backups
from desktop import startup
from desktop.auto_backup import AutoBackup, start_auto_backup
from tests.sync import Gate, When, event_loop_turns

SHOTS = Path(os.environ.get("FTZ_LEDGER_SHOTS", tempfile.gettempdir())) / "ftz-ledger-shots"


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / name))


class HeldCopy:
    """The backup's copy, held at its first page until the test opens `gate`;
    `on_gui_thread` says for every page whether it was copied on the GUI thread."""

    def __init__(self) -> None:
        self.gate = Gate()
        self.on_gui_thread: list[bool] = []


@pytest.fixture
def slow_copy(monkeypatch: pytest.MonkeyPatch) -> Iterator[HeldCopy]:
    held = HeldCopy()
    monkeypatch.setattr(backup, "BACKUP_STEP_PAGES", 1)
    real_step = backup._step

    def held_step(progress):
        step = real_step(progress)

        def page(*args):
            held.on_gui_thread.append(threading.current_thread() is threading.main_thread())
            if len(held.on_gui_thread) == 1:
                held.gate()
            step(*args)

        return page

    monkeypatch.setattr(backup, "_step", held_step)
    yield held
    held.gate.open()  # a test that failed half-way leaves no worker waiting


def _open_once_held(held: HeldCopy) -> When:
    """Open the gate as soon as the copy waits at it (inside a loop that waits for it)."""
    return When(held.gate.reached.is_set, held.gate.open, on_timeout=held.gate.open)


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

    assert slow_copy.gate.reached.wait(20)  # the copy has begun and is held
    event_loop_turns(qtbot)  # meanwhile the window answers
    projects = window.show_tab("projects")
    qtbot.waitUntil(lambda: projects.model.rowCount() == 10, timeout=10000)
    assert job.running()
    slow_copy.gate.open()
    qtbot.waitUntil(lambda: not job.running(), timeout=30000)

    assert slow_copy.on_gui_thread and not any(slow_copy.on_gui_thread)  # all on a worker
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
    assert slow_copy.gate.reached.wait(20) and job.running()
    opening = _open_once_held(slow_copy)  # runs inside close()'s wait
    assert window.close() and not window.isVisible()
    assert opening.done
    (made,) = list_backups(demo_db.path)  # complete when close() returned
    assert _complete(made.path)
    assert not [n for n in _folder_files(demo_db) if n.endswith(".part")]


def test_cancel_while_closing_leaves_no_partial_backup(make_window, demo_db, slow_copy, qtbot):
    window = make_window(demo_db)
    job = start_auto_backup(window, demo_db)
    assert slow_copy.gate.reached.wait(20) and job.running()
    labels: list[str] = []

    def press_cancel() -> None:
        dialog = _visible_progress()
        assert dialog is not None
        labels.append(dialog.labelText())
        _shot(dialog, "auto-backup-closing.png")
        dialog.cancel()

    task = job.runner.running
    assert task is not None
    cancelling = When(
        lambda: _visible_progress() is not None, press_cancel, on_timeout=slow_copy.gate.open
    )
    # Once the Cancel has reached the copy's task, the copy goes on and meets it.
    going_on = When(
        task.cancel_requested.is_set, slow_copy.gate.open, on_timeout=slow_copy.gate.open
    )
    window.close()
    assert cancelling.done and going_on.done and labels == ["Finishing the automatic backup…"]
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
        slow_copy.gate.open()
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
    assert slow_copy.gate.reached.wait(20) and job.running()
    monkeypatch.setattr(backup_restore, "choose_backup_file", lambda *_a: good)
    swap = backup_restore.restore_backup
    task = job.runner.running
    assert task is not None
    copying_at_swap: list[bool] = []

    def watched_swap(target, source):
        # The copy's own end, not running() (cleared when its result reaches the GUI).
        copying_at_swap.append(not task.finished.is_set())
        return swap(target, source)

    monkeypatch.setattr(backup_restore, "restore_backup", watched_swap)
    opening = _open_once_held(slow_copy)  # runs inside the restore's wait for the copy
    data_menus.restore(window)
    assert opening.done
    assert copying_at_swap == [False]  # the copy was done before the file was replaced
    assert job.written is not None and _complete(job.written)
    assert [kind for kind in answers.kinds() if kind == "warn"] == []
    assert window.db is not demo_db  # the window is on the restored ledger
