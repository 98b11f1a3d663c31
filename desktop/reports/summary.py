"""Summary for a period: meetings, cases by recognition, projects by field, origin, province."""

from __future__ import annotations

from datetime import date

from sqlalchemy import Connection

from db.enums import InvestorOrigin, Province, Recognition
from db.labels import label
from db.queries import reports
from desktop.reports.convert import enum_name, total
from desktop.reports.options import ReportOptions
from desktop.reports.plan import (
    BLANK,
    DATA,
    HEADER,
    SECTION,
    TOTAL,
    Column,
    ReportContext,
    SheetPlan,
)
from desktop.reports.words import word

WIDTHS = [8, 30, 10, 18, 18]


def build(
    conn: Connection, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    start, end = options.period()
    lang = ctx.lang
    title = word("title.summary", lang)
    plan = SheetPlan(
        name=word("sheet.summary", lang),
        title=title,
        columns=[
            Column("", max_width=w, align="center" if i == 0 else None)
            for i, w in enumerate(WIDTHS)
        ],
        amounts=True,
    )
    plan.add(SECTION, [period_text(start, end, lang)])
    counts = [(r["name"], r["count"]) for r in reports.meetings_by_kind(conn, start, end)]
    _count_table(plan, "sum.meetings", label("meeting.kind", lang), counts, lang)
    by_level = {r["name"]: r["count"] for r in reports.cases_by_recognition(conn, start, end)}
    levels = [(enum_name(r, "recognition", lang), by_level.get(r, 0)) for r in Recognition]
    _count_table(plan, "sum.cases", label("case.recognition", lang), levels, lang)
    fields = reports.projects_by_field(conn, start, end)
    _money_table(plan, "sum.fields", label("project.field", lang), fields, lang)
    origins = _by_enum(reports.projects_by_origin(conn, start, end), InvestorOrigin, lang)
    _money_table(plan, "sum.origins", label("project.investor_origin", lang), origins, lang)
    provinces = _by_enum(reports.projects_by_province(conn, start, end), Province, lang)
    _money_table(plan, "sum.provinces", label("unit.province", lang), provinces, lang)
    return title, [plan]


def period_text(start: date | None, end: date | None, lang: str) -> str:
    if start is None and end is None:
        return word("period.all", lang)
    first = f"{start:%Y-%m-%d}" if start else "…"
    last = f"{end:%Y-%m-%d}" if end else "…"
    return word("period", lang, start=first, end=last)


def _by_enum(rows: list[dict], enum_cls, lang: str) -> list[dict]:
    """Every value of the enum in its order, with zeros where nothing was signed."""
    found = {r["name"]: r for r in rows}
    family = {InvestorOrigin: "investor_origin", Province: "province"}[enum_cls]
    return [
        {
            "name": enum_name(member, family, lang),
            "count": found[member]["count"] if member in found else 0,
            "investment": found[member]["investment"] if member in found else 0,
            "funds_arrived": found[member]["funds_arrived"] if member in found else 0,
        }
        for member in enum_cls
    ]


def _count_table(plan, section: str, what: str, counts: list[tuple], lang: str) -> None:
    plan.add(BLANK)
    plan.add(SECTION, [word(section, lang)])
    plan.add(HEADER, [word("seq", lang), what, word("count", lang)])
    for n, (name, count) in enumerate(counts, 1):
        plan.add(DATA, [n, name, count])
    plan.add(TOTAL, [word("total", lang), None, sum(c for _n, c in counts)])


def _money_table(plan, section: str, what: str, rows: list[dict], lang: str) -> None:
    plan.add(BLANK)
    plan.add(SECTION, [word(section, lang)])
    heads = [word("seq", lang), what, word("count", lang)]
    heads += [label("project.investment", lang), label("project.funds_arrived", lang)]
    plan.add(HEADER, heads)
    for n, r in enumerate(rows, 1):
        amounts = [total([r["investment"]]), total([r["funds_arrived"]])]
        plan.add(DATA, [n, r["name"], r["count"], *amounts])
    sums = [total(r["investment"] for r in rows), total(r["funds_arrived"] for r in rows)]
    plan.add(TOTAL, [word("total", lang), None, sum(r["count"] for r in rows), *sums])
