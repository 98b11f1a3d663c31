"""Form building blocks: optional dates with a calendar, amounts, choice combos, check
lists, and a grid that marks required fields and shows each field's error under it."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from db.errors import FieldError
from db.labels import enum_label
from desktop.widgets.formatting import amount_text, date_edit_format

EMPTY_DATE = QDate(1899, 12, 31)  # the "no date" value, shown blank


class DateField(QDateEdit):
    """A date with a calendar popup that may also be left empty."""

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)
        self.setDisplayFormat(date_edit_format())
        self.setMaximumDate(QDate(2100, 12, 31))
        if optional:
            self.setMinimumDate(EMPTY_DATE)
            self.setSpecialValueText(" ")
            self.setDate(EMPTY_DATE)

        else:
            self.setMinimumDate(QDate(1900, 1, 1))
            self.setDate(QDate.currentDate())

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        """An empty date opens its calendar on this month, not on December 1899."""
        super().mousePressEvent(event)  # opens the popup on the current (empty) date
        if self.value() is None:
            today = QDate.currentDate()
            self.calendarWidget().setCurrentPage(today.year(), today.month())

    def value(self) -> date | None:
        d = self.date()
        return None if d == EMPTY_DATE else date(d.year(), d.month(), d.day())

    def set_value(self, value: date | None) -> None:
        if value is None:
            self.setDate(self.minimumDate())
        else:
            self.setDate(QDate(value.year, value.month, value.day))


class AmountField(QLineEdit):
    """An amount in 万元 as typed; the service checks it (so a bad entry stays visible)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0.00")

    def value(self) -> str | None:
        text = self.text().replace(",", "").replace("，", "").strip()
        return text or None

    def set_value(self, value: Decimal | None) -> None:
        self.setText(amount_text(value))


class ChoiceCombo(QComboBox):
    """A combo of (text, value) items with value()/set_value()."""

    def __init__(self, items: list[tuple[str, Any]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for text, value in items:
            self.addItem(text, value)

    def value(self) -> Any:
        return self.currentData()

    def set_value(self, value: Any) -> None:
        index = self.findData(value)
        self.setCurrentIndex(max(index, 0))


def enum_items(enum_cls: type[StrEnum]) -> list[tuple[str, StrEnum]]:
    return [(enum_label(member), member) for member in enum_cls]


class CheckList(QWidget):
    """Pick several records from a list (with a filter box): showcased cases, meetings."""

    def __init__(self, items: list[tuple[int, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Filter…"))
        self.filter.textChanged.connect(self._apply_filter)
        self.list = QListWidget(self)
        self.list.setMinimumHeight(90)
        for record_id, text in items:
            item = QListWidgetItem(text, self.list)
            item.setData(Qt.ItemDataRole.UserRole, record_id)
            item.setCheckState(Qt.CheckState.Unchecked)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _apply_filter(self, text: str) -> None:
        needle = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(needle) and needle not in item.text().casefold())

    def value(self) -> list[int]:
        return [
            item.data(Qt.ItemDataRole.UserRole)
            for item in self._items()
            if item.checkState() == Qt.CheckState.Checked
        ]

    def set_value(self, ids: list[int]) -> None:
        wanted = set(ids)
        for item in self._items():
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)


def widget_value(widget: QWidget) -> Any:
    """The current value of any form widget (for "has the clerk changed anything?")."""
    if hasattr(widget, "value"):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    return None


class FormGrid(QFormLayout):
    """Label, widget and an error line per field, addressed by the service's field name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}

    def add(
        self,
        name: str,
        caption: str,
        widget: QWidget,
        *,
        required: bool = False,
        aliases: tuple[str, ...] = (),
    ) -> QWidget:
        text = f"{caption} <span style='color:#c0392b'>*</span>" if required else caption
        caption_label = QLabel(text)
        caption_label.setBuddy(widget)
        error = QLabel()
        error.setObjectName(f"error_{name}")
        error.setProperty("role", "error")
        error.setWordWrap(True)
        error.hide()
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        self.addRow(caption_label, box)
        widget.setObjectName(name)
        for key in (name, *aliases):
            self.widgets[key] = widget
            self.errors[key] = error
        return widget

    def add_pair(self, caption: str, left: QWidget, right: QWidget) -> None:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(left)
        layout.addWidget(right)
        self.addRow(caption, row)

    def clear_errors(self) -> None:
        for error in self.errors.values():
            error.clear()
            error.hide()

    def show_errors(self, errors: list[FieldError]) -> list[FieldError]:
        """Put each message under its field; returns those with no field here."""
        unplaced: list[FieldError] = []
        for err in errors:
            target = self.errors.get(err.field)
            if target is None:
                unplaced.append(err)
                continue
            text = target.text()
            target.setText(f"{text}\n{err.message}" if text else err.message)
            target.show()
        return unplaced

    def state(self) -> tuple:
        return tuple(widget_value(w) for w in dict.fromkeys(self.widgets.values()))
