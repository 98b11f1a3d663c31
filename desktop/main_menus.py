"""The main window's menus: File, Edit, View, Tools, Reports, Help.

Edit and Reports show the current tab's own actions (their keys work while the tab
has focus), so no shortcut is ever registered twice.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu

from desktop.data_menus import add_recycle_bin, build_data_menus
from desktop.widgets.settings import recent_databases

if TYPE_CHECKING:
    from desktop.main_window import MainWindow


def _add(menu: QMenu, text: str, slot, keys=None, name: str = "") -> QAction:
    action = menu.addAction(text)
    if name:
        action.setObjectName(f"menu_{name}")
    if keys is not None:
        action.setShortcut(QKeySequence(keys))
    action.triggered.connect(slot)
    return action


def build_menus(win: MainWindow) -> None:
    bar = win.menuBar()
    file_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&File"))
    _add(
        file_menu,
        QCoreApplication.translate("MainWindow", "&New database…"),
        lambda: _new_database(win),
        name="new_db",
    )
    _add(
        file_menu,
        QCoreApplication.translate("MainWindow", "&Open database…"),
        lambda: _open_database(win),
        QKeySequence.StandardKey.Open,
        "open_db",
    )
    recent = file_menu.addMenu(QCoreApplication.translate("MainWindow", "&Recent databases"))
    recent.aboutToShow.connect(lambda: _fill_recent(win, recent))
    file_menu.addSeparator()
    quit_action = _add(
        file_menu,
        QCoreApplication.translate("MainWindow", "&Quit"),
        win.close,
        QKeySequence.StandardKey.Quit,
        "quit",
    )
    build_data_menus(win, file_menu, quit_action)

    edit_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Edit"))
    edit_menu.aboutToShow.connect(lambda: _fill_from_tab(win, edit_menu, "record_actions"))
    edit_menu.aboutToShow.connect(lambda: add_recycle_bin(win, edit_menu))

    view_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&View"))
    _add(
        view_menu,
        QCoreApplication.translate("MainWindow", "&Next tab"),
        lambda: win.step_tab(1),
        "Ctrl+Tab",
        "next_tab",
    )
    _add(
        view_menu,
        QCoreApplication.translate("MainWindow", "&Previous tab"),
        lambda: win.step_tab(-1),
        "Ctrl+Shift+Tab",
        "prev_tab",
    )
    _add(
        view_menu,
        QCoreApplication.translate("MainWindow", "Refresh &all tabs"),
        win.refresh_all,
        None,
        "refresh_all",
    )

    tools = bar.addMenu(QCoreApplication.translate("MainWindow", "&Tools"))
    _add(
        tools,
        QCoreApplication.translate("MainWindow", "&Reference data…"),
        lambda: _reference_data(win),
        name="reference",
    )
    _add(
        tools,
        QCoreApplication.translate("MainWindow", "&Units…"),
        lambda: _units(win),
        name="units",
    )
    tools.addSeparator()
    _add(
        tools,
        QCoreApplication.translate("MainWindow", "&Settings…"),
        lambda: _settings(win),
        name="settings",
    )

    reports = bar.addMenu(QCoreApplication.translate("MainWindow", "&Reports"))
    reports.aboutToShow.connect(lambda: _fill_reports(win, reports))

    help_menu = bar.addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    _add(
        help_menu,
        QCoreApplication.translate("MainWindow", "&About FTZ Ledger"),
        lambda: _about(win),
        name="about",
    )


def _fill_from_tab(win: MainWindow, menu: QMenu, which: str) -> None:
    menu.clear()
    tab = win.current_tab()
    if tab is None or win.stack.currentWidget() is not win.tabs:
        menu.addAction(QCoreApplication.translate("MainWindow", "(open a tab first)")).setEnabled(
            False
        )
        return
    actions = tab.record_actions() if which == "record_actions" else [tab.actions_["export"]]
    menu.addActions(actions)


def _fill_reports(win: MainWindow, menu: QMenu) -> None:
    """The current tab's export, then the reports that need no tab."""
    _fill_from_tab(win, menu, "export_actions")
    menu.addSeparator()
    from desktop.reports.words import word

    # The report's own title (重点项目推进情况月报), the same words as on the printed sheet.
    action = menu.addAction(word("title.progress") + "…")
    action.setObjectName("menu_progress_report")
    action.triggered.connect(lambda: _progress_report(win))


def _progress_report(win: MainWindow) -> None:
    from desktop.dialogs.progress_report import ProgressReportDialog

    win.tool_dialog = ProgressReportDialog(win.db, win)
    win.tool_dialog.open()


def _settings(win: MainWindow) -> None:
    from desktop.dialogs.settings import SettingsDialog

    dialog = SettingsDialog(win.db, win)
    dialog.accepted.connect(lambda: win.refresh_all())
    win.tool_dialog = dialog
    dialog.open()


def _fill_recent(win: MainWindow, menu: QMenu) -> None:
    menu.clear()
    paths = recent_databases()
    if not paths:
        menu.addAction(QCoreApplication.translate("MainWindow", "(none yet)")).setEnabled(False)
    for path in paths:
        menu.addAction(path).triggered.connect(lambda _=False, p=path: win.switch_database(p))


def db_filter() -> str:
    """The file dialogs' filter, named in the window's language."""
    return (
        QCoreApplication.translate("MainWindow", "Ledger files (*.sqlite3 *.sqlite *.db)") + ";;*"
    )


def _new_database(win: MainWindow) -> None:
    path, _ = QFileDialog.getSaveFileName(
        win, QCoreApplication.translate("MainWindow", "New database"), "ledger.sqlite3", db_filter()
    )
    if path:
        win.switch_database(path)


def _open_database(win: MainWindow) -> None:
    path, _ = QFileDialog.getOpenFileName(
        win, QCoreApplication.translate("MainWindow", "Open database"), "", db_filter()
    )
    if path:
        win.switch_database(path)


def _reference_data(win: MainWindow) -> None:
    from desktop.dialogs.reference_data import ReferenceDataDialog

    dialog = ReferenceDataDialog(win.db, win)
    dialog.finished.connect(lambda _r: win.refresh_all(choices=True))
    win.tool_dialog = dialog
    dialog.open()


def _units(win: MainWindow) -> None:
    from desktop.dialogs.units_directory import UnitsDirectory

    dialog = UnitsDirectory(win.db, win)
    dialog.finished.connect(lambda _r: win.refresh_all())
    win.tool_dialog = dialog
    dialog.open()


def _about(win: MainWindow) -> None:
    from desktop.dialogs.about import AboutDialog

    win.tool_dialog = AboutDialog(win.db, win)
    win.tool_dialog.open()
