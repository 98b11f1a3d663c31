"""A record's history from the audit log: who changed what, when, from which value to which.

HistoryView is a plain QWidget for a detail panel (a "History" tab beside the
record's description): call show_record(kind, id) when the selection changes.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget
from sqlalchemy import select

from db.engine import Database
from db.labels import LABELS, label
from db.lang import pick
from db.models import (
    RECORD_MODELS,
    Alliance,
    CaseCategory,
    IndustryField,
    Meeting,
    MeetingKind,
    MemberKind,
    Project,
    Unit,
)
from db.queries.details import history
from db.queries.lists import ref_name

# The record kinds' label prefixes by table name ("case_record" -> "case").
PREFIX_BY_TABLE = {model.__tablename__: key for key, model in RECORD_MODELS.items()}
PLURALS = {"meetings": "meeting", "cases": "case", "projects": "project"}
PLURALS |= {"alliances": "alliance", "units": "unit", "members": "member"}
# Fields whose stored values are enum codes, and the label family that names them.
ENUM_FIELDS = {
    ("unit", "kind"): "unit_kind",
    "province": "province",
    "scope": "case_scope",
    "recognition": "recognition",
    "investor_origin": "investor_origin",
    "project_type": "project_type",
    "stage": "stage",
}
ACTIONS = {
    "create": ("新建", "Created"),
    "update": ("修改", "Changed"),
    "delete": ("移入回收站", "Moved to the recycle bin"),
    "restore": ("从回收站恢复", "Restored from the recycle bin"),
    "purge": ("彻底删除", "Deleted for good"),
}
EXTRA_FIELDS = {
    "deleted_at": ("删除时间", "Deleted"),
    "merged_from": ("合并自", "Merged from"),
    "name_key": ("名称（比对用）", "Name (for matching)"),
    "is_sample": ("示例数据", "Sample record"),
    "terminated_reason": ("终止原因", "Reason terminated"),
    "last_progress_date": ("最近进展日期", "Last progress"),
}
MAX_SHOWN = 300  # longer values are cut in the cell; the tooltip has them whole
# Bookkeeping the clerk never typed: not worth a line in the history.
HIDDEN_FIELDS = {"uuid", "name_key"}
# Columns that point at another record, and where that record's name is.
REFERENCES = {
    "unit_id": (Unit, Unit.name),
    "investor_id": (Unit, Unit.name),
    "responsible_unit_id": (Unit, Unit.name),
    "secretariat_unit_id": (Unit, Unit.name),
    "meeting_id": (Meeting, Meeting.title),
    "founding_meeting_id": (Meeting, Meeting.title),
    "handover_meeting_id": (Meeting, Meeting.title),
    "project_id": (Project, Project.name),
    "alliance_id": (Alliance, Alliance.name),
    "field_id": (IndustryField, None),
    "kind_id": (MeetingKind, None),
    "category_id": (CaseCategory, None),
    "member_kind_id": (MemberKind, None),
}
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class HistoryEntry:
    when: str
    who: str
    action: str
    changes: list[Change]


def table_of(kind: str) -> str:
    """The audit log's record_type for a kind ("meeting", "meetings" or a table name)."""
    key = PLURALS.get(kind, kind)
    if key in RECORD_MODELS:
        return RECORD_MODELS[key].__tablename__
    return kind


def field_label(prefix: str, name: str) -> str:
    for key in (f"{prefix}.{name}", f"{prefix}.{name.removesuffix('_id')}", f"f.{name}"):
        if key in LABELS:
            return label(key)
    if name in EXTRA_FIELDS:
        return pick(*EXTRA_FIELDS[name])
    return name


def value_text(prefix: str, name: str, value: Any, names: NameLookup | None = None) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if names is not None and name in REFERENCES and isinstance(value, int):
        return names(name, value)
    if isinstance(value, str) and _ISO_DATETIME.match(value):
        return value.replace("T", " ")
    family = ENUM_FIELDS.get((prefix, name)) or ENUM_FIELDS.get(name)
    if family and isinstance(value, str) and f"{family}.{value}" in LABELS:
        return label(f"{family}.{value}")
    if isinstance(value, bool):
        return pick("是", "yes") if value else pick("否", "no")
    if isinstance(value, list):
        return "; ".join(value_text(prefix, name, v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


NameLookup = Callable[[str, int], str]


def describe(
    kind: str, rows: list[dict[str, Any]], names: NameLookup | None = None
) -> list[HistoryEntry]:
    """The audit rows of one record as clerk-readable entries, newest first."""
    table = table_of(kind)
    prefix = PREFIX_BY_TABLE.get(table, table)
    entries = []
    for row in reversed(rows):
        changes = [
            Change(
                field_label(prefix, name),
                value_text(prefix, name, pair[0], names),
                value_text(prefix, name, pair[1], names),
            )
            for name, pair in sorted(row["changes"].items())
            if isinstance(pair, list) and len(pair) == 2 and name not in HIDDEN_FIELDS
        ]
        at = row["at"]
        when = at.strftime("%Y-%m-%d %H:%M:%S") if hasattr(at, "strftime") else str(at)
        action = pick(*ACTIONS[row["action"]]) if row["action"] in ACTIONS else row["action"]
        entries.append(HistoryEntry(when, row["by"], action, changes))
    return entries


def reference_names(conn) -> NameLookup:
    """Names of the records a change pointed at ("#id" when it is gone for good)."""

    def lookup(column: str, ref: int) -> str:
        model, name_col = REFERENCES[column]
        name_col = name_col if name_col is not None else ref_name(model)
        name = conn.execute(select(name_col).where(model.id == ref)).scalar()
        return f"{name} (#{ref})" if name is not None else f"#{ref}"

    return lookup


def record_history(db: Database, kind: str, record_id: int) -> list[HistoryEntry]:
    with db.read() as conn:
        return describe(kind, history(conn, table_of(kind), record_id), reference_names(conn))


def _cut(text: str) -> str:
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN] + "…"


class HistoryView(QWidget):
    """The History view of one record: one row per change, its fields beneath it."""

    def __init__(self, db: Database | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("history_view")
        self.db = db
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("history_tree")
        self.tree.setColumnCount(5)
        self.tree.setHeaderLabels(
            [
                pick("时间", "When"),
                pick("操作人", "Who"),
                pick("操作 / 字段", "What / field"),
                pick("原值", "Old value"),
                pick("新值", "New value"),
            ]
        )
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.empty = QLabel(pick("没有历史记录。", "No history yet."), self)
        self.empty.setObjectName("history_empty")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree)
        layout.addWidget(self.empty)
        self.entries: list[HistoryEntry] = []
        self.clear()

    def set_database(self, db: Database) -> None:
        self.db = db
        self.clear()

    def clear(self) -> None:
        self.entries = []
        self.tree.clear()
        self.tree.hide()
        self.empty.show()

    def show_record(self, kind: str, record_id: int | None) -> None:
        """Show the history of a record (None or no database: show nothing)."""
        if self.db is None or record_id is None:
            self.clear()
            return
        self.show_entries(record_history(self.db, kind, record_id))

    def show_entries(self, entries: list[HistoryEntry]) -> None:
        self.clear()
        self.entries = entries
        if not entries:
            return
        for entry in entries:
            top = QTreeWidgetItem([entry.when, entry.who, entry.action, "", ""])
            for change in entry.changes:
                child = QTreeWidgetItem(["", "", change.field, _cut(change.old), _cut(change.new)])
                child.setToolTip(3, change.old[:5000])
                child.setToolTip(4, change.new[:5000])
                top.addChild(child)
            self.tree.addTopLevelItem(top)
        self.tree.expandAll()
        for column in range(4):
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), 320))
        self.empty.hide()
        self.tree.show()
