"""Units, meetings, cases, progress entries and alliance members from a sheet."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from db.enums import HostRole, Province, Stage, UnitKind
from db.models import AllianceMember, Case, Meeting, ProgressEntry, Project, Unit
from db.services import projects, units
from desktop.cli import main
from desktop.importing.importer import ImportOptions, run_import
from desktop.importing.workbook import read_sheet
from tests.factories import alliance_with_members, enterprise, project_data, snapshot
from tests.importing.helpers import target, write_book


def _import(db, path, kind, **options):
    return run_import(db, read_sheet(path, kind), ImportOptions(**options))


def test_units_with_labels_codes_and_duplicates(db, tmp_path, capsys):
    with db.write() as s:
        units.create(s, units.UnitData("四川省商务厅", "government", "sichuan"))
    headers = ["单位名称", "简称", "单位类型", "省份", "城市"]
    rows = [
        ["重庆市商务委员会", "重庆市商务委", "政府部门", "重庆", "重庆"],
        ["宜宾市协同改革先行区", None, "reform_pilot_area", "Sichuan", "宜宾"],
        ["四川省商务厅", None, "政府部门", "四川", "成都"],  # already recorded
        ["某协会", None, None, None, None],  # kind and province default to "other"
    ]
    path = write_book(tmp_path / "u.xlsx", headers, rows)
    assert main(["--db", target(db), "import", "units", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Imported 3 Unit records" in out and "1 duplicate rows skipped" in out
    assert "row 4 “四川省商务厅”: already recorded" in out
    with db.session() as s:
        by_name = {u.name: u for u in s.scalars(select(Unit))}
    assert by_name["重庆市商务委员会"].province == Province.CHONGQING
    assert by_name["重庆市商务委员会"].short_name == "重庆市商务委"
    assert by_name["宜宾市协同改革先行区"].kind == UnitKind.REFORM_PILOT_AREA
    assert by_name["某协会"].kind == UnitKind.OTHER and by_name["某协会"].province == Province.OTHER


def test_unit_kind_not_in_the_list(db, tmp_path):
    path = write_book(tmp_path / "u.xlsx", ["单位名称", "单位类型"], [["甲", "外星机构"]])
    report = _import(db, path, "units")
    assert [(p.row, p.column, p.value) for p in report.problems] == [(2, "单位类型", "外星机构")]


def test_meetings_with_host_roles(db, tmp_path):
    headers = ["活动名称", "活动类型", "开始日期", "结束日期", "主办单位", "承办单位", "城市"]
    rows = [
        [
            "川渝自贸协同对接会",
            "产业对接会",
            "2024年12月12日",
            None,
            "重庆市商务委员会；四川省商务厅",
            "永川区政府",
            "重庆",
        ],
        ["川渝自贸协同对接会", "产业对接会", "2024/12/12", None, None, None, None],  # same again
        ["联席会议", "Joint conference", "2025.3.1", "2025.3.2", None, None, "成都"],
    ]
    path = write_book(tmp_path / "m.xlsx", headers, rows)
    report = _import(db, path, "meetings")
    assert report.written and report.added == 2
    assert [(d.row, d.why) for d in report.duplicates] == [(3, "same as row 2 of this sheet")]
    assert sorted(report.created_units) == ["四川省商务厅", "永川区政府", "重庆市商务委员会"]
    with db.session() as s:
        m = s.scalars(select(Meeting).where(Meeting.title == "川渝自贸协同对接会")).one()
        assert m.end_date == m.start_date == date(2024, 12, 12)
        assert [(h.unit.name, h.role) for h in m.hosts] == [
            ("重庆市商务委员会", HostRole.HOST),
            ("四川省商务厅", HostRole.HOST),
            ("永川区政府", HostRole.ORGANISER),
        ]
        assert m.kind.code == "industry_matchmaking"


def test_meeting_ending_before_it_starts_is_a_service_problem(db, tmp_path):
    headers = ["活动名称", "活动类型", "开始日期", "结束日期"]
    path = write_book(tmp_path / "m.xlsx", headers, [["会", "论坛", "2025-03-02", "2025-03-01"]])
    report = _import(db, path, "meetings")
    assert [(p.column, p.value) for p in report.problems] == [("结束日期", "2025-03-01")]
    assert "must not be before" in report.problems[0].message


def test_cases_with_units_meetings_and_recognition(demo_db, tmp_path):
    headers = [
        "案例名称",
        "案例编号",
        "类别",
        "范围",
        "牵头单位",
        "参与单位",
        "认定级别",
        "批次",
        "发布活动",
    ]
    rows = [
        [
            "川渝跨省通办新案例",
            "C-2025-01",
            "政务服务",
            "川渝共建",
            "四川省商务厅",
            "重庆市商务委",
            "全国复制推广",
            "第3批",
            "川渝自贸协同开放示范区产业对接会",
        ],
        ["缺批次的案例", None, "Finance", None, None, None, "National", None, None],
    ]
    path = write_book(tmp_path / "c.xlsx", headers, rows)
    before = snapshot(demo_db)
    report = _import(demo_db, path, "cases")
    assert [(p.row, p.column) for p in report.problems] == [(3, "批次")]
    assert "batch" in report.problems[0].message
    assert snapshot(demo_db) == before
    ok = write_book(tmp_path / "ok.xlsx", headers, rows[:1])
    report = _import(demo_db, ok, "cases")
    assert report.written and report.created_units == []
    with demo_db.session() as s:
        case = s.scalars(select(Case).where(Case.code == "C-2025-01")).one()
        assert case.recognition_batch == 3 and case.recognition.value == "national"
        assert [u.unit.name for u in case.units] == ["四川省商务厅", "重庆市商务委员会"]
        assert [x.meeting.title for x in case.showcases] == ["川渝自贸协同开放示范区产业对接会"]
    again = _import(demo_db, ok, "cases")
    assert again.added == 0 and len(again.duplicates) == 1


def _two_projects_called_the_same(db):
    with db.write() as s:
        a, b = enterprise(s, "甲企业"), enterprise(s, "乙企业")
        projects.create(s, project_data(s, a, name="电池项目", code="P-1"))
        projects.create(s, project_data(s, b, name="电池项目"))


def test_progress_entries_find_their_project_and_move_its_stage(db, tmp_path):
    _two_projects_called_the_same(db)
    headers = ["项目", "投资方", "日期", "达到阶段", "进展情况", "累计到位资金（万元）"]
    rows = [
        ["P-1", None, "2025-01-05", "落地", "完成工商注册", "1,000"],
        ["电池项目", "乙企业", "2025-02-01", "开工", "举行开工仪式", None],
        ["电池项目", None, "2025-03-01", "投产", "？", None],  # which one?
        ["无此项目", None, "2025-03-01", "投产", "？", None],
    ]
    path = write_book(tmp_path / "g.xlsx", headers, rows)
    report = _import(db, path, "progress")
    assert [(p.row, p.column) for p in report.problems] == [(4, "项目"), (5, "项目")]
    assert "more than one project" in report.problems[0].message
    report = _import(db, write_book(tmp_path / "ok.xlsx", headers, rows[:2]), "progress")
    assert report.written and report.added == 2
    with db.session() as s:
        stages = {p.investor.name: (p.stage, p.funds_arrived) for p in s.scalars(select(Project))}
    assert stages["甲企业"][0] == Stage.REGISTERED and stages["甲企业"][1] == 1000
    assert stages["乙企业"][0] == Stage.CONSTRUCTION
    again = _import(db, write_book(tmp_path / "ok2.xlsx", headers, rows[:2]), "progress")
    assert again.added == 0 and len(again.duplicates) == 2


def test_progress_going_backwards_is_refused_by_the_service(db, tmp_path):
    _two_projects_called_the_same(db)
    headers = ["项目", "日期", "达到阶段", "进展情况"]
    rows = [["P-1", "2025-01-05", "开工", "开工"], ["P-1", "2025-02-05", "落地", "倒退"]]
    report = _import(db, write_book(tmp_path / "g.xlsx", headers, rows), "progress")
    assert [(p.row, p.column) for p in report.problems] == [(3, "达到阶段")]
    with db.read() as conn:
        assert conn.execute(select(ProgressEntry.id)).first() is None


def test_alliance_members(db, tmp_path):
    with db.write() as s:
        member = units.create(s, units.UnitData("宜宾先行区", "reform_pilot_area", "sichuan")).id
        alliance_with_members(s, member)
    headers = ["联盟", "成员单位", "成员类型", "加入日期", "联系人"]
    rows = [
        ["川南渝西自贸协同改革和联动创新联盟", "宜宾先行区", None, None, None],  # already a member
        ["川南渝西自贸协同改革和联动创新联盟", "泸州先行区", "发起单位", "2023-01-13", "李四"],
        ["没有的联盟", "泸州先行区", None, None, None],
    ]
    report = _import(db, write_book(tmp_path / "a.xlsx", headers, rows), "members")
    assert [(p.row, p.column) for p in report.problems] == [(4, "联盟")]
    report = _import(db, write_book(tmp_path / "ok.xlsx", headers, rows[:2]), "members")
    assert report.written and report.added == 1 and len(report.duplicates) == 1
    assert report.created_units == ["泸州先行区"]
    with db.session() as s:
        joined = s.scalars(select(AllianceMember).order_by(AllianceMember.id.desc())).first()
        assert joined.unit.name == "泸州先行区" and joined.joined_date == date(2023, 1, 13)
        assert joined.member_kind.code == "founding" and joined.contact_person == "李四"
