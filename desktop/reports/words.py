"""Report vocabulary that is not a field name (titles, 小计, 合计, signatures, errors).

Field and enum names come from `db.labels`; these are the words only reports use.
"""

from __future__ import annotations

from typing import Any

from db.lang import pick

WORDS: dict[str, tuple[str, str]] = {
    "title.meetings": ("会议活动一览表", "List of meetings"),
    "title.cases": ("协同创新案例一览表", "List of collaborative innovation cases"),
    "title.projects": ("重点项目一览表", "List of key projects"),
    "title.alliances": ("联盟一览表", "List of alliances"),
    "title.units": ("单位一览表", "List of units"),
    "title.meeting-brief": ("活动简报", "Meeting brief"),
    "title.brief_of": ("{title}活动简报", "Meeting brief: {title}"),
    "title.ledger": ("重点项目台账", "Key project ledger"),
    "title.cases-compendium": ("协同创新案例汇编", "Compendium of collaborative innovation cases"),
    "title.roster": ("联盟成员名册", "Alliance member roster"),
    "title.summary": ("自贸协同工作情况汇总表", "Summary of free-trade collaboration"),
    "title.progress": ("重点项目推进情况月报", "Monthly progress report of key projects"),
    "title.progress_of": (
        "重点项目推进情况月报（{year}年{month}月）",
        "Monthly progress report of key projects — {year}-{month:02d}",
    ),
    "sheet.progress": ("推进情况", "Progress"),
    "sheet.stage_counts": ("阶段统计", "Stage counts"),
    "pr.month": (
        "统计月份：{year}年{month}月；本月有进展的项目 {active} 个，推进阶段的项目 {moved} 个",
        "Month: {year}-{month:02d}; projects with entries this month: {active}; "
        "projects that moved on a stage: {moved}",
    ),
    "pr.start_stage": ("月初阶段", "Stage at start"),
    "pr.end_stage": ("月末阶段", "Stage at end"),
    "pr.entries": ("本月进展情况", "Progress this month"),
    "pr.problems": ("需协调解决的问题", "Problems needing coordination"),
    "pr.funds": ("月末到位资金（万元）", "Funds arrived by month end (万元)"),
    "pr.new": ("本月签约", "Signed this month"),
    "pr.no_entry": ("本月无进展记录", "No entry this month"),
    "pr.count_start": ("月初项目数", "Projects at start"),
    "pr.count_end": ("月末项目数", "Projects at end"),
    "sheet.list": ("一览表", "List"),
    "sheet.members": ("联盟成员", "Members"),
    "sheet.chairs": ("主席任期", "Chair terms"),
    "sheet.ledger": ("项目台账", "Ledger"),
    "sheet.charts": ("统计图表", "Charts"),
    "sheet.brief": ("活动简报", "Brief"),
    "sheet.compendium": ("案例汇编", "Compendium"),
    "sheet.summary": ("情况汇总", "Summary"),
    "reporting_unit": ("填报单位：", "Reporting unit: "),
    "report_date": ("填报日期：", "Date: "),
    "money_unit": ("单位：万元", "Unit: 万元"),
    "seq": ("序号", "No."),
    "subtotal": ("小计", "Subtotal"),
    "total": ("合计", "Total"),
    "signers": (
        "制表人：{gap}审核人：{gap}负责人：",
        "Prepared by:{gap}Checked by:{gap}Approved by:",
    ),
    "printed": ("打印日期：", "Printed on: "),
    "footer": ("第 &P 页 共 &N 页", "Page &P of &N"),
    "count": ("数量", "Count"),
    "item": ("项目", "Item"),
    "period": ("统计期间：{start} 至 {end}", "Period: {start} to {end}"),
    "period.all": ("统计期间：全部", "Period: all records"),
    "since": ("起", "onwards"),
    "until": ("止", "until"),
    "brief.basics": ("一、基本情况", "1. The meeting"),
    "brief.leaders": ("二、出席领导", "2. Leaders"),
    "brief.agenda": ("三、活动议程", "3. Agenda"),
    "brief.cases": ("四、发布案例", "4. Cases showcased"),
    "brief.projects": ("五、签约项目", "5. Projects signed"),
    "brief.date": ("活动日期", "Date"),
    "brief.place": ("活动地点", "Place"),
    "sum.meetings": ("一、会议活动（按类型）", "1. Meetings held, by kind"),
    "sum.cases": ("二、协同创新案例（按认定级别）", "2. Cases, by recognition level"),
    "sum.fields": ("三、签约项目（按产业领域）", "3. Projects signed, by industry field"),
    "sum.origins": ("四、签约项目（按投资方来源）", "4. Projects signed, by investor origin"),
    "sum.provinces": (
        "五、签约项目（按投资方所在省份）",
        "5. Projects signed, by investor's province",
    ),
    "chart.by_field": ("签约金额（按产业领域）", "Contracted investment by field"),
    "chart.by_stage": ("项目数（按推进阶段）", "Projects by stage"),
    "chair.history": ("主席任期", "Chair history"),
    "title.sep": ("——", " — "),
    "group.count": ("{name}（{count}）", "{name} ({count})"),
    "n_projects": ("共 {count} 个项目", "{count} projects"),
    "n_cases": ("共 {count} 个案例", "{count} cases"),
    "n_members": ("共 {count} 家成员", "{count} members"),
    "none": ("（无）", "(none)"),
    # errors
    "err.unknown_report": ("未知报表：{name}", "Unknown report: {name}"),
    "err.need_meeting": (
        "活动简报须指定会议（--meeting 编号）。",
        "The meeting brief needs a meeting (--meeting ID).",
    ),
    "err.no_meeting": ("找不到会议活动 {id}。", "No meeting {id}."),
    "err.no_folder": ("文件夹 {path} 不存在。", "The folder {path} does not exist."),
    "err.is_folder": ("{path} 是文件夹，请给出文件名。", "{path} is a folder; give a file name."),
    "err.folder_readonly": (
        "无法在文件夹 {path} 中写入文件（没有写入权限）。",
        "Cannot write into the folder {path} (no write permission).",
    ),
    "err.locked": (
        "无法写入 {path}：该文件可能正在 Excel 等程序中打开，或为只读文件。请关闭后重试。",
        "Cannot write {path}: the file may be open in Excel or another program, or read-only. Close it and try again.",
    ),
    "err.write_failed": ("无法写入 {path}：{error}", "Cannot write {path}: {error}"),
    "err.bad_date": (
        "{option}：“{value}”不是日期（格式 YYYY-MM-DD）。",
        "{option}: “{value}” is not a date (YYYY-MM-DD).",
    ),
    "err.bad_year": (
        "--year：“{value}”不是 1900 至 2100 之间的年份。",
        "--year: “{value}” is not a year between 1900 and 2100.",
    ),
    "err.bad_range": (
        "--to（{end}）不能早于 --from（{start}）。",
        "--to ({end}) must not be before --from ({start}).",
    ),
    "err.year_and_range": (
        "--year 不能与 --from/--to 同时使用。",
        "--year cannot be combined with --from/--to.",
    ),
    "err.bad_field": (
        "--field：找不到产业领域“{value}”（可用编码、中文或英文名称）。",
        "--field: no industry field “{value}” (use its code, Chinese or English name).",
    ),
    "err.bad_stage": (
        "--stage：“{value}”不是推进阶段（可选：{choices}）。",
        "--stage: “{value}” is not a stage (one of: {choices}).",
    ),
    "err.bad_meeting": (
        "--meeting：“{value}”不是会议编号。",
        "--meeting: “{value}” is not a meeting id.",
    ),
    "err.bad_column": ("未知的列：{key}", "Unknown column: {key}"),
    "err.bad_month": (
        "--month：“{value}”不是月份（格式 YYYY-MM）。",
        "--month: “{value}” is not a month (YYYY-MM).",
    ),
    "done": ("已写入报表：{path}", "Report written: {path}"),
}


def word(key: str, lang: str | None = None, **params: Any) -> str:
    zh, en = WORDS[key]
    text = pick(zh, en, lang)
    return text.format(**params) if params else text
