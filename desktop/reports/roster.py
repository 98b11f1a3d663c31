"""联盟成员名册: per alliance its members (kinds, dates) and its chair history."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import Connection

from db.labels import label
from db.queries import reports
from desktop.reports.convert import enum_name
from desktop.reports.options import ReportOptions
from desktop.reports.plan import (
    DATA,
    GROUP,
    HEADER,
    SUBTOTAL,
    TOTAL,
    Column,
    ReportContext,
    SheetPlan,
)
from desktop.reports.words import word

MEMBER_HEADS = [
    "member.unit",
    "member.member_kind",
    "unit.kind",
    "unit.province",
    "member.joined_date",
    "member.left_date",
    "member.contact_person",
    "member.contact_phone",
]
CHAIR_HEADS = [
    "chair_term.unit",
    "chair_term.start_date",
    "chair_term.end_date",
    "chair_term.handover_meeting",
]


def build(
    conn: Connection, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    chosen = options.ids
    alliance_rows = reports.alliances(conn)
    if chosen is not None:
        by_id = {a["id"]: a for a in alliance_rows}
        alliance_rows = [by_id[i] for i in chosen if i in by_id]
    ids = [a["id"] for a in alliance_rows]
    members = reports.alliance_members(conn, ids)
    terms = reports.chair_terms(conn, ids)
    title = word("title.roster", ctx.lang)
    return title, [
        members_sheet(title, alliance_rows, members, ctx),
        chairs_sheet(title, alliance_rows, terms, ctx),
    ]


def _grouped(rows: list[dict], alliance_rows: list[dict]) -> list[tuple[dict, list[dict]]]:
    by_alliance = {k: list(g) for k, g in groupby(rows, key=lambda r: r["alliance_id"])}
    return [(a, by_alliance.get(a["id"], [])) for a in alliance_rows]


def _heading(alliance: dict, lang: str) -> str:
    name = alliance["name"]
    return f"{name}（{alliance['short_name']}）" if alliance["short_name"] else name


def members_sheet(title: str, alliance_rows, members, ctx: ReportContext) -> SheetPlan:
    lang = ctx.lang
    heads = [word("seq", lang)] + [label(k, lang) for k in MEMBER_HEADS]
    plan = SheetPlan(
        name=word("sheet.members", lang),
        title=title,
        columns=[Column(heads[0], align="center")] + [Column(h) for h in heads[1:]],
    )
    plan.header_at = plan.add(HEADER, heads)
    count = 0
    for alliance, rows in _grouped(members, alliance_rows):
        plan.add(GROUP, [_heading(alliance, lang)])
        for n, m in enumerate(rows, 1):
            plan.add(
                DATA,
                [
                    n,
                    m["unit"],
                    m["member_kind"],
                    enum_name(m["unit_kind"], "unit_kind", lang),
                    enum_name(m["province"], "province", lang),
                    m["joined_date"],
                    m["left_date"],
                    m["contact_person"],
                    m["contact_phone"],
                ],
            )
        count += len(rows)
        plan.add(SUBTOTAL, [word("subtotal", lang), word("n_members", lang, count=len(rows))])
    plan.filter_rows = (plan.header_at, len(plan.rows) - 1)
    plan.add(TOTAL, [word("total", lang), word("n_members", lang, count=count)])
    return plan


def chairs_sheet(title: str, alliance_rows, terms, ctx: ReportContext) -> SheetPlan:
    lang = ctx.lang
    heads = [word("seq", lang)] + [label(k, lang) for k in CHAIR_HEADS]
    plan = SheetPlan(
        name=word("sheet.chairs", lang),
        title=f"{title}{word('title.sep', lang)}{word('chair.history', lang)}",
        columns=[Column(heads[0], align="center")] + [Column(h) for h in heads[1:]],
    )
    plan.header_at = plan.add(HEADER, heads)
    for alliance, rows in _grouped(terms, alliance_rows):
        plan.add(GROUP, [_heading(alliance, lang)])
        for n, t in enumerate(rows, 1):
            plan.add(DATA, [n, t["unit"], t["start_date"], t["end_date"], t["handover_meeting"]])
    plan.filter_rows = (plan.header_at, len(plan.rows) - 1)
    return plan
