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

`NewestWins` is the non-modal kind: work in the background whose result is handed
back on the GUI thread (the Overview's figures), the newest request winning.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
)
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


# --- non-modal: run in the background, call back on the GUI thread ------------------

_RUNNING: set = set()  # tasks on pool threads, kept alive until their run() is over
_POOL: list[QThreadPool] = []
# The start-up backup, the Overview's count and a long list's rest may all run at
# once (the last is what a clerk waits for): one thread each.
BACKGROUND_THREADS = 3


def background_pool() -> QThreadPool:
    """Non-modal work's own threads: a backup and a count running in the background
    never keep the work the clerk waits for (run_with_progress) queued."""
    if not _POOL:
        pool = QThreadPool()
        pool.setMaxThreadCount(BACKGROUND_THREADS)
        _POOL.append(pool)
    return _POOL[0]


def wait_for_background(timeout_ms: int) -> bool:
    """Before closing the database at quit: until the background work has ended."""
    return not _POOL or _POOL[0].waitForDone(timeout_ms)


def _start(task: Task) -> None:
    _RUNNING.add(task)
    task.on_finish = _RUNNING.discard
    background_pool().start(task)


class NewestWins(QObject):
    """Work on a pool thread whose result is handed to `on_result` on the GUI thread,
    with no dialog: the window stays usable and shows what it likes meanwhile.

    One piece of work at a time. A request while one runs asks the running one to
    stop (its progress() answers False, and `on_cancel` may interrupt it, e.g. a
    database query) and waits its turn; of several such requests only the newest is
    kept. A superseded or cancelled work's result or error is dropped, so only the
    figures of the newest request ever arrive. An error of the newest work goes to
    `on_error` (never a traceback dialog).
    """

    def __init__(
        self,
        parent: QObject,
        on_result: Callable[[object], None],
        on_error: Callable[[BaseException], None] | None = None,
        *,
        poll_ms: int = POLL_MS,
    ) -> None:
        super().__init__(parent)
        self.on_result = on_result
        self.on_error = on_error
        self._task: Task | None = None
        self._cancel_hook: Callable[[], None] | None = None
        self._pending: tuple[Callable[[Progress], object], Callable[[], None] | None, float] | None
        self._pending = None
        self._timer = QTimer(self)
        self._timer.setInterval(poll_ms)
        self._timer.timeout.connect(self._poll)

    def run(
        self,
        work: Callable[[Progress], object],
        on_cancel: Callable[[], None] | None = None,
        *,
        wait_s: float = 0.0,
    ) -> None:
        """Start `work(progress)` now, or as soon as the running work has stopped.

        With wait_s the GUI thread waits that long for the work and delivers its
        result at once if it is done by then (a small ledger's figures arrive
        without a placeholder flashing up first).
        """
        self._pending = (work, on_cancel, wait_s)
        if self._task is None:
            self._start_pending()
        else:
            self._stop_running()

    @property
    def running(self) -> Task | None:
        """The work on its thread now (its done/total and cancel_requested are
        thread-safe to read and set), or None."""
        return self._task

    def busy(self) -> bool:
        """Work is running or waiting to run: its figures are not in yet."""
        return self._task is not None or self._pending is not None

    def cancel(self) -> None:
        """Drop the waiting work and stop the running one; nothing is delivered."""
        self._pending = None
        if self._task is not None:
            self._stop_running()

    def wait(self, timeout_s: float | None = None) -> bool:
        """Block until the running work has ended (True), e.g. before closing; results
        still arrive through the event loop afterwards."""
        task = self._task
        return task is None or task.finished.wait(timeout_s)

    def _stop_running(self) -> None:
        assert self._task is not None
        if not self._task.cancel_requested.is_set():
            self._task.cancel_requested.set()
            if self._cancel_hook is not None:
                self._cancel_hook()

    def _start_pending(self) -> None:
        assert self._pending is not None
        work, self._cancel_hook, wait_s = self._pending
        self._pending = None
        self._task = Task(work)
        _start(self._task)
        self._timer.start()
        if wait_s and self._task.finished.wait(wait_s):
            self._poll()

    def _poll(self) -> None:
        task = self._task
        if task is None or not task.finished.is_set():
            return
        self._task, self._cancel_hook = None, None
        if self._pending is not None:
            self._start_pending()  # the finished work was superseded: dropped
            return
        self._timer.stop()
        if task.cancel_requested.is_set():
            return
        if task.error is None:
            self.on_result(task.result)
        elif self.on_error is not None:
            self.on_error(task.error)
