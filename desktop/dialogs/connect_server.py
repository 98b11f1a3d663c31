"""File › Connect to server…: host, port, database and user of a PostgreSQL ledger.

The password is asked for each time and never written to disk: the recent-server
list keeps URLs without it, and "keep until the program closes" holds it in this
process's memory only.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.engine import URL, make_url

from db.engine import Database, open_database
from db.errors import LedgerError
from desktop.widgets.background import Cancelled, Progress, run_with_progress
from desktop.widgets.settings import settings

DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432
RECENT_KEY = "recent_servers"
RECENT_MAX = 8

# URL without password -> password, for this run of the program only.
_session_passwords: dict[str, str] = {}


def public_url(url: URL) -> str:
    """The URL as shown and remembered: never with the password."""
    # (URL.set(password=None) would keep the password: None there means "unchanged".)
    bare = URL.create(
        url.drivername,
        username=url.username,
        host=url.host,
        port=url.port,
        database=url.database,
        query=url.query,
    )
    return bare.render_as_string(hide_password=False)


def recent_servers() -> list[str]:
    value = settings().value(RECENT_KEY, [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        value = [value]
    return [str(v) for v in value or []]


def remember_server(url: URL) -> None:
    text = public_url(url)
    items = [text] + [u for u in recent_servers() if u != text]
    settings().setValue(RECENT_KEY, items[:RECENT_MAX])


def forget_session_passwords() -> None:
    _session_passwords.clear()


class ServerForm(QWidget):
    """The fields naming a server database; also used by the copy dialog."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recent = QComboBox(self)
        self.recent.setObjectName("recent")
        self.recent.addItem(self.tr("(type a new server below)"), None)
        for url in recent_servers():
            self.recent.addItem(url, url)
        self.recent.currentIndexChanged.connect(self._recent_chosen)
        self.host = QLineEdit(self, objectName="host", placeholderText="db.office.local")
        self.port = QSpinBox(self, objectName="port")
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit(self, objectName="database", placeholderText="ftz_ledger")
        self.user = QLineEdit(self, objectName="user")
        self.password = QLineEdit(self, objectName="password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.keep = QCheckBox(self.tr("Keep the password until the program closes"), self)
        self.keep.setObjectName("keep_password")
        self.keep.setToolTip(self.tr("It is held in memory only, never written to disk."))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Recent servers:"), self.recent)
        form.addRow(self.tr("&Host:"), self.host)
        form.addRow(self.tr("&Port:"), self.port)
        form.addRow(self.tr("&Database:"), self.database)
        form.addRow(self.tr("&User:"), self.user)
        form.addRow(self.tr("Pass&word:"), self.password)
        form.addRow("", self.keep)
        if self.recent.count() > 1:
            self.recent.setCurrentIndex(1)

    def _recent_chosen(self, index: int) -> None:
        text = self.recent.itemData(index)
        if not text:
            return
        url = make_url(text)
        self.host.setText(url.host or "")
        self.port.setValue(url.port or DEFAULT_PORT)
        self.database.setText(url.database or "")
        self.user.setText(url.username or "")
        remembered = _session_passwords.get(public_url(url))
        self.password.setText(remembered or "")
        self.keep.setChecked(remembered is not None)

    def problems(self) -> list[tuple[QWidget, str]]:
        """Empty required fields, each with a message naming it."""
        required = [
            (self.host, self.tr("Host is required.")),
            (self.database, self.tr("Database is required.")),
            (self.user, self.tr("User is required.")),
        ]
        return [(field, text) for field, text in required if not field.text().strip()]

    def url(self) -> URL:
        """The server URL, with the password typed (to connect with, never to store)."""
        return URL.create(
            DRIVER,
            username=self.user.text().strip(),
            password=self.password.text() or None,
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
        )

    def connected(self, url: URL) -> None:
        """Remember the server (without password) and, if asked, the password in memory."""
        remember_server(url)
        key = public_url(url)
        if self.keep.isChecked() and url.password:
            _session_passwords[key] = url.password
        else:
            _session_passwords.pop(key, None)


def error_label(parent: QWidget) -> QLabel:
    label = QLabel(parent, objectName="error")
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setStyleSheet("color: #b00020;")
    label.hide()
    return label


def show_error(label: QLabel, text: str) -> None:
    label.setText(text)
    label.setVisible(bool(text))


def show_form_problems(dialog: QDialog, form: ServerForm, label: QLabel) -> bool:
    """Name the form's empty or bad fields under it; True when there were any."""
    problems = form.problems()
    if problems:
        show_error(label, " ".join(text for _, text in problems))
        dialog.adjustSize()
        problems[0][0].setFocus()
    return bool(problems)


class ConnectServerDialog(QDialog):
    """Ask for a server database and check that it opens; `target()` is then its URL."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect_server")
        self.setWindowTitle(self.tr("Connect to server"))
        intro = QLabel(
            self.tr(
                "Work on the office's shared records on a PostgreSQL server. "
                "An empty database is set up on first use."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.form = ServerForm(self)
        self.error = error_label(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Connect"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._url: URL | None = None
        self._db: Database | None = None
        self.resize(480, 0)
        first_empty = next((f for f, _ in self.form.problems()), self.form.password)
        first_empty.setFocus()

    def accept(self) -> None:
        if show_form_problems(self, self.form, self.error):
            return
        url = self.form.url()
        try:
            # Off the GUI thread: an unreachable server takes its connect timeout,
            # and a new database is set up; Connecting… with Cancel after 0.5 s.
            db = run_with_progress(
                self,
                self.tr("Connect to server"),
                partial(_open_server, url.render_as_string(hide_password=False)),
                label=self.tr("Connecting to %1…").replace("%1", url.host or ""),
                abandon_on_cancel=True,
            )
        except Cancelled:
            return
        except LedgerError as exc:
            show_error(self.error, str(exc))
            self.adjustSize()
            self.form.password.setFocus()
            return
        self.form.connected(url)
        self._url = url
        self._db = db
        super().accept()

    def target(self) -> str:
        """The URL to open (with the password, for this process only)."""
        assert self._url is not None, "target() after the dialog was accepted"
        return self._url.render_as_string(hide_password=False)

    def take_database(self) -> Database:
        """The server database the dialog opened (the caller disposes of it)."""
        db, self._db = self._db, None
        assert db is not None, "take_database() once, after the dialog was accepted"
        return db


def _open_server(target: str, progress: Progress) -> Database:
    """Open (and set up) the server database on a worker; given up if cancelled meanwhile."""
    db = open_database(target)
    if progress(1, 1) is False:  # the clerk stopped waiting: nobody will take it
        db.dispose()
        raise Cancelled()
    return db
