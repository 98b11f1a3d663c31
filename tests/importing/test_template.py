"""Templates: headers in the program's language, drop-downs, formats, instructions."""

from __future__ import annotations

import openpyxl
import pytest

from db.lang import set_language
from desktop.cli import main
from desktop.importing.columns import KINDS, SPECS
from desktop.importing.workbook import read_sheet


def _validations(ws) -> dict[str, object]:
    """First cell of each validated range -> its DataValidation."""
    out = {}
    for dv in ws.data_validations.dataValidation:
        for ref in str(dv.sqref).split():
            out[ref.split(":")[0]] = dv
    return out


def _list_values(wb, formula: str) -> list[str]:
    sheet, cells = formula.lstrip("=").split("!")
    ws = wb[sheet.strip("'")]
    first, last = cells.replace("$", "").split(":")
    return [c.value for row in ws[first:last] for c in row]


def test_project_template_in_chinese(db, db_path, tmp_path, capsys):
    set_language("zh")
    out = tmp_path / "projects.xlsx"
    assert main(["--db", str(db_path), "--lang", "zh", "template", "projects", "-o", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["重点项目", "选项", "填写说明"]
    ws = wb["重点项目"]
    headers = [c.value for c in ws[1]]
    assert headers[:4] == ["项目名称*", "项目编号", "投资方*", "投资方来源*"]
    assert "签约金额（万元）*" in headers and "推进阶段" in headers
    assert ws["A1"].font.bold and ws["A1"].font.color.rgb.endswith("C00000")
    assert not ws["B1"].font.color or not ws["B1"].font.color.rgb.endswith("C00000")
    assert ws.freeze_panes == "A2"
    assert wb["选项"].sheet_state == "hidden"

    col = {h.rstrip("*"): openpyxl.utils.get_column_letter(i) for i, h in enumerate(headers, 1)}
    assert ws[f"{col['签约日期']}2"].number_format == "yyyy-mm-dd"
    assert ws[f"{col['签约金额（万元）']}2"].number_format == "#,##0.00"
    assert ws[f"{col['联系电话']}2"].number_format == "@"  # keeps a leading 0

    checks = _validations(ws)
    fields = checks[f"{col['产业领域']}2"]
    assert fields.type == "list"
    assert _list_values(wb, fields.formula1) == [
        "先进材料",
        "智能装备",
        "新能源",
        "新能源汽车",
        "智能网联汽车",
        "生物医药",
        "数字经济",
        "其他",
    ]
    assert _list_values(wb, checks[f"{col['推进阶段']}2"].formula1) == [
        "签约",
        "落地",
        "开工",
        "投产",
        "达效",
        "终止",
    ]
    assert _list_values(wb, checks[f"{col['项目类型']}2"].formula1) == ["新建", "增资扩产"]
    assert checks[f"{col['签约日期']}2"].type == "date"
    assert checks[f"{col['签约金额（万元）']}2"].type == "decimal"
    assert fields.errorStyle == "warning"  # codes and English names are accepted too
    assert fields.showErrorMessage and "编码、英文名称" in fields.error

    notes = wb["填写说明"]
    assert notes["A1"].value == "重点项目导入模板"
    rows = {r[0].value: (r[1].value, r[2].value) for r in notes.iter_rows(min_row=5)}
    assert rows["投资方*"][0] == "是" and "新建" in rows["投资方*"][1]
    assert "先进材料" in rows["产业领域*"][1]


def test_reference_lists_follow_the_database(demo_db, tmp_path):
    from desktop.importing.template import write_template

    out = write_template(demo_db, "projects", tmp_path / "p.xlsx")
    wb = openpyxl.load_workbook(out)
    ws = wb["Project"]
    headers = [c.value for c in ws[1]]
    letter = openpyxl.utils.get_column_letter(headers.index("Signed at") + 1)
    meetings = _list_values(wb, _validations(ws)[f"{letter}2"].formula1)
    assert "川渝自贸协同开放示范区产业对接会" in meetings


@pytest.mark.parametrize("kind", KINDS)
def test_every_template_is_recognised_by_the_import(db, tmp_path, kind):
    """Each kind's template, once a row is filled in, is found and fully mapped."""
    from desktop.importing.template import write_template

    out = write_template(db, kind, tmp_path / f"{kind}.xlsx", [["x"] * len(SPECS[kind].columns)])
    sheet = read_sheet(out, kind)
    assert sheet.header_row == 1
    assert sorted(sheet.mapping.values()) == sorted(c.key for c in SPECS[kind].columns)
    assert sheet.headers[0] == SPECS[kind].columns[0].header()  # the required mark is dropped


def test_template_to_a_folder_that_does_not_exist(db_path, tmp_path, capsys):
    out = tmp_path / "missing" / "t.xlsx"
    assert main(["--db", str(db_path), "template", "units", "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "Cannot write" in err and "Traceback" not in err
    assert not out.exists()


def test_the_instructions_sheet_is_never_read_as_data(db, tmp_path):
    """It lists the column names one per row; a wrong kind is told which columns are missing."""
    from desktop.importing.importer import missing_columns
    from desktop.importing.template import write_template

    out = write_template(
        db, "projects", tmp_path / "p.xlsx", [["x"] * len(SPECS["projects"].columns)]
    )
    sheet = read_sheet(out, "progress")
    assert sheet.sheet == "Project" and sheet.header_row == 1
    missing = {p.column for p in missing_columns(sheet)}
    assert missing == {"Date", "What happened"}  # its "Stage" column fills "Stage reached"
