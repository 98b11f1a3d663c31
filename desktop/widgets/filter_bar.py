"""The filter bar above a record table: search as you type (debounced), year, and the
kind-specific choices a tab asks for; emits the ListFilter whenever it changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from db.queries.lists import ListFilter

DEBOUNCE_MS = 250
FIRST_YEAR = 2000


class FilterBar(QWidget):
    changed = Signal()  # read current() for the new ListFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._combos: dict[str, QComboBox] = {}
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText(self.tr("Search (Ctrl+F)…"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(160)
        self.year = QComboBox(self)
        self.year.setObjectName("year")
        self.year.addItem(self.tr("All years"), None)
        for year in range(date.today().year + 1, FIRST_YEAR - 1, -1):
            self.year.addItem(str(year), year)
        self.clear_button = QPushButton(self.tr("Clear"), self)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self._emit)
        self.search.textChanged.connect(self._timer.start)
        self.year.currentIndexChanged.connect(self._emit)
        self.clear_button.clicked.connect(self.clear)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.search, 3)
        self.year_label = QLabel(self.tr("Year:"), self)
        self._layout.addWidget(self.year_label)
        self._layout.addWidget(self.year)
        self._tail = self._layout.count()
        self._layout.addStretch(1)
        self._layout.addWidget(self.clear_button)

    def hide_year(self) -> None:
        """For lists without a year (the units directory)."""
        self.year_label.hide()
        self.year.hide()

    def add_choice(self, field: str, caption: str, items: list[tuple[str, object]]) -> QComboBox:
        """A combo for one ListFilter field: (text, value) items after "All".

        Called again for the same field, it refreshes the items (reference data edited)
        and keeps the current choice if it is still there.
        """
        combo = self._combos.get(field)
        if combo is None:
            combo = QComboBox(self)
            combo.setObjectName(field)
            # Long entries show in full in the drop-down; the bar itself stays narrow.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(7)
            combo.currentIndexChanged.connect(self._emit)
            self._layout.insertWidget(self._tail, QLabel(caption, self))
            self._layout.insertWidget(self._tail + 1, combo)
            self._tail += 2
            self._combos[field] = combo
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for text, value in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(chosen), 0))
        combo.blockSignals(False)
        return combo

    def current(self) -> ListFilter:
        values = {field: combo.currentData() for field, combo in self._combos.items()}
        return replace(
            ListFilter(), text=self.search.text(), year=self.year.currentData(), **values
        )

    def flush(self) -> None:
        """Apply a pending search now (tests, Enter in the box)."""
        if self._timer.isActive():
            self._timer.stop()
            self._emit()

    def clear(self) -> None:
        widgets = [self.search, self.year, *self._combos.values()]
        for w in widgets:
            w.blockSignals(True)
        self.search.clear()
        self.year.setCurrentIndex(0)
        for combo in self._combos.values():
            combo.setCurrentIndex(0)
        for w in widgets:
            w.blockSignals(False)
        self._timer.stop()
        self._emit()

    def _emit(self) -> None:
        self.changed.emit()
