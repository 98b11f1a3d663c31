"""The daily automatic backup, made on a worker thread while the window is used.

The copy is SQLite's online backup API on a connection of its own (the window reads
and writes beside it), written to `<name>.part` and renamed only when complete
(db.backup.backup_sqlite), so no half-written backup is ever left under a backup's
name. A failure is a quiet message in the status bar, not a dialog. Closing the
window while the copy runs waits for it, with a progress dialog whose Cancel stops
it (the partial copy is removed; the next start makes the backup again).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QMainWindow

from db.backup import BackupCancelled, auto_backup
from db.engine import Database
from desktop.widgets.background import NewestWins, Progress, run_with_progress

DONE_MESSAGE_MS = 8_000
FAILED_MESSAGE_MS = 60_000
WAIT_POLL_S = 0.05


class AutoBackup(QObject):
    """One start's daily backup for `window`; started at once."""

    def __init__(self, window: QMainWindow, db: Database, now: datetime | None = None) -> None:
        super().__init__(window)
        self.window_ = window
        self.written: Path | None = None
        self.error: BaseException | None = None
        self.runner = NewestWins(self, self._made, self._failed)
        self.runner.run(lambda progress: auto_backup(db, now, progress))
        window.installEventFilter(self)

    def running(self) -> bool:
        return self.runner.busy()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Close and watched is self.window_ and self.running():
            self.finish()
        return False  # the window decides about closing as usual

    def finish(self) -> None:
        """Wait for the copy to end (after half a second with a progress dialog; its
        Cancel stops the copy and removes the partial file)."""
        task = self.runner.running
        if task is None:
            return

        def wait(progress: Progress) -> None:
            while not task.finished.wait(WAIT_POLL_S):
                if progress(task.done, task.total) is False:
                    task.cancel_requested.set()  # the copy stops at its next step

        run_with_progress(
            self.window_,
            self.tr("Automatic backup"),
            wait,
            label=self.tr("Finishing the automatic backup…"),
        )
        if task.cancel_requested.is_set() and isinstance(task.error, BackupCancelled):
            self.runner.cancel()
            self._message(self.tr("The automatic backup was cancelled."), DONE_MESSAGE_MS)

    def _made(self, written: object) -> None:
        self.window_.removeEventFilter(self)
        if isinstance(written, Path):
            self.written = written
            text = self.tr("Automatic backup made: %1").replace("%1", written.name)
            self._message(text, DONE_MESSAGE_MS)

    def _failed(self, exc: BaseException) -> None:
        self.window_.removeEventFilter(self)
        self.error = exc
        text = self.tr("The automatic backup failed: %1").replace("%1", str(exc))
        self._message(text, FAILED_MESSAGE_MS)

    def _message(self, text: str, ms: int) -> None:
        self.window_.statusBar().showMessage(text, ms)


def start_auto_backup(window: QMainWindow, db: Database) -> AutoBackup | None:
    """The daily backup of `db` in the background (None for a server database);
    results are reported in `window`'s status bar."""
    if db.path is None:
        return None
    return AutoBackup(window, db)
