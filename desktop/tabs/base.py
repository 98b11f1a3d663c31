"""A record tab: filter bar, lazy table, detail panel, and New / Edit / Delete / Export.

Subclasses name their kind, their form, their filters and how a record is described;
everything else (sorting, remembered columns, selection, deleting) lives here.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QItemSelectionModel, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import LedgerError
from db.labels import label
from db.queries.lists import ListFilter
from desktop.widgets import ask
from desktop.widgets.detail_panel import DetailPanel
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.record_model import RecordTableModel
from desktop.widgets.settings import settings

WIDGET_KEYS = Qt.ShortcutContext.WidgetWithChildrenShortcut


def _key_sequences(keys: list) -> list[QKeySequence]:
    """Every binding of the standard keys and the named ones, each once (no ambiguity)."""
    out: list[QKeySequence] = []
    for key in keys:
        found = (
            QKeySequence.keyBindings(key)
            if isinstance(key, QKeySequence.StandardKey)
            else [QKeySequence(key)]
        )
        out.extend(k for k in found if k not in out)
    return out


class RecordTab(QWidget):
    kind = ""  # lists.SPECS key
    record_key = ""  # labels "kind.<record_key>"
    name_column = "title"  # names the record in the delete question
    count_changed = Signal(int)

    def __init__(self, db: Database, window: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.window_ = window
        self.open_form: QWidget | None = None
        self.setObjectName(f"tab_{self.kind}")
        self.model = RecordTableModel(db, self.kind, self)
        self._keep_when_loaded: int | None = None
        self._selected_before_reset: int | None = None
        self.model.loaded.connect(self._rest_loaded)
        self.model.modelAboutToBeReset.connect(self._remember_selection)
        self.filter_bar = FilterBar(self)
        self.add_filters(self.filter_bar)
        self.view = self._make_view()
        self.detail = DetailPanel(self)
        self.actions_: dict[str, QAction] = {}
        self.toolbar = QToolBar(self)
        self._make_actions()
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.view)
        splitter.addWidget(self._make_side_panel())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.filter_bar)
        layout.addWidget(splitter, 1)
        self.filter_bar.changed.connect(lambda: self.apply_filter(self.filter_bar.current()))
        self.filter_bar.search.returnPressed.connect(self.filter_bar.flush)
        self.restore_state()

    # --- subclass hooks ----------------------------------------------------
    @classmethod
    def title(cls) -> str:
        return label(f"kind.{cls.record_key}")

    def add_filters(self, bar: FilterBar) -> None:
        """Kind-specific combos (category, field, stage, province…); called again to refresh."""

    def extra_actions(self) -> list[QAction]:
        return []

    def make_form(self, record_id: int | None) -> QWidget:
        raise NotImplementedError

    def fetch_detail(self, conn: Connection, record_id: int) -> dict | None:
        raise NotImplementedError

    def describe(self, rec: dict) -> str:
        """HTML of the record and its related records for the detail panel."""
        raise NotImplementedError

    def delete_service(self, session: Session, record_id: int, version: int | None) -> Any:
        raise NotImplementedError

    # --- building ----------------------------------------------------------
    def _make_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("table")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(26)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setDefaultSectionSize(130)
        view.activated.connect(lambda _index: self.edit_record())
        return view

    def _action(self, name: str, text: str, keys: list, slot) -> QAction:
        action = QAction(text, self)
        action.setObjectName(f"action_{name}")
        if keys:
            action.setShortcuts(_key_sequences(keys))
            action.setShortcutContext(WIDGET_KEYS)
        action.triggered.connect(slot)
        self.addAction(action)
        self.toolbar.addAction(action)
        self.actions_[name] = action
        return action

    def _make_actions(self) -> None:
        keys = QKeySequence.StandardKey
        self._action("new", self.tr("New…"), [keys.New], lambda: self.new_record())
        self._action("edit", self.tr("Edit…"), ["F2"], lambda: self.edit_record())
        self._action("delete", self.tr("Delete"), [keys.Delete], lambda: self.delete_record())
        self.toolbar.addSeparator()
        self._action("export", self.tr("Export…"), ["Ctrl+E"], self._export)
        self._action("find", self.tr("Find"), [keys.Find], self.focus_search)
        self._action("refresh", self.tr("Refresh"), [keys.Refresh, "F5"], lambda: self.refresh())
        extras = self.extra_actions()
        if extras:
            self.toolbar.addSeparator()
        for action in extras:
            self.actions_[action.objectName().removeprefix("action_")] = action
            self.addAction(action)
            self.toolbar.addAction(action)
        self.view.selectionModel().currentRowChanged.connect(self._row_changed)

    def record_actions(self) -> list[QAction]:
        """For the window's Edit menu."""
        return [self.actions_[k] for k in ("new", "edit", "delete", "find", "refresh")]

    # --- the contract with reports (Export) -----------------------------------
    def current_ids(self) -> list[int]:
        return list(self.model.ids)

    def visible_columns(self) -> list[str]:
        header = self.view.horizontalHeader()
        keys = self.model.column_keys()
        order = sorted(range(len(keys)), key=header.visualIndex)
        return [keys[i] for i in order if not header.isSectionHidden(i)]

    def current_filter(self) -> ListFilter:
        return self.model.flt

    def current_sort(self) -> list[tuple[str, bool]]:
        return list(self.model.sort_keys or self.model.spec.default_sort)

    def _export(self) -> None:
        if self.window_ is not None:
            self.window_.export_current()

    # --- loading -----------------------------------------------------------
    def apply_filter(self, flt: ListFilter) -> None:
        keep = self._keep_when_loaded or self.selected_id()
        self.model.reload(flt)
        self._after_reload(keep)

    def reload_choices(self) -> None:
        """After the reference lists changed: the filter combos offer the new entries."""
        self.add_filters(self.filter_bar)

    def refresh(self, select_id: int | None = None) -> None:
        keep = select_id if select_id is not None else self._keep_when_loaded or self.selected_id()
        self.model.reload()
        self._after_reload(keep)

    def _after_reload(self, keep: int | None) -> None:
        self._keep_when_loaded = None
        self.count_changed.emit(self.model.rowCount())
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0 and keep is not None and not self.model.is_complete():
            self._keep_when_loaded = keep  # further down the list: selected once it is in
            self._show_detail(keep)  # as saved, meanwhile
            return
        if row < 0 and self.model.rowCount():
            row = 0
        if row >= 0:
            self.select_row(row)
        else:
            self.detail.show_nothing()

    def _rest_loaded(self) -> None:
        """The rest of a long list came in: count it; select the record kept for it,
        or the one selected before, if the table had to start over."""
        keep, self._keep_when_loaded = self._keep_when_loaded, None
        error = self.model.rest_error
        if error is not None:
            ask.warn(self, self.tr("Loading records"), str(getattr(error, "orig", error)))
        if keep is None and not self.view.currentIndex().isValid():
            keep = self._selected_before_reset
        if keep is not None:
            self._after_reload(keep)
        else:
            self.count_changed.emit(self.model.rowCount())

    def select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        flags = QItemSelectionModel.SelectionFlag
        self.view.selectionModel().setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        self.view.scrollTo(index)
        self._show_detail(self.model.id_at(row))

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.id_at(index.row()) if index.isValid() else None

    def _row_changed(self, current, _previous) -> None:
        if current.isValid():  # the clerk's own choice wins over a record kept for later
            self._keep_when_loaded = None
        self._show_detail(self.model.id_at(current.row()) if current.isValid() else None)

    def _remember_selection(self) -> None:
        self._selected_before_reset = self.selected_id()

    def _make_side_panel(self) -> QTabWidget:
        """Details and History of the selected record; History loads only when shown."""
        from desktop.dialogs.history import HistoryView

        self.history = HistoryView(self.db, self)
        self.side_tabs = QTabWidget(self)
        self.side_tabs.setObjectName("side_tabs")
        self.side_tabs.addTab(self.detail, self.tr("Details"))
        self.side_tabs.addTab(self.history, self.tr("History"))
        self.side_tabs.currentChanged.connect(lambda _i: self._show_history(self.selected_id()))
        return self.side_tabs

    def _show_history(self, record_id: int | None) -> None:
        if self.side_tabs.currentWidget() is self.history:
            self.history.show_record(self.kind, record_id)

    def _show_detail(self, record_id: int | None) -> None:
        self._show_history(record_id)
        if record_id is None:
            self.detail.show_nothing()
            return
        with self.db.read() as conn:
            rec = self.fetch_detail(conn, record_id)
        if rec is None:
            self.detail.show_nothing()
        else:
            self.detail.show_html(self.describe(rec))

    def focus_search(self) -> None:
        self.filter_bar.search.setFocus()
        self.filter_bar.search.selectAll()

    # --- New / Edit / Delete -------------------------------------------------
    def new_record(self, **kwargs) -> QWidget:
        return self._open(self.make_form(None, **kwargs))

    def edit_record(self) -> QWidget | None:
        record_id = self.selected_id()
        if record_id is None:
            return None
        return self._open(self.make_form(record_id))

    def _open(self, form: QWidget) -> QWidget:
        """Forms open window-modal but without blocking (tests drive them with qtbot)."""
        form.saved.connect(lambda record_id: self.refresh(select_id=record_id))
        form.finished.connect(lambda _result: self._closed(form))
        self.open_form = form
        form.open()
        return form

    def _closed(self, form: QWidget) -> None:
        if self.open_form is form:
            self.open_form = None

    def record_name(self, record_id: int) -> str:
        row = self.model.rows_for([record_id])
        return str(row[0].get(self.name_column) or record_id) if row else str(record_id)

    def delete_record(self) -> bool:
        record_id = self.selected_id()
        if record_id is None:
            return False
        kind = label(f"kind.{self.record_key}")
        question = self.tr("Move the %1 “%2” to the recycle bin?").replace("%1", kind)
        if not ask.confirm(
            self, self.tr("Delete"), question.replace("%2", self.record_name(record_id))
        ):
            return False
        row = self.view.currentIndex().row()
        after = self.model.id_at(row + 1) or self.model.id_at(row - 1)  # selected next
        try:
            with self.db.write() as session:
                self.delete_service(session, record_id, None)
        except LedgerError as exc:
            ask.warn(self, self.tr("Delete"), str(exc))
            return False
        self.model.reload()
        self._after_reload(after)
        return True

    # --- remembered state ----------------------------------------------------
    def _key(self, name: str) -> str:
        return f"tabs/{self.kind}/{name}"

    def save_state(self) -> None:
        store = settings()
        store.setValue(self._key("header"), self.view.horizontalHeader().saveState())
        store.setValue(self._key("splitter"), self.splitter.saveState())

    def restore_state(self) -> None:
        store = settings()
        header = self.view.horizontalHeader()
        state = store.value(self._key("header"))
        restored = isinstance(state, QByteArray) and header.restoreState(state)
        column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
        if not restored or not 0 <= column < self.model.columnCount():
            key, desc = self.model.spec.default_sort[0]
            column = self.model.column_index(key)
            order = Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder
        splitter = store.value(self._key("splitter"))
        if isinstance(splitter, QByteArray):
            self.splitter.restoreState(splitter)
        header.setSortIndicator(column, order)
        # Enabling sorting asks the model to sort: the first query of the ids.
        self.view.setSortingEnabled(True)
        self._after_reload(None)
