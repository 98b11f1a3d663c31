"""Names of fields and enum values in Chinese and English (Qt-free vocabulary).

The window, the reports, the templates and the import all name things through
this one catalogue, so a column is called the same everywhere.
"""

from __future__ import annotations

from enum import StrEnum

from db.lang import current_language

LABELS: dict[str, tuple[str, str]] = {
    # record kinds
    "kind.unit": ("单位", "Unit"),
    "kind.meeting": ("会议活动", "Meeting"),
    "kind.case": ("协同创新案例", "Case"),
    "kind.project": ("重点项目", "Project"),
    "kind.progress": ("项目进展", "Progress entry"),
    "kind.alliance": ("联盟", "Alliance"),
    "kind.member": ("联盟成员", "Alliance member"),
    "kind.chair_term": ("主席任期", "Chair term"),
    "kind.meeting_kind": ("会议类型", "Meeting kind"),
    "kind.case_category": ("案例类别", "Case category"),
    "kind.industry_field": ("产业领域", "Industry field"),
    "kind.member_kind": ("成员类型", "Member kind"),
    # common
    "f.id": ("编号", "ID"),
    "f.seq": ("序号", "No."),
    "f.uuid": ("UUID", "UUID"),
    "f.created_at": ("创建时间", "Created"),
    "f.updated_at": ("修改时间", "Updated"),
    "f.created_by": ("创建人", "Created by"),
    "f.updated_by": ("修改人", "Updated by"),
    "f.version": ("版本", "Version"),
    "f.code": ("编码", "Code"),
    "f.name_zh": ("中文名称", "Chinese name"),
    "f.name_en": ("英文名称", "English name"),
    # unit
    "unit.name": ("单位名称", "Name"),
    "unit.short_name": ("简称", "Short name"),
    "unit.kind": ("单位类型", "Kind"),
    "unit.province": ("省份", "Province"),
    "unit.city": ("城市", "City"),
    "unit.district": ("区县", "District"),
    # meeting
    "meeting.title": ("活动名称", "Title"),
    "meeting.kind": ("活动类型", "Kind"),
    "meeting.start_date": ("开始日期", "Start date"),
    "meeting.end_date": ("结束日期", "End date"),
    "meeting.city": ("城市", "City"),
    "meeting.district": ("区县", "District"),
    "meeting.venue": ("地点", "Venue"),
    "meeting.hosts": ("主办单位", "Hosts"),
    "meeting.leaders": ("出席领导", "Leaders"),
    "meeting.agenda": ("议程", "Agenda"),
    "meeting.summary": ("内容摘要", "Summary"),
    "meeting.source_publisher": ("信息来源", "Source"),
    "meeting.source_date": ("发布日期", "Published"),
    "meeting.source_ref": ("链接或文号", "Link or document no."),
    "meeting.cases": ("发布案例", "Cases showcased"),
    "meeting.projects": ("签约项目", "Projects signed"),
    "meeting.investment": ("签约金额（万元）", "Contracted (万元)"),
    "host.unit": ("单位", "Unit"),
    "host.role": ("角色", "Role"),
    "leader.name": ("姓名", "Name"),
    "leader.position": ("职务", "Position"),
    "leader.unit": ("单位", "Unit"),
    "leader.role": ("角色", "Role"),
    "agenda.kind": ("环节", "Item"),
    "agenda.text": ("内容", "Text"),
    # case
    "case.title": ("案例名称", "Title"),
    "case.code": ("案例编号", "Code"),
    "case.category": ("类别", "Category"),
    "case.scope": ("范围", "Scope"),
    "case.lead_units": ("牵头单位", "Lead units"),
    "case.participating_units": ("参与单位", "Participating units"),
    "case.launch_date": ("推出日期", "Launched"),
    "case.summary": ("主要内容", "Summary"),
    "case.results": ("成效", "Results"),
    "case.recognition": ("认定级别", "Recognition"),
    "case.recognition_batch": ("批次", "Batch"),
    "case.recognition_date": ("认定日期", "Recognised on"),
    "case.meetings": ("发布活动", "Showcased at"),
    # project
    "project.name": ("项目名称", "Project"),
    "project.code": ("项目编号", "Code"),
    "project.investor": ("投资方", "Investor"),
    "project.investor_origin": ("投资方来源", "Investor origin"),
    "project.field": ("产业领域", "Field"),
    "project.host_locality": ("落地地区", "Host locality"),
    "project.project_type": ("项目类型", "Type"),
    "project.investment": ("签约金额（万元）", "Contracted (万元)"),
    "project.funds_arrived": ("到位资金（万元）", "Funds arrived (万元)"),
    "project.signed_date": ("签约日期", "Signed on"),
    "project.meeting": ("签约活动", "Signed at"),
    "project.stage": ("推进阶段", "Stage"),
    "project.terminated_reason": ("终止原因", "Reason for termination"),
    "project.responsible_unit": ("责任单位", "Responsible unit"),
    "project.responsible_person": ("责任人", "Responsible person"),
    "project.phone": ("联系电话", "Phone"),
    "project.last_progress_date": ("最近进展", "Last progress"),
    "project.is_sample": ("示例数据", "Sample"),
    "progress.project": ("项目", "Project"),
    "progress.entry_date": ("日期", "Date"),
    "progress.stage": ("达到阶段", "Stage reached"),
    "progress.description": ("进展情况", "What happened"),
    "progress.problems": ("需协调问题", "Problems to coordinate"),
    "progress.funds_arrived": ("累计到位资金（万元）", "Funds arrived to date (万元)"),
    # alliance
    "alliance.name": ("联盟名称", "Alliance"),
    "alliance.short_name": ("简称", "Short name"),
    "alliance.founded_date": ("成立日期", "Founded"),
    "alliance.founding_meeting": ("成立活动", "Founding meeting"),
    "alliance.secretariat": ("秘书处单位", "Secretariat"),
    "alliance.description": ("简介", "Description"),
    "alliance.members": ("成员数", "Members"),
    "alliance.chair": ("现任主席单位", "Current chair"),
    "member.alliance": ("联盟", "Alliance"),
    "member.unit": ("成员单位", "Member"),
    "member.member_kind": ("成员类型", "Member kind"),
    "member.joined_date": ("加入日期", "Joined"),
    "member.left_date": ("退出日期", "Left"),
    "member.contact_person": ("联系人", "Contact"),
    "member.contact_phone": ("联系电话", "Phone"),
    "chair_term.unit": ("主席单位", "Chair"),
    "chair_term.start_date": ("任期开始", "From"),
    "chair_term.end_date": ("任期结束", "To"),
    "chair_term.handover_meeting": ("交接活动", "Handover meeting"),
    # enums
    "province.sichuan": ("四川", "Sichuan"),
    "province.chongqing": ("重庆", "Chongqing"),
    "province.other": ("其他", "Other"),
    "unit_kind.government": ("政府部门", "Government department"),
    "unit_kind.district_government": ("区县政府", "District government"),
    "unit_kind.ftz_area": ("自贸试验区片区", "Pilot FTZ area"),
    "unit_kind.reform_pilot_area": ("协同改革先行区", "Collaborative reform pilot area"),
    "unit_kind.innovation_zone": ("联动创新区", "Interconnected innovation zone"),
    "unit_kind.enterprise": ("企业", "Enterprise"),
    "unit_kind.association": ("协会/商会", "Association"),
    "unit_kind.other": ("其他", "Other"),
    "host_role.host": ("主办", "Host"),
    "host_role.organiser": ("承办", "Organiser"),
    "host_role.co_organiser": ("协办", "Co-organiser"),
    "leader_role.speech": ("致辞", "Speech"),
    "leader_role.presided": ("主持", "Presided"),
    "leader_role.attended": ("出席", "Attended"),
    "agenda_kind.speech": ("致辞", "Speech"),
    "agenda_kind.case_release": ("案例发布", "Case release"),
    "agenda_kind.project_signing": ("项目签约", "Project signing"),
    "agenda_kind.presentation": ("推介", "Presentation"),
    "agenda_kind.ceremony": ("仪式", "Ceremony"),
    "agenda_kind.other": ("其他", "Other"),
    "case_scope.sichuan": ("四川", "Sichuan"),
    "case_scope.chongqing": ("重庆", "Chongqing"),
    "case_scope.joint": ("川渝共建", "Joint (Sichuan–Chongqing)"),
    "recognition.none": ("未认定", "None"),
    "recognition.showcased": ("发布展示", "Showcased"),
    "recognition.province": ("全省复制推广", "Promoted province-wide"),
    "recognition.national": ("全国复制推广", "Replicated nationwide"),
    "recognition.mofcom_best": ("商务部最佳实践案例", "MOFCOM best-practice case"),
    "case_unit_role.lead": ("牵头", "Lead"),
    "case_unit_role.participant": ("参与", "Participant"),
    "investor_origin.abroad": ("境外", "Abroad"),
    "investor_origin.other_province": ("省外", "Other province"),
    "investor_origin.in_province": ("省内市外", "Elsewhere in province"),
    "investor_origin.local": ("本地", "Local"),
    "project_type.new": ("新建", "New"),
    "project_type.expansion": ("增资扩产", "Expansion"),
    "stage.signed": ("签约", "Signed"),
    "stage.registered": ("落地", "Registered"),
    "stage.construction": ("开工", "Under construction"),
    "stage.production": ("投产", "In production"),
    "stage.target": ("达效", "At target output"),
    "stage.terminated": ("终止", "Terminated"),
}

# Which label family names the values of each enum class.
ENUM_FAMILY: dict[str, str] = {
    "Province": "province",
    "UnitKind": "unit_kind",
    "HostRole": "host_role",
    "LeaderRole": "leader_role",
    "AgendaKind": "agenda_kind",
    "CaseScope": "case_scope",
    "Recognition": "recognition",
    "CaseUnitRole": "case_unit_role",
    "InvestorOrigin": "investor_origin",
    "ProjectType": "project_type",
    "Stage": "stage",
}


def label(key: str, lang: str | None = None) -> str:
    """The name for a key in the given (or current) language; the key if unknown."""
    pair = LABELS.get(key)
    if pair is None:
        return key
    return pair[0] if (lang or current_language()) == "zh" else pair[1]


def enum_label(value: StrEnum, lang: str | None = None) -> str:
    return label(f"{ENUM_FAMILY[type(value).__name__]}.{value.value}", lang)


def enum_aliases(enum_cls: type[StrEnum]) -> dict[str, StrEnum]:
    """Every spelling a clerk may type for an enum value: code, Chinese, English."""
    family = ENUM_FAMILY[enum_cls.__name__]
    out: dict[str, StrEnum] = {}
    for member in enum_cls:
        zh, en = LABELS[f"{family}.{member.value}"]
        for name in (member.value, zh, en):
            out[name.casefold()] = member
    return out
