"""File › Connect to server… and File › Copy records to server…, driven with pytest-qt."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from db.engine import open_database
from db.models import Project
from desktop.dialogs import connect_server
from desktop.dialogs.connect_server import ConnectServerDialog, recent_servers
from desktop.dialogs.copy_to_server import CopyToServerDialog
from desktop.widgets.settings import settings
from tests.pg.databases import grant_all

SHOTS = Path(os.environ.get("FTZ_SCREENSHOTS", "")) if os.environ.get("FTZ_SCREENSHOTS") else None


def _shot(widget, name: str) -> None:
    """Save what the clerk sees when FTZ_SCREENSHOTS names a folder (for review)."""
    if SHOTS is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture(autouse=True)
def no_remembered_passwords():
    connect_server.forget_session_passwords()
    yield
    connect_server.forget_session_passwords()


def _fill(form, url, user: str, password: str) -> None:
    form.host.setText(url.host)
    form.port.setValue(url.port)
    form.database.setText(url.database)
    form.user.setText(user)
    form.password.setText(password)


def _settings_text() -> str:
    """What the program wrote to disk for its settings."""
    store = settings()
    store.sync()
    return Path(store.fileName()).read_text(errors="replace")


def test_connect_names_the_empty_fields(qtbot):
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.accepted.emit()
    assert dialog.isVisible()
    assert dialog.error.text() == "Host is required. Database is required. User is required."
    _shot(dialog, "connect_empty")


def test_connect_with_a_wrong_password_says_so_and_stays_open(qtbot, login_role, pg_url):
    role, _ = login_role
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog.form, pg_url, role, "not-the-password")
    dialog.buttons.accepted.emit()
    assert dialog.isVisible() and dialog.result() == 0
    assert f"refused the login of user “{role}”" in dialog.error.text()
    assert "not-the-password" not in dialog.error.text()
    _shot(dialog, "connect_wrong_password")


def test_connect_opens_and_remembers_the_server_but_never_the_password(
    qtbot, login_role, pg_url, pg_server
):
    role, password = login_role
    grant_all(pg_server, pg_url, role)
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    _fill(dialog.form, pg_url, role, password)
    dialog.form.keep.setChecked(True)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    db = dialog.take_database()  # opened once, by the dialog; the window takes it
    assert db.url.username == role and password not in db.display_name()
    db.dispose()
    expected = f"postgresql+psycopg://{role}@{pg_url.host}:{pg_url.port}/{pg_url.database}"
    assert recent_servers() == [expected]
    assert expected in _settings_text() and password not in _settings_text()
    # Next time in this run, the recent server comes back with its password.
    again = ConnectServerDialog()
    qtbot.addWidget(again)
    assert again.form.user.text() == role and again.form.password.text() == password
    _shot(again, "connect_recent")


def test_password_is_not_kept_unless_asked(qtbot, login_role, pg_url, pg_server):
    role, password = login_role
    grant_all(pg_server, pg_url, role)
    dialog = ConnectServerDialog()
    qtbot.addWidget(dialog)
    _fill(dialog.form, pg_url, role, password)
    dialog.buttons.accepted.emit()
    assert dialog.result() == dialog.DialogCode.Accepted
    dialog.take_database().dispose()
    again = ConnectServerDialog()
    qtbot.addWidget(again)
    assert again.form.user.text() == role and again.form.password.text() == ""
    assert again.form.password.hasFocus() or not again.isVisible()


def test_copy_dialog_moves_the_ledger_and_refuses_a_second_time(qtbot, demo_db, pg_url):
    dialog = CopyToServerDialog(demo_db)
    qtbot.addWidget(dialog)
    dialog.show()
    _fill(dialog.form, pg_url, pg_url.username, "")
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "Copied from" in dialog.result.text() and dialog.error.isHidden()
    assert not dialog.copy_button.isEnabled()
    _shot(dialog, "copy_done")
    server = open_database(dialog.copied_to)
    with server.read() as conn:
        assert conn.execute(select(func.count()).select_from(Project)).scalar() == 10
    server.dispose()
    second = CopyToServerDialog(demo_db)
    qtbot.addWidget(second)
    second.show()
    assert second.form.database.text() == pg_url.database  # from the recent list
    qtbot.mouseClick(second.copy_button, Qt.MouseButton.LeftButton)
    assert "already holds records" in second.error.text() and second.result.isHidden()
    _shot(second, "copy_refused")
