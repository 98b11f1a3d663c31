"""Form building blocks: dates and amounts made for typing, choice combos, check lists,
and a grid that marks required fields, shows each field's error under it (cleared as
the field is fixed) and names every field (objectName = key, accessible name = label)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from db.errors import FieldError
from db.labels import enum_label
from db.messages import msg
from db.values import DATE_ORDERS, BadValue, parse_amount, parse_date
from desktop.widgets.formatting import amount_text, date_text


def _locale_short_form() -> tuple[str, str]:
    """The locale's short date form as (order, separator): ("dmy", "/") for 12/12/2024."""
    short = QLocale().dateFormat(QLocale.FormatType.ShortFormat).casefold()
    positions = sorted((short.find(letter), letter) for letter in "ymd" if letter in short)
    order = "".join(letter for _pos, letter in positions)
    separator = next((c for c in short if c not in "ymd"), "/")
    return (order if order in DATE_ORDERS else "ymd"), separator


class TypedField(QLineEdit):
    """A line edit whose text is read by one of db.values' parsers; shown tidied on leaving.

    An unreadable entry is kept as typed (never silently changed) and reported by
    field_error() under the field's own name.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editingFinished.connect(self.tidy)

    def parse(self, text: str) -> Any:
        raise NotImplementedError

    def shown(self, value: Any) -> str:
        raise NotImplementedError

    def value(self) -> Any:
        """The value, or None when empty or unreadable (field_error() tells which)."""
        try:
            return self.parse(self.text())
        except BadValue:
            return None

    def set_value(self, value: Any) -> None:
        self.setText("" if value is None else self.shown(value))

    def tidy(self) -> None:
        """Show a readable entry in the window's format (2.5亿 → 25,000.00 万元)."""
        value = self.value()
        if value is not None and self.text() != self.shown(value):
            self.setText(self.shown(value))

    def field_error(self, field: str, caption: str) -> FieldError | None:
        """The message for text that does not read as this field's type, else None."""
        try:
            self.parse(self.text())
        except BadValue as bad:
            return FieldError(field, bad.rule, msg(f"rule.{bad.rule}", field=caption))
        return None


class DateField(TypedField):
    """A date for typing: 20241212, 2024-12-12, 2024.12.12, 2024/12/12, 2024年12月12日,
    24.12.12 or the locale's short form, read by db.values.parse_date; or picked from a
    calendar (F4, Alt+Down, or the button at its end). Empty is None: an optional date
    stays empty, Backspace/Delete empty it, and Tab always leaves (it is a plain line edit).
    """

    def __init__(self, parent: QWidget | None = None, *, optional: bool = True) -> None:
        super().__init__(parent)
        self.optional = optional  # required dates are refused empty by the service
        self.order, self.separator = _locale_short_form()
        self.setPlaceholderText("20241212")
        self.setToolTip(
            self.tr(
                "Type a date (20241212, 2024-12-12, 2024年12月12日) or press F4 for the calendar"
            )
        )
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_ArrowDown)
        self.calendar_action = self.addAction(icon, QLineEdit.ActionPosition.TrailingPosition)
        self.calendar_action.setToolTip(self.tr("Calendar (F4)"))
        self.calendar_action.triggered.connect(self.open_calendar)
        self.calendar: QCalendarWidget | None = None

    picked = Signal()  # a date chosen in the calendar

    def parse(self, text: str) -> date | None:
        # The locale's day/month order applies to its own spelling (12/12/24 where it
        # writes slashes); 24.12.12 is year first, as Chinese offices write it.
        order = self.order if self.separator in text.strip() else "ymd"
        return parse_date(text, order)

    def shown(self, value: date) -> str:
        return date_text(value)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        alt_down = (
            event.key() == Qt.Key.Key_Down and event.modifiers() & Qt.KeyboardModifier.AltModifier
        )
        if event.key() == Qt.Key.Key_F4 or alt_down:
            self.open_calendar()
            return
        super().keyPressEvent(event)

    def open_calendar(self) -> QCalendarWidget:
        """The calendar under the field, on the field's date or (empty) on today."""
        if self.calendar is None:
            self.calendar = QCalendarWidget(self)
            self.calendar.setWindowFlags(Qt.WindowType.Popup)
            self.calendar.setGridVisible(True)
            self.calendar.clicked.connect(self._picked)
            self.calendar.activated.connect(self._picked)
        value = self.value()
        shown = QDate(value.year, value.month, value.day) if value else QDate.currentDate()
        self.calendar.setSelectedDate(shown)
        self.calendar.setCurrentPage(shown.year(), shown.month())
        self.calendar.move(self.mapToGlobal(self.rect().bottomLeft()))
        self.calendar.show()
        self.calendar.setFocus()
        return self.calendar

    def _picked(self, day: QDate) -> None:
        self.set_value(date(day.year(), day.month(), day.day()))
        self.picked.emit()  # the clerk's own entry, like typing (textEdited)
        if self.calendar is not None:
            self.calendar.hide()
        self.setFocus()


class AmountField(TypedField):
    """An amount in 万元 as the import reads it (2.5亿, 3000万, 1,234.5, full-width
    digits) through db.values.parse_amount; shown as 25,000.00 万元 once left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.setPlaceholderText("0.00 万元")

    def parse(self, text: str) -> Decimal | None:
        return parse_amount(text)

    def shown(self, value: Decimal) -> str:
        return f"{amount_text(value)} 万元"


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
    if isinstance(widget, TypedField):
        return widget.text()  # garbage typed into an empty date is a change too
    if hasattr(widget, "value"):
        return widget.value()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QLineEdit):
        return widget.text()
    if isinstance(widget, QComboBox):
        return widget.currentData()
    return None


def visual_order(layout: QLayout) -> list[QWidget]:
    """The controls Tab should visit in a layout, top to bottom and left to right as
    they are shown (rows added later and the unit picker's "+" included)."""
    if isinstance(layout, QFormLayout):
        roles = (
            QFormLayout.ItemRole.LabelRole,
            QFormLayout.ItemRole.FieldRole,
            QFormLayout.ItemRole.SpanningRole,
        )
        items = [layout.itemAt(row, role) for row in range(layout.rowCount()) for role in roles]
    else:
        items = [layout.itemAt(i) for i in range(layout.count())]
    found: list[QWidget] = []
    for item in items:
        if item is None:
            continue
        if item.widget() is not None:
            found += _widget_order(item.widget())
        elif item.layout() is not None:
            found += visual_order(item.layout())
    return found


def _widget_order(widget: QWidget) -> list[QWidget]:
    # Hidden on purpose only: a row just added is "hidden" until the layout shows it.
    hidden = widget.isHidden() and widget.testAttribute(
        Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    )
    if hidden or widget.property("removed"):
        return []
    if widget.focusPolicy() & Qt.FocusPolicy.TabFocus and widget.focusProxy() is None:
        return [widget]  # a control; its insides (a combo's line edit) are its own
    layout = widget.layout()
    return visual_order(layout) if layout is not None else []


class FormGrid(QFormLayout):
    """Label, widget and an error line per field, addressed by the service's field name."""

    errors_cleared = Signal()  # the last shown field error went away (the field was fixed)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.widgets: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.captions: dict[str, str] = {}

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
        box.setFocusProxy(widget)
        self.addRow(caption_label, box)
        self._name(widget, name, caption)
        for key in (name, *aliases):
            self.widgets[key] = widget
            self.errors[key] = error
            self.captions[key] = caption
        self._watch(name, widget)
        return widget

    @staticmethod
    def _name(widget: QWidget, name: str, caption: str) -> None:
        """objectName = field key (tests find fields by it), accessible name = label."""
        widget.setObjectName(name)
        widget.setAccessibleName(caption)
        proxy = widget.focusProxy()
        if proxy is not None:  # the unit picker's line edit is what a screen reader meets
            proxy.setAccessibleName(caption)

    def _watch(self, name: str, widget: QWidget) -> None:
        """A field's error goes when the field is changed; a typed value is checked on
        leaving, so "2024-13-45" is reported at once, under its own name."""
        if isinstance(widget, TypedField):
            widget.textEdited.connect(lambda _text: self.clear_error(name))
            widget.editingFinished.connect(lambda: self.check_typed(name))
            if isinstance(widget, DateField):
                widget.picked.connect(lambda: self.clear_error(name))
            return
        signal = None
        if isinstance(widget, QLineEdit | QPlainTextEdit):
            signal = widget.textChanged
        elif isinstance(widget, QComboBox):
            signal = widget.currentIndexChanged
        elif isinstance(getattr(widget, "edit", None), QLineEdit):
            signal = widget.edit.textChanged  # a unit picker
        if signal is not None:
            signal.connect(lambda *_args: self.clear_error(name))

    def typed_errors(self) -> list[FieldError]:
        """Dates and amounts whose text reads as no value (checked before saving)."""
        found = []
        for name, widget in dict(self.widgets).items():
            if isinstance(widget, TypedField) and widget.objectName() == name:
                error = widget.field_error(name, self.captions[name])
                if error is not None:
                    found.append(error)
        return found

    def check_typed(self, name: str) -> None:
        widget = self.widgets[name]
        assert isinstance(widget, TypedField)
        error = widget.field_error(name, self.captions[name])
        if error is None:
            self.clear_error(name)
        else:
            self.errors[name].setText(error.message)
            self.errors[name].show()

    def clear_error(self, name: str) -> None:
        error = self.errors[name]
        if error.isHidden():
            return
        error.clear()
        error.hide()
        if all(e.isHidden() for e in self.errors.values()):
            self.errors_cleared.emit()

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
            if err.message not in text.split("\n"):
                target.setText(f"{text}\n{err.message}" if text else err.message)
            target.show()
        return unplaced

    def state(self) -> tuple:
        return tuple(widget_value(w) for w in dict.fromkeys(self.widgets.values()))
