"""One window per ledger file: a second start brings the first window forward.

The first program to claim a database holds a lock file and listens on a local
socket named after the database (as Vorta and Anki do); a later start on the same
database finds the lock taken, sends "raise" to the socket and exits. Different
databases get different names, so two ledgers can be open side by side.
"""

from __future__ import annotations

import getpass
import hashlib
import os
from pathlib import Path

from PySide6.QtCore import QDir, QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QWidget

from db.engine import resolve_target, target_url

RAISE = b"raise\n"
ACK = b"ok\n"
CONNECT_TIMEOUT_MS = 1000
CONNECT_TRIES = 5
READ_TIMEOUT_MS = 500
# A busy first window (a long report, a modal dialog) answers when its loop runs.
ANSWER_TIMEOUT_MS = 5000


def instance_key(target: str | None) -> str:
    """A short name for the database a target opens: the same file, the same key."""
    try:
        url = target_url(resolve_target(target))
    except Exception:  # a bad URL fails later, with a message, when it is opened
        return _digest(str(target))
    if url.get_backend_name() == "sqlite" and url.database:
        return _digest(os.path.normcase(str(Path(url.database).resolve())))
    return _digest(url.render_as_string(hide_password=True))


def _digest(text: str) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "user"
    return hashlib.sha256(f"{user}\0{text}".encode()).hexdigest()[:24]


def server_name(key: str) -> str:
    return f"ftz-ledger-{key}"


class SingleInstance(QObject):
    """Holds the claim on one database for this process; emits raise_requested."""

    raise_requested = Signal()

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.name = server_name(key)
        self.lock = QLockFile(QDir.temp().filePath(f"{self.name}.lock"))
        self.lock.setStaleLockTime(0)  # a dead holder's lock is stale at once (PID check)
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """True when this process is the first on the database (and now listens)."""
        if not self.lock.tryLock(0):
            return False
        # A crashed first instance can leave its socket file behind on Unix.
        QLocalServer.removeServer(self.name)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._on_connection)
        return self.server.listen(self.name)

    def _on_connection(self) -> None:
        # The caller writes as soon as it is connected and waits for our answer,
        # so a short synchronous read suffices and no socket outlives this slot.
        assert self.server is not None
        while self.server.hasPendingConnections():
            sock = self.server.nextPendingConnection()
            arrived = sock.bytesAvailable() or sock.waitForReadyRead(READ_TIMEOUT_MS)
            if arrived and RAISE.strip() in bytes(sock.readAll().data()):
                self.raise_requested.emit()
                sock.write(ACK)
                sock.waitForBytesWritten(READ_TIMEOUT_MS)
            sock.disconnectFromServer()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.unlock()


def ask_first_to_raise(key: str) -> bool:
    """Tell the first instance to come forward; True if it answered the call."""
    for _ in range(CONNECT_TRIES):
        sock = QLocalSocket()
        sock.connectToServer(server_name(key))
        if not sock.waitForConnected(CONNECT_TIMEOUT_MS):
            continue
        sock.write(RAISE)
        sock.waitForBytesWritten(CONNECT_TIMEOUT_MS)
        # Stay connected until the first window has read the request (it answers).
        answered = sock.waitForReadyRead(ANSWER_TIMEOUT_MS) and ACK.strip() in bytes(
            sock.readAll().data()
        )
        sock.abort()
        if answered:
            return True
    return False


def claim_database(target: str | None, parent: QObject | None = None) -> SingleInstance | None:
    """At start-up, before opening the database (needs a QApplication).

    Returns the claim to keep for the life of the window (connect its
    raise_requested to bring_to_front), or None when another window already has
    this database: it has been asked to come forward, and this start should exit 0.
    """
    instance = SingleInstance(instance_key(target), parent)
    if instance.claim():
        return instance
    if ask_first_to_raise(instance.key):
        return None
    # The lock is held but nobody answers (a hung program): work on, as before.
    return instance


def claim_other_database(
    current: SingleInstance | None, target: str | None
) -> SingleInstance | None:
    """File › Open in a running window: move the claim to the new database.

    Returns the new claim (the old one released), or None when another window
    already has that database: it was asked to come forward; keep `current`.
    """
    parent = current.parent() if current is not None else None
    new = SingleInstance(instance_key(target), parent)
    if current is not None and new.key == current.key:
        return current
    if not new.claim():
        ask_first_to_raise(new.key)
        return None
    if current is not None:
        current.release()
    return new


def bring_to_front(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()
