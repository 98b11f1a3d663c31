"""List reports of the five tabs: the rows and column order the clerk sees.

meetings, cases, projects, alliances (plus a sheet of their members) and units.
"""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import Connection

from db.errors import LedgerError
from db.labels import label
from db.queries import lists, reports
from db.queries.lists import Col, ListFilter
from desktop.reports.convert import converter, enum_name, total
from desktop.reports.options import ReportOptions
from desktop.reports.plan import DATA, HEADER, TOTAL, Column, ReportContext, Row, SheetPlan
from desktop.reports.words import word

# Integer columns whose 合计 means something (how many projects, how many members).
SUMMED_INTS = {"projects", "members"}
WIDE_TEXT = {"title", "name", "meeting", "meetings", "hosts", "lead_units", "investor"}


def build(
    conn: Connection, kind: str, options: ReportOptions, ctx: ReportContext
) -> tuple[str, list[SheetPlan]]:
    cols = chosen_columns(kind, options.columns)
    rows = fetch(conn, kind, options)
    title = word(f"title.{kind}", ctx.lang)
    sheets = [list_sheet(word("sheet.list", ctx.lang), title, cols, rows, ctx)]
    if kind == "alliances":
        sheets.append(members_sheet(conn, [r["id"] for r in rows], ctx))
    return title, sheets


def chosen_columns(kind: str, keys: list[str] | None) -> list[Col]:
    spec = lists.SPECS[kind]
    if keys is None:
        return list(spec.columns)
    known = {c.key: c for c in spec.columns}
    for key in keys:
        if key not in known:
            raise LedgerError(word("err.bad_column", key=key))
    return [known[k] for k in keys]


def list_filter(conn: Connection, kind: str, options: ReportOptions) -> ListFilter:
    """The clerk's filter, narrowed by the report options the command line gives."""
    flt = replace(options.filter) if options.filter else ListFilter()
    if options.year and options.date_from is None and options.date_to is None:
        flt.year = options.year
    if options.field_id:
        flt.field_id = options.field_id
    if options.stage:
        flt.stage = options.stage
    if options.meeting_id:
        flt.meeting_id = options.meeting_id
    if options.date_from or options.date_to:
        in_period = reports.ids_in_period(conn, kind, options.date_from, options.date_to)
        flt.ids = in_period if flt.ids is None else sorted(set(flt.ids) & set(in_period))
    return flt


def fetch(conn: Connection, kind: str, options: ReportOptions) -> list[dict]:
    """The rows in the clerk's order: the given ids, else the filter and sort."""
    if options.ids is not None:
        found = lists.fetch_rows(conn, kind, options.ids)
        return [found[i] for i in options.ids if i in found]
    return lists.list_rows(conn, kind, list_filter(conn, kind, options), options.sort)


def list_sheet(
    name: str, title: str, cols: list[Col], rows: list[dict], ctx: ReportContext
) -> SheetPlan:
    summed = [i for i, c in enumerate(cols) if c.kind == "amount" or c.key in SUMMED_INTS]
    plan = SheetPlan(
        name=name,
        title=title,
        columns=[Column(word("seq", ctx.lang), align="center")]
        + [Column(label(c.label, ctx.lang), max_width=_max_width(c)) for c in cols],
        amounts=any(c.kind == "amount" for c in cols),
    )
    header = plan.add(HEADER, [word("seq", ctx.lang)] + [label(c.label, ctx.lang) for c in cols])
    plan.rows.extend(_data_rows(cols, rows, ctx.lang))
    plan.header_at = header
    plan.filter_rows = (header, len(plan.rows) - 1)
    if summed and rows:
        sums: list = [word("total", ctx.lang)] + [None] * len(cols)
        for i in summed:
            sums[i + 1] = _sum(cols[i], [r[cols[i].key] for r in rows])
        plan.add(TOTAL, sums)
    return plan


def _max_width(col: Col) -> int:
    return 40 if col.key in WIDE_TEXT else 24


def _sum(col: Col, values: list):
    return total(values) if col.kind == "amount" else sum(v or 0 for v in values)


def _data_rows(cols: list[Col], rows: list[dict], lang: str) -> list[Row]:
    keys = [c.key for c in cols]
    convs = [converter(c.kind, lang) for c in cols]
    if not any(convs):
        return [Row(DATA, [n, *(r[k] for k in keys)]) for n, r in enumerate(rows, 1)]
    pairs = list(zip(keys, convs, strict=True))
    return [
        Row(DATA, [n, *((f(r[k]) if f else r[k]) for k, f in pairs)]) for n, r in enumerate(rows, 1)
    ]


def members_sheet(conn: Connection, alliance_ids: list[int], ctx: ReportContext) -> SheetPlan:
    """The members of the listed alliances, in the list's order."""
    lang = ctx.lang
    order = {aid: i for i, aid in enumerate(alliance_ids)}
    members = sorted(
        reports.alliance_members(conn, alliance_ids), key=lambda m: order[m["alliance_id"]]
    )
    heads = [
        word("seq", lang),
        label("member.alliance", lang),
        label("member.unit", lang),
        label("member.member_kind", lang),
        label("unit.kind", lang),
        label("member.joined_date", lang),
        label("member.left_date", lang),
        label("member.contact_person", lang),
        label("member.contact_phone", lang),
    ]
    plan = SheetPlan(
        name=word("sheet.members", lang),
        title=word("title.roster", lang),
        columns=[Column(h, align="center" if i == 0 else None) for i, h in enumerate(heads)],
    )
    plan.header_at = plan.add(HEADER, heads)
    for n, m in enumerate(members, 1):
        plan.add(
            DATA,
            [
                n,
                m["alliance"],
                m["unit"],
                m["member_kind"],
                enum_name(m["unit_kind"], "unit_kind", lang),
                m["joined_date"],
                m["left_date"],
                m["contact_person"],
                m["contact_phone"],
            ],
        )
    plan.filter_rows = (plan.header_at, len(plan.rows) - 1)
    return plan
