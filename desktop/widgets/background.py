"""Long work off the GUI thread, with a progress dialog and Cancel.

`run_with_progress(parent, title, work)` runs `work(progress)` on a QThreadPool
thread and keeps the window painted meanwhile; after half a second a progress
dialog appears (QProgressDialog's minimumDuration), with Cancel. `progress(done,
total)` is the import engine's callback convention: the work reports how far it
is and gets False back once the clerk has pressed Cancel, then stops (the work's
own transaction or temporary file makes sure nothing half-written remains).

The worker thread takes its own database connection from the engine's pool
(db.read()/db.write() inside `work`); the GUI thread keeps reading with its own.
Nothing is signalled across threads: the GUI thread polls the task's state, which
also keeps clear of PySide6 6.12's emit() reference bug.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import QCoreApplication, QEventLoop, QRunnable, Qt, QThreadPool, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")
SHOW_AFTER_MS = 500  # shorter work never shows a dialog
POLL_MS = 40
QUICK_S = 0.05  # work done within this is answered as if it ran on the GUI thread
Progress = Callable[[int, int], bool]
_ABANDONED: set = set()


class Cancelled(Exception):
    """The clerk pressed Cancel; the work stopped and undid what it had begun."""


class Task(QRunnable, Generic[T]):
    """One piece of work on a pool thread; its state is read by the GUI thread."""

    def __init__(self, work: Callable[[Progress], T]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # we read the result after run() returns
        self.work = work
        self.done = 0
        self.total = 0
        self.result: T | None = None
        self.error: BaseException | None = None
        self.cancel_requested = threading.Event()
        self.finished = threading.Event()
        self.on_finish: Callable[[Task], None] | None = None

    def progress(self, done: int, total: int) -> bool:
        self.done, self.total = done, total
        return not self.cancel_requested.is_set()

    def run(self) -> None:
        try:
            self.result = self.work(self.progress)
        except BaseException as exc:  # handed to the GUI thread, raised there
            self.error = exc
        finally:
            self.finished.set()
            if self.on_finish is not None:
                self.on_finish(self)


def stop_if_cancelled(progress: Progress, done: int, total: int) -> None:
    """Report progress; raise Cancelled when the clerk has pressed Cancel."""
    if progress(done, total) is False:
        raise Cancelled()


def run_with_progress(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], T],
    *,
    label: str = "",
    cancellable: bool = True,
    abandon_on_cancel: bool = False,
    show_after_ms: int = SHOW_AFTER_MS,
) -> T:
    """work(progress) on a worker thread; its result, or its exception raised here.

    A work that stops because progress() answered False raises Cancelled (or
    returns a result that says so, as the import's report does); a work that ends
    anyway is done, and its result is returned. With abandon_on_cancel (only for
    work that writes nothing, such as checking a file), Cancel raises Cancelled at
    once and the work's result is dropped when it ends.
    """
    task: Task[T] = Task(work)
    started = time.monotonic()
    QThreadPool.globalInstance().start(task)
    if task.finished.wait(QUICK_S):
        return _outcome(task)  # quick work: no dialog, no events processed meanwhile
    dialog = _progress_dialog(parent, title, label, cancellable, show_after_ms)
    waiting = [True]

    def tick() -> None:
        if task.finished.is_set():
            waiting[0] = False
            return
        if dialog.wasCanceled():  # the Cancel button, Esc, or closing the dialog
            task.cancel_requested.set()
            if abandon_on_cancel:
                waiting[0] = False
                return
        if task.total:
            dialog.setMaximum(task.total)
            dialog.setValue(min(task.done, task.total - 1))
        if not dialog.isVisible() and (time.monotonic() - started) * 1000 >= show_after_ms:
            dialog.show()

    timer = QTimer()
    timer.setInterval(POLL_MS)
    timer.timeout.connect(tick)
    timer.start()
    while waiting[0]:
        # Until the (modal) dialog shows, the clerk's clicks and keys wait in the
        # queue: nothing can start a second piece of work meanwhile.
        flags = QEventLoop.ProcessEventsFlag.WaitForMoreEvents
        if not dialog.isVisible():
            flags |= QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents
        QCoreApplication.processEvents(flags)
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if abandon_on_cancel and not task.finished.is_set():
        _ABANDONED.add(task)  # kept alive until its thread is done with it
        task.on_finish = _ABANDONED.discard
        raise Cancelled()
    task.finished.wait()
    return _outcome(task)


def _outcome(task: Task[T]) -> T:
    if task.error is not None:
        raise task.error
    return task.result  # type: ignore[return-value]


def _progress_dialog(
    parent: QWidget | None, title: str, label: str, cancellable: bool, show_after_ms: int
) -> QProgressDialog:
    dialog = QProgressDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(label or title)
    dialog.setRange(0, 0)  # busy until the work reports a total
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(show_after_ms)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.hide()
    return dialog
