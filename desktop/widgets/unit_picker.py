"""Pick a unit by typing its name or short name (completer); "+" adds a new one on the spot."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QToolButton, QWidget

from db.engine import Database
from db.errors import FieldError
from db.queries.choices import unit_choices
from db.values import fold


class UnitIndex:
    """The live units of one form: names for completion, and text -> id."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.model = QStringListModel()
        self.reload()

    def reload(self) -> None:
        with self.db.read() as conn:
            self.units = unit_choices(conn)
        self.by_id = {u["id"]: u for u in self.units}
        names = [u["name"] for u in self.units]
        shorts = [u["short_name"] for u in self.units if u["short_name"]]
        self.model.setStringList(sorted(set(names + shorts)))

    def resolve(self, text: str) -> int | None:
        """The unit named exactly, then by short name, then by folded name."""
        text = text.strip()
        if not text:
            return None
        for key in ("name", "short_name"):
            for unit in self.units:
                if unit[key] == text:
                    return unit["id"]
        folded = fold(text)
        for unit in self.units:
            if folded in (fold(unit["name"]), fold(unit["short_name"] or "")):
                return unit["id"]
        return None

    def name(self, unit_id: int | None) -> str:
        unit = self.by_id.get(unit_id) if unit_id is not None else None
        return unit["name"] if unit else ""


class UnitPicker(QWidget):
    """A line edit with completion over the units; value() is the unit id or None."""

    create_requested = Signal()

    def __init__(self, index: UnitIndex, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.index = index
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("Type a unit's name or short name"))
        completer = QCompleter(index.model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.edit.setCompleter(completer)
        self.add_button = QToolButton(self)
        self.add_button.setText("+")
        self.add_button.setToolTip(self.tr("Add a new unit with this name"))
        self.add_button.setAccessibleName(self.tr("Add a new unit"))
        self.add_button.clicked.connect(self.create_requested)  # emitted by Qt, not Python
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.add_button)
        self.setFocusProxy(self.edit)

    def text(self) -> str:
        return self.edit.text().strip()

    def value(self) -> int | None:
        return self.index.resolve(self.text())

    def set_value(self, unit_id: int | None) -> None:
        self.edit.setText(self.index.name(unit_id))

    def unknown_error(self, field: str) -> FieldError | None:
        """A message when text was typed that names no unit (instead of dropping it)."""
        if self.text() and self.value() is None:
            message = self.tr("No unit is named “%1”: press + to add it.").replace(
                "%1", self.text()
            )
            return FieldError(field, "unknown_unit", message)
        return None
