"""Tools ▸ Units: search the units, edit one, and merge a duplicate into the one kept
(every meeting, case, project and alliance reference moves over)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.errors import LedgerError
from db.services import units
from desktop.dialogs.unit_form import UnitForm
from desktop.widgets import ask
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.record_model import RecordTableModel
from desktop.widgets.unit_picker import UnitIndex, UnitPicker


class MergeDialog(QDialog):
    """Choose the unit a duplicate is merged into."""

    def __init__(self, db: Database, drop_id: int, drop_name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.db, self.drop_id, self.drop_name = db, drop_id, drop_name
        self.setWindowTitle(self.tr("Merge units"))
        self.keep = UnitPicker(UnitIndex(db), self)
        self.keep.add_button.hide()
        self.error = QLabel(self)
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        intro = self.tr(
            "Merge the duplicate “%1” into the unit kept below. Every record that "
            "names the duplicate will name the kept unit instead."
        ).replace("%1", drop_name)
        text = QLabel(intro, self)
        text.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Merge"))
        buttons.accepted.connect(self.merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addWidget(QLabel(self.tr("Unit to keep:"), self))
        layout.addWidget(self.keep)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, 220)

    def merge(self) -> None:
        keep_id = self.keep.value()
        if keep_id is None or keep_id == self.drop_id:
            self.error.setText(self.tr("Choose another existing unit to keep."))
            return
        question = self.tr("Merge “%1” into “%2”? This cannot be undone from here.")
        question = question.replace("%1", self.drop_name).replace(
            "%2", self.keep.index.name(keep_id)
        )
        if not ask.confirm(self, self.tr("Merge units"), question):
            return
        try:
            with self.db.write() as session:
                units.merge(session, keep_id, self.drop_id)
        except LedgerError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class UnitsDirectory(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("units_directory")
        self.setWindowTitle(self.tr("Units"))
        self.model = RecordTableModel(db, "units", self)
        self.filter_bar = FilterBar(self)
        self.filter_bar.hide_year()
        self.filter_bar.changed.connect(lambda: self.model.reload(self.filter_bar.current()))
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setDefaultSectionSize(150)
        self.view.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)  # sorts by name, A to Z
        self.view.activated.connect(lambda _i: self.edit())
        row = QHBoxLayout()
        for text, slot in (
            (self.tr("New…"), self.new),
            (self.tr("Edit…"), self.edit),
            (self.tr("Merge into…"), self.merge),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            row.addWidget(button)
        row.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.rejected.connect(self.reject)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.resize(900, 560)
        self.view.setColumnWidth(0, 260)

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _open(self, dialog: QDialog) -> QDialog:
        self.child = dialog
        dialog.accepted.connect(lambda: self.model.reload())
        dialog.open()
        return dialog

    def new(self) -> UnitForm:
        return self._open(UnitForm(self.db, parent=self))

    def edit(self) -> UnitForm | None:
        unit_id = self.selected_id()
        return self._open(UnitForm(self.db, unit_id, self)) if unit_id is not None else None

    def merge(self) -> MergeDialog | None:
        unit_id = self.selected_id()
        if unit_id is None:
            return None
        name = self.model.rows_for([unit_id])[0]["name"]
        return self._open(MergeDialog(self.db, unit_id, name, self))
