"""Tools ▸ Reference data: the lists clerks extend (meeting kinds, case categories,
industry fields, member kinds): add, edit, remove."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import LedgerError
from db.labels import label
from db.queries.choices import reference_items
from db.services import reference
from db.services.reference import ReferenceData
from desktop.dialogs.form_base import RecordForm
from desktop.widgets import ask

TABLES = ("meeting_kind", "case_category", "industry_field", "member_kind")


class ReferenceForm(RecordForm):
    kind_key = "kind.meeting_kind"

    def __init__(self, db: Database, table: str, item_id: int | None = None, parent=None) -> None:
        self.table = table
        self.kind_key = f"kind.{table}"
        super().__init__(db, item_id, parent)
        self.resize(480, 300)

    def build(self) -> None:
        g = self.grid
        self.code = g.add("code", label("f.code"), QLineEdit(), required=True)
        self.name_zh = g.add("name_zh", label("f.name_zh"), QLineEdit(), required=True)
        self.name_en = g.add("name_en", label("f.name_en"), QLineEdit(), required=True)
        self.sort_order = g.add("sort_order", self.tr("Order"), QSpinBox())
        self.sort_order.setRange(0, 9999)

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return next((r for r in reference_items(conn, self.table) if r["id"] == record_id), None)

    def fill(self, rec: dict[str, Any]) -> None:
        self.code.setText(rec["code"])
        self.name_zh.setText(rec["name_zh"])
        self.name_en.setText(rec["name_en"])
        self.sort_order.setValue(rec["sort_order"] or 0)

    def collect(self) -> ReferenceData:
        return ReferenceData(
            code=self.code.text(),
            name_zh=self.name_zh.text(),
            name_en=self.name_en.text(),
            sort_order=self.sort_order.value(),
        )

    def write(self, session: Session, data: ReferenceData):
        if self.record_id is None:
            return reference.create(session, self.table, data)
        return reference.update(session, self.table, self.record_id, data, version=self.version)


class ReferencePage(QWidget):
    """One reference table: a list and Add / Edit / Remove."""

    def __init__(self, db: Database, table: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.table = db, table
        self.model = QStandardItemModel(self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.activated.connect(lambda _i: self.edit())
        buttons = QHBoxLayout()
        for text, slot in (
            (self.tr("Add…"), self.add),
            (self.tr("Edit…"), self.edit),
            (self.tr("Remove"), self.remove),
        ):
            button = QPushButton(text, self)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        with self.db.read() as conn:
            items = reference_items(conn, self.table)
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [label("f.code"), label("f.name_zh"), label("f.name_en")]
        )
        for item in items:
            cells = [QStandardItem(item[k]) for k in ("code", "name_zh", "name_en")]
            cells[0].setData(item["id"], Qt.ItemDataRole.UserRole)
            self.model.appendRow(cells)
        self.view.resizeColumnsToContents()

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.item(index.row(), 0).data(Qt.ItemDataRole.UserRole)

    def _open(self, item_id: int | None) -> ReferenceForm:
        form = ReferenceForm(self.db, self.table, item_id, self)
        form.saved.connect(lambda _id: self.reload())
        self.form = form
        form.open()
        return form

    def add(self) -> ReferenceForm:
        return self._open(None)

    def edit(self) -> ReferenceForm | None:
        item_id = self.selected_id()
        return self._open(item_id) if item_id is not None else None

    def remove(self) -> None:
        item_id = self.selected_id()
        if item_id is None:
            return
        name = self.model.item(self.view.currentIndex().row(), 1).text()
        question = self.tr("Remove “%1” from the list? Records that use it keep it.")
        if not ask.confirm(self, self.tr("Remove"), question.replace("%1", name)):
            return
        try:
            with self.db.write() as session:
                reference.delete(session, self.table, item_id)
        except LedgerError as exc:
            ask.warn(self, self.tr("Remove"), str(exc))
        self.reload()


class ReferenceDataDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reference_data")
        self.setWindowTitle(self.tr("Reference data"))
        self.pages = QTabWidget(self)
        for table in TABLES:
            self.pages.addTab(ReferencePage(db, table, self), label(f"kind.{table}"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages)
        layout.addWidget(buttons)
        self.resize(640, 480)
