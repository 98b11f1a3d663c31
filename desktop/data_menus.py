"""Menu entries that move whole sets of records: import, back up, restore, the
recycle bin, and the office server (connect, copy records to it).

Kept apart from main_menus.py so the record menus stay short; build_data_menus()
adds its entries to the File and Edit menus main_menus made.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def build_data_menus(win: MainWindow, file_menu: QMenu, before_quit) -> None:
    """File: Import…, Back up now…, Restore…, Connect to server…, Copy records to server…"""
    entries = [
        (
            "import",
            QCoreApplication.translate("DataMenus", "&Import from Excel…"),
            lambda: import_records(win),
        ),
        (None, None, None),
        ("backup", QCoreApplication.translate("DataMenus", "&Back up now…"), lambda: back_up(win)),
        (
            "restore",
            QCoreApplication.translate("DataMenus", "&Restore from backup…"),
            lambda: restore(win),
        ),
        (None, None, None),
        (
            "connect_server",
            QCoreApplication.translate("DataMenus", "&Connect to server…"),
            lambda: connect_server(win),
        ),
        (
            "copy_to_server",
            QCoreApplication.translate("DataMenus", "Copy records to &server…"),
            lambda: copy_to_server(win),
        ),
        (None, None, None),
    ]
    for name, text, slot in entries:
        if name is None:
            file_menu.insertSeparator(before_quit)
            continue
        action = file_menu.addAction(text)
        file_menu.insertAction(before_quit, action)
        action.setObjectName(f"menu_{name}")
        action.triggered.connect(slot)


def add_recycle_bin(win: MainWindow, edit_menu: QMenu) -> None:
    """Edit › Recycle bin… (the Edit menu is refilled from the tab each time it opens)."""
    edit_menu.addSeparator()
    action = edit_menu.addAction(QCoreApplication.translate("DataMenus", "Recycle &bin…"))
    action.setObjectName("menu_recycle_bin")
    action.triggered.connect(lambda: recycle_bin(win))


def import_records(win: MainWindow) -> None:
    from desktop.dialogs.import_wizard import ImportWizard

    kind = getattr(win.current_tab(), "kind", None)  # start on the tab's own kind
    wizard = ImportWizard(win.db, kind=kind, parent=win)
    wizard.finished.connect(lambda _r: win.refresh_all())
    win.tool_dialog = wizard
    wizard.open()


def back_up(win: MainWindow) -> None:
    from desktop.dialogs.backup_restore import back_up_now

    back_up_now(win.db, win)


def restore(win: MainWindow) -> None:
    from desktop.dialogs.backup_restore import restore_from_backup

    if not win.forms_may_close():
        return
    stopped: list[bool] = []

    def before_swap() -> None:
        win.stop_background_work()
        stopped.append(True)

    restored = restore_from_backup(win.db, win, before_swap=before_swap)
    if restored is not None:  # the old database is already disposed
        win.load_database(restored)
    elif stopped:  # the swap failed: the window goes on with its ledger, read afresh
        win.refresh_all()


def recycle_bin(win: MainWindow) -> None:
    from desktop.dialogs.recycle_bin import RecycleBinDialog

    dialog = RecycleBinDialog(win.db, win)
    dialog.changed.connect(win.refresh_all)
    win.tool_dialog = dialog
    dialog.open()


def connect_server(win: MainWindow) -> None:
    from desktop.dialogs.connect_server import ConnectServerDialog

    dialog = ConnectServerDialog(win)
    dialog.accepted.connect(
        lambda: win.switch_database(dialog.target(), opened=dialog.take_database())
    )
    win.tool_dialog = dialog
    dialog.open()


def copy_to_server(win: MainWindow) -> None:
    from desktop.dialogs.copy_to_server import CopyToServerDialog

    dialog = CopyToServerDialog(win.db, win)
    dialog.finished.connect(lambda _r: _offer_server(win, dialog))
    win.tool_dialog = dialog
    dialog.open()


def _offer_server(win: MainWindow, dialog) -> None:
    """After a copy, the clerk may go on working on the server's records."""
    from desktop.widgets import ask

    target = getattr(dialog, "copied_to", None)
    if target and ask.confirm(
        win,
        QCoreApplication.translate("DataMenus", "Copy records to server"),
        QCoreApplication.translate("DataMenus", "Open the server's records now?"),
    ):
        win.switch_database(target)
