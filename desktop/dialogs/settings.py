"""Tools › Settings…: the follow-up thresholds (stored in the ledger, shared by every
clerk of it) and the window's language (stored for this user on this computer)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.errors import LedgerError
from db.queries import follow_up
from db.services import settings
from desktop.i18n import store_language, stored_language

# The first name is translated where it is shown (QT_TRANSLATE_NOOP lets lupdate find it).
LANGUAGES = (
    ("", QT_TRANSLATE_NOOP("SettingsDialog", "Follow the system")),
    ("zh", "中文"),
    ("en", "English"),
)


class SettingsDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.setObjectName("settings_dialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        layout = QVBoxLayout(self)
        layout.addWidget(self._follow_up_box())
        layout.addWidget(self._language_box())
        self.error = QLabel(self)
        self.error.setObjectName("settings_error")
        self.error.setProperty("role", "error")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._load()

    def _months(self, name: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setObjectName(name)
        box.setRange(1, follow_up.MAX_MONTHS)
        box.setSuffix(self.tr(" months"))
        return box

    def _follow_up_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Project follow-up"), self)
        form = QFormLayout(box)
        self.amber = self._months("amber_months")
        self.red = self._months("red_months")
        form.addRow(self.tr("Amber after, without a progress entry:"), self.amber)
        form.addRow(self.tr("Red after, without a progress entry:"), self.red)
        hint = QLabel(
            self.tr(
                "A project with no entry counts from its signing date; terminated projects "
                "and those at target output are never flagged. Shared by everyone using "
                "this ledger."
            ),
            box,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        form.addRow(hint)
        return box

    def _language_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Language"), self)
        form = QFormLayout(box)
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in LANGUAGES:
            self.language.addItem(self.tr(name) if not code else name, code)
        form.addRow(self.tr("Window language:"), self.language)
        note = QLabel(self.tr("A new language applies when the program starts again."), box)
        note.setProperty("role", "hint")
        form.addRow(note)
        return box

    def _load(self) -> None:
        with self.db.read() as conn:
            limits = follow_up.thresholds(conn)
        self.amber.setValue(limits.amber)
        self.red.setValue(limits.red)
        stored = stored_language()
        self.language.setCurrentIndex(max(self.language.findData(stored or ""), 0))

    def save(self) -> None:
        amber, red = self.amber.value(), self.red.value()
        if red < amber:
            self.error.setText(
                self.tr("Red must come at or after amber: %1 months is less than %2.")
                .replace("%1", str(red))
                .replace("%2", str(amber))
            )
            self.error.show()
            self.red.setFocus()
            return
        try:
            with self.db.write() as session:
                settings.put(session, "amber_months", str(amber))
                settings.put(session, "red_months", str(red))
        except LedgerError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        store_language(self.language.currentData() or None)
        self.accept()
