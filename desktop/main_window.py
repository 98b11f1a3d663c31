"""The main window: the record tabs (tabs.registry), menus, status bar, remembered state.

Kept small on purpose: each tab does its own work; the window routes menus to the
current tab, switches databases and shows the empty state of a new ledger.
"""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QFileDialog, QLabel, QMainWindow, QStackedWidget, QTabWidget

from db.engine import Database
from db.errors import LedgerError
from db.queries.choices import has_records
from desktop.tabs.base import RecordTab
from desktop.tabs.registry import TABS
from desktop.widgets import ask
from desktop.widgets.background import Cancelled, run_with_progress, wait_for_background
from desktop.widgets.empty_state import EmptyState
from desktop.widgets.settings import remember_database, settings


def _dispose(opened: Database | None) -> bool:
    """Not switching after all: close the database opened for it; False."""
    if opened is not None:
        opened.dispose()
    return False


BACKGROUND_WAIT_MS = 10_000  # interrupted reads end at once; this bounds a stuck one


class MainWindow(QMainWindow):
    def __init__(self, db: Database) -> None:
        super().__init__()
        self.setObjectName("main_window")
        self.db = db
        self.instance_claim = None  # the single-instance claim (desktop.single_instance)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        # Clicking a tab must not take the focus: the tab's keys (Ctrl+N, Del…) keep working.
        self.tabs.tabBar().setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.empty = EmptyState(self)
        self.empty.load_samples.connect(self.load_samples)
        self.empty.new_meeting.connect(self.new_meeting_from_empty)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.tabs)
        self.setCentralWidget(self.stack)
        self.path_label = QLabel(self)
        self.count_label = QLabel(self)
        self.statusBar().addWidget(self.path_label, 1)
        self.statusBar().addPermanentWidget(self.count_label)
        from desktop.main_menus import build_menus

        build_menus(self)
        self.tabs.currentChanged.connect(self._tab_changed)
        self._load_database(db)
        self._restore_window()

    # --- tabs ----------------------------------------------------------------
    def _load_database(self, db: Database) -> None:
        self.db = db
        while self.tabs.count():
            old = self.tabs.widget(0)
            self.tabs.removeTab(0)
            old.deleteLater()
        for cls in TABS:
            tab = cls(db, self)
            tab.count_changed.connect(self._show_count)
            self.tabs.addTab(tab, cls.title())
        # Windows and Linux add " — " and the application's display name (自贸协同台账).
        self.setWindowTitle(db.display_name())
        self.path_label.setText(self.tr("Database: %1").replace("%1", db.display_name()))
        if db.path is not None:
            remember_database(str(db.path))
        with db.read() as conn:
            self.stack.setCurrentWidget(self.tabs if has_records(conn) else self.empty)
        self._tab_changed()

    def current_tab(self) -> RecordTab | None:
        tab = self.tabs.currentWidget()
        return tab if isinstance(tab, RecordTab) else None

    def tab(self, kind: str) -> RecordTab:
        return next(t for t in self.record_tabs() if t.kind == kind)

    def record_tabs(self) -> list[RecordTab]:
        return [
            w for i in range(self.tabs.count()) if isinstance(w := self.tabs.widget(i), RecordTab)
        ]

    def show_tab(self, kind: str) -> RecordTab:
        tab = self.tab(kind)
        self.stack.setCurrentWidget(self.tabs)
        self.tabs.setCurrentWidget(tab)
        return tab

    def _tab_changed(self, *_args) -> None:
        tab = self.current_tab()
        if tab is not None:
            self._show_count(tab.model.rowCount())
            tab.view.setFocus()
        else:
            self.count_label.clear()  # the overview counts nothing

    def _show_count(self, _count: int) -> None:
        tab = self.current_tab()
        if tab is not None and not tab.model.is_complete():
            self.count_label.setText(self.tr("Counting records…"))
        elif tab is not None:
            # %Ln: the count in the clerk's locale (1,000,000); English says "1 record".
            self.count_label.setText(self.tr("%Ln record(s)", "", tab.model.rowCount()))

    def step_tab(self, step: int) -> None:
        if self.tabs.count():
            self.tabs.setCurrentIndex((self.tabs.currentIndex() + step) % self.tabs.count())

    # --- empty state -----------------------------------------------------------
    def load_samples(self) -> None:
        from db.sample_data import load

        try:
            with self.db.write() as session:
                load(session)
        except LedgerError as exc:
            ask.warn(self, self.tr("Sample records"), str(exc))
            return
        self.stack.setCurrentWidget(self.tabs)
        self.refresh_all()

    def new_meeting_from_empty(self):
        return self.show_tab("meetings").new_record()

    def new_project_at(self, meeting_id: int):
        return self.show_tab("projects").new_record(meeting_id=meeting_id)

    def refresh_all(self, *, choices: bool = False) -> None:
        for tab in self.record_tabs():
            if choices:
                tab.reload_choices()
            tab.refresh()
        if self.overview() is not None and self.overview().isVisible():
            self.overview().refresh()
        self._tab_changed()

    def overview(self):
        """The Overview tab (it is not a record tab)."""
        from desktop.tabs.overview import OverviewTab

        return next(
            (
                w
                for i in range(self.tabs.count())
                if isinstance(w := self.tabs.widget(i), OverviewTab)
            ),
            None,
        )

    # --- export (the reports engineer's write_report) ---------------------------
    def export_current(self) -> Path | None:
        tab = self.current_tab()
        if tab is None:
            return None
        reports = _reports_module()
        if reports is None or not hasattr(reports, "write_report"):
            ask.inform(self, self.tr("Export"), self.tr("Export is not available yet."))
            return None
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export to Excel"), f"{tab.kind}.xlsx", self.tr("Excel workbook (*.xlsx)")
        )
        if not path or not tab.model.wait_complete():
            return None
        options = reports.ReportOptions(
            ids=tab.current_ids(),
            columns=tab.visible_columns(),
            filter=tab.current_filter(),
            sort=tab.current_sort(),
        )

        def work(progress) -> Path:
            options.progress = progress
            return reports.write_report(self.db, tab.kind, Path(path), options)

        try:
            # Off the GUI thread; a progress dialog with Cancel after half a second.
            written = run_with_progress(self, self.tr("Export to Excel"), work)
        except getattr(reports, "ReportCancelled", Cancelled):
            self.statusBar().showMessage(self.tr("Export cancelled"), 8000)
            return None
        except (LedgerError, OSError) as exc:
            ask.warn(self, self.tr("Export"), str(exc))
            return None
        self.statusBar().showMessage(self.tr("Written: %1").replace("%1", str(written)), 8000)
        return written

    # --- databases -------------------------------------------------------------
    def switch_database(self, target: str, opened: Database | None = None) -> bool:
        """Show the ledger at target (`opened`: already open, e.g. by Connect to server)."""
        from desktop.single_instance import claim_other_database
        from desktop.startup import open_database_for_window

        if not self._forms_may_close():
            return _dispose(opened)
        claim = self.instance_claim
        if claim is not None:
            claim = claim_other_database(claim, target)
            if claim is None:  # another window has it open: that one came forward
                return _dispose(opened)
        db = opened if opened is not None else open_database_for_window(target, self)
        if db is None:
            if claim is not None and claim is not self.instance_claim:
                # Staying on the current database: take its claim back.
                self.instance_claim = claim_other_database(claim, self.db.display_name())
            return False
        self.instance_claim = claim
        self._save_state()
        self.stop_background_work()
        old = self.db
        self._load_database(db)
        old.dispose()
        return True

    def load_database(self, db: Database) -> None:
        """Show another, already open database (after File › Restore…)."""
        self._save_state()
        self._load_database(db)

    def forms_may_close(self) -> bool:
        """Close the open forms, asking first about unsaved edits; False to stay."""
        return self._forms_may_close()

    # --- closing and remembered state -------------------------------------------
    def _forms_may_close(self) -> bool:
        for tab in self.record_tabs():
            form = tab.open_form
            if form is not None and form.isVisible():
                if form.is_dirty() and not ask.discard_changes(self):
                    return False
                form.done(0)
        return True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        if not self._forms_may_close():
            event.ignore()
            return
        self._save_state()
        self._stop_reads()  # quitting: no list or count is wanted any more
        event.accept()

    def stop_background_work(self) -> None:
        """Before this ledger is closed (another opened, a backup restored over it):
        its background reads stop, and the daily backup is finished (a progress dialog
        after half a second; its Cancel drops the backup)."""
        from desktop.auto_backup import AutoBackup

        for backup in self.findChildren(AutoBackup):
            backup.finish()
        self._stop_reads()
        wait_for_background(BACKGROUND_WAIT_MS)

    def _stop_reads(self) -> None:
        for tab in self.record_tabs():
            tab.model.stop_reading()
        self.overview().counter.cancel()

    def _save_state(self) -> None:
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/last_tab", self.tabs.currentIndex())
        for tab in self.record_tabs():
            tab.save_state()

    def _restore_window(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if not (isinstance(geometry, QByteArray) and self.restoreGeometry(geometry)):
            self.resize(1400, 850)
        last = int(store.value("window/last_tab", 0) or 0)
        if 0 <= last < self.tabs.count():
            self.tabs.setCurrentIndex(last)


def _reports_module():
    try:
        return importlib.import_module("desktop.reports")
    except ImportError:
        return None
