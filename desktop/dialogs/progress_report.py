"""Reports › 重点项目推进情况月报: pick the month, then where to save the workbook."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QWidget,
)

from db.engine import Database
from db.errors import LedgerError
from desktop.reports.words import word
from desktop.widgets import ask


class ProgressReportDialog(QDialog):
    def __init__(self, db: Database, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.written: Path | None = None
        self.setObjectName("progress_report_dialog")
        self.setWindowTitle(word("title.progress"))  # as the printed title says
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.month = QDateEdit(self)
        self.month.setObjectName("month")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        today = QDate.currentDate()
        self.month.setDate(QDate(today.year(), today.month(), 1))
        form = QFormLayout(self)
        form.addRow(
            QLabel(
                self.tr(
                    "Per project: the stage at the start and end of the month, the entries "
                    "during it and the problems needing coordination."
                ),
                self,
            )
        )
        form.addRow(self.tr("Month:"), self.month)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save as…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.export)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def chosen_month(self) -> date:
        d = self.month.date()
        return date(d.year(), d.month(), 1)

    def export(self) -> Path | None:
        from desktop.reports import ReportOptions, write_report

        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the monthly progress report"),
            f"{word('title.progress')}-{self.chosen_month():%Y-%m}.xlsx",
            self.tr("Excel workbook (*.xlsx)"),
        )
        if not path:
            return None
        try:
            self.written = write_report(
                self.db, "progress", Path(path), ReportOptions(month=self.chosen_month())
            )
        except (LedgerError, OSError) as exc:
            ask.warn(self, self.windowTitle(), str(exc))
            return None
        ask.inform(
            self, self.windowTitle(), self.tr("Written: %1").replace("%1", str(self.written))
        )
        self.accept()
        return self.written
