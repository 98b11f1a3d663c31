"""Start the Qt application and show the main window."""

from __future__ import annotations

import argparse
import sys

from db.engine import open_database
from db.errors import LedgerError


def run(args: argparse.Namespace) -> int:
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv[:1])
    try:
        db = open_database(args.db)
    except LedgerError as exc:
        QMessageBox.critical(None, "FTZ Ledger", str(exc))
        return 1
    window = QMainWindow()
    window.setWindowTitle(f"FTZ Ledger — {db.display_name()}")
    window.setCentralWidget(QLabel("FTZ Ledger"))
    window.show()
    return app.exec()
