"""File › Connect to server… waits for a slow server off the GUI thread, with Cancel."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop.dialogs.connect_server import ConnectServerDialog


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


def test_cancel_while_connecting_keeps_the_dialog_and_the_window_answering(qtbot, silent_server):
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
    ticks: list[float] = []
    beat = QTimer()
    beat.timeout.connect(lambda: ticks.append(time.monotonic()))
    beat.start(20)

    def press_cancel() -> None:
        progress = _progress()
        seen["label"] = progress.labelText() if progress else None
        if progress is not None:
            progress.cancel()

    QTimer.singleShot(900, press_cancel)
    started = time.monotonic()
    dialog.buttons.accepted.emit()
    beat.stop()
    assert seen["label"] == "Connecting to 127.0.0.1…"
    assert time.monotonic() - started < 5  # Cancel answered, not the connect timeout
    assert len(ticks) > 20  # the GUI thread kept running meanwhile
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.error.isHidden()  # cancelled by the clerk: nothing to blame
