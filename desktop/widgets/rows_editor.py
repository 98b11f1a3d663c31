"""An editable list of small rows (hosts, leaders, agenda): add, remove, move up/down."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QToolButton, QVBoxLayout, QWidget


class RowWidget(QWidget):
    """One row; subclasses lay out their fields and implement value()/set_value()."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.fields = QHBoxLayout(self)
        self.fields.setContentsMargins(0, 0, 0, 0)

    def value(self) -> Any:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        raise NotImplementedError

    def is_blank(self) -> bool:
        """A row the clerk added but left empty is ignored on save."""
        return False


class RowsEditor(QWidget):
    rows_changed = Signal()  # a row was added, removed or moved

    def __init__(
        self, make_row: Callable[[], RowWidget], add_text: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.make_row = make_row
        self.rows: list[RowWidget] = []
        self._rows_box = QVBoxLayout()
        self._rows_box.setContentsMargins(0, 0, 0, 0)
        self._rows_box.setSpacing(3)
        self.add_button = QPushButton(add_text, self)
        self.add_button.clicked.connect(lambda: self.add_row(focus=True))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._rows_box)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)

    def add_row(self, value: Any = None, *, focus: bool = False) -> RowWidget:
        row = self.make_row()
        if value is not None:
            row.set_value(value)
        holder = QWidget(self)
        line = QHBoxLayout(holder)
        line.setContentsMargins(0, 0, 0, 0)
        line.addWidget(row, 1)
        for text, tip, handler in (
            ("↑", self.tr("Move up"), lambda: self._move(row, -1)),
            ("↓", self.tr("Move down"), lambda: self._move(row, 1)),
            ("✕", self.tr("Remove"), lambda: self.remove_row(row)),
        ):
            button = QToolButton(holder)
            button.setText(text)
            button.setToolTip(tip)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            line.addWidget(button)
        row.holder = holder
        self.rows.append(row)
        self._rows_box.addWidget(holder)
        self.rows_changed.emit()  # the form puts the row's fields into its Tab chain
        if focus:
            row.setFocus()
        return row

    def remove_row(self, row: RowWidget) -> None:
        self.rows.remove(row)
        row.holder.setProperty("removed", True)
        row.holder.hide()
        row.holder.deleteLater()
        self._rows_box.removeWidget(row.holder)
        self.rows_changed.emit()

    def _move(self, row: RowWidget, step: int) -> None:
        i = self.rows.index(row)
        j = i + step
        if not 0 <= j < len(self.rows):
            return
        self.rows[i], self.rows[j] = self.rows[j], self.rows[i]
        self._rows_box.removeWidget(row.holder)
        self._rows_box.insertWidget(j, row.holder)
        self.rows_changed.emit()

    def value(self) -> list[Any]:
        return [row.value() for row in self.rows if not row.is_blank()]

    def set_value(self, values: list[Any]) -> None:
        for row in list(self.rows):
            self.remove_row(row)
        for value in values:
            self.add_row(value)
