"""The real main window on a fresh database, with every question answered by the test."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from db.engine import Database
from db.services import units
from db.services.units import UnitData
from desktop.widgets import ask


class Answers:
    """What the clerk would have clicked; records what was asked."""

    def __init__(self) -> None:
        self.confirm = True
        self.conflict = "keep"
        self.discard = True
        self.choice: str | None = None  # the item to pick in ask.choose (None: cancel)
        self.asked: list[tuple[str, str]] = []

    def install(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def confirm(_parent, title, text):
            self.asked.append(("confirm", text))
            return self.confirm

        def note(kind):
            return lambda _parent, title, text: self.asked.append((kind, text))

        def conflict(_parent, text):
            self.asked.append(("conflict", text))
            return self.conflict

        def discard(_parent):
            self.asked.append(("discard", ""))
            return self.discard

        def choose(_parent, title, text, items):
            self.asked.append(("choose", "\n".join(items)))
            return items.index(self.choice) if self.choice in items else None

        monkeypatch.setattr(ask, "confirm", confirm)
        monkeypatch.setattr(ask, "choose", choose)
        monkeypatch.setattr(ask, "inform", note("inform"))
        monkeypatch.setattr(ask, "warn", note("warn"))
        monkeypatch.setattr(ask, "conflict", conflict)
        monkeypatch.setattr(ask, "discard_changes", discard)

    def kinds(self) -> list[str]:
        return [k for k, _ in self.asked]


@pytest.fixture(autouse=True)
def english_catalogue(qapp) -> Iterator[None]:
    """English as the program speaks it: with its English catalogue ("1 record")."""
    from desktop import i18n

    i18n.install_translators(qapp, "en")
    yield
    i18n.remove_translators(qapp)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    out = Answers()
    out.install(monkeypatch)
    return out


@pytest.fixture
def make_window(qtbot, qapp, answers):
    from desktop.app import style_sheet
    from desktop.main_window import MainWindow

    qapp.setStyleSheet(style_sheet())  # the window as the program shows it
    made = []

    def make(database: Database) -> MainWindow:
        window = MainWindow(database)
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window

    yield make
    for window in made:
        window.close()
    _close_leftover_dialogs()
    qapp.setStyleSheet("")


def _close_leftover_dialogs() -> None:
    """Dialogs a test left open (window-modal forms, tools) must not outlive it: a later
    test's modal box would sit behind them."""
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.done(0)


@pytest.fixture
def window(make_window, db):
    return make_window(db)


@pytest.fixture
def demo_window(make_window, demo_db):
    return make_window(demo_db)


@pytest.fixture
def some_units(db: Database) -> Iterator[dict[str, int]]:
    """A few units to pick in forms: two governments and an enterprise."""
    with db.write() as session:
        made = {
            "commerce": units.create(session, UnitData("四川省商务厅", "government", "sichuan")).id,
            "cq": units.create(
                session,
                UnitData("重庆市商务委员会", "government", "chongqing", short_name="重庆市商务委"),
            ).id,
            "firm": units.create(
                session, UnitData("泸州新材料有限公司", "enterprise", "sichuan")
            ).id,
        }
    yield made


@pytest.fixture
def long_window(db, make_window, monkeypatch):
    """The window on a few dozen projects, with a HEAD that makes their list long."""
    import desktop.widgets.record_model as record_model
    from tests.gui.long_lists import HEAD, fill

    monkeypatch.setattr(record_model, "HEAD", HEAD)
    fill(db)
    return make_window(db)
