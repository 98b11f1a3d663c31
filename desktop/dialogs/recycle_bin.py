"""Edit › Recycle bin: deleted records of every kind, restored or deleted for good.

Records are only ever soft-deleted from the tabs; this dialog is the one place
where they are purged, and only after the clerk confirms. `changed` tells the
window to refresh its tabs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.errors import LedgerError
from db.labels import label
from db.lang import pick
from db.queries.recycle import BinEntry, deleted_records
from db.services import recycle
from desktop.widgets import ask


def zh_en(zh: str, en: str) -> str:
    """The UI text in the current language (db.lang)."""
    return pick(zh, en)


class RecycleBinDialog(QDialog):
    changed = Signal()

    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recycle_bin")
        self.setWindowTitle(zh_en("回收站", "Recycle bin"))
        self.db = db
        self.entries: list[BinEntry] = []
        self.search = QLineEdit(self)
        self.search.setObjectName("bin_search")
        self.search.setPlaceholderText(zh_en("按名称筛选…", "Filter by name…"))
        self.search.textChanged.connect(self.reload)
        self.table = self._make_table()
        self.count_label = QLabel(self)
        self.restore_button = QPushButton(zh_en("恢复(&R)", "&Restore"), self)
        self.restore_button.setObjectName("bin_restore")
        self.restore_button.clicked.connect(self.restore_selected)
        self.purge_button = QPushButton(zh_en("彻底删除(&D)…", "&Delete for good…"), self)
        self.purge_button.setObjectName("bin_purge")
        self.purge_button.clicked.connect(self.purge_selected)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        close.button(QDialogButtonBox.StandardButton.Close).setText(zh_en("关闭", "Close"))
        close.rejected.connect(self.reject)
        self.setLayout(self._layout(close))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.resize(900, 520)
        self.reload()

    def _make_table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setObjectName("bin_table")
        table.setHorizontalHeaderLabels(
            [
                zh_en("类型", "Kind"),
                zh_en("名称", "Name"),
                zh_en("删除时间", "Deleted"),
                zh_en("删除人", "Deleted by"),
            ]
        )
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        return table

    def _layout(self, close: QDialogButtonBox) -> QVBoxLayout:
        buttons = QHBoxLayout()
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.purge_button)
        buttons.addStretch(1)
        buttons.addWidget(self.count_label)
        buttons.addWidget(close)
        layout = QVBoxLayout()
        layout.addWidget(self.search)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        return layout

    def reload(self) -> None:
        with self.db.read() as conn:
            self.entries = deleted_records(conn, text=self.search.text())
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            when = entry.deleted_at.strftime("%Y-%m-%d %H:%M") if entry.deleted_at else ""
            cells = [label(f"kind.{entry.kind}"), entry.name, when, entry.deleted_by]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row)
                self.table.setItem(row, col, item)
        for col in (0, 2, 3):
            self.table.resizeColumnToContents(col)
        self.count_label.setText(
            zh_en("共 %1 条已删除记录", "%1 deleted records").replace("%1", str(len(self.entries)))
        )
        self._update_buttons()

    def selected(self) -> list[BinEntry]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.entries[r] for r in rows]

    def _update_buttons(self) -> None:
        has = bool(self.table.selectionModel().selectedRows())
        self.restore_button.setEnabled(has)
        self.purge_button.setEnabled(has)

    def restore_selected(self) -> None:
        self._apply(self.selected(), recycle.restore)

    def purge_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        names = "\n".join(f"• {e.name}" for e in chosen[:10])
        more = "\n…" if len(chosen) > 10 else ""
        text = zh_en(
            "彻底删除这 %1 条记录？此操作无法撤销。",
            "Delete these %1 records for good? This cannot be undone.",
        ).replace("%1", str(len(chosen)))
        if ask.confirm(self, zh_en("彻底删除", "Delete for good"), f"{text}\n\n{names}{more}"):
            self._apply(chosen, recycle.purge)

    def _apply(self, chosen: list[BinEntry], step) -> None:
        """One transaction per record: one that cannot be done leaves the others done."""
        problems = []
        for entry in chosen:
            try:
                with self.db.write() as session:
                    step(session, entry.kind, entry.id)
            except LedgerError as exc:
                problems.append(f"{entry.name}: {exc}")
        self.reload()
        if len(problems) < len(chosen):
            self.changed.emit()
        if problems:
            ask.warn(self, zh_en("回收站", "Recycle bin"), "\n".join(problems))
