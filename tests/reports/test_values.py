"""Report values and totals agree with the database; numbers and dates keep their types."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select

from db.models import AllianceMember, Case, Meeting, Project
from db.queries import lists
from db.queries.details import meeting_detail
from tests.reports.helpers import (
    add_projects,
    as_date,
    as_decimal,
    column_of,
    data_rows,
    db_total,
    export,
    find_rows,
    rows_after_header,
)


def _sum(values) -> Decimal:
    return sum((as_decimal(v) for v in values if v is not None), Decimal("0.00"))


def test_projects_list_matches_database_and_totals(demo_db, tmp_path):
    ws = export(demo_db, "projects", tmp_path, lang="zh").worksheets[0]
    inv, funds = column_of(ws, "签约金额（万元）"), column_of(ws, "到位资金（万元）")
    signed = column_of(ws, "签约日期")
    rows = data_rows(ws)
    with demo_db.read() as conn:
        expected = lists.list_rows(conn, "projects")
    assert [r[1] for r in rows] == [e["name"] for e in expected]
    assert [r[0] for r in rows] == list(range(1, len(expected) + 1))
    assert [as_decimal(r[inv]) for r in rows] == [as_decimal(e["investment"]) for e in expected]
    (total,) = find_rows(ws, "合计")
    assert (
        as_decimal(total[inv])
        == _sum(r[inv] for r in rows)
        == db_total(demo_db, Project.investment)
    )
    assert as_decimal(total[funds]) == _sum(r[funds] for r in rows)
    cell = ws.cell(row=4, column=inv + 1)
    assert cell.data_type == "n" and cell.number_format == "#,##0.00"
    date_cell = ws.cell(row=4, column=signed + 1)
    assert date_cell.is_date and date_cell.number_format == "yyyy-mm-dd"
    assert as_date(date_cell.value) == date(2024, 12, 12)


def test_list_follows_the_clerks_ids_and_columns(demo_db, tmp_path):
    with demo_db.read() as conn:
        ids = lists.list_ids(conn, "projects", sort=[("investment", True)])[:4]
    chosen = list(reversed(ids))
    ws = export(
        demo_db, "projects", tmp_path, lang="zh", ids=chosen, columns=["investment", "name"]
    ).worksheets[0]
    assert [c.value for c in ws[3]] == ["序号", "签约金额（万元）", "项目名称"]
    with demo_db.read() as conn:
        rows = lists.fetch_rows(conn, "projects", chosen)
    assert [r[2] for r in data_rows(ws)] == [rows[i]["name"] for i in chosen]
    (total,) = find_rows(ws, "合计")
    assert as_decimal(total[1]) == _sum(rows[i]["investment"] for i in chosen)


def test_list_filter_by_year(demo_db, tmp_path):
    add_projects(demo_db, 3, year=2023)
    ws = export(demo_db, "projects", tmp_path, lang="zh", year=2023).worksheets[0]
    names = [r[1] for r in data_rows(ws)]
    assert len(names) == 3 and all(n.startswith("长报表测试项目") for n in names)


def test_meetings_list_sums_projects_and_investment(demo_db, tmp_path):
    ws = export(demo_db, "meetings", tmp_path, lang="zh").worksheets[0]
    col = column_of(ws, "签约项目")
    inv = column_of(ws, "签约金额（万元）")
    (total,) = find_rows(ws, "合计")
    assert total[col] == sum(r[col] for r in data_rows(ws)) == 10
    assert as_decimal(total[inv]) == db_total(demo_db, Project.investment)


def test_alliances_list_has_a_members_sheet(demo_db, tmp_path):
    wb = export(demo_db, "alliances", tmp_path, lang="zh")
    assert [ws.title for ws in wb.worksheets] == ["一览表", "联盟成员"]
    members = data_rows(wb.worksheets[1])
    with demo_db.read() as conn:
        live = conn.execute(
            select(func.count(AllianceMember.id)).where(AllianceMember.deleted_at.is_(None))
        ).scalar_one()
    assert len(members) == live


def test_ledger_subtotals_and_total(demo_db, tmp_path):
    add_projects(demo_db, 30)
    wb = export(demo_db, "ledger", tmp_path, lang="zh")
    ws = wb.worksheets[0]
    inv = column_of(ws, "签约金额（万元）")
    groups: list[list[tuple]] = []
    subtotals = []
    for row in rows_after_header(ws):
        if row[0] == "合计":
            break
        if isinstance(row[0], int):
            groups[-1].append(row)
        elif row[0] != "小计":
            groups.append([])  # a field's heading row
        elif row[0] == "小计":
            subtotals.append(row)
    assert len(groups) == len(subtotals) == 5  # the demo's 3 fields + 2 new ones
    for rows, sub in zip(groups, subtotals, strict=True):
        assert as_decimal(sub[inv]) == _sum(r[inv] for r in rows)
    (total,) = find_rows(ws, "合计")
    assert as_decimal(total[inv]) == _sum(s[inv] for s in subtotals)
    assert as_decimal(total[inv]) == db_total(demo_db, Project.investment)
    assert len(data_rows(ws)) == 40


def test_ledger_charts_and_stage_counts(demo_db, tmp_path):
    wb = export(demo_db, "ledger", tmp_path, lang="zh")
    charts_ws = wb["统计图表"]
    kinds = sorted(type(c).__name__ for c in charts_ws._charts)
    assert kinds == ["BarChart", "BarChart"]
    titles = {c.title.tx.rich.p[0].r[0].t for c in charts_ws._charts}
    assert titles == {"签约金额（按产业领域）", "项目数（按推进阶段）"}
    stage_rows = {r[0]: r[1] for r in charts_ws.iter_rows(min_row=3, values_only=True)}
    with demo_db.read() as conn:
        by_stage = dict(
            conn.execute(
                select(Project.stage, func.count())
                .where(Project.deleted_at.is_(None))
                .group_by(Project.stage)
            ).all()
        )
    assert stage_rows["签约"] == by_stage["signed"] and stage_rows["落地"] == by_stage["registered"]
    assert stage_rows["终止"] == 0 and stage_rows["合计"] == 10
    field_rows = [r for r in charts_ws.iter_rows(min_row=4, max_row=6, values_only=True)]
    assert {r[0] for r in field_rows} == {"先进材料", "智能装备", "新能源"}
    assert _sum(r[2] for r in field_rows) == db_total(demo_db, Project.investment)


def test_meeting_brief(demo_db, tmp_path):
    ws = export(demo_db, "meeting-brief", tmp_path, lang="zh", meeting_id=1).worksheets[0]
    with demo_db.read() as conn:
        meeting = meeting_detail(conn, 1)
    assert ws["A1"].value == f"{meeting['title']}活动简报"
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    assert "重庆市商务委员会、四川省商务厅、重庆市永川区人民政府" in values
    assert "吴革" in values
    for case in meeting["cases"]:
        assert case["title"] in values
    subtotals = find_rows(ws, "小计")
    assert len(subtotals) == 3
    (total,) = find_rows(ws, "合计")
    assert as_decimal(total[4]) == _sum(s[4] for s in subtotals)
    assert as_decimal(total[4]) == as_decimal(meeting["projects_total"])


def test_cases_compendium(demo_db, tmp_path):
    ws = export(demo_db, "cases-compendium", tmp_path, lang="zh").worksheets[0]
    rows = data_rows(ws)
    with demo_db.read() as conn:
        live = conn.execute(select(func.count(Case.id)).where(Case.deleted_at.is_(None)))
        assert len(rows) == live.scalar_one()
    by_title = {r[1]: r for r in rows}
    one = by_title["川渝“一照通”同标准办理改革"]
    assert "四川省商务厅" in one[column_of(ws, "牵头单位")]
    assert one[column_of(ws, "认定级别")] == "发布展示"
    assert "川渝自贸协同开放示范区产业对接会（2024-12-12）" in one[column_of(ws, "发布活动")]
    (total,) = find_rows(ws, "合计")
    assert str(len(rows)) in total[1]


def test_roster_members_and_chairs(demo_db, tmp_path):
    wb = export(demo_db, "roster", tmp_path, lang="zh")
    members, chairs = wb.worksheets
    subtotals = find_rows(members, "小计")
    assert [s[1] for s in subtotals] == ["共 13 家成员", "共 6 家成员"]
    (total,) = find_rows(members, "合计")
    assert total[1] == "共 19 家成员"
    assert len(data_rows(members)) == 19
    chair_rows = data_rows(chairs)
    units = [r[1] for r in chair_rows]
    assert "中国（四川）自由贸易试验区川南临港片区" in units
    port = next(r for r in chair_rows if r[1] == "中国（四川）自由贸易试验区川南临港片区")
    assert as_date(port[2]) == date(2024, 12, 12)


def test_summary_for_a_year(demo_db, tmp_path):
    add_projects(demo_db, 6, year=2023)
    ws = export(demo_db, "summary", tmp_path, lang="zh", year=2024).worksheets[0]
    values = [r for r in ws.iter_rows(values_only=True)]
    assert any(r[0] == "统计期间：2024-01-01 至 2024-12-31" for r in values)
    totals = find_rows(ws, "合计")
    meetings_total, cases_total, fields_total, origins_total, provinces_total = totals
    with demo_db.read() as conn:
        in_2024 = conn.execute(
            select(func.count(Meeting.id)).where(
                Meeting.start_date.between(date(2024, 1, 1), date(2024, 12, 31))
            )
        ).scalar_one()
    assert meetings_total[2] == in_2024 == 1
    assert cases_total[2] == 5
    for row in (fields_total, origins_total, provinces_total):
        assert row[2] == 10  # the 2023 projects are left out
        assert as_decimal(row[3]) == Decimal("756000.00")
    everything = export(demo_db, "summary", tmp_path, lang="zh").worksheets[0]
    assert find_rows(everything, "合计")[2][2] == 16
