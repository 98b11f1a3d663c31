"""The columns of each import kind, declared once for the template and the import.

A column's key is the service's field name, so a rule broken in a service
(FieldError.field) leads back to the column the clerk typed it in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from db.enums import (
    CaseScope,
    InvestorOrigin,
    ProjectType,
    Province,
    Recognition,
    Stage,
    UnitKind,
)
from desktop.importing.normalise import fold
from desktop.importing.texts import both_labels, column_label

# Value kinds: text, date, amount, int, enum, ref (reference table), unit, units,
# meeting, meetings, project, alliance.


@dataclass(frozen=True)
class Column:
    key: str
    label_key: str
    kind: str = "text"
    required: bool = False
    enum: type[StrEnum] | None = None
    table: str | None = None
    # The service field a rule names, when it differs from the key.
    field: str | None = None
    # Kind of unit created for an unknown name in this column.
    new_unit_kind: UnitKind = UnitKind.OTHER
    # False: an unknown unit here is a mistake, never a new unit (progress' investor).
    may_create: bool = True
    aliases: tuple[str, ...] = ()
    width: int = 16

    @property
    def service_field(self) -> str:
        return self.field or self.key

    def header(self, lang: str | None = None) -> str:
        return column_label(self.label_key, lang)

    def spellings(self) -> tuple[str, ...]:
        return (self.key, self.label_key, *both_labels(self.label_key), *self.aliases)


@dataclass(frozen=True)
class KindSpec:
    kind: str  # units, meetings, cases, projects, progress, members
    record_label: str  # db.labels key naming one record
    columns: tuple[Column, ...]
    _index: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def column(self, key: str) -> Column:
        return next(c for c in self.columns if c.key == key)

    def match_header(self, text: object) -> str | None:
        """The column key a header names, or None."""
        if not self._index:
            for col in self.columns:
                for spelling in col.spellings():
                    self._index.setdefault(header_key(spelling), col.key)
        return self._index.get(header_key(text)) if text is not None else None


_PARENS = re.compile(r"\(.*?\)")


def header_key(text: object) -> str:
    """Headers match ignoring width, case, spaces, a required mark and a unit in brackets."""
    folded = fold(text).replace("*", "").replace("＊", "")
    return _PARENS.sub("", folded) or folded


def _c(record: str, key: str, kind: str = "text", **kw) -> Column:
    return Column(key=key, label_key=f"{record}.{key}", kind=kind, **kw)


UNITS = KindSpec(
    "units",
    "kind.unit",
    (
        _c("unit", "name", required=True, width=36, aliases=("名称", "单位")),
        _c("unit", "short_name"),
        _c("unit", "kind", "enum", enum=UnitKind, width=20, aliases=("类型",)),
        _c("unit", "province", "enum", enum=Province, width=10),
        _c("unit", "city", width=12),
        _c("unit", "district", width=12),
    ),
)

MEETINGS = KindSpec(
    "meetings",
    "kind.meeting",
    (
        _c("meeting", "title", required=True, width=36, aliases=("会议名称", "名称")),
        _c("meeting", "kind", "ref", required=True, table="meeting_kind", width=16),
        _c("meeting", "start_date", "date", required=True, width=12, aliases=("日期",)),
        _c("meeting", "end_date", "date", width=12),
        _c("meeting", "city", width=10),
        _c("meeting", "district", width=10),
        _c("meeting", "venue", width=20),
        _c("meeting", "hosts", "units", width=30),
        _c("meeting", "organisers", "units", field="hosts", width=24),
        _c("meeting", "co_organisers", "units", field="hosts", width=24),
        _c("meeting", "summary", width=40),
        _c("meeting", "source_publisher", width=20),
        _c("meeting", "source_date", "date", width=12),
        _c("meeting", "source_ref", width=24),
    ),
)

CASES = KindSpec(
    "cases",
    "kind.case",
    (
        _c("case", "title", required=True, width=36),
        _c("case", "code", width=14),
        _c("case", "category", "ref", required=True, table="case_category", width=18),
        _c("case", "scope", "enum", enum=CaseScope, width=10),
        _c("case", "lead_units", "units", width=30),
        _c("case", "participating_units", "units", width=30),
        _c("case", "launch_date", "date", width=12),
        _c("case", "recognition", "enum", enum=Recognition, width=18),
        _c("case", "recognition_batch", "int", width=8),
        _c("case", "recognition_date", "date", width=12),
        _c("case", "summary", width=40),
        _c("case", "results", width=40),
        _c("case", "meetings", "meetings", width=30),
    ),
)

PROJECTS = KindSpec(
    "projects",
    "kind.project",
    (
        _c("project", "name", required=True, width=36, aliases=("名称",)),
        _c("project", "code", width=14),
        _c(
            "project",
            "investor",
            "unit",
            required=True,
            new_unit_kind=UnitKind.ENTERPRISE,
            width=30,
            aliases=("投资企业", "签约企业", "企业名称"),
        ),
        _c("project", "investor_origin", "enum", required=True, enum=InvestorOrigin, width=14),
        _c("project", "field", "ref", required=True, table="industry_field", width=16),
        _c("project", "host_locality", width=14),
        _c("project", "project_type", "enum", required=True, enum=ProjectType, width=12),
        _c(
            "project",
            "investment",
            "amount",
            required=True,
            width=16,
            aliases=("投资额", "总投资", "签约金额"),
        ),
        _c("project", "signed_date", "date", required=True, width=12),
        _c("project", "meeting", "meeting", width=30),
        _c("project", "stage", "enum", enum=Stage, width=12, aliases=("阶段",)),
        _c("project", "funds_arrived", "amount", width=16),
        _c("project", "responsible_unit", "unit", width=24),
        _c("project", "responsible_person", width=12),
        _c("project", "phone", width=16),
    ),
)

PROGRESS = KindSpec(
    "progress",
    "kind.progress",
    (
        _c("progress", "project", "project", required=True, width=36, aliases=("项目名称",)),
        Column("investor", "project.investor", "unit", may_create=False, width=30),
        _c("progress", "entry_date", "date", required=True, width=12),
        _c("progress", "stage", "enum", required=True, enum=Stage, width=12),
        _c("progress", "description", required=True, width=40),
        _c("progress", "problems", width=30),
        _c("progress", "funds_arrived", "amount", width=16),
    ),
)

MEMBERS = KindSpec(
    "members",
    "kind.member",
    (
        _c("member", "alliance", "alliance", required=True, width=36),
        _c("member", "unit", "unit", required=True, width=36),
        _c("member", "member_kind", "ref", table="member_kind", width=14),
        _c("member", "joined_date", "date", width=12),
        _c("member", "left_date", "date", width=12),
        _c("member", "contact_person", width=12),
        _c("member", "contact_phone", width=16),
    ),
)

SPECS: dict[str, KindSpec] = {
    spec.kind: spec for spec in (UNITS, MEETINGS, CASES, PROJECTS, PROGRESS, MEMBERS)
}
KINDS: tuple[str, ...] = tuple(SPECS)
