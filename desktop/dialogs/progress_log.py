"""A project's progress log: its entries in date order, to add, edit and delete.

Each change goes through the projects service, which moves the project's stage and
funds to follow the latest entry; `changed` tells the Projects tab to show that.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.errors import LedgerError
from db.labels import label
from db.queries.details import project_detail
from db.services import projects
from desktop.dialogs.progress_form import ProgressForm
from desktop.widgets import ask
from desktop.widgets.formatting import amount_text, date_text, enum_text

COLUMNS = (
    "progress.entry_date",
    "progress.stage",
    "progress.description",
    "progress.problems",
    "progress.funds_arrived",
)


class ProgressLogDialog(QDialog):
    changed = Signal()

    def __init__(self, db: Database, project_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.project_id = project_id
        self.entries: list[dict] = []
        self.form: ProgressForm | None = None
        self.setObjectName("progress_log")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.heading = QLabel(self)
        self.heading.setWordWrap(True)
        self.table = QTableWidget(0, len(COLUMNS), self)
        self.table.setObjectName("entries")
        self.table.setHorizontalHeaderLabels([label(k) for k in COLUMNS])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        for col in range(len(COLUMNS)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.itemDoubleClicked.connect(lambda _item: self.edit_entry())
        buttons = QDialogButtonBox(self)
        self.add_button = self._button(buttons, "add", self.tr("Add…"), self.add_entry)
        self.edit_button = self._button(buttons, "edit", self.tr("Edit…"), self.edit_entry)
        self.delete_button = self._button(buttons, "delete", self.tr("Delete"), self.delete_entry)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)
        self.resize(980, 440)
        self.reload()

    def _button(self, box: QDialogButtonBox, name: str, text: str, slot) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setObjectName(f"button_{name}")
        button.clicked.connect(lambda _=False: slot())
        return button

    def reload(self, select_id: int | None = None) -> None:
        with self.db.read() as conn:
            project = project_detail(conn, self.project_id)
        if project is None:
            self.entries = []
            self.heading.setText(self.tr("This project no longer exists."))
        else:
            self.entries = project["progress"]
            title = self.tr("Progress log of %1 — stage now: %2").replace("%1", project["name"])
            self.heading.setText(title.replace("%2", enum_text("stage", project["stage"])))
            self.setWindowTitle(self.tr("Progress log — %1").replace("%1", project["name"]))
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            values = (
                date_text(e["entry_date"]),
                enum_text("stage", e["stage"]),
                e["description"],
                e["problems"] or "",
                amount_text(e["funds_arrived"]),
            )
            for col, text in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.table.resizeRowsToContents()
        ids = [e["id"] for e in self.entries]
        if ids:
            self.table.selectRow(ids.index(select_id) if select_id in ids else len(ids) - 1)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(bool(ids))

    def is_dirty(self) -> bool:
        """Unsaved typing in the entry form open over the log (the window asks before closing)."""
        return self.form is not None and self.form.isVisible() and self.form.is_dirty()

    def done(self, result: int) -> None:
        if self.form is not None and self.form.isVisible():
            self.form.done(0)
        super().done(result)

    def selected_entry(self) -> dict | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def add_entry(self) -> ProgressForm:
        return self._open(ProgressForm(self.db, self.project_id, parent=self))

    def edit_entry(self) -> ProgressForm | None:
        entry = self.selected_entry()
        if entry is None:
            return None
        return self._open(ProgressForm(self.db, self.project_id, entry["id"], parent=self))

    def _open(self, form: ProgressForm) -> ProgressForm:
        form.saved.connect(self._saved)
        self.form = form
        form.open()
        return form

    def _saved(self, entry_id: int) -> None:
        self.reload(entry_id)
        self.changed.emit()

    def delete_entry(self) -> bool:
        entry = self.selected_entry()
        if entry is None:
            return False
        question = self.tr(
            "Delete the progress entry of %1 (“%2”)? The stage follows the entries left."
        )
        question = question.replace("%1", date_text(entry["entry_date"]))
        if not ask.confirm(self, self.tr("Delete"), question.replace("%2", entry["description"])):
            return False
        try:
            with self.db.write() as session:
                projects.delete_progress(session, entry["id"], entry["version"])
        except LedgerError as exc:
            ask.warn(self, self.tr("Delete"), str(exc))
            self.reload()
            return False
        self.reload()
        self.changed.emit()
        return True
