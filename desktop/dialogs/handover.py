"""Hand over an alliance's chair: new chair, date, meeting — one atomic service call."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLabel
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.labels import label
from db.queries.details import alliance_detail
from db.services import alliances
from db.services.validate import Checker
from desktop.dialogs.form_base import RecordForm
from desktop.dialogs.project_form import meeting_items
from desktop.widgets.form_parts import ChoiceCombo, DateField


class HandoverDialog(RecordForm):
    kind_key = "kind.chair_term"

    def __init__(self, db, alliance_id: int, parent=None) -> None:
        self.alliance_id = alliance_id
        super().__init__(db, None, parent)
        self.setWindowTitle(self.tr("Hand over chair"))
        self.buttons.button(self.buttons.StandardButton.Save).setText(self.tr("Hand over"))
        self.resize(600, 340)

    def build(self) -> None:
        with self.db.read() as conn:
            rec = alliance_detail(conn, self.alliance_id) or {}
            meetings = meeting_items(conn)
        g = self.grid
        current = rec.get("current_chair") or self.tr("(no chair yet)")
        g.addRow(label("alliance.name"), QLabel(rec.get("name", "")))
        g.addRow(label("alliance.chair"), QLabel(current))
        self.unit = g.add("unit", self.tr("New chair"), self.unit_picker("unit"), required=True)
        self.on = g.add(
            "start_date",
            self.tr("Handover date"),
            DateField(),
            required=True,
            aliases=("end_date",),
        )
        self.meeting = g.add(
            "handover_meeting", label("chair_term.handover_meeting"), ChoiceCombo(meetings)
        )

    def fill_defaults(self) -> None:
        self.on.set_value(date.today())

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return None

    def fill(self, rec: dict[str, Any]) -> None:
        pass

    def collect(self) -> tuple:
        return self.unit.value(), self.on.value(), self.meeting.value()

    def write(self, session: Session, data: tuple):
        unit_id, on, meeting_id = data
        return alliances.hand_over(session, self.alliance_id, unit_id, on, meeting_id)


class MemberLeavesDialog(RecordForm):
    """A current member leaves the alliance on a date."""

    kind_key = "kind.member"

    def __init__(self, db, alliance_id: int, parent=None) -> None:
        self.alliance_id = alliance_id
        super().__init__(db, None, parent)
        self.setWindowTitle(self.tr("Member leaves"))
        self.resize(560, 260)

    def build(self) -> None:
        with self.db.read() as conn:
            rec = alliance_detail(conn, self.alliance_id) or {"members": []}
        current = [m for m in rec["members"] if m["left_date"] is None]
        self._versions = {m["id"]: m["version"] for m in current}
        self.member = self.grid.add(
            "unit",
            label("member.unit"),
            ChoiceCombo([(m["unit"], m["id"]) for m in current]),
            required=True,
        )
        self.left = self.grid.add(
            "left_date", label("member.left_date"), DateField(), required=True
        )

    def fill_defaults(self) -> None:
        self.left.set_value(date.today())

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return None

    def fill(self, rec: dict[str, Any]) -> None:
        pass

    def collect(self) -> tuple:
        return self.member.value(), self.left.value()

    def write(self, session: Session, data: tuple):
        member_id, left = data
        if member_id is None:
            chk = Checker("member")
            chk.fail("unit", "required")
            chk.raise_if_any()
        return alliances.member_leaves(session, member_id, left, self._versions.get(member_id))
