"""Open the ledger for the window, explaining (not crashing) when it cannot be opened.

Owned by the data-safety work (issue 7), which adds: restore the latest good
backup, open another file. The window calls only open_database_for_window().
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from db.engine import Database, open_database
from db.errors import LedgerError

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget


def open_database_for_window(target: str | None, parent: QWidget | None = None) -> Database | None:
    """The open database, or None after telling the clerk why it could not be opened."""
    from PySide6.QtWidgets import QMessageBox

    try:
        return open_database(target)
    except LedgerError as exc:
        QMessageBox.critical(parent, "FTZ Ledger", str(exc))
        return None
