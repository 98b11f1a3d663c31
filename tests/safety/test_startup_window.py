"""The window's start-up: a damaged ledger gets a dialog offering the latest good backup."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from db.backup import backup_now, list_backups, make_backup
from db.engine import Database
from desktop import startup
from desktop.dialogs import backup_restore
from desktop.widgets import ask
from tests.safety.helpers import counts, damage, digest

# Pictures of the dialogs, to look at (not compared): a temp folder unless told.
SHOTS = Path(os.environ.get("FTZ_LEDGER_SHOTS", tempfile.gettempdir())) / "ftz-ledger-shots"


@pytest.fixture
def notices(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    said: list[tuple[str, str]] = []
    monkeypatch.setattr(ask, "inform", lambda _p, title, text: said.append(("inform", text)))
    monkeypatch.setattr(ask, "warn", lambda _p, title, text: said.append(("warn", text)))
    return said


class Seen:
    """What the problem dialog showed (text, button names), kept without the widget."""

    def __init__(self, box: QMessageBox) -> None:
        self.text = box.text()
        self.buttons = {b.objectName(): b.text() for b in box.findChildren(QPushButton)}


def answer_problem(qtbot, choice: str, seen: list[Seen], shot: str | None = None):
    """Click a button of the problem dialog once it is up (it is modal)."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, startup.OpenProblemBox):
            QTimer.singleShot(20, click)
            return
        seen.append(Seen(box))
        if shot:
            SHOTS.mkdir(parents=True, exist_ok=True)
            box.grab().save(str(SHOTS / shot))
        box.findChild(QPushButton, f"choice_{choice}").click()

    QTimer.singleShot(0, click)


@pytest.fixture
def damaged_with_backup(demo_db: Database) -> tuple[Path, dict[str, int]]:
    records = counts(demo_db)
    backup = make_backup(demo_db.path, "auto")
    demo_db.dispose()
    damage("scribbled", backup, demo_db.path.with_name("spoilt"))
    demo_db.path.with_name("spoilt").replace(demo_db.path)
    return demo_db.path, records


def test_restore_the_latest_good_backup_from_the_dialog(qtbot, damaged_with_backup, notices):
    path, records = damaged_with_backup
    spoilt = digest(path)
    seen: list[Seen] = []
    answer_problem(qtbot, "restore", seen, shot="startup-damaged.png")
    db = startup.open_database_for_window(str(path))
    try:
        assert db is not None and counts(db) == records
        assert "is damaged" in seen[0].text and str(path) in seen[0].text
        kept = [b for b in list_backups(path) if b.reason == "damaged"]
        assert len(kept) == 1 and digest(kept[0].path) == spoilt
        assert notices and notices[0][0] == "inform"
    finally:
        if db is not None:
            db.dispose()


def test_quit_leaves_the_damaged_file_exactly_as_it_was(qtbot, damaged_with_backup, notices):
    path, _ = damaged_with_backup
    before = digest(path)
    seen: list[Seen] = []
    answer_problem(qtbot, "quit", seen)
    assert startup.open_database_for_window(str(path)) is None
    assert digest(path) == before
    assert seen[0].buttons["choice_quit"] == "Quit"


def test_open_another_file_instead(qtbot, damaged_with_backup, tmp_path, monkeypatch, notices):
    path, _ = damaged_with_backup
    other = tmp_path / "elsewhere" / "other.sqlite3"
    other.parent.mkdir()
    monkeypatch.setattr(startup, "_pick_other_file", lambda _parent: str(other))
    answer_problem(qtbot, "other_file", [])
    db = startup.open_database_for_window(str(path))
    try:
        assert db is not None and db.path == other.absolute()
    finally:
        if db is not None:
            db.dispose()


def test_no_backup_means_no_restore_button(qtbot, tmp_path, notices):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all" * 100)
    seen: list[Seen] = []
    answer_problem(qtbot, "quit", seen)
    assert startup.open_database_for_window(str(bad)) is None
    assert "choice_restore" not in seen[0].buttons
    assert "not a ledger database" in seen[0].text


def test_a_folder_is_explained(qtbot, tmp_path, notices):
    seen: list[Seen] = []
    answer_problem(qtbot, "quit", seen)
    assert startup.open_database_for_window(str(tmp_path)) is None
    assert "is a folder" in seen[0].text


def test_opening_at_start_makes_no_backup_on_the_gui_thread(db_path: Path, notices):
    """The daily backup is the window's, in the background (tests/scale/test_auto_backup.py)."""
    db = startup.open_database_for_window(str(db_path))
    try:
        assert db is not None and list_backups(db_path) == []
        assert notices == []
    finally:
        db.dispose()


# --- File › Back up now… and File › Restore… --------------------------------------


def test_back_up_now_to_a_chosen_file(db: Database, tmp_path: Path, notices):
    dest = backup_restore.back_up_now(db, None, tmp_path / "usb" / "copy.sqlite3")
    assert dest is not None and dest.exists()
    assert notices == [("inform", notices[0][1])] and str(dest) in notices[0][1]


def test_restore_from_the_window(demo_db: Database, tmp_path: Path, notices, monkeypatch):
    source = backup_now(demo_db, tmp_path / "copy.sqlite3")
    from db.services import projects

    with demo_db.write() as session:
        projects.delete(session, 1)
    asked: list[str] = []
    monkeypatch.setattr(ask, "confirm", lambda _p, _t, text: asked.append(text) or True)
    restored = backup_restore.restore_from_backup(demo_db, None, source)
    try:
        assert restored is not None
        assert "Project 10" in asked[0]
        from db.queries.lists import count

        with restored.read() as conn:
            assert count(conn, "projects") == 10
    finally:
        restored.dispose()


def test_restore_from_the_window_refuses_a_bad_file(db: Database, tmp_path, notices, monkeypatch):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"garbage" * 1000)
    monkeypatch.setattr(ask, "confirm", lambda *_a: pytest.fail("must not ask"))
    assert backup_restore.restore_from_backup(db, None, bad) is None
    assert notices[0][0] == "warn" and "not a ledger backup" in notices[0][1]
    with db.read() as conn:  # the open ledger is still usable
        assert conn.exec_driver_sql("SELECT count(*) FROM unit").scalar() >= 0


def test_cancelled_restore_changes_nothing(db: Database, tmp_path, notices, monkeypatch):
    source = backup_now(db, tmp_path / "copy.sqlite3")
    monkeypatch.setattr(ask, "confirm", lambda *_a: False)
    before = digest(db.path)
    assert backup_restore.restore_from_backup(db, None, source) is None
    assert digest(db.path) == before and not list_backups(db.path)
