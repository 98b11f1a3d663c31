"""案例汇编: cases by category with scope, lead units, recognition and showcases."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import Connection

from db.labels import label
from db.queries import reports
from desktop.reports.convert import enum_name
from desktop.reports.options import ReportOptions
from desktop.reports.plan import DATA, GROUP, HEADER, TOTAL, Column, ReportContext, SheetPlan
from desktop.reports.words import word

# (label key, row key, enum family or None, max width)
COLUMNS = [
    ("case.title", "title", None, 34),
    ("case.code", "code", None, 12),
    ("case.scope", "scope", "case_scope", 12),
    ("case.lead_units", "lead_units", None, 26),
    ("case.participating_units", "participating_units", None, 22),
    ("case.launch_date", "launch_date", None, 12),
    ("case.recognition", "recognition", "recognition", 16),
    ("case.recognition_batch", "recognition_batch", None, 6),
    ("case.recognition_date", "recognition_date", None, 12),
    ("case.meetings", "meetings", None, 34),
    ("case.summary", "summary", None, 40),
]


def build(
    conn: Connection, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    cases = reports.compendium_cases(conn)
    title = word("title.cases-compendium", ctx.lang)
    return title, [compendium_sheet(title, cases, ctx)]


def compendium_sheet(title: str, cases: list[dict], ctx: ReportContext) -> SheetPlan:
    lang = ctx.lang
    heads = [word("seq", lang)] + [label(key, lang) for key, *_ in COLUMNS]
    plan = SheetPlan(
        name=word("sheet.compendium", lang),
        title=title,
        columns=[Column(heads[0], align="center")]
        + [Column(heads[i + 1], max_width=c[3]) for i, c in enumerate(COLUMNS)],
    )
    plan.header_at = plan.add(HEADER, heads)
    n = 0
    for (_cid, category), group in groupby(cases, key=lambda c: (c["category_id"], c["category"])):
        rows = list(group)
        plan.add(GROUP, [word("group.count", lang, name=category, count=len(rows))])
        for case in rows:
            n += 1
            values = [
                enum_name(case[key], family, lang) if family else case[key]
                for _l, key, family, _w in COLUMNS
            ]
            plan.add(DATA, [n, *values])
    plan.filter_rows = (plan.header_at, len(plan.rows) - 1)
    plan.add(TOTAL, [word("total", lang), word("n_cases", lang, count=len(cases))])
    return plan
