"""The alliance form and the form of one alliance member (join, contact, leave)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.labels import label
from db.queries.choices import reference_items
from db.queries.details import alliance_detail
from db.services import alliances
from db.services.alliances import AllianceData, MemberData
from desktop.dialogs.form_base import RecordForm
from desktop.dialogs.project_form import meeting_items
from desktop.widgets.form_parts import ChoiceCombo, DateField


class AllianceForm(RecordForm):
    kind_key = "kind.alliance"

    def build(self) -> None:
        with self.db.read() as conn:
            meetings = meeting_items(conn)
        g = self.grid
        self.name = g.add("name", label("alliance.name"), QLineEdit(), required=True)
        self.short_name = g.add("short_name", label("alliance.short_name"), QLineEdit())
        self.founded = g.add("founded_date", label("alliance.founded_date"), DateField())
        self.meeting = g.add(
            "founding_meeting", label("alliance.founding_meeting"), ChoiceCombo(meetings)
        )
        self.secretariat = g.add(
            "secretariat", label("alliance.secretariat"), self.unit_picker("secretariat")
        )
        self.description = g.add("description", label("alliance.description"), QPlainTextEdit())
        self.description.setTabChangesFocus(True)
        self.resize(640, 460)

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return alliance_detail(conn, record_id)

    def fill(self, rec: dict[str, Any]) -> None:
        self.name.setText(rec["name"])
        self.short_name.setText(rec["short_name"] or "")
        self.founded.set_value(rec["founded_date"])
        self.meeting.set_value(rec["founding_meeting_id"])
        self.secretariat.set_value(rec["secretariat_unit_id"])
        self.description.setPlainText(rec["description"] or "")

    def collect(self) -> AllianceData:
        return AllianceData(
            name=self.name.text(),
            short_name=self.short_name.text(),
            founded_date=self.founded.value(),
            founding_meeting_id=self.meeting.value(),
            secretariat_unit_id=self.secretariat.value(),
            description=self.description.toPlainText(),
        )

    def write(self, session: Session, data: AllianceData):
        if self.record_id is None:
            return alliances.create(session, data)
        return alliances.update(session, self.record_id, data, version=self.version)


class MemberForm(RecordForm):
    kind_key = "kind.member"

    def __init__(self, db, alliance_id: int, member_id: int | None = None, parent=None) -> None:
        self.alliance_id = alliance_id
        super().__init__(db, member_id, parent)
        self.resize(560, 400)

    def build(self) -> None:
        with self.db.read() as conn:
            kinds = [(self.tr("(none)"), None)] + [
                (k["name"], k["id"]) for k in reference_items(conn, "member_kind")
            ]
        g = self.grid
        self.unit = g.add("unit", label("member.unit"), self.unit_picker("unit"), required=True)
        self.kind = g.add("member_kind", label("member.member_kind"), ChoiceCombo(kinds))
        self.joined = g.add("joined_date", label("member.joined_date"), DateField())
        self.left = g.add("left_date", label("member.left_date"), DateField())
        self.person = g.add("contact_person", label("member.contact_person"), QLineEdit())
        self.phone = g.add("contact_phone", label("member.contact_phone"), QLineEdit())

    def fill_defaults(self) -> None:
        self.joined.set_value(date.today())

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        rec = alliance_detail(conn, self.alliance_id) or {"members": []}
        return next((m for m in rec["members"] if m["id"] == record_id), None)

    def fill(self, rec: dict[str, Any]) -> None:
        self.unit.set_value(rec["unit_id"])
        self.kind.set_value(rec["member_kind_id"])
        self.joined.set_value(rec["joined_date"])
        self.left.set_value(rec["left_date"])
        self.person.setText(rec["contact_person"] or "")
        self.phone.setText(rec["contact_phone"] or "")

    def collect(self) -> MemberData:
        return MemberData(
            unit_id=self.unit.value(),
            member_kind_id=self.kind.value(),
            joined_date=self.joined.value(),
            left_date=self.left.value(),
            contact_person=self.person.text(),
            contact_phone=self.phone.text(),
        )

    def write(self, session: Session, data: MemberData):
        if self.record_id is None:
            return alliances.add_member(session, self.alliance_id, data)
        return alliances.update_member(session, self.record_id, data, version=self.version)
