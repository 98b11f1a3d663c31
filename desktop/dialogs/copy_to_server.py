"""File › Copy records to server…: move the open ledger into an empty server database.

Every record goes across with its uuid, stamps and history (db/copy.py), in one
transaction on the server: an error leaves the server database as it was.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from db.backends.messages import server_msg
from db.copy import copy_records, describe_counts
from db.engine import Database, open_database
from db.errors import LedgerError
from desktop.dialogs.connect_server import (
    ServerForm,
    error_label,
    show_error,
    show_form_problems,
)


class CopyToServerDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("copy_to_server")
        self.setWindowTitle(self.tr("Copy records to server"))
        self.db = db
        intro = QLabel(
            self.tr(
                "Copies every record of %1, with its history, into a database on a "
                "PostgreSQL server. The server database must be empty; if it is not, "
                "nothing is changed."
            ).replace("%1", db.display_name()),
            self,
        )
        intro.setWordWrap(True)
        self.form = ServerForm(self)
        self.error = error_label(self)
        self.result = QLabel(self, objectName="result")
        self.result.setWordWrap(True)
        self.result.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self
        )
        self.copy_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.copy_button.setText(self.tr("&Copy"))
        self.buttons.accepted.connect(self.copy)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.copied_to: str | None = None
        self.resize(520, 0)

    def copy(self) -> None:
        if show_form_problems(self, self.form, self.error):
            return
        url = self.form.url()
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            text = self._copy_to(url.render_as_string(hide_password=False))
        except LedgerError as exc:
            show_error(self.error, str(exc))
            self.adjustSize()
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.form.connected(url)
        show_error(self.error, "")
        self.result.setText(text)
        self.result.show()
        self.adjustSize()
        self.copy_button.setEnabled(False)
        self.copied_to = url.render_as_string(hide_password=False)

    def _copy_to(self, target_url: str) -> str:
        target = open_database(target_url)
        try:
            copied = copy_records(self.db, target)
            return server_msg(
                "copy.done",
                source=self.db.display_name(),
                target=target.display_name(),
                counts=describe_counts(copied),
            )
        finally:
            target.dispose()
