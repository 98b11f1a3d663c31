"""All or nothing, every problem named, duplicates skipped, text kept as typed."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import openpyxl
import pytest
from sqlalchemy import func, select

from db.enums import Stage, UnitKind
from db.models import ProgressEntry, Project, Unit
from db.services import projects, units
from desktop.cli import main
from desktop.importing.importer import ImportOptions, run_import
from desktop.importing.marking import write_marked_copy
from desktop.importing.workbook import read_sheet
from tests.factories import enterprise, project_data, snapshot
from tests.importing.helpers import PROJECT_HEADERS, project_row, projects_book, target, write_book


def _import(db, path, kind="projects", **options):
    sheet = read_sheet(path, kind)
    return sheet, run_import(db, sheet, ImportOptions(**options))


def _count(db, model) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count(model.id))).scalar_one()


def test_a_good_sheet_is_imported_through_the_services(db, tmp_path):
    path = projects_book(tmp_path / "p.xlsx", 20)
    _sheet, report = _import(db, path)
    assert report.written and report.added == 20 and not report.problems
    assert _count(db, Project) == 20
    with db.session() as s:
        p = s.scalars(select(Project).where(Project.name == "测试项目0003")).one()
        assert p.investor.name == "测试企业3有限公司" and p.investor.kind == UnitKind.ENTERPRISE
        assert p.investment == Decimal("1003.00") and p.signed_date == date(2024, 12, 12)
        assert p.investor_origin.value == "other_province" and p.field.code == "new_energy"
        assert p.created_by and p.version == 1  # stamped by the audit hooks like a form save
    assert sorted(report.created_units) == sorted(f"测试企业{i}有限公司" for i in range(7))


def test_one_bad_row_in_1000_writes_nothing_and_names_that_row(db, tmp_path, capsys):
    rows = [project_row(i) for i in range(1000)]
    rows[736][6] = "2024-13-45"  # spreadsheet row 738 (headers are row 1)
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows, title="项目")
    before = snapshot(db)
    _sheet, report = _import(db, path)
    assert not report.written and report.added == 999
    assert [(p.sheet, p.row, p.column, p.value) for p in report.problems] == [
        ("项目", 738, "签约日期", "2024-13-45")
    ]
    assert "must be a date" in report.problems[0].message
    assert snapshot(db) == before  # not even the new investors

    db_arg = target(db)
    assert main(["--db", db_arg, "import", "projects", str(path)]) == 1
    err = capsys.readouterr().err
    assert (
        "row 738" in err
        and "签约日期" in err
        and "2024-13-45" in err
        and "nothing was imported" in err
    )
    assert snapshot(db) == before


def test_every_problem_is_reported_not_just_the_first(db, tmp_path):
    rows = [project_row(i) for i in range(5)]
    rows[0][3] = "火星"  # unknown field
    rows[2][5] = "-10"  # negative amount: a service rule
    rows[4][0] = None  # required name missing
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows)
    _sheet, report = _import(db, path)
    found = {(p.row, p.column) for p in report.problems}
    assert found == {(2, "产业领域"), (4, "签约金额（万元）"), (6, "项目名称")}
    assert _count(db, Project) == 0


def test_service_rules_apply_an_investor_that_is_not_an_enterprise(db, tmp_path):
    with db.write() as s:
        units.create(s, units.UnitData("四川省商务厅", "government", "sichuan"))
    path = projects_book(tmp_path / "p.xlsx", 1, investor="四川省商务厅")
    _sheet, report = _import(db, path)
    assert [(p.column, p.value) for p in report.problems] == [("投资方", "四川省商务厅")]
    assert "enterprise" in report.problems[0].message


def test_dry_run_reports_but_writes_nothing(db, tmp_path):
    path = projects_book(tmp_path / "p.xlsx", 10)
    before = snapshot(db)
    _sheet, report = _import(db, path, dry_run=True)
    assert report.dry_run and report.added == 10 and len(report.created_units) == 7
    assert snapshot(db) == before


def test_unknown_units_are_refused_with_no_create_units(db, tmp_path, capsys):
    path = projects_book(tmp_path / "p.xlsx", 3)
    before = snapshot(db)
    assert main(["--db", target(db), "import", "projects", str(path), "--no-create-units"]) == 1
    err = capsys.readouterr().err
    assert err.count("no unit") == 3 and "测试企业0有限公司" in err
    assert snapshot(db) == before


def test_units_are_matched_by_short_name_and_loosely(db, tmp_path):
    with db.write() as s:
        units.create(
            s, units.UnitData("宁德时代新能源科技股份有限公司", "enterprise", "other", "宁德时代")
        )
    rows = [
        project_row(0, investor="宁德时代"),
        project_row(1, investor=" 宁德时代新能源科技股份有限公司 "),
    ]
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows)
    _sheet, report = _import(db, path)
    assert report.written and report.created_units == []
    assert _count(db, Unit) == 1


def test_duplicates_of_existing_and_of_earlier_rows_are_skipped(db, tmp_path):
    with db.write() as s:
        investor = enterprise(s, "测试企业1有限公司")
        existing = projects.create(s, project_data(s, investor, name="测试项目0001")).id
    rows = [project_row(i) for i in range(3)]
    rows.append(project_row(2, name=" 测试项目０００２ "))  # the same as row 4, spelled loosely
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows)
    _sheet, report = _import(db, path)
    assert report.written and report.added == 2
    assert [(d.row, d.text) for d in report.duplicates] == [
        (3, "测试项目0001"),
        (5, "测试项目０００２"),
    ]
    assert f"id {existing}" in report.duplicates[0].why and "row 4" in report.duplicates[1].why
    assert _count(db, Project) == 3


def test_text_is_stored_exactly_as_typed(db, tmp_path):
    path = projects_book(tmp_path / "p.xlsx", 1, name="=1+1")
    raw = openpyxl.load_workbook(path)["Sheet1"]["A2"]
    assert raw.value == "=1+1" and raw.data_type == "s"
    _sheet, report = _import(db, path)
    assert report.written
    with db.read() as conn:
        assert conn.execute(select(Project.name)).scalar_one() == "=1+1"


def test_headers_below_a_title_in_english_full_width_and_any_order(db, tmp_path):
    headers = [
        "Signed on",
        "ＩＮＶＥＳＴＯＲ",
        "project",
        "Investor origin",
        " Field ",
        "type",
        "Contracted",
    ]
    row = ["2024/12/12", "甲公司", "乙项目", "Other province", "new energy", "New", "2.5亿元"]
    above = [["2024年签约项目汇总表"], ["填报单位：永川区商务委", None, None, "单位：万元"], []]
    path = write_book(tmp_path / "p.xlsx", headers, [row], above=above)
    sheet, report = _import(db, path)
    assert sheet.header_row == 4 and report.written
    with db.read() as conn:
        assert conn.execute(select(Project.investment)).scalar_one() == Decimal("25000.00")


def test_a_missing_required_column_is_one_clear_problem(db, tmp_path):
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS[:-1], [project_row(0)[:-1]])
    _sheet, report = _import(db, path)
    assert [p.message for p in report.problems] == ["The required column “Signed on” is missing."]
    assert _count(db, Project) == 0


def test_a_stage_beyond_signed_becomes_a_progress_entry(db, tmp_path):
    headers = [*PROJECT_HEADERS, "推进阶段", "到位资金（万元）"]
    rows = [
        project_row(0) + ["开工", "300"],
        project_row(1) + ["签约", None],
        project_row(2) + ["投产", "bad"],
    ]
    path = write_book(tmp_path / "p.xlsx", headers, rows[:2])
    _sheet, report = _import(db, path)
    assert report.written
    with db.session() as s:
        built = s.scalars(select(Project).where(Project.name == "测试项目0000")).one()
        assert built.stage == Stage.CONSTRUCTION and built.funds_arrived == Decimal("300.00")
        assert [e.stage for e in built.progress] == [Stage.CONSTRUCTION]
        assert built.last_progress_date == built.progress[0].entry_date
        signed = s.scalars(select(Project).where(Project.name == "测试项目0001")).one()
        assert signed.stage == Stage.SIGNED and signed.progress == []
    assert _count(db, ProgressEntry) == 1
    bad = write_book(tmp_path / "bad.xlsx", headers, rows[2:])
    _sheet, report = _import(db, bad)
    assert [(p.row, p.column) for p in report.problems] == [(2, "到位资金（万元）")]


def test_marked_copy_fills_and_explains_the_bad_cells(db, tmp_path, capsys):
    rows = [project_row(i) for i in range(4)]
    rows[1][6] = "soon"
    rows[3][4] = "rebuilt"
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows)
    out = tmp_path / "marked.xlsx"
    assert (
        main(["--db", target(db), "import", "projects", str(path), "--marked-copy", str(out)]) == 1
    )
    assert "marked" in capsys.readouterr().err
    ws = openpyxl.load_workbook(out).active
    assert (
        ws["G3"].fill.fgColor.rgb.endswith("FFC7CE") and "must be a date" in ws["G3"].comment.text
    )
    assert ws["E5"].fill.fgColor.rgb.endswith("FFC7CE") and "rebuilt" in ws["E5"].comment.text
    assert ws["A2"].comment is None and ws["G2"].fill.fill_type is None
    assert ws["G3"].value == "soon"  # the clerk's values are kept


def test_marked_copy_never_overwrites_the_original(db, tmp_path):
    path = projects_book(tmp_path / "p.xlsx", 1, date="bad")
    sheet, report = _import(db, path)
    before = path.read_bytes()
    try:
        write_marked_copy(sheet, report.problems, path)
        raise AssertionError("overwrote the original")
    except Exception as exc:  # noqa: BLE001
        assert "must not overwrite" in str(exc)
    assert path.read_bytes() == before


def test_progress_callback_sees_every_row_and_can_cancel(db, tmp_path):
    path = projects_book(tmp_path / "p.xlsx", 250)
    seen = []
    sheet = read_sheet(path, "projects")
    report = run_import(
        db, sheet, ImportOptions(progress=lambda done, total: seen.append((done, total)))
    )
    assert seen[0] == (0, 250) and seen[-1] == (250, 250) and report.written
    fresh = projects_book(tmp_path / "q.xlsx", 250, investor="另一家企业")
    sheet = read_sheet(fresh, "projects")
    before = snapshot(db)
    report = run_import(db, sheet, ImportOptions(progress=lambda done, total: done < 200))
    assert report.cancelled and not report.written
    assert snapshot(db) == before


def test_command_line_summary_lists_new_units_and_dry_run(db, tmp_path, capsys):
    path = projects_book(tmp_path / "p.xlsx", 8)
    before = snapshot(db)
    assert main(["--db", target(db), "import", "projects", str(path), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Dry run: 8 Project records would be imported (nothing was written)." in out
    assert "7 units would be created: 测试企业0有限公司, " in out
    assert snapshot(db) == before
    assert main(["--db", target(db), "import", "projects", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Imported 8 Project records." in out and "7 units created:" in out
    assert _count(db, Project) == 8


def test_command_line_prints_one_line_per_problem(db, tmp_path, capsys):
    rows = [project_row(i) for i in range(6)]
    for r in (1, 3, 5):
        rows[r][5] = "lots"
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows)
    assert main(["--db", target(db), "import", "projects", str(path)]) == 1
    lines = [line for line in capsys.readouterr().err.splitlines() if line.startswith("Sheet")]
    assert [line.split(",")[0] for line in lines] == [
        "Sheet “Sheet1” row 3",
        "Sheet “Sheet1” row 5",
        "Sheet “Sheet1” row 7",
    ]
    assert all("“lots”" in line and "must be a number" in line for line in lines)


def test_a_total_row_under_the_data_is_left_out(db, tmp_path, capsys):
    rows = [project_row(i) for i in range(3)]
    rows.append(["合计", None, None, None, None, 3003, None])
    rows.append(["Total:", None, None, None, None, 3003, None])
    path = write_book(tmp_path / "p.xlsx", PROJECT_HEADERS, rows)
    assert read_sheet(path, "projects").total_rows == [5, 6]
    assert main(["--db", target(db), "import", "projects", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Total rows (5, 6) are not records" in out and "Imported 3 Project records" in out
    assert _count(db, Project) == 3


def test_two_rows_with_one_code_in_the_same_batch(db, tmp_path):
    headers = [*PROJECT_HEADERS, "项目编号"]
    rows = [project_row(0) + ["P-7"], project_row(1) + ["P-7"]]
    _sheet, report = _import(db, write_book(tmp_path / "p.xlsx", headers, rows))
    assert [(p.row, p.column, p.value) for p in report.problems] == [(3, "项目编号", "P-7")]
    assert "already exists" in report.problems[0].message
    assert _count(db, Project) == 0


def test_project_created_with_its_first_progress_entry_reports_both_problems(db):
    from db.errors import ValidationError

    with db.write() as s:
        investor = enterprise(s)
        data = project_data(s, investor, investment="-1")
        bad_entry = projects.ProgressData(date(2025, 1, 1), "nowhere", "x")
        try:
            projects.create(s, data, progress=bad_entry)
            raise AssertionError("accepted")
        except ValidationError as exc:
            assert {e.field for e in exc.errors} == {"investment", "stage"}
        good = projects.create(
            s,
            project_data(s, investor),
            progress=projects.ProgressData(date(2025, 1, 1), "production", "投产"),
        )
        assert good.stage == Stage.PRODUCTION and good.last_progress_date == date(2025, 1, 1)
        assert [e.stage for e in good.progress] == [Stage.PRODUCTION]


@pytest.mark.sqlite_only  # a server is backed up by its administrator, not the program
def test_a_large_import_backs_the_ledger_up_first_and_a_small_one_does_not(db, tmp_path):
    backups = db.path.parent / "backups"
    _import(db, projects_book(tmp_path / "small.xlsx", 5))
    assert not list(backups.glob("*import*"))
    _import(db, projects_book(tmp_path / "large.xlsx", 150), dry_run=True)
    assert not list(backups.glob("*import*"))
    _sheet, report = _import(db, projects_book(tmp_path / "large.xlsx", 150))
    assert report.written and report.added == 145  # the first five were there already
    copies = list(backups.glob("*import*"))
    assert len(copies) == 1
    import sqlite3

    copy = sqlite3.connect(copies[0])
    assert copy.execute("SELECT count(*) FROM project").fetchone() == (5,)  # before the import
    copy.close()
