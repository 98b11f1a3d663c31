"""Every report follows the printed-report conventions (DESIGN.md)."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl.utils import get_column_letter

from db.version import program_version
from desktop.reports import REPORT_NAMES
from desktop.reports.words import word
from tests.reports.helpers import REPORTING_UNIT, as_date, export, set_reporting_unit

LIST_SHEETS = {"meetings", "cases", "projects", "alliances", "units", "ledger"}


@pytest.fixture
def demo_zh(demo_db):
    set_reporting_unit(demo_db)
    return demo_db


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_page_setup_of_every_sheet(demo_zh, tmp_path, name):
    wb = export(demo_zh, name, tmp_path, lang="zh", meeting_id=1)
    for ws in wb.worksheets:
        assert ws.page_setup.orientation == "landscape", ws.title
        assert int(ws.page_setup.paperSize) == 9, ws.title  # A4
        assert ws.page_setup.fitToWidth == 1
        assert ws.page_setup.fitToHeight == 0
        assert ws.sheet_properties.pageSetUpPr.fitToPage is True
        assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
        assert ws.print_title_rows, ws.title


@pytest.mark.parametrize("name", REPORT_NAMES)
def test_title_reporting_line_and_signatures(demo_zh, tmp_path, name):
    wb = export(demo_zh, name, tmp_path, lang="zh", meeting_id=1)
    for ws in wb.worksheets:
        last_col = get_column_letter(ws.max_column)
        assert f"A1:{last_col}1" in {str(r) for r in ws.merged_cells.ranges}, ws.title
        assert ws["A1"].font.b is True
        assert ws["A1"].font.name == "等线"  # a CJK font Office on Windows has
        assert ws["A1"].value
        row2 = [c.value for c in ws[2]]
        assert f"填报单位：{REPORTING_UNIT}" in row2
        dates = [c for c in ws[2] if getattr(c, "is_date", False)]
        assert dates and as_date(dates[0].value) == date.today()
        assert dates[0].number_format == "yyyy-mm-dd"
        texts = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
        assert any(t.startswith("制表人：") and "审核人：" in t and "负责人：" in t for t in texts)
        printed = next(r for r in ws.iter_rows() if r[0].value == "打印日期：")
        printed_dates = [c for c in printed if getattr(c, "is_date", False)]
        assert [as_date(c.value) for c in printed_dates] == [date.today()]
        # the signature line sits under everything else
        sign_row = next(r[0].row for r in ws.iter_rows() if str(r[0].value).startswith("制表人"))
        assert sign_row >= ws.max_row - 2


@pytest.mark.parametrize("name", sorted(LIST_SHEETS))
def test_list_sheet_header_frozen_filtered_and_repeated(demo_zh, tmp_path, name):
    ws = export(demo_zh, name, tmp_path, lang="zh").worksheets[0]
    assert ws.print_title_rows == "$3:$3"
    assert ws["A3"].value == "序号"
    assert ws["A3"].font.b is True
    assert ws.freeze_panes == "A4"
    assert ws.auto_filter.ref.startswith("A3:")
    # widths follow the content: a CJK name is wider than its ASCII length
    widths = [ws.column_dimensions[get_column_letter(i)].width for i in range(1, ws.max_column + 1)]
    assert all(w and w >= 6 for w in widths)


def test_amount_unit_only_where_amounts_appear(demo_zh, tmp_path):
    projects = export(demo_zh, "projects", tmp_path, lang="zh").worksheets[0]
    units = export(demo_zh, "units", tmp_path, lang="zh").worksheets[0]
    assert "单位：万元" in [c.value for c in projects[2]]
    assert "单位：万元" not in [c.value for c in units[2]]


def test_cjk_text_counts_double_in_column_width(demo_zh, tmp_path):
    ws = export(demo_zh, "units", tmp_path, lang="zh").worksheets[0]
    names = [r[1] for r in ws.iter_rows(min_row=4, values_only=True) if isinstance(r[0], int)]
    widest = max(len(n) for n in names)
    assert ws.column_dimensions["B"].width >= min(2 * widest, 40)


def test_workbook_properties(demo_zh, tmp_path):
    wb = export(demo_zh, "ledger", tmp_path, lang="zh")
    assert wb.properties.title == "重点项目台账"
    assert "FTZ Ledger" in wb.properties.creator
    assert wb.properties.version == program_version()


def test_english_report_uses_english_words(demo_db, tmp_path):
    ws = export(demo_db, "projects", tmp_path, lang="en").worksheets[0]
    assert ws["A1"].value == word("title.projects", "en")
    assert ws["A3"].value == "No."
    assert ws.oddFooter.center.text == "Page &P of &N"
    headers = [c.value for c in ws[3]]
    assert "Contracted (万元)" in headers


def test_report_language_is_restored(demo_db, tmp_path):
    from db.lang import current_language

    assert current_language() == "en"
    ws = export(demo_db, "units", tmp_path, lang="zh").worksheets[0]
    assert ws["A1"].value == "单位一览表"
    assert current_language() == "en"


def test_very_long_text_keeps_rows_within_excel_limits(db, tmp_path):
    from db.services import cases, reference

    with db.write() as session:
        category = reference.id_by_code(session, "case_category", "finance")
        cases.create(
            session,
            cases.CaseData(
                title="长文本案例", category_id=category, scope="joint", summary="长" * 20000
            ),
        )
    ws = export(db, "cases-compendium", tmp_path, lang="zh").worksheets[0]
    row = next(r for r in ws.iter_rows(min_row=4) if r[1].value == "长文本案例")
    assert len(row[-1].value) == 20000
    assert ws.row_dimensions[row[0].row].height <= 409
    assert ws.column_dimensions["L"].width <= 40


def test_default_file_name_for_the_save_dialog():
    from desktop.reports import default_file_name

    assert default_file_name("ledger", "zh") == f"重点项目台账-{date.today():%Y-%m-%d}.xlsx"
    for name in REPORT_NAMES:
        assert default_file_name(name, "en").endswith(".xlsx")
