"""活动简报 for one meeting: facts, hosts by role, leaders, agenda, cases, projects."""

from __future__ import annotations

from itertools import groupby

from sqlalchemy import Connection

from db.enums import HostRole
from db.errors import LedgerError
from db.labels import label
from db.queries.details import meeting_detail
from desktop.reports.convert import enum_name, total
from desktop.reports.options import ReportOptions
from desktop.reports.plan import (
    BLANK,
    DATA,
    HEADER,
    KV,
    SECTION,
    SUBTOTAL,
    TOTAL,
    Column,
    ReportContext,
    SheetPlan,
)
from desktop.reports.words import word

WIDTHS = [10, 36, 30, 26, 16, 12]  # the grid shared by every block of the brief
INVESTMENT = 4


def build(
    conn: Connection, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    if options.meeting_id is None:
        raise LedgerError(word("err.need_meeting", ctx.lang))
    meeting = meeting_detail(conn, options.meeting_id)
    if meeting is None or meeting["deleted_at"] is not None:
        raise LedgerError(word("err.no_meeting", ctx.lang, id=options.meeting_id))
    title = word("title.brief_of", ctx.lang, title=meeting["title"])
    plan = SheetPlan(
        name=word("sheet.brief", ctx.lang),
        title=title,
        columns=[
            Column("", max_width=w, align="center" if i == 0 else None)
            for i, w in enumerate(WIDTHS)
        ],
        amounts=True,
    )
    lang = ctx.lang
    _basics(plan, meeting, lang)
    _leaders(plan, meeting, lang)
    _agenda(plan, meeting, lang)
    _cases(plan, meeting, lang)
    _projects(plan, meeting, lang)
    return title, [plan]


def _basics(plan: SheetPlan, m: dict, lang: str) -> None:
    plan.add(SECTION, [word("brief.basics", lang)])
    plan.add(KV, [label("meeting.title", lang), m["title"]])
    plan.add(KV, [label("meeting.kind", lang), m["kind"]])
    when = m["start_date"]
    if m["end_date"] and m["end_date"] != m["start_date"]:
        when = f"{m['start_date']:%Y-%m-%d} — {m['end_date']:%Y-%m-%d}"
    plan.add(KV, [word("brief.date", lang), when])
    place = " ".join(p for p in (m["city"], m["district"], m["venue"]) if p)
    plan.add(KV, [word("brief.place", lang), place or None])
    for role in HostRole:
        names = "、".join(h["unit"] for h in m["hosts"] if h["role"] == role)
        if names:
            plan.add(KV, [enum_name(role, "host_role", lang), names])
    if m["summary"]:
        plan.add(KV, [label("meeting.summary", lang), m["summary"]])
    source = "  ".join(
        str(p)
        for p in (m["source_publisher"], m["source_date"], m["source_ref"])
        if p is not None and p != ""
    )
    if source:
        plan.add(KV, [label("meeting.source_publisher", lang), source])


def _block(plan: SheetPlan, section: str, heads: list[str], lang: str) -> None:
    plan.add(BLANK)
    plan.add(SECTION, [word(section, lang)])
    plan.add(HEADER, [word("seq", lang), *heads])


def _leaders(plan: SheetPlan, m: dict, lang: str) -> None:
    heads = [label(k, lang) for k in ("leader.name", "leader.position", "leader.unit")]
    _block(plan, "brief.leaders", [*heads, label("leader.role", lang)], lang)
    for n, ld in enumerate(m["leaders"], 1):
        role = enum_name(ld["role"], "leader_role", lang)
        plan.add(DATA, [n, ld["name"], ld["position"], ld["unit"], role])
    if not m["leaders"]:
        plan.add(DATA, [None, word("none", lang)])


def _agenda(plan: SheetPlan, m: dict, lang: str) -> None:
    _block(plan, "brief.agenda", [label("agenda.kind", lang), label("agenda.text", lang)], lang)
    for n, item in enumerate(m["agenda"], 1):
        plan.add(DATA, [n, enum_name(item["kind"], "agenda_kind", lang), item["text"]])
    if not m["agenda"]:
        plan.add(DATA, [None, word("none", lang)])


def _cases(plan: SheetPlan, m: dict, lang: str) -> None:
    _block(plan, "brief.cases", [label("case.title", lang), label("case.code", lang)], lang)
    for n, case in enumerate(m["cases"], 1):
        plan.add(DATA, [n, case["title"], case["code"]])
    if not m["cases"]:
        plan.add(DATA, [None, word("none", lang)])


def _projects(plan: SheetPlan, m: dict, lang: str) -> None:
    heads = [
        label(k, lang)
        for k in (
            "project.name",
            "project.investor",
            "project.field",
            "project.investment",
            "project.stage",
        )
    ]
    _block(plan, "brief.projects", heads, lang)
    projects = sorted(m["projects"], key=lambda p: (p["field"], p["id"]))
    n = 0
    for field, group in groupby(projects, key=lambda p: p["field"]):
        rows = list(group)
        for p in rows:
            n += 1
            stage = enum_name(p["stage"], "stage", lang)
            plan.add(DATA, [n, p["name"], p["investor"], field, p["investment"], stage])
        subtotal = [word("subtotal", lang), None, None, field, total(p["investment"] for p in rows)]
        plan.add(SUBTOTAL, [*subtotal, None])
    sums = [word("total", lang), word("n_projects", lang, count=len(projects)), None, None]
    plan.add(TOTAL, [*sums, total(p["investment"] for p in projects), None])
