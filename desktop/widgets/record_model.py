"""The lazy record table: ordered ids of the filter, rows fetched in windows and cached.

DESIGN.md rule 3, after Anki's browser DataModel: the model holds only the id list;
data() asks the read side for the rows around the one being painted.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from db.engine import Database
from db.labels import label
from db.queries import lists
from db.queries.lists import ListFilter
from desktop.widgets.background import Cancelled, run_with_progress
from desktop.widgets.formatting import cell_text


def _ids_of(db: Database, kind: str, flt: ListFilter, sort, _progress) -> list[int]:
    """The ordered ids, on a worker thread with its own connection."""
    with db.read() as conn:
        return lists.list_ids(conn, kind, flt, sort)


WINDOW = 200  # rows fetched per query around the row being painted
CACHE_LIMIT = 5_000  # rows kept; beyond that the cache starts over

Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    def __init__(self, db: Database, kind: str, parent=None) -> None:
        super().__init__(parent)
        self.db = db
        self.kind = kind
        self.spec = lists.SPECS[kind]
        self.columns = list(self.spec.columns)
        self.flt = ListFilter()
        self.sort_keys: list[tuple[str, bool]] = []
        self.ids: list[int] = []
        self._rows: dict[int, dict] = {}
        self._loading = False
        self._again: ListFilter | None = None

    # --- loading -----------------------------------------------------------
    def reload(self, flt: ListFilter | None = None) -> bool:
        """Query the ids of the filter again (after a filter change or a save).

        The query runs off the GUI thread; one that takes more than half a second
        (a sort by a joined column of a million projects, say) shows a progress
        dialog whose Cancel keeps the rows as they were: then False.
        """
        if self._loading:  # asked again while waiting (a timer): done once this one ends
            self._again = flt or self._again or self.flt
            return True
        wanted = flt if flt is not None else self.flt
        self._loading = True
        try:
            ids = run_with_progress(
                self._dialog_parent(),
                self.tr("Loading records…"),
                partial(_ids_of, self.db, self.kind, wanted, self.sort_keys or None),
                abandon_on_cancel=True,  # reading only: Cancel just stops waiting
            )
        except Cancelled:
            return False
        finally:
            self._loading = False
        self.flt = wanted
        self.beginResetModel()
        self.ids = ids
        self._rows.clear()
        self.endResetModel()
        again, self._again = self._again, None
        return self.reload(again) if again is not None else True

    def _dialog_parent(self) -> QWidget | None:
        parent = self.parent()
        return parent.window() if isinstance(parent, QWidget) else None

    def set_sort(self, key: str, descending: bool) -> None:
        if self.sort_keys == [(key, descending)]:
            # QTableView asks twice (sortByColumn, then the header's indicator
            # signal): on a million rows a second query is a second wait.
            return
        previous, self.sort_keys = self.sort_keys, [(key, descending)]
        if not self.reload():
            self.sort_keys = previous

    def row_data(self, row: int) -> dict | None:
        if not 0 <= row < len(self.ids):
            return None
        record_id = self.ids[row]
        if record_id not in self._rows:
            self._fetch_around(row)
        return self._rows.get(record_id)

    def _fetch_around(self, row: int) -> None:
        if len(self._rows) > CACHE_LIMIT:
            self._rows.clear()
        start = max(0, row - WINDOW // 4)
        wanted = [i for i in self.ids[start : start + WINDOW] if i not in self._rows]
        with self.db.read() as conn:
            self._rows.update(lists.fetch_rows(conn, self.kind, wanted))

    # --- lookups -----------------------------------------------------------
    def id_at(self, row: int) -> int | None:
        return self.ids[row] if 0 <= row < len(self.ids) else None

    def row_of(self, record_id: int) -> int:
        try:
            return self.ids.index(record_id)
        except ValueError:
            return -1

    def column_keys(self) -> list[str]:
        return [c.key for c in self.columns]

    def column_index(self, key: str) -> int:
        return self.column_keys().index(key)

    # --- Qt model ----------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("amount", "int"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        row = self.row_data(index.row())
        if row is None:
            return None
        return cell_text(col.kind, row.get(col.key))

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return label(self.columns[section].label)
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return section + 1
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.set_sort(self.columns[column].key, order == Qt.SortOrder.DescendingOrder)

    def rows_for(self, ids: Sequence[int]) -> list[dict]:
        """Rows of the given ids in that order (fetched if not cached)."""
        missing = [i for i in ids if i not in self._rows]
        if missing:
            with self.db.read() as conn:
                self._rows.update(lists.fetch_rows(conn, self.kind, missing))
        return [self._rows[i] for i in ids if i in self._rows]
