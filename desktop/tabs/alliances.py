"""The Alliances tab: members (join, leave) and chair terms, with "Hand over chair…"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.queries.details import alliance_detail
from db.services import alliances
from desktop.dialogs.alliance_form import AllianceForm, MemberForm
from desktop.dialogs.handover import HandoverDialog, MemberLeavesDialog
from desktop.tabs.base import RecordTab
from desktop.widgets import ask
from desktop.widgets.detail_panel import DetailHtml
from desktop.widgets.formatting import date_text


class AlliancesTab(RecordTab):
    kind = "alliances"
    record_key = "alliance"
    name_column = "name"

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("AlliancesTab", "Alliances")

    def extra_actions(self) -> list[QAction]:
        out = []
        for name, text, slot in (
            ("add_member", self.tr("Add member…"), self.add_member),
            ("edit_member", self.tr("Edit member…"), self.edit_member),
            ("member_leaves", self.tr("Member leaves…"), self.member_leaves),
            ("hand_over", self.tr("Hand over chair…"), self.hand_over),
        ):
            action = QAction(text, self)
            action.setObjectName(f"action_{name}")
            action.triggered.connect(slot)
            out.append(action)
        return out

    def _for_selected(self, make):
        alliance_id = self.selected_id()
        if alliance_id is None:
            return None
        form = make(alliance_id)
        form = super()._open(form)
        form.saved.disconnect()
        form.saved.connect(lambda _id: self.refresh(select_id=alliance_id))
        return form

    def add_member(self) -> MemberForm | None:
        return self._for_selected(lambda a: MemberForm(self.db, a, parent=self))

    def edit_member(self) -> MemberForm | None:
        """A member's kind, dates and contact: the clerk picks which member first."""
        alliance_id = self.selected_id()
        if alliance_id is None:
            return None
        with self.db.read() as conn:
            members = (alliance_detail(conn, alliance_id) or {}).get("members", [])
        if not members:
            ask.inform(self, self.tr("Edit member"), self.tr("No members yet."))
            return None
        names = [self._member_choice(m) for m in members]
        chosen = ask.choose(self, self.tr("Edit member"), self.tr("Member:"), names)
        if chosen is None:
            return None
        member_id = members[chosen]["id"]
        return self._for_selected(lambda a: MemberForm(self.db, a, member_id, parent=self))

    def _member_choice(self, member: dict) -> str:
        joined, left = date_text(member["joined_date"]), date_text(member["left_date"])
        if left:
            return (
                self.tr("%1 (%2 – %3)")
                .replace("%1", member["unit"])
                .replace("%2", joined)
                .replace("%3", left)
            )
        return self.tr("%1 (since %2)").replace("%1", member["unit"]).replace("%2", joined)

    def member_leaves(self) -> MemberLeavesDialog | None:
        return self._for_selected(lambda a: MemberLeavesDialog(self.db, a, parent=self))

    def hand_over(self) -> HandoverDialog | None:
        return self._for_selected(lambda a: HandoverDialog(self.db, a, parent=self))

    def make_form(self, record_id: int | None) -> AllianceForm:
        return AllianceForm(self.db, record_id, self)

    def fetch_detail(self, conn: Connection, record_id: int) -> dict | None:
        return alliance_detail(conn, record_id)

    def delete_service(self, session: Session, record_id: int, version: int | None):
        return alliances.delete(session, record_id, version)

    def describe(self, rec: dict) -> str:
        out = DetailHtml(rec["name"]).fields(
            [
                ("alliance.short_name", rec["short_name"]),
                ("alliance.founded_date", date_text(rec["founded_date"])),
                ("alliance.founding_meeting", rec["founding_meeting"]),
                ("alliance.secretariat", rec["secretariat"]),
                ("alliance.chair", rec["current_chair"]),
                ("alliance.description", rec["description"]),
            ]
        )
        out.section(self.tr("Members")).table(
            [
                "member.unit",
                "member.member_kind",
                "member.joined_date",
                "member.left_date",
                "member.contact_person",
            ],
            [
                (
                    m["unit"],
                    m["member_kind"],
                    date_text(m["joined_date"]),
                    date_text(m["left_date"]),
                    m["contact_person"],
                )
                for m in rec["members"]
            ],
            self.tr("No members yet."),
        )
        out.section(self.tr("Chair terms")).table(
            [
                "chair_term.unit",
                "chair_term.start_date",
                "chair_term.end_date",
                "chair_term.handover_meeting",
            ],
            [
                (
                    t["unit"],
                    date_text(t["start_date"]),
                    date_text(t["end_date"]) or self.tr("(current)"),
                    t["handover_meeting"],
                )
                for t in rec["chair_terms"]
            ],
            self.tr("No chair yet."),
        )
        return out.html()
