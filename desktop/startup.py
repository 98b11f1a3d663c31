"""Open the ledger for the window, explaining (not crashing) when it cannot be opened.

A file that cannot be opened (damaged, truncated, a folder, read-only, locked,
from a newer program) gets a dialog that says why and offers what can help:
restore the latest good backup, open another file, try again, or quit. The file
itself is never changed by the offer; restoring keeps a copy of it first.

The daily automatic backup runs in the background (desktop.auto_backup) once a
window shows the ledger: started here when a window switches to another ledger,
and by app.run once the first window is shown (at start-up there is no window yet
to report to).

The window calls only open_database_for_window().
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from db.engine import Database, open_database, resolve_target, target_url
from db.errors import LedgerError
from db.lang import pick
from db.restore import latest_good_backup, restore_backup
from desktop.widgets import ask


def zh_en(zh: str, en: str) -> str:
    """The UI text in the current language (db.lang)."""
    return pick(zh, en)


def db_filter() -> str:
    return (
        zh_en("台账文件 (*.sqlite3 *.sqlite *.db)", "Ledger files (*.sqlite3 *.sqlite *.db)")
        + ";;*"
    )


class Choice(Enum):
    RESTORE = "restore"
    OTHER_FILE = "other_file"
    RETRY = "retry"
    QUIT = "quit"


class OpenProblemBox(QMessageBox):
    """Why the ledger could not be opened, and the ways on (object names for tests)."""

    def __init__(self, message: str, backup: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(
            QMessageBox.Icon.Warning, zh_en("无法打开台账", "The ledger cannot be opened"), message
        )
        if parent is not None:
            self.setParent(parent, self.windowFlags())
        self.setObjectName("open_problem")
        if backup is not None:
            self.setInformativeText(
                zh_en("最近一份完好的备份是 %1。", "The latest good backup is %1.").replace(
                    "%1", str(backup)
                )
                + "\n"
                + zh_en(
                    "恢复前会先把当前文件另存到备份文件夹。",
                    "Restoring it keeps a copy of the current file in the backups folder.",
                )
            )
            self._button(
                Choice.RESTORE,
                zh_en("恢复最近的完好备份", "Restore the latest good backup"),
                "AcceptRole",
            )
        self._button(Choice.OTHER_FILE, zh_en("打开其他文件…", "Open another file…"), "ActionRole")
        self._button(Choice.RETRY, zh_en("重试", "Try again"), "ActionRole")
        # At start-up there is no window yet: giving up quits; later it cancels.
        quit_text = zh_en("退出", "Quit") if parent is None else zh_en("取消", "Cancel")
        quit_button = self._button(Choice.QUIT, quit_text, "RejectRole")
        self.setEscapeButton(quit_button)

    def _button(self, choice: Choice, text: str, role: str):
        button = self.addButton(text, getattr(QMessageBox.ButtonRole, role))
        button.setObjectName(f"choice_{choice.value}")
        return button

    def choice(self) -> Choice:
        # By name: holding Python references to the box's own buttons outlives them.
        clicked = self.clickedButton()
        name = clicked.objectName() if clicked is not None else ""
        return next((c for c in Choice if name == f"choice_{c.value}"), Choice.QUIT)


def sqlite_path(target: str | None) -> Path | None:
    """The file a target names, or None for a server database (or a bad URL)."""
    try:
        url = target_url(resolve_target(target))
    except LedgerError:
        return None
    if url.get_backend_name() != "sqlite" or not url.database:
        return None
    return Path(url.database)


def _good_backup_for(target: str | None) -> Path | None:
    path = sqlite_path(target)
    if path is None:
        return None
    try:
        return latest_good_backup(path)
    except OSError:
        return None


def ask_what_next(message: str, backup: Path | None, parent: QWidget | None) -> Choice:
    box = OpenProblemBox(message, backup, parent)
    box.exec()
    choice = box.choice()
    box.deleteLater()
    return choice


def _restore_latest(target: str | None, backup: Path, parent: QWidget | None) -> None:
    path = sqlite_path(target)
    assert path is not None
    try:
        result = restore_backup(path, backup)
    except LedgerError as exc:
        ask.warn(parent, zh_en("恢复", "Restore"), str(exc))
        return
    ask.inform(
        parent,
        zh_en("恢复", "Restore"),
        zh_en(
            "已从 %1 恢复。\n原文件另存为 %2。",
            "Restored from %1.\nThe damaged file is kept as %2.",
        )
        .replace("%1", str(result.source))
        .replace("%2", str(result.previous or "-")),
    )


def _pick_other_file(parent: QWidget | None) -> str | None:
    path, _ = QFileDialog.getOpenFileName(
        parent, zh_en("打开数据库", "Open database"), "", db_filter()
    )
    return path or None


def open_database_for_window(target: str | None, parent: QWidget | None = None) -> Database | None:
    """The open database, or None after telling the clerk why it could not be opened."""
    while True:
        try:
            db = open_database(target)
        except LedgerError as exc:
            backup = _good_backup_for(target)
            choice = ask_what_next(str(exc), backup, parent)
            if choice is Choice.RESTORE and backup is not None:
                _restore_latest(target, backup, parent)
            elif choice is Choice.OTHER_FILE:
                target = _pick_other_file(parent) or target
            elif choice is Choice.QUIT:
                return None
            continue
        if isinstance(parent, QMainWindow):  # a window switching to this ledger
            from desktop.auto_backup import start_auto_backup

            start_auto_backup(parent, db)
        return db
