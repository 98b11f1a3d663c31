"""File ▸ Import from Excel: pick a file, map its headers, confirm new units, check, import.

The wizard only drives desktop.importing (which knows nothing of Qt): the check
page is a dry run of the very import the last page performs, so what the clerk
saw is what gets written, all or nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QStandardPaths, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from db.engine import Database
from db.errors import LedgerError
from db.labels import label
from db.lang import pick
from desktop.importing.columns import KINDS, SPECS
from desktop.importing.convert import CellReader, Problem, UnitPolicy, unknown_units
from desktop.importing.importer import ImportOptions, ImportReport, missing_columns, run_import
from desktop.importing.lookups import Lookups
from desktop.importing.marking import write_marked_copy
from desktop.importing.summary import summary_lines
from desktop.importing.template import write_template
from desktop.importing.workbook import SheetData, read_sheet
from desktop.widgets.background import run_with_progress

XLSX_FILTER = "Excel (*.xlsx *.xlsm);;*"


def zh_en(zh: str, en: str) -> str:
    """The UI text in the current language (db.lang)."""
    return pick(zh, en)


def _error_label(parent: QWidget) -> QLabel:
    error = QLabel(parent)
    error.setProperty("role", "error")
    error.setWordWrap(True)
    error.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return error


def _documents() -> Path:
    start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(start or Path.home())


class ProblemModel(QAbstractTableModel):
    """The problems of a check: sheet, row, column, value, what is wrong."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.problems: list[Problem] = []
        self.headers = [
            zh_en("工作表", "Sheet"),
            zh_en("行", "Row"),
            zh_en("列", "Column"),
            zh_en("值", "Value"),
            zh_en("问题", "Problem"),
        ]

    def set_problems(self, problems: list[Problem]) -> None:
        self.beginResetModel()
        self.problems = list(problems)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.problems)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return None
        p = self.problems[index.row()]
        return (p.sheet, p.row, p.column, p.value, p.message)[index.column()]

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None


class FilePage(QWizardPage):
    """Which kind of records, from which workbook (and a blank template to start from)."""

    def __init__(self, wizard: ImportWizard, kind: str | None) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(zh_en("选择文件", "Choose the workbook"))
        self.setSubTitle(
            zh_en(
                "表头可以在前 20 行中的任意一行，中英文均可。",
                "The headers may be in any of the first 20 rows, in Chinese or English.",
            )
        )
        self.kind = QComboBox(self)
        for key in KINDS:
            self.kind.addItem(label(SPECS[key].record_label), key)
        if kind in KINDS:
            self.kind.setCurrentIndex(KINDS.index(kind))
        self.path = QLineEdit(self)
        self.path.setPlaceholderText(zh_en("Excel 工作簿（.xlsx）", "An Excel workbook (.xlsx)"))
        self.path.textChanged.connect(self.completeChanged)
        browse = QPushButton(zh_en("浏览…", "Browse…"), self)
        browse.clicked.connect(self.browse)
        template = QPushButton(zh_en("保存空白模板…", "Save a blank template…"), self)
        template.clicked.connect(lambda: self.save_template())
        self.error = _error_label(self)
        row = QHBoxLayout()
        row.addWidget(self.path, 1)
        row.addWidget(browse)
        form = QFormLayout(self)
        form.addRow(zh_en("记录类型：", "Records:"), self.kind)
        form.addRow(zh_en("文件：", "File:"), row)
        form.addRow("", template)
        form.addRow(self.error)

    def current_kind(self) -> str:
        return self.kind.currentData()

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, zh_en("选择工作簿", "Choose a workbook"), str(_documents()), XLSX_FILTER
        )
        if path:
            self.path.setText(path)

    def save_template(self, path: str | None = None) -> Path | None:
        kind = self.current_kind()
        if path is None:
            name = str(_documents() / f"{label(SPECS[kind].record_label)}.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self, zh_en("保存模板", "Save the template"), name, XLSX_FILTER
            )
            if not path:
                return None
        try:
            saved = write_template(self.wiz.db, kind, Path(path))
        except LedgerError as exc:
            self.error.setText(str(exc))
            return None
        self.error.setText(zh_en("模板已保存：%1", "Template saved: %1").replace("%1", str(saved)))
        return saved

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.path.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        self.error.clear()
        try:
            self.wiz.sheet = read_sheet(
                self.path.text().strip(), self.current_kind(), unmatched_ok=True
            )
        except LedgerError as exc:
            self.error.setText(str(exc))
            return False
        return True


class MappingPage(QWizardPage):
    """Each header of the file and the column it fills; unmatched ones can be mapped here."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(zh_en("核对表头", "Check the headers"))
        self.table = QTableWidget(0, 2, self)
        self.table.setHorizontalHeaderLabels(
            [zh_en("文件中的表头", "Header in the file"), zh_en("导入为", "Imports as")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.combos: list[tuple[int, QComboBox]] = []
        self.error = _error_label(self)
        layout = QVBoxLayout(self)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.error)

    def initializePage(self) -> None:  # noqa: N802
        sheet = self.wiz.sheet
        spec = sheet.spec
        self.intro.setText(
            zh_en(
                "工作表“%1”，表头在第 %2 行，共 %3 行数据。未识别的表头可在右侧选择对应的列；选“（不导入）”则忽略该列。",
                "Sheet “%1”, headers in row %2, %3 data rows. Choose the column an unrecognised header fills, or “(skip)” to leave it out.",
            )
            .replace("%1", sheet.sheet)
            .replace("%2", str(sheet.header_row))
            .replace("%3", str(len(sheet.rows)))
        )
        self.error.clear()
        self.combos = []
        shown = [(i, h) for i, h in enumerate(sheet.headers) if h]
        self.table.setRowCount(len(shown))
        for row, (index, header) in enumerate(shown):
            item = QTableWidgetItem(header)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            if index not in sheet.mapping:
                font = item.font()
                font.setBold(True)  # the ones that need the clerk's eye
                item.setFont(font)
            self.table.setItem(row, 0, item)
            combo = QComboBox(self.table)
            combo.addItem(zh_en("（不导入）", "(skip)"), None)
            for col in spec.columns:
                combo.addItem(col.header() + (" *" if col.required else ""), col.key)
            current = sheet.mapping.get(index)
            combo.setCurrentIndex(combo.findData(current) if current else 0)
            self.table.setCellWidget(row, 1, combo)
            self.combos.append((index, combo))

    def chosen_mapping(self) -> dict[int, str]:
        return {i: combo.currentData() for i, combo in self.combos if combo.currentData()}

    def set_column(self, header: str, key: str | None) -> None:
        """Map the file's header to a column key (what a clerk does with the combo box)."""
        for index, combo in self.combos:
            if self.wiz.sheet.headers[index] == header:
                combo.setCurrentIndex(combo.findData(key) if key else 0)
                return
        raise KeyError(header)

    def validatePage(self) -> bool:  # noqa: N802
        mapping = self.chosen_mapping()
        keys = list(mapping.values())
        twice = sorted({k for k in keys if keys.count(k) > 1})
        if twice:
            names = "、".join(self.wiz.sheet.spec.column(k).header() for k in twice)
            self.error.setText(
                zh_en("以下列被选了不止一次：%1", "Chosen for more than one header: %1").replace(
                    "%1", names
                )
            )
            return False
        self.wiz.sheet.mapping = mapping
        missing = missing_columns(self.wiz.sheet)
        if missing:
            self.error.setText("\n".join(p.message for p in missing))
            return False
        return True


class UnitsPage(QWizardPage):
    """Units named in the file that the ledger does not have yet: create them, or not."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(zh_en("新单位", "New units"))
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.names = QListWidget(self)
        self.create_units = QCheckBox(
            zh_en("导入时新建这些单位", "Create these units with the import"), self
        )
        self.create_units.setChecked(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.names, 1)
        layout.addWidget(self.create_units)

    def initializePage(self) -> None:  # noqa: N802
        with self.wiz.db.session() as session:
            reader = CellReader(session, self.wiz.sheet, Lookups(session), UnitPolicy())
            found = unknown_units(reader)
        self.names.clear()
        self.names.addItems([name for name, _kind in found])
        if found:
            self.intro.setText(
                zh_en(
                    "文件中有 %1 个单位在台账中找不到（按全称和简称查找）。请核对名称：如不新建，这些行将报错。",
                    "%1 units in the file are not in the ledger (by name or short name). Check the names: if they are not created, their rows are reported as problems.",
                ).replace("%1", str(len(found)))
            )
        else:
            self.intro.setText(
                zh_en("文件中的单位都已在台账中。", "Every unit in the file is in the ledger.")
            )
        self.create_units.setVisible(bool(found))


class CheckPage(QWizardPage):
    """A dry run of the import: every problem in a table, or what would be added."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(zh_en("检查", "Check"))
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, zh_en("导入", "Import"))
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress = QProgressBar(self)
        self.model = ProblemModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.mark = QPushButton(
            zh_en("保存标出问题的副本…", "Save a copy with the problems marked…"), self
        )
        self.mark.clicked.connect(lambda: self.save_marked_copy())
        self.report: ImportReport | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.mark, 0, Qt.AlignmentFlag.AlignLeft)

    def initializePage(self) -> None:  # noqa: N802
        self.report = self.wiz.run(dry_run=True, progress=self.progress)
        lines = summary_lines(self.wiz.sheet, self.report)
        has_problems = bool(self.report.problems)
        self.summary.setText("\n".join(lines[:2] if has_problems else lines))
        self.model.set_problems(self.report.problems)
        self.table.setVisible(has_problems)
        self.mark.setVisible(has_problems)
        self.table.resizeColumnsToContents()
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.report is not None and not self.report.problems and self.report.added > 0

    def save_marked_copy(self, path: str | None = None) -> Path | None:
        if self.report is None or not self.report.problems:
            return None
        if path is None:
            source = Path(self.wiz.sheet.path)
            suggested = source.with_name(f"{source.stem}-{zh_en('问题', 'problems')}.xlsx")
            path, _ = QFileDialog.getSaveFileName(
                self, zh_en("保存副本", "Save the marked copy"), str(suggested), XLSX_FILTER
            )
            if not path:
                return None
        try:
            saved = write_marked_copy(self.wiz.sheet, self.report.problems, path)
        except LedgerError as exc:
            self.summary.setText(str(exc))
            return None
        self.summary.setText(
            self.summary.text() + "\n" + zh_en("副本：%1", "Copy: %1").replace("%1", str(saved))
        )
        return saved


class DonePage(QWizardPage):
    """The import itself, and what it did."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.wiz = wizard
        self.setTitle(zh_en("导入结果", "Imported"))
        self.progress = QProgressBar(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addStretch(1)
        self.report: ImportReport | None = None

    def initializePage(self) -> None:  # noqa: N802
        self.report = self.wiz.run(dry_run=False, progress=self.progress)
        self.summary.setText("\n".join(summary_lines(self.wiz.sheet, self.report)))


class ImportWizard(QWizard):
    """Import records from an Excel workbook, all or nothing."""

    def __init__(self, db: Database, kind: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.db = db
        self.sheet: SheetData | None = None
        self.setWindowTitle(zh_en("从 Excel 导入", "Import from Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage)
        for button, zh, en in (
            (QWizard.WizardButton.BackButton, "< 上一步", "< Back"),
            (QWizard.WizardButton.NextButton, "下一步 >", "Next >"),
            (QWizard.WizardButton.CancelButton, "取消", "Cancel"),
            (QWizard.WizardButton.FinishButton, "完成", "Finish"),
        ):
            self.setButtonText(button, zh_en(zh, en))
        self.file_page = FilePage(self, kind)
        self.mapping_page = MappingPage(self)
        self.units_page = UnitsPage(self)
        self.check_page = CheckPage(self)
        self.done_page = DonePage(self)
        for page in (
            self.file_page,
            self.mapping_page,
            self.units_page,
            self.check_page,
            self.done_page,
        ):
            self.addPage(page)
        self.resize(820, 560)

    def run(self, *, dry_run: bool, progress: QProgressBar) -> ImportReport:
        """The import (or its dry run) off the GUI thread; past half a second a
        progress dialog with Cancel (the import then stops and saves nothing)."""
        create_units = self.units_page.create_units.isChecked()

        def work(step) -> ImportReport:
            options = ImportOptions(dry_run=dry_run, create_units=create_units, progress=step)
            return run_import(self.db, self.sheet, options)

        title = zh_en("检查", "Checking") if dry_run else zh_en("导入", "Importing")
        report = run_with_progress(self, title, work)
        progress.setMaximum(1)
        progress.setValue(1)
        return report
