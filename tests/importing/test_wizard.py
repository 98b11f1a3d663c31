"""The import wizard, driven like a clerk would (pytest-qt, offscreen, no modal boxes)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select

from db.models import Project, Unit
from desktop.dialogs.import_wizard import ImportWizard
from tests.factories import snapshot
from tests.importing.helpers import PROJECT_HEADERS, project_row, write_book

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _count(db, model) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count(model.id))).scalar_one()


@pytest.fixture
def wizard(qtbot, db):
    wiz = ImportWizard(db, kind="projects")
    qtbot.addWidget(wiz)
    wiz.show()
    return wiz


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"import_wizard_{name}.png"))


def _open(wiz: ImportWizard, path: Path) -> None:
    wiz.file_page.path.setText(str(path))
    assert wiz.file_page.isComplete()
    wiz.next()


def test_the_clerk_maps_an_unknown_header_confirms_units_and_imports(wizard, db, tmp_path):
    headers = PROJECT_HEADERS.copy()
    headers[1] = "签约企业全称"  # no column is called that: the clerk maps it
    rows = [project_row(i) for i in range(12)]
    path = write_book(tmp_path / "p.xlsx", headers, rows, above=[["2024年签约项目"]])
    _open(wizard, path)
    assert wizard.currentPage() is wizard.mapping_page
    assert "headers in row 2" in wizard.mapping_page.intro.text()
    assert wizard.sheet.mapping.get(1) is None
    _shot(wizard, "mapping")
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page  # the investor column is required
    assert "Investor" in wizard.mapping_page.error.text()

    wizard.mapping_page.set_column("签约企业全称", "investor")
    wizard.next()
    assert wizard.currentPage() is wizard.units_page
    names = [wizard.units_page.names.item(i).text() for i in range(wizard.units_page.names.count())]
    assert sorted(names) == sorted(f"测试企业{i}有限公司" for i in range(7))
    _shot(wizard, "units")
    wizard.next()
    assert wizard.currentPage() is wizard.check_page
    assert wizard.check_page.isComplete()
    assert "12 Project records would be imported" in wizard.check_page.summary.text()
    assert _count(db, Project) == 0  # the check wrote nothing
    wizard.next()
    assert wizard.currentPage() is wizard.done_page
    assert "Imported 12 Project records" in wizard.done_page.summary.text()
    assert _count(db, Project) == 12 and _count(db, Unit) == 7
    _shot(wizard, "done")


def test_problems_are_listed_in_a_table_and_block_the_import(wizard, db, tmp_path):
    rows = [project_row(i) for i in range(30)]
    rows[4][6] = "2024年13月1日"
    rows[20][3] = "航天"
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows, title="签约项目")
    before = snapshot(db)
    _open(wizard, path)
    wizard.next()
    wizard.next()
    page = wizard.check_page
    assert wizard.currentPage() is page and not page.isComplete()
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    model = page.model
    assert model.rowCount() == 2
    cells = [[model.data(model.index(r, c)) for c in range(5)] for r in range(2)]
    assert cells[0][:4] == ["签约项目", 6, "签约日期", "2024年13月1日"]
    assert cells[1][:4] == ["签约项目", 22, "产业领域", "航天"]
    assert "must be a date" in cells[0][4]
    assert model.headerData(1, page.table.horizontalHeader().orientation()) == "Row"
    _shot(wizard, "problems")

    marked = page.save_marked_copy(str(tmp_path / "marked.xlsx"))
    ws = openpyxl.load_workbook(marked)["签约项目"]
    assert ws["G6"].comment is not None and ws["D22"].comment is not None
    assert snapshot(db) == before


def test_refusing_new_units_turns_them_into_problems(wizard, db, tmp_path):
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, [project_row(0)])
    _open(wizard, path)
    wizard.next()
    wizard.units_page.create_units.setChecked(False)
    wizard.next()
    assert [p.column for p in wizard.check_page.report.problems] == ["投资方"]
    assert _count(db, Unit) == 0


def test_a_bad_file_is_explained_on_the_page(wizard, tmp_path):
    path = tmp_path / "old.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    _open(wizard, path)
    assert wizard.currentPage() is wizard.file_page
    assert "97-2003" in wizard.file_page.error.text()
    _shot(wizard, "bad_file")


def test_the_first_page_saves_a_template(wizard, tmp_path):
    wizard.file_page.kind.setCurrentIndex(0)  # units
    saved = wizard.file_page.save_template(str(tmp_path / "units.xlsx"))
    assert openpyxl.load_workbook(saved).sheetnames[0] == "Unit"
    assert str(saved) in wizard.file_page.error.text()


def test_the_wizard_without_a_kind_starts_on_the_first(qtbot, db):
    wiz = ImportWizard(db, kind=None)
    qtbot.addWidget(wiz)
    assert wiz.file_page.current_kind() == "units"
    assert not wiz.file_page.isComplete()


def test_the_wizard_speaks_chinese(qtbot, db, tmp_path):
    from db.lang import set_language

    set_language("zh")
    wiz = ImportWizard(db, kind="projects")
    qtbot.addWidget(wiz)
    wiz.show()
    rows = [project_row(i) for i in range(3)]
    rows[1][5] = "两千万"
    _open(wiz, write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows))
    assert "表头在第 1 行" in wiz.mapping_page.intro.text()
    wiz.next()
    wiz.next()
    assert (
        wiz.check_page.model.headerData(4, wiz.check_page.table.horizontalHeader().orientation())
        == "问题"
    )
    assert "必须是数字" in wiz.check_page.model.problems[0].message
    _shot(wiz, "problems_zh")


def test_headers_that_match_nothing_can_all_be_mapped_by_hand(wizard, db, tmp_path):
    headers = ["名字", "老板", "从哪来", "行业", "类型", "钱", "哪天"]
    path = write_book(tmp_path / "p.xlsx", headers, [project_row(0), project_row(1)])
    _open(wizard, path)
    assert wizard.currentPage() is wizard.mapping_page
    assert wizard.sheet.mapping == {}
    keys = [
        "name",
        "investor",
        "investor_origin",
        "field",
        "project_type",
        "investment",
        "signed_date",
    ]
    for header, key in zip(headers, keys, strict=True):
        wizard.mapping_page.set_column(header, key)
    wizard.next()
    wizard.next()
    assert wizard.check_page.isComplete()
    wizard.next()
    assert _count(db, Project) == 2


def test_two_headers_for_one_column_are_refused(wizard, tmp_path):
    path = write_book(tmp_path / "p.xlsx", [*PROJECT_HEADERS, "备注"], [project_row(0) + ["x"]])
    _open(wizard, path)
    wizard.mapping_page.set_column("备注", "name")
    wizard.next()
    assert wizard.currentPage() is wizard.mapping_page
    assert "more than one header" in wizard.mapping_page.error.text()
