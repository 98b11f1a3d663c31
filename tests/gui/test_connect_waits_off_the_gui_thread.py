"""File › Connect to server… waits for a slow server off the GUI thread, with Cancel."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QProgressDialog

from db.backends import postgresql
from desktop.dialogs.connect_server import ConnectServerDialog
from tests.sync import When


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port that takes the connection and never answers (a server hung or far away)."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    yield listener.getsockname()[1]
    listener.close()


def _progress() -> QProgressDialog | None:
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QProgressDialog) and widget.isVisible():
            return widget
    return None


def test_cancel_while_connecting_keeps_the_dialog_and_the_window_answering(
    qtbot, silent_server, monkeypatch
):
    # A connect timeout far beyond the bound below: only Cancel can end the wait in time.
    monkeypatch.setattr(postgresql, "CONNECT_TIMEOUT_S", 120)
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    form = dialog.form
    form.host.setText("127.0.0.1")
    form.port.setValue(silent_server)
    form.database.setText("ftz_ledger")
    form.user.setText("clerk")
    form.password.setText("secret")
    seen: dict = {}

    def press_cancel() -> None:
        progress = _progress()
        seen["label"] = progress.labelText() if progress else None
        if progress is not None:
            progress.cancel()

    # Pressed by the GUI thread's own timer while it waits: it kept running meanwhile.
    cancelling = When(lambda: _progress() is not None, press_cancel)
    started = time.monotonic()
    dialog.buttons.accepted.emit()
    assert cancelling.done and seen["label"] == "Connecting to 127.0.0.1…"
    assert time.monotonic() - started < 60  # Cancel answered, not the connect timeout
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isHidden()  # cancelled by the clerk: nothing to blame
