"""What every record form shares: save through a service inside db.write(), show each
validation message under its field, keep the typed text when a save fails, handle a
version conflict (reload or keep my text), and ask before losing unsaved edits."""

from __future__ import annotations

from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.engine import Database
from db.errors import ConflictError, FieldError, LedgerError, ValidationError
from db.labels import label
from desktop.widgets import ask
from desktop.widgets.form_parts import FormGrid, visual_order
from desktop.widgets.rows_editor import RowsEditor
from desktop.widgets.unit_picker import UnitIndex, UnitPicker


class RecordForm(QDialog):
    """Subclasses set kind_key and implement build, fetch, fill, collect and write."""

    saved = Signal(int)
    kind_key = "kind.meeting"

    def __init__(self, db: Database, record_id: int | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.record_id = record_id
        self.version: int | None = None
        self._unit_index: UnitIndex | None = None
        self._pickers: list[tuple[str, UnitPicker]] = []
        self.setObjectName(f"form_{self.kind_key.split('.')[-1]}")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        kind = label(self.kind_key)
        if record_id is None:
            self.setWindowTitle(self.tr("New %1").replace("%1", kind))
        else:
            self.setWindowTitle(self.tr("Edit %1").replace("%1", kind))
        self.grid = FormGrid()
        self.general_error = QLabel(self)
        self.general_error.setObjectName("general_error")
        self.general_error.setProperty("role", "error")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self._layout_form()
        self.build()
        if record_id is None:
            self.fill_defaults()
        else:
            self.load_record()
        self._initial = self.grid.state()
        self._keys()
        for editor in self.findChildren(RowsEditor):
            editor.rows_changed.connect(self.order_tabs)
        self.grid.errors_cleared.connect(self._fields_fixed)
        self.order_tabs()

    # --- keys and focus ------------------------------------------------------
    def _keys(self) -> None:
        """Ctrl+S and Ctrl+Enter save from any field (a multi-line box keeps Enter);
        Esc is QDialog's reject(), which asks when there are unsaved changes."""
        for sequence in ("Ctrl+S", "Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)

    def tab_chain(self) -> list[QWidget]:
        """Every control a clerk reaches by Tab, in the order the form shows them."""
        return [*visual_order(self.grid), *self.buttons.buttons()]

    def order_tabs(self) -> None:
        """Tab follows the form top to bottom, rows added later included, then the buttons."""
        chain = self.tab_chain()
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """A form opens with the cursor in its first field, not on the scroll area."""
        super().showEvent(event)
        self.activateWindow()  # window managers usually do; some (and offscreen) do not
        chain = visual_order(self.grid)
        if chain and self.focusWidget() not in chain:
            chain[0].setFocus(Qt.FocusReason.TabFocusReason)

    def _fields_fixed(self) -> None:
        """The banner goes once no field shows an error any more."""
        if not self.general_error.property("general"):
            self.general_error.hide()

    # --- layout ------------------------------------------------------------
    def _layout_form(self) -> None:
        body = QWidget()
        body.setLayout(self.grid)
        scroll = QScrollArea(self)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not the frame
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        note = QLabel(self.tr("Fields marked * are required."), self)
        note.setProperty("role", "hint")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        # Below the fields, so a message never pushes the fields down under the pointer.
        layout.addWidget(self.general_error)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self.resize(720, 560)

    @property
    def unit_index(self) -> UnitIndex:
        if self._unit_index is None:
            self._unit_index = UnitIndex(self.db)
        return self._unit_index

    def unit_picker(self, field: str) -> UnitPicker:
        """A picker whose "+" opens the unit form; its unknown text is reported under field."""
        picker = UnitPicker(self.unit_index)
        picker.create_requested.connect(lambda: self._create_unit(picker))
        self._pickers.append((field, picker))
        return picker

    def _create_unit(self, picker: UnitPicker) -> None:
        from desktop.dialogs.unit_form import UnitForm

        form = UnitForm(self.db, parent=self, name=picker.text())
        form.saved.connect(lambda unit_id: self._unit_created(picker, unit_id))
        self.unit_form = form  # reachable for tests and kept alive while open
        form.open()

    def _unit_created(self, picker: UnitPicker, unit_id: int) -> None:
        self.unit_index.reload()
        picker.set_value(unit_id)

    # --- subclass hooks ----------------------------------------------------
    def build(self) -> None:
        raise NotImplementedError

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        raise NotImplementedError

    def fill(self, rec: dict[str, Any]) -> None:
        raise NotImplementedError

    def fill_defaults(self) -> None:
        """Values of a new record (none by default)."""

    def collect(self) -> Any:
        raise NotImplementedError

    def write(self, session: Session, data: Any) -> Any:
        """Create or update through the service; returns the saved record."""
        raise NotImplementedError

    # --- loading and saving ------------------------------------------------
    def load_record(self) -> None:
        with self.db.read() as conn:
            rec = self.fetch(conn, self.record_id)
        if rec is None:
            self.show_general(self.tr("This record no longer exists."))
            return
        self.version = rec["version"]
        self.fill(rec)

    def local_errors(self) -> list[FieldError]:
        """Problems found before asking the service: text that names no unit, a date or
        amount that reads as none (never silently saved as empty)."""
        errors = [
            picker.unknown_error(field)
            for field, picker in self._pickers
            if shiboken6.isValid(picker) and not _removed(picker)
        ]
        return [e for e in errors if e is not None] + self.grid.typed_errors()

    def _service_errors(self, local: list[FieldError]) -> list[FieldError]:
        """What the service would also say, so every problem shows at once; the trial
        write is rolled back. A field with its own local error is not told twice."""
        marked = {e.field for e in local}
        try:
            data = self.collect()
            with self.db.write() as session:
                self.write(session, data)
                raise _TrialOnly
        except ValidationError as exc:
            return [e for e in exc.errors if e.field not in marked]
        except (_TrialOnly, LedgerError):
            return []

    def confirm_warnings(self) -> bool:
        """Unusual but possible values the clerk confirms before saving (True: go on)."""
        return True

    def save(self) -> None:
        self.grid.clear_errors()
        self.general_error.hide()
        errors = self.local_errors()
        if errors:
            self.show_errors(errors + self._service_errors(errors))
            return
        if not self.confirm_warnings():
            return
        try:
            data = self.collect()
            with self.db.write() as session:
                record_id = self.write(session, data).id
        except ValidationError as exc:
            self.show_errors(exc.errors)
            return
        except ConflictError as exc:
            self.on_conflict(str(exc))
            return
        except LedgerError as exc:
            self.show_general(str(exc))
            return
        self.record_id = record_id
        self._initial = self.grid.state()
        self.saved.emit(record_id)
        self.accept()

    def show_errors(self, errors: list[FieldError]) -> None:
        unplaced = self.grid.show_errors(errors)
        if unplaced:
            self.show_general("\n".join(e.message for e in unplaced))
        else:
            self.show_general(self.tr("Please correct the marked fields."), general=False)
        first = next(
            (self.grid.widgets[e.field] for e in errors if e.field in self.grid.widgets), None
        )
        if first is not None:
            first.setFocus()

    def show_general(self, text: str, *, general: bool = True) -> None:
        """The banner; general=False marks the "correct the marked fields" summary,
        which goes by itself once the fields are fixed."""
        self.general_error.setText(text)
        self.general_error.setProperty("general", general)
        self.general_error.show()

    def on_conflict(self, text: str) -> None:
        self.show_general(text)
        if ask.conflict(self, text) == "reload":
            self.grid.clear_errors()
            self.general_error.hide()
            self.load_record()
            self._initial = self.grid.state()
            return
        # Keep my text: the next save deliberately overwrites the other change.
        with self.db.read() as conn:
            rec = self.fetch(conn, self.record_id)
        self.version = rec["version"] if rec else self.version
        self.show_general(
            text
            + "\n"
            + self.tr("Your text is kept; saving again will overwrite the other change.")
        )

    # --- closing -----------------------------------------------------------
    def is_dirty(self) -> bool:
        return self.grid.state() != self._initial

    def reject(self) -> None:
        if self.is_dirty() and not ask.discard_changes(self):
            return
        super().reject()


class _TrialOnly(Exception):
    """Rolls back a write made only to collect the service's messages."""


def _removed(widget: QWidget | None) -> bool:
    """Whether the widget sits in a row the clerk removed (RowsEditor marks it)."""
    while widget is not None:
        if widget.property("removed"):
            return True
        widget = widget.parentWidget()
    return False
