"""Start the Qt application and show the main window."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

SMOKE_TEST_MS = 300
QUIT_WAIT_MS = 10_000


def style_sheet() -> str:
    path = Path(__file__).resolve().parent.parent / "resources" / "style.qss"
    return path.read_text(encoding="utf-8") if path.exists() else ""


def make_application():
    """The one QApplication, with the ledger's names (QSettings) and style sheet."""
    from PySide6.QtWidgets import QApplication

    from desktop.widgets.settings import APPLICATION, ORGANISATION

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName("FTZ Ledger")
    app.setStyleSheet(style_sheet())
    return app


def start_language(app, command_line: str | None) -> str:
    """The window's language (--lang, Settings, system locale), its translators and fonts."""
    from desktop import i18n

    lang = i18n.choose_language(command_line)
    i18n.set_language(lang)
    i18n.ensure_cjk_font(app)
    return lang


def run(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QThreadPool, QTimer

    from desktop.auto_backup import start_auto_backup
    from desktop.main_window import MainWindow
    from desktop.single_instance import bring_to_front, claim_database
    from desktop.startup import open_database_for_window
    from desktop.widgets.background import wait_for_background

    app = make_application()
    start_language(app, getattr(args, "lang", None))
    # A second start on the same database brings the first window forward instead.
    claim = claim_database(args.db, app)
    if claim is None:
        return 0
    db = open_database_for_window(args.db, None)
    if db is None:
        return 1
    window = MainWindow(db)
    window.instance_claim = claim
    claim.raise_requested.connect(lambda: bring_to_front(window))
    window.show()
    start_auto_backup(window, db)  # in the background: the window is usable meanwhile
    if getattr(args, "smoke_test", False):
        # The installer's check: the window opened and painted; close by ourselves.
        # One timer does both, so nothing is left pending to quit a later event loop.
        def finish() -> None:
            window.close()
            app.quit()

        QTimer.singleShot(SMOKE_TEST_MS, finish)
    try:
        code = app.exec()
    finally:
        # Work still on a pool thread (a count being interrupted) ends before the
        # database is closed under it.
        wait_for_background(QUIT_WAIT_MS)
        QThreadPool.globalInstance().waitForDone(QUIT_WAIT_MS)
        db.dispose()
    return 0 if getattr(args, "smoke_test", False) else code
