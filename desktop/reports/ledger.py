"""重点项目台账: projects by industry field with 小计 and 合计, stage counts, charts."""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from sqlalchemy import Connection

from db.enums import STAGE_ORDER, Stage
from db.labels import label
from db.queries import reports
from desktop.reports.convert import enum_name, total
from desktop.reports.options import ReportOptions
from desktop.reports.plan import (
    BLANK,
    DATA,
    GROUP,
    HEADER,
    SUBTOTAL,
    TOTAL,
    ChartPlan,
    Column,
    ReportContext,
    SheetPlan,
)
from desktop.reports.style import AMOUNT_FORMAT
from desktop.reports.words import word

# (label key, row key, enum family or None, max width)
COLUMNS = [
    ("project.name", "name", None, 36),
    ("project.investor", "investor", None, 30),
    ("project.investor_origin", "investor_origin", "investor_origin", 12),
    ("project.host_locality", "host_locality", None, 14),
    ("project.project_type", "project_type", "project_type", 10),
    ("project.investment", "investment", None, 16),
    ("project.funds_arrived", "funds_arrived", None, 16),
    ("project.signed_date", "signed_date", None, 12),
    ("project.stage", "stage", "stage", 12),
    ("project.responsible_unit", "responsible_unit", None, 24),
    ("project.last_progress_date", "last_progress_date", None, 12),
]
CHART_WIDTH_CM = 13
CHART_COLS = 7  # default-width columns a chart spans: the second sits beside the first
INVESTMENT, FUNDS = 6, 7  # their positions in a row (after 序号)


def build(
    conn: Connection, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    start, end = options.period()
    projects = reports.ledger_projects(conn, options.field_id, options.stage, start, end)
    title = word("title.ledger", ctx.lang)
    ledger, by_field = ledger_sheet(title, projects, ctx)
    return title, [ledger, charts_sheet(title, by_field, projects, ctx)]


def ledger_sheet(title: str, projects: list[dict], ctx: ReportContext):
    lang = ctx.lang
    heads = [word("seq", lang)] + [label(key, lang) for key, *_ in COLUMNS]
    plan = SheetPlan(
        name=word("sheet.ledger", lang),
        title=title,
        columns=[Column(heads[0], align="center")]
        + [Column(heads[i + 1], max_width=c[3]) for i, c in enumerate(COLUMNS)],
        amounts=True,
    )
    plan.header_at = plan.add(HEADER, heads)
    by_field: list[tuple[str, int, object, object]] = []
    n = 0
    for (_fid, field), group in groupby(projects, key=lambda p: (p["field_id"], p["field"])):
        rows = list(group)
        plan.add(GROUP, [word("group.count", lang, name=field, count=len(rows))])
        for p in rows:
            n += 1
            plan.add(DATA, [n] + [_value(p, key, family, lang) for _l, key, family, _w in COLUMNS])
        sums = (total(p["investment"] for p in rows), total(p["funds_arrived"] for p in rows))
        by_field.append((field, len(rows), *sums))
        plan.add(SUBTOTAL, _sum_row(word("subtotal", lang), field, *sums))
    plan.filter_rows = (plan.header_at, len(plan.rows) - 1)
    plan.add(
        TOTAL,
        _sum_row(
            word("total", lang),
            word("n_projects", lang, count=len(projects)),
            total(p["investment"] for p in projects),
            total(p["funds_arrived"] for p in projects),
        ),
    )
    return plan, by_field


def _value(p: dict, key: str, family: str | None, lang: str):
    return enum_name(p[key], family, lang) if family else p[key]


def _sum_row(word_text: str, what: str, investment, funds) -> list:
    row: list = [word_text, what] + [None] * (len(COLUMNS) - 1)
    row[INVESTMENT], row[FUNDS] = investment, funds
    return row


def charts_sheet(title: str, by_field: list, projects: list[dict], ctx: ReportContext):
    """Counts by field and stage with native bar charts over them."""
    lang = ctx.lang
    heads = [
        label("project.field", lang),
        word("count", lang),
        label("project.investment", lang),
        label("project.funds_arrived", lang),
    ]
    plan = SheetPlan(
        name=word("sheet.charts", lang),
        title=title,
        columns=[Column(h, max_width=24) for h in heads],
        amounts=True,
    )
    field_head = plan.add(HEADER, heads)
    first = len(plan.rows)
    for field, count, investment, funds in by_field:
        plan.add(DATA, [field, count, investment, funds])
    last = len(plan.rows) - 1
    plan.add(TOTAL, [word("total", lang), len(projects), *(r for r in _totals(by_field))])
    plan.add(BLANK)
    stage_head = plan.add(HEADER, [label("project.stage", lang), word("count", lang)])
    counts = Counter(p["stage"] for p in projects)
    stage_first = len(plan.rows)
    for stage in (*STAGE_ORDER, Stage.TERMINATED):
        plan.add(DATA, [enum_name(stage, "stage", lang), counts.get(stage, 0)])
    stage_last = len(plan.rows) - 1
    plan.add(TOTAL, [word("total", lang), len(projects)])
    if by_field:
        plan.charts.append(
            ChartPlan(
                "bar",
                word("chart.by_field", lang),
                field_head,
                first,
                last,
                category_col=0,
                value_col=2,
                anchor_col=5,
                anchor_row=0,
                width_cm=CHART_WIDTH_CM,
                y_title=word("money_unit", lang),
                number_format=AMOUNT_FORMAT,
            )
        )
    plan.charts.append(
        ChartPlan(
            "bar",
            word("chart.by_stage", lang),
            stage_head,
            stage_first,
            stage_last,
            category_col=0,
            value_col=1,
            anchor_col=5 + CHART_COLS,
            anchor_row=0,
            width_cm=CHART_WIDTH_CM,
            number_format="0",
        )
    )
    return plan


def _totals(by_field: list) -> tuple:
    return total(r[2] for r in by_field), total(r[3] for r in by_field)
