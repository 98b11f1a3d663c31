"""Help ▸ About: the program's version and the database in use."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from db.engine import Database
from db.version import program_version


class AboutDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About FTZ Ledger"))
        self.text = QLabel(self)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.text.setWordWrap(True)
        version = self.tr("Version %1").replace("%1", program_version())
        database = self.tr("Database: %1").replace("%1", db.display_name())
        blurb = self.tr(
            "Records of the Sichuan–Chongqing free-trade collaboration: meetings, cases, "
            "projects and alliances, kept offline, with Excel reports."
        )
        self.text.setText(
            f"<h2>{escape(self.tr('FTZ Ledger'))} 自贸协同台账</h2>"
            f"<p>{escape(version)}</p><p>{escape(blurb)}</p><p>{escape(database)}</p>"
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(520, 260)
