"""重点项目推进情况月报: per project the stage at the start and end of the month, the
entries during it and the problems raised; grouped by the stage reached, with 小计,
合计 and a sheet of stage counts."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import Connection

from db.enums import STAGE_ORDER, Stage
from db.labels import label
from db.queries.progress_report import MonthRow, month_rows
from desktop.reports.convert import enum_name, total
from desktop.reports.options import ReportOptions
from desktop.reports.plan import (
    DATA,
    GROUP,
    HEADER,
    SECTION,
    SUBTOTAL,
    TOTAL,
    Column,
    ReportContext,
    SheetPlan,
)
from desktop.reports.words import word

STAGES = (*STAGE_ORDER, Stage.TERMINATED)
INVESTMENT, FUNDS = 4, 5  # their positions in a row (after 序号)
WIDTHS = (8, 32, 26, 14, 14, 14, 10, 10, 44, 30)


def build(
    conn: Connection, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    month = options.month or ctx.today  # no month asked for: this month
    rows = month_rows(conn, month)
    title = word("title.progress_of", ctx.lang, year=month.year, month=month.month)
    return title, [progress_sheet(title, rows, month, ctx), counts_sheet(title, rows, ctx)]


def _heads(lang: str) -> list[str]:
    return [
        word("seq", lang),
        label("project.name", lang),
        label("project.investor", lang),
        label("project.field", lang),
        label("project.investment", lang),
        word("pr.funds", lang),
        word("pr.start_stage", lang),
        word("pr.end_stage", lang),
        word("pr.entries", lang),
        word("pr.problems", lang),
    ]


def _moved(r: MonthRow) -> bool:
    return r.start_stage is not None and r.start_stage != r.end_stage


def progress_sheet(title: str, rows: list[MonthRow], month, ctx: ReportContext) -> SheetPlan:
    lang = ctx.lang
    heads = _heads(lang)
    plan = SheetPlan(
        name=word("sheet.progress", lang),
        title=title,
        columns=[
            Column(h, max_width=w, align="center" if i == 0 else None)
            for i, (h, w) in enumerate(zip(heads, WIDTHS, strict=True))
        ],
        amounts=True,
    )
    active = sum(1 for r in rows if r.entries)
    summary = word(
        "pr.month",
        lang,
        year=month.year,
        month=month.month,
        active=active,
        moved=sum(1 for r in rows if _moved(r)),
    )
    plan.add(SECTION, [summary])
    plan.header_at = plan.add(HEADER, heads)
    n = 0
    for stage in STAGES:
        group = [r for r in rows if r.end_stage == stage]
        if not group:
            continue
        name = enum_name(stage, "stage", lang)
        plan.add(GROUP, [word("group.count", lang, name=name, count=len(group))])
        for r in group:
            n += 1
            plan.add(DATA, _row(n, r, lang))
        plan.add(SUBTOTAL, _sum_row(word("subtotal", lang), name, group))
    plan.add(TOTAL, _sum_row(word("total", lang), word("n_projects", lang, count=len(rows)), rows))
    return plan


def _row(n: int, r: MonthRow, lang: str) -> list:
    start = enum_name(r.start_stage, "stage", lang) if r.start_stage else word("pr.new", lang)
    entries = "\n".join(
        f"{e['entry_date']:%m-%d} {enum_name(Stage(e['stage']), 'stage', lang)}：{e['description']}"
        for e in r.entries
    )
    return [
        n,
        r.name,
        r.investor,
        r.field,
        r.investment,
        r.funds_arrived,
        start,
        enum_name(r.end_stage, "stage", lang),
        entries or word("pr.no_entry", lang),
        "\n".join(r.problems) or None,
    ]


def _sum_row(first: str, what: str, rows: list[MonthRow]) -> list:
    values: list = [first, what, None, None, None, None]
    values[INVESTMENT] = total(r.investment for r in rows)
    values[FUNDS] = total(r.funds_arrived for r in rows)
    return values


def counts_sheet(title: str, rows: list[MonthRow], ctx: ReportContext) -> SheetPlan:
    """Projects per stage at the start and the end of the month, with amounts at the end."""
    lang = ctx.lang
    heads = [
        label("project.stage", lang),
        word("pr.count_start", lang),
        word("pr.count_end", lang),
        label("project.investment", lang),
        word("pr.funds", lang),
    ]
    plan = SheetPlan(
        name=word("sheet.stage_counts", lang),
        title=title,
        columns=[Column(h, max_width=22) for h in heads],
        amounts=True,
    )
    plan.header_at = plan.add(HEADER, heads)
    at_start = Counter(r.start_stage for r in rows if r.start_stage is not None)
    for stage in STAGES:
        ending = [r for r in rows if r.end_stage == stage]
        plan.add(
            DATA,
            [
                enum_name(stage, "stage", lang),
                at_start.get(stage, 0),
                len(ending),
                total(r.investment for r in ending),
                total(r.funds_arrived for r in ending),
            ],
        )
    plan.add(
        TOTAL,
        [
            word("total", lang),
            sum(at_start.values()),
            len(rows),
            total(r.investment for r in rows),
            total(r.funds_arrived for r in rows),
        ],
    )
    return plan
