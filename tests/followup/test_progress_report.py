"""The monthly progress report: its figures, formats and print settings, and the command."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest

from db.engine import Database
from db.services import projects
from db.services.projects import ProgressData
from desktop.cli import main
from tests.factories import enterprise, project_data
from tests.reports.helpers import (
    as_decimal,
    column_of,
    data_rows,
    export,
    find_rows,
    header_row,
    set_reporting_unit,
)


@pytest.fixture
def month_db(db: Database) -> dict[str, int]:
    """Four projects around December 2024: one moving on, one silent, one new, one ended."""
    with db.write() as s:
        firm = enterprise(s)
        made = {}
        for key, name, signed, amount in [
            ("moving", "推进项目", date(2024, 10, 8), 1000),
            ("silent", "停滞项目", date(2024, 9, 1), 2000),
            ("new", "新签项目", date(2024, 12, 12), 3000),
            ("ended", "早已终止", date(2024, 1, 1), 4000),
            ("later", "次年签约", date(2025, 1, 5), 5000),
        ]:
            made[key] = projects.create(
                s, project_data(s, firm, name=name, signed_date=signed, investment=amount)
            ).id
        log = [
            ("moving", date(2024, 11, 2), "registered", "完成注册", None, 100),
            ("moving", date(2024, 12, 3), "construction", "开工建设", "用地指标待协调", 400),
            ("moving", date(2024, 12, 20), "production", "试生产", "用工缺口", 600),
            ("moving", date(2025, 1, 9), "target", "达产", None, 900),
            ("silent", date(2024, 11, 30), "registered", "完成备案", "旧问题", 50),
            ("ended", date(2024, 5, 1), "terminated", "投资方撤回", None, None),
        ]
        for key, day, stage, text, problems, funds in log:
            projects.add_progress(s, made[key], ProgressData(day, stage, text, problems, funds))
    set_reporting_unit(db)
    return made


def _by_name(ws) -> dict[str, dict]:
    heads = [c.value for c in ws[header_row(ws)]]
    return {r[1]: dict(zip(heads, r, strict=False)) for r in data_rows(ws)}


def test_stages_entries_problems_and_funds_of_the_month(db, month_db, tmp_path):
    wb = export(db, "progress", tmp_path, lang="zh", month=date(2024, 12, 1))
    ws = wb["推进情况"]
    assert ws["A1"].value == "重点项目推进情况月报（2024年12月）"
    rows = _by_name(ws)
    assert set(rows) == {"推进项目", "停滞项目", "新签项目"}  # not the ended, not the later
    moving = rows["推进项目"]
    assert (moving["月初阶段"], moving["月末阶段"]) == ("落地", "投产")
    assert moving["本月进展情况"] == "12-03 开工：开工建设\n12-20 投产：试生产"
    assert moving["需协调解决的问题"] == "用地指标待协调\n用工缺口"
    assert as_decimal(moving["月末到位资金（万元）"]) == Decimal("600.00")
    silent = rows["停滞项目"]
    assert (silent["月初阶段"], silent["月末阶段"]) == ("落地", "落地")
    assert silent["本月进展情况"] == "本月无进展记录" and silent["需协调解决的问题"] is None
    assert rows["新签项目"]["月初阶段"] == "本月签约"
    assert rows["新签项目"]["月末阶段"] == "签约"
    summary = ws.cell(3, 1).value
    assert "本月有进展的项目 1 个" in summary and "推进阶段的项目 1 个" in summary


def test_subtotals_total_and_number_formats(db, month_db, tmp_path):
    ws = export(db, "progress", tmp_path, lang="zh", month=date(2024, 12, 1))["推进情况"]
    inv = column_of(ws, "签约金额（万元）")
    funds = column_of(ws, "月末到位资金（万元）")
    (total,) = find_rows(ws, "合计")
    assert total[1] == "共 3 个项目"
    assert as_decimal(total[inv]) == Decimal("6000.00")
    assert as_decimal(total[funds]) == Decimal("650.00")
    subtotals = {r[1]: as_decimal(r[inv]) for r in find_rows(ws, "小计")}
    assert subtotals == {
        "签约": Decimal("3000.00"),
        "落地": Decimal("2000.00"),
        "投产": Decimal("1000.00"),
    }
    groups = [r[0] for r in ws.iter_rows(values_only=True) if r[0] and "（" in str(r[0])]
    assert "签约（1）" in groups and "落地（1）" in groups and "投产（1）" in groups
    first = header_row(ws) + 2  # under the first group heading
    cell = ws.cell(first, inv + 1)
    assert cell.data_type == "n" and cell.number_format == "#,##0.00"
    assert ws.cell(first, 1).value == 1
    assert ws.cell(2, 10).value == "单位：万元"
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.print_title_rows == f"${header_row(ws)}:${header_row(ws)}"
    assert ws.freeze_panes == f"A{header_row(ws) + 1}"
    assert ws.oddFooter.center.text == "第 &P 页 共 &N 页"
    assert any("制表人" in str(r[0]) for r in ws.iter_rows(values_only=True) if r[0])


def test_stage_counts_sheet(db, month_db, tmp_path):
    ws = export(db, "progress", tmp_path, lang="zh", month=date(2024, 12, 1))["阶段统计"]
    rows = {r[0]: r[1:] for r in ws.iter_rows(min_row=header_row(ws) + 1, values_only=True)}
    # at the start: moving and silent registered (new not yet signed); at the end: see above
    assert rows["签约"][:2] == (0, 1)
    assert rows["落地"][:2] == (2, 1)
    assert rows["投产"][:2] == (0, 1)
    assert rows["终止"][:2] == (0, 0)
    assert rows["合计"][:2] == (2, 3)
    assert as_decimal(rows["合计"][2]) == Decimal("6000.00")
    assert as_decimal(rows["投产"][3]) == Decimal("600.00")


def test_export_command_with_month(db, db_path, month_db, tmp_path, capsys):
    target = tmp_path / "月报.xlsx"
    code = main(
        ["--db", str(db_path), "export", "progress", "--month", "2025-01", "-o", str(target)]
    )
    assert code == 0 and target.is_file()
    ws = openpyxl.load_workbook(target).worksheets[0]
    rows = _by_name(ws)
    assert "次年签约" in rows and rows["推进项目"]["Stage at end"] == "At target output"
    assert (
        main(["--db", str(db_path), "export", "progress", "--month", "2025-13", "-o", str(target)])
        == 1
    )
    assert "--month: “2025-13” is not a month" in capsys.readouterr().err
