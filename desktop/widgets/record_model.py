"""The lazy record table: ordered ids of the filter, rows fetched in windows and cached.

DESIGN.md rule 3, after Anki's browser DataModel: the model holds only the id list;
data() asks the read side for the rows around the one being painted.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import replace
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEventLoop,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from db.engine import Database
from db.labels import label
from db.queries import lists
from db.queries.lists import ListFilter
from db.queries.search import text_hits
from desktop.widgets.background import Cancelled, NewestWins, Progress, run_with_progress
from desktop.widgets.formatting import cell_text


def _ids_of(
    db: Database, kind: str, flt: ListFilter, sort, limit: int | None, _progress=None
) -> list[int]:
    """The ordered ids (the first `limit`), on a worker thread with its own connection."""
    with db.read() as conn:
        return lists.list_ids(conn, kind, flt, sort, limit=limit)


WINDOW = 200  # rows fetched per query around the row being painted
CACHE_LIMIT = 5_000  # rows kept; beyond that the cache starts over
HEAD = 1_000  # ids fetched before the table first paints; a longer list follows from a worker
POLL_MS = 15  # how often the GUI thread looks whether the rest of the ids have come


class WholeList:
    """Reading a filter's whole id list on a worker; interrupt() stops its query at
    once when a newer filter or sort makes it pointless (SQLite and PostgreSQL).

    Its result names what it read — (filter-and-sort key or None for a search, the
    model's records generation when it started, ids) — so a list that arrives late
    is never remembered under a newer sort, nor after the records changed."""

    def __init__(self, db: Database, kind: str, flt: ListFilter, sort, key, seen: int) -> None:
        self.args = (db, kind, flt, sort)
        self.key, self.seen = key, seen
        self._driver: Any = None
        self._lock = threading.Lock()

    def __call__(self, progress: Progress) -> tuple[Any, int, list[int]]:
        if progress(0, 0) is False:  # superseded while waiting for a thread
            raise Cancelled()
        db, kind, flt, sort = self.args
        with db.read() as conn:
            with self._lock:
                self._driver = conn.connection.driver_connection
            try:
                return self.key, self.seen, lists.list_ids(conn, kind, flt, sort)
            finally:
                with self._lock:
                    self._driver = None

    def interrupt(self) -> None:
        with self._lock:  # never a connection already handed back to the pool
            driver = self._driver
            if driver is not None:
                stop = getattr(driver, "interrupt", None) or driver.cancel
                stop()


Index = QModelIndex | QPersistentModelIndex


class RecordTableModel(QAbstractTableModel):
    """Rows of one kind of record, in the order and filter asked for.

    A list of up to HEAD records is read at once. A longer one paints from its
    first HEAD ids while a worker reads the whole list; the rest are then inserted
    below (or the table reset, if the records changed meanwhile) and `loaded` is
    emitted. A typed search over a list already read keeps the listed ids that the
    search index finds, without ordering the records again.
    """

    loaded = Signal()  # the whole id list is in (after a longer list's rest came)

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
        self._wanted = self.flt  # the filter being read
        self._again: ListFilter | None = None
        self._records_seen = 0  # counts the reloads after which records may have changed
        self._rest = NewestWins(self, self._take_rest, self._rest_failed, poll_ms=POLL_MS)
        self._waiting = False  # for the rest of a long list
        self.rest_error: BaseException | None = None
        # The last whole list without a search: (filter+sort key, ids, highest id).
        self._listed: tuple[tuple, list[int], int] | None = None

    # --- loading -----------------------------------------------------------
    def reload(self, flt: ListFilter | None = None) -> bool:
        """Query the ids of the filter again (after a filter change or a save).

        The first ids are read off the GUI thread; a read that takes more than
        half a second (a sort of a million projects on a server, say) shows a
        progress dialog whose Cancel keeps the rows as they were: then False.
        """
        if flt is None:  # asked again without a new filter: the records may have changed
            self._listed = None
            self._records_seen += 1
        if self._loading:  # asked again while waiting (a timer): done once this one ends
            self._again = flt or self._again or self._wanted
            return True
        wanted = flt if flt is not None else self.flt
        self._loading, self._wanted = True, wanted
        try:
            ids = self._narrowed(wanted)
            complete = ids is not None
            if ids is None:
                ids = self._first_ids(wanted)
                complete = len(ids) <= HEAD
        except Cancelled:
            return False
        finally:
            self._loading = False
        self._show(wanted, ids, complete)
        again, self._again = self._again, None
        return self.reload(again) if again is not None else True

    def _first_ids(self, wanted: ListFilter) -> list[int]:
        return run_with_progress(
            self._dialog_parent(),
            self.tr("Loading records…"),
            partial(_ids_of, self.db, self.kind, wanted, self.sort_keys or None, HEAD + 1),
            abandon_on_cancel=True,  # reading only: Cancel just stops waiting
        )

    def _show(self, wanted: ListFilter, ids: list[int], complete: bool) -> None:
        self._stop_rest()
        self.flt = wanted
        self.beginResetModel()
        self.ids = ids if complete else ids[:HEAD]
        self._rows.clear()
        self.endResetModel()
        if complete:
            self._remember_listed(wanted)
        else:
            self._start_rest(wanted)

    def _listed_key(self, flt: ListFilter) -> tuple:
        return (replace(flt, text=""), tuple(self.sort_keys))

    def _remember_listed(self, flt: ListFilter) -> None:
        if not flt.text.strip():
            self._listed = (self._listed_key(flt), self.ids, max(self.ids, default=0))

    def _rest_key(self, flt: ListFilter) -> tuple | None:
        """What a whole list read now may be remembered as (None: a search's list)."""
        return None if flt.text.strip() else self._listed_key(flt)

    def _narrowed(self, wanted: ListFilter) -> list[int] | None:
        """The ids of a search, kept from the list without it; None if not known."""
        if not wanted.text.strip() or self._listed is None:
            return None
        key, listed, top_id = self._listed
        if key != self._listed_key(wanted):
            return None
        with self.db.read() as conn:
            hits = text_hits(conn, self.kind, wanted.text, top_id)
        if hits is None:
            return None
        return [i for i in listed if hits[i]]

    def _start_rest(self, wanted: ListFilter) -> None:
        key, seen = self._rest_key(wanted), self._records_seen
        job = WholeList(self.db, self.kind, wanted, self.sort_keys or None, key, seen)
        self._waiting, self.rest_error = True, None
        self._rest.run(job, on_cancel=job.interrupt)

    def stop_reading(self) -> None:
        """The ledger is about to close: the worker's query is interrupted."""
        self._stop_rest()

    def _stop_rest(self) -> None:
        """Drop a worker still reading an older list (its result is not wanted)."""
        self._waiting = False
        self._rest.cancel()

    def _take_rest(self, result: object) -> None:
        assert isinstance(result, tuple)
        key, seen, ids = result
        self._waiting = False
        head = len(self.ids)
        if ids[:head] == self.ids and len(ids) > head:
            self.beginInsertRows(QModelIndex(), head, len(ids) - 1)
            self.ids = ids
            self.endInsertRows()
        elif ids[:head] != self.ids:  # the records changed meanwhile: start over
            self.beginResetModel()
            self.ids = ids
            self._rows.clear()
            self.endResetModel()
        if key is not None and seen == self._records_seen:
            self._listed = (key, ids, max(ids, default=0))
        self.loaded.emit()

    def _rest_failed(self, error: BaseException) -> None:
        """The head stays; the tab tells the clerk (rest_error) when `loaded` comes."""
        self._waiting, self.rest_error = False, error
        self.loaded.emit()

    def is_complete(self) -> bool:
        """False while the rest of a long list is still being read."""
        return not self._waiting

    def wait_complete(self) -> bool:
        """Wait (with progress and Cancel) for the rest of the list; False if cancelled
        or if it cannot be read (a report must never hold only the first rows)."""
        if not self._waiting and self.rest_error is not None:
            self._start_rest(self.flt)  # the earlier read failed: once more
        if not self._waiting:
            return True
        try:
            run_with_progress(
                self._dialog_parent(),
                self.tr("Loading records…"),
                lambda _progress: self._rest.wait(),
                abandon_on_cancel=True,
            )
        except Cancelled:
            return False
        while self._waiting:  # the result is handed over by the poll timer
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents, 50)
        return self.rest_error is None

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
