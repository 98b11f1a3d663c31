"""The sample records of DESIGN.md, loaded through the services (idempotent).

Facts come from the seed article (2024-12-18) and the public reports DESIGN.md
cites. The ten signed projects are not named in the article, so the sample ones are
marked 【示例】 and flagged is_sample.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.enums import AgendaKind, CaseScope, HostRole, LeaderRole, Province, Recognition, UnitKind
from db.models import Alliance, Case, Meeting, Project
from db.services import alliances, cases, meetings, projects, reference, units

SC, CQ = Province.SICHUAN, Province.CHONGQING
MEETING_DATE = date(2024, 12, 12)
MEETING_TITLE = "川渝自贸协同开放示范区产业对接会"
SOUTH_ALLIANCE = "川南渝西自贸协同改革和联动创新联盟"
REFORM_ALLIANCE = "四川自贸试验区协同改革先行区发展联盟"

# name, short name, kind, province, city, district
UNITS = [
    ("重庆市商务委员会", "重庆市商务委", UnitKind.GOVERNMENT, CQ, "重庆", None),
    ("四川省商务厅", None, UnitKind.GOVERNMENT, SC, "成都", None),
    ("重庆市永川区人民政府", "永川区政府", UnitKind.DISTRICT_GOVERNMENT, CQ, "重庆", "永川区"),
    ("中国（四川）自由贸易试验区工作办公室", "四川自贸办", UnitKind.GOVERNMENT, SC, "成都", None),
    ("中国（四川）自由贸易试验区川南临港片区", "川南临港片区", UnitKind.FTZ_AREA, SC, "泸州", None),
    ("自贡市人民政府", "自贡市", UnitKind.DISTRICT_GOVERNMENT, SC, "自贡", None),
    ("重庆永川高新技术产业开发区", "永川高新区", UnitKind.INNOVATION_ZONE, CQ, "重庆", "永川区"),
    ("重庆大足高新技术产业开发区", "大足高新区", UnitKind.INNOVATION_ZONE, CQ, "重庆", "大足区"),
]
# Sichuan's collaborative reform pilot areas: (city or zone, batch year)
PILOT_AREAS = [
    ("宜宾", 2019),
    ("德阳", 2019),
    ("资阳", 2019),
    ("眉山", 2019),
    ("南充", 2019),
    ("自贡", 2019),
    ("内江", 2019),
    ("成都温江", 2019),
    ("绵阳", 2022),
    ("遂宁", 2022),
    ("广安", 2022),
    ("达州", 2022),
    ("成都经开区", 2022),
]


def pilot_area_name(place: str) -> str:
    return f"四川自贸试验区{place}协同改革先行区"


@dataclass
class CaseFact:
    title: str
    english: str
    category: str
    lead: list[str] = field(default_factory=list)


CASES = [
    CaseFact(
        "川渝“一照通”同标准办理改革",
        "“One integrated license” Sichuan–Chongqing unified processing reform",
        "government_services",
        ["四川省商务厅", "重庆市商务委员会"],
    ),
    CaseFact(
        "建立成渝汽车产业“五端”协同机制",
        "A coordinated mechanism for the “Five Ends” of the Chengdu–Chongqing automotive industry",
        "industrial_collaboration",
    ),
    CaseFact(
        "构建成渝跨境公路运输合作机制",
        "A Chengdu–Chongqing cross-border road transport cooperation mechanism",
        "logistics",
    ),
    CaseFact(
        "川渝知识产权共建共保共创",
        "Sichuan–Chongqing intellectual property joint construction, protection and innovation",
        "intellectual_property",
    ),
    CaseFact(
        "关银一KEY通",
        "Customs-Bank One-Key Pass (an earlier Sichuan–Chongqing case)",
        "trade_facilitation",
    ),
]

# field code, investment (万元), origin, host locality
SAMPLE_PROJECTS = [
    ("advanced_materials", 120000, "other_province", "永川区"),
    ("advanced_materials", 85000, "in_province", "自贡市"),
    ("advanced_materials", 60000, "local", "泸州市"),
    ("advanced_materials", 45000, "abroad", "永川区"),
    ("intelligent_equipment", 98000, "other_province", "永川区"),
    ("intelligent_equipment", 52000, "local", "宜宾市"),
    ("intelligent_equipment", 30000, "in_province", "内江市"),
    ("new_energy", 150000, "other_province", "自贡市"),
    ("new_energy", 76000, "in_province", "泸州市"),
    ("new_energy", 40000, "local", "永川区"),
]

# Sample follow-up of the projects above (by number): date, stage, what happened,
# problems, funds arrived (万元). Projects 1, 2 and the new-energy ones (8-10) have none yet.
SAMPLE_PROGRESS: dict[int, list[tuple]] = {
    3: [(date(2024, 12, 26), "registered", "完成项目备案", "用地指标待协调", 3000)],
    4: [(date(2025, 2, 10), "registered", "完成工商注册及项目备案", None, 8000)],
    5: [
        (date(2025, 1, 8), "registered", "项目公司落地永川", None, 15000),
        (date(2025, 4, 18), "construction", "主体工程开工", None, 36000),
        (date(2025, 10, 30), "production", "首条产线试生产", "高技能人才招聘待支持", 70000),
    ],
    6: [(date(2024, 12, 30), "registered", "签订投资协议补充条款并完成注册", None, 5000)],
    7: [
        (date(2025, 1, 15), "registered", "项目公司完成注册", None, 20000),
        (date(2025, 6, 20), "construction", "一期厂房开工建设", "施工用电接入待协调", 48000),
    ],
}

SUMMARY = (
    "12月12日，由重庆市商务委员会、四川省商务厅、重庆市永川区人民政府主办的川渝自贸协同开放示范区"
    "产业对接会在重庆永川举行。会上发布10个川渝自贸协同创新案例，签约先进材料、智能装备、新能源等领域"
    "重点项目10个，自贡市作重点产业推介，并举行川南渝西自贸协同改革和联动创新联盟轮值主席交接仪式。"
    "四川自贸试验区累计落地159项试点改革任务，14项成果在全国复制推广。"
)


def load(session: Session) -> dict[str, int]:
    """Add whatever of the sample records is missing; returns what was added."""
    added = {"units": 0, "meetings": 0, "cases": 0, "projects": 0, "alliances": 0}
    unit_ids = _units(session, added)
    meeting_id = _meeting(session, unit_ids, added)
    _cases(session, unit_ids, meeting_id, added)
    _projects(session, unit_ids, meeting_id, added)
    _progress(session)
    _alliances(session, unit_ids, meeting_id, added)
    return added


def _unit(session: Session, added: dict, name: str, short, kind, province, city, district) -> int:
    unit, created = units.find_or_create(
        session, units.UnitData(name, kind, province, short, city, district)
    )
    added["units"] += created
    return unit.id


def _units(session: Session, added: dict) -> dict[str, int]:
    ids = {row[0]: _unit(session, added, *row) for row in UNITS}
    for place, _batch in PILOT_AREAS:
        name = pilot_area_name(place)
        ids[name] = _unit(
            session, added, name, f"{place}先行区", UnitKind.REFORM_PILOT_AREA, SC, place, None
        )
    for i, (_f, _a, origin, _h) in enumerate(SAMPLE_PROJECTS, start=1):
        province = {"abroad": Province.OTHER, "other_province": Province.OTHER}.get(origin, SC)
        name = f"【示例】样例企业{i:02d}有限公司"
        ids[name] = _unit(session, added, name, None, UnitKind.ENTERPRISE, province, None, None)
    return ids


def _meeting(session: Session, unit_ids: dict[str, int], added: dict) -> int:
    existing = session.scalar(
        select(Meeting.id).where(Meeting.title == MEETING_TITLE, Meeting.start_date == MEETING_DATE)
    )
    if existing:
        return existing
    kind = reference.id_by_code(session, "meeting_kind", "industry_matchmaking")
    hosts = ["重庆市商务委员会", "四川省商务厅", "重庆市永川区人民政府"]
    data = meetings.MeetingData(
        title=MEETING_TITLE,
        kind_id=kind,
        start_date=MEETING_DATE,
        end_date=MEETING_DATE,
        city="重庆",
        district="永川区",
        summary=SUMMARY,
        source_publisher="四川省商务厅微信公众号",
        source_date=date(2024, 12, 18),
        source_ref="Sichuan-Chongqing Free Trade Collaborative Opening-up Demonstration Zone Industry Matchmaking Meeting Successfully Held",
        hosts=[meetings.HostData(unit_ids[h], HostRole.HOST) for h in hosts],
        leaders=[
            meetings.LeaderData(
                "吴革",
                LeaderRole.SPEECH,
                "四川省商务厅党组成员，中国（四川）自由贸易试验区工作办公室副主任",
                unit_ids["四川省商务厅"],
            )
        ],
        agenda=[
            meetings.AgendaData(
                AgendaKind.SPEECH, "四川省商务厅党组成员、四川自贸办副主任吴革致辞"
            ),
            meetings.AgendaData(AgendaKind.CASE_RELEASE, "发布10个川渝自贸协同创新案例"),
            meetings.AgendaData(
                AgendaKind.PROJECT_SIGNING, "先进材料、智能装备、新能源等领域10个重点项目集中签约"
            ),
            meetings.AgendaData(AgendaKind.PRESENTATION, "四川自贡重点产业推介"),
            meetings.AgendaData(
                AgendaKind.CEREMONY, "川南渝西自贸协同改革和联动创新联盟轮值主席交接仪式"
            ),
        ],
    )
    added["meetings"] += 1
    return meetings.create(session, data).id


def _cases(session: Session, unit_ids: dict[str, int], meeting_id: int, added: dict) -> None:
    for fact in CASES:
        if session.scalar(select(Case.id).where(Case.title == fact.title)):
            continue
        cases.create(
            session,
            cases.CaseData(
                title=fact.title,
                category_id=reference.id_by_code(session, "case_category", fact.category),
                scope=CaseScope.JOINT,
                summary=fact.english,
                lead_unit_ids=[unit_ids[u] for u in fact.lead],
                recognition=Recognition.SHOWCASED,
                meeting_ids=[meeting_id],
            ),
        )
        added["cases"] += 1


def _projects(session: Session, unit_ids: dict[str, int], meeting_id: int, added: dict) -> None:
    for i, (field_code, amount, origin, locality) in enumerate(SAMPLE_PROJECTS, start=1):
        code = f"SAMPLE-2024-{i:02d}"
        if session.scalar(select(Project.id).where(Project.code == code)):
            continue
        field_id = reference.id_by_code(session, "industry_field", field_code)
        field_name = reference.name_of(session, "industry_field", field_id, "zh")
        projects.create(
            session,
            projects.ProjectData(
                name=f"【示例】{field_name}重点项目{i:02d}",
                code=code,
                investor_id=unit_ids[f"【示例】样例企业{i:02d}有限公司"],
                investor_origin=origin,
                field_id=field_id,
                project_type="new",
                investment=Decimal(amount),
                signed_date=MEETING_DATE,
                meeting_id=meeting_id,
                host_locality=locality,
                is_sample=True,
            ),
        )
        added["projects"] += 1


def _progress(session: Session) -> None:
    """Sample progress entries, added to a sample project only while it has none."""
    for number, entries in SAMPLE_PROGRESS.items():
        project = session.scalar(select(Project).where(Project.code == f"SAMPLE-2024-{number:02d}"))
        if project is None or project.deleted_at is not None or project.progress:
            continue
        for day, stage, text, problems, funds in entries:
            projects.add_progress(
                session,
                project.id,
                projects.ProgressData(day, stage, f"【示例】{text}", problems, Decimal(funds)),
            )


def _alliances(session: Session, unit_ids: dict[str, int], meeting_id: int, added: dict) -> None:
    if not session.scalar(select(Alliance.id).where(Alliance.name == SOUTH_ALLIANCE)):
        _south_alliance(session, unit_ids, meeting_id)
        added["alliances"] += 1
    if not session.scalar(select(Alliance.id).where(Alliance.name == REFORM_ALLIANCE)):
        _reform_alliance(session, unit_ids)
        added["alliances"] += 1


def _south_alliance(session: Session, unit_ids: dict[str, int], meeting_id: int) -> None:
    alliance = alliances.create(
        session,
        alliances.AllianceData(
            name=SOUTH_ALLIANCE,
            short_name="川南渝西联盟",
            description="Southern Sichuan–Western Chongqing Free Trade Collaborative Reform and "
            "Interconnected Innovation Alliance. 轮值主席于2024年12月12日交接至川南临港片区"
            "（前任主席单位未见于报道，未录入）。",
        ),
    )
    port = unit_ids["中国（四川）自由贸易试验区川南临港片区"]
    regular = reference.id_by_code(session, "member_kind", "regular")
    for name in [
        "中国（四川）自由贸易试验区川南临港片区",
        pilot_area_name("自贡"),
        pilot_area_name("宜宾"),
        pilot_area_name("内江"),
        "重庆永川高新技术产业开发区",
        "重庆大足高新技术产业开发区",
    ]:
        alliances.add_member(session, alliance.id, alliances.MemberData(unit_ids[name], regular))
    alliances.hand_over(session, alliance.id, port, MEETING_DATE, meeting_id)


def _reform_alliance(session: Session, unit_ids: dict[str, int]) -> None:
    founded = date(2023, 1, 13)
    kind = reference.id_by_code(session, "meeting_kind", "other")
    founding = meetings.create(
        session,
        meetings.MeetingData(
            title="四川自贸试验区协同改革先行区发展联盟成立大会",
            kind_id=kind,
            start_date=founded,
            city="成都",
            district="温江区",
            summary="联盟成立，成员16家，成都温江为首任轮值主席单位。",
        ),
    )
    wenjiang = unit_ids[pilot_area_name("成都温江")]
    alliance = alliances.create(
        session,
        alliances.AllianceData(
            name=REFORM_ALLIANCE,
            short_name="先行区发展联盟",
            founded_date=founded,
            founding_meeting_id=founding.id,
            secretariat_unit_id=wenjiang,
            description="2023年1月13日在成都温江成立，成员16家（此处录入已知的13个协同改革先行区），"
            "温江为首任轮值主席。",
        ),
    )
    founding_kind = reference.id_by_code(session, "member_kind", "founding")
    for place, _batch in PILOT_AREAS:
        alliances.add_member(
            session,
            alliance.id,
            alliances.MemberData(unit_ids[pilot_area_name(place)], founding_kind, founded),
        )
    alliances.add_chair_term(session, alliance.id, wenjiang, founded, None, founding.id)
