"""File › Back up now… and File › Restore…: the window's side of db.backup / db.restore.

Both take the open Database and the parent window. Restoring closes the database
(every connection must be gone before the file is swapped), restores, and opens
the restored file: the caller switches the window to the Database returned.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

from db.backup import BackupCancelled, backup_name, backup_to, backups_dir
from db.engine import Database, open_database
from db.errors import LedgerError
from db.labels import label
from db.lang import pick
from db.restore import check_backup, restore_backup
from desktop.widgets import ask
from desktop.widgets.background import Cancelled, run_with_progress


def zh_en(zh: str, en: str) -> str:
    """The UI text in the current language (db.lang)."""
    return pick(zh, en)


def backup_filter() -> str:
    return (
        zh_en("台账文件 (*.sqlite3 *.sqlite *.db)", "Ledger files (*.sqlite3 *.sqlite *.db)")
        + ";;*"
    )


def _server_database(parent: QWidget | None, db: Database) -> bool:
    if db.path is not None:
        return False
    ask.inform(
        parent,
        zh_en("备份", "Backups"),
        zh_en(
            "%1 is a server database: its administrator backs it up with the server's tools."
        ).replace("%1", db.display_name()),
    )
    return True


def choose_backup_destination(parent: QWidget | None, db_path: Path) -> Path | None:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    name = backup_name(db_path, "manual", datetime.now())
    path, _ = QFileDialog.getSaveFileName(
        parent,
        zh_en("备份到", "Back up to"),
        str(Path(start or Path.home()) / name),
        backup_filter(),
    )
    return Path(path) if path else None


def back_up_now(
    db: Database, parent: QWidget | None = None, dest: Path | None = None
) -> Path | None:
    """File › Back up now…: a copy where the clerk chooses (a USB stick, say)."""
    if _server_database(parent, db):
        return None
    assert db.path is not None
    dest = dest or choose_backup_destination(parent, db.path)
    if dest is None:
        return None
    source = db.path
    try:
        # Off the GUI thread; past half a second a progress dialog with Cancel
        # (the partial copy is then deleted).
        written = run_with_progress(
            parent, zh_en("备份", "Back up"), lambda progress: backup_to(source, dest, progress)
        )
    except BackupCancelled as exc:
        ask.inform(parent, zh_en("备份", "Back up"), str(exc))
        return None
    except LedgerError as exc:
        ask.warn(parent, zh_en("备份", "Back up"), str(exc))
        return None
    ask.inform(
        parent,
        zh_en("备份", "Back up"),
        zh_en("已备份到 %1。", "Backed up to %1.").replace("%1", str(written)),
    )
    return written


def choose_backup_file(parent: QWidget | None, db_path: Path) -> Path | None:
    path, _ = QFileDialog.getOpenFileName(
        parent,
        zh_en("从备份恢复", "Restore from backup"),
        str(backups_dir(db_path)),
        backup_filter(),
    )
    return Path(path) if path else None


def _confirm_text(source: Path, counts: dict[str, int]) -> str:
    summary = ", ".join(f"{label('kind.' + kind)} {n}" for kind, n in counts.items())
    return (
        zh_en("用备份 %1（%2）替换当前台账？", "Replace the open ledger by the backup %1 (%2)?")
        .replace("%1", str(source))
        .replace("%2", summary)
        + "\n"
        + zh_en(
            "替换前会先备份当前台账，因此可以撤销。",
            "The ledger as it is now is backed up first, so this can be undone.",
        )
    )


def restore_from_backup(
    db: Database,
    parent: QWidget | None = None,
    source: Path | None = None,
    before_swap: Callable[[], None] | None = None,
) -> Database | None:
    """File › Restore…: the restored Database to switch to, or None (nothing changed).

    When it returns a Database, `db` has been disposed; when it returns None,
    `db` is still open and usable. `before_swap` runs once the clerk has confirmed,
    before the file is closed (the window stops its background work on it).
    """
    if _server_database(parent, db):
        return None
    assert db.path is not None
    source = source or choose_backup_file(parent, db.path)
    if source is None:
        return None
    try:
        # Checking a large backup reads all of it: off the GUI thread, and Cancel
        # simply stops waiting (the check writes nothing).
        info = run_with_progress(
            parent,
            zh_en("检查备份", "Checking the backup"),
            lambda _progress: check_backup(source),
            abandon_on_cancel=True,
        )
    except Cancelled:
        return None
    except LedgerError as exc:
        ask.warn(parent, zh_en("恢复", "Restore"), str(exc))
        return None
    if not ask.confirm(parent, zh_en("恢复", "Restore"), _confirm_text(source, info.counts)):
        return None
    if before_swap is not None:
        before_swap()
    db.dispose()
    target = db.path
    try:
        # The swap itself is not stopped half-way: a busy dialog, no Cancel.
        result = run_with_progress(
            parent,
            zh_en("恢复", "Restore"),
            lambda _progress: restore_backup(target, source),
            cancellable=False,
        )
    except LedgerError as exc:
        ask.warn(parent, zh_en("恢复", "Restore"), str(exc))
        return None  # nothing changed; the disposed engine reconnects on next use
    try:
        restored = open_database(str(result.path))
    except LedgerError as exc:  # the backup passed the check, so this is unexpected
        ask.warn(parent, zh_en("恢复", "Restore"), str(exc))
        return None
    ask.inform(
        parent,
        zh_en("恢复", "Restore"),
        zh_en(
            "已从 %1 恢复。原来的台账保存在 %2。",
            "Restored from %1. The ledger as it was is kept in %2.",
        )
        .replace("%1", str(result.source))
        .replace("%2", str(result.previous or "-")),
    )
    return restored
