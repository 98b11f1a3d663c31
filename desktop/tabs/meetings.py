"""The Meetings tab: hosts, leaders, agenda, showcased cases and signed projects."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.labels import enum_label, label
from db.queries.choices import reference_items
from db.queries.details import meeting_detail
from db.services import meetings
from desktop.dialogs.meeting_form import MeetingForm
from desktop.tabs.base import RecordTab
from desktop.widgets.detail_panel import DetailHtml
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.formatting import amount_text, caption_text, date_text, enum_text


class MeetingsTab(RecordTab):
    kind = "meetings"
    record_key = "meeting"
    name_column = "title"

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("MeetingsTab", "Meetings")

    def add_filters(self, bar: FilterBar) -> None:
        with self.db.read() as conn:
            kinds = [(k["name"], k["id"]) for k in reference_items(conn, "meeting_kind")]
        bar.add_choice("kind_id", caption_text("meeting.kind"), kinds)

    def extra_actions(self) -> list[QAction]:
        action = QAction(self.tr("New project signed here…"), self)
        action.setObjectName("action_new_project_here")
        action.triggered.connect(self._new_project_here)
        return [action]

    def _new_project_here(self) -> None:
        if self.window_ is not None and self.selected_id() is not None:
            self.window_.new_project_at(self.selected_id())

    def make_form(self, record_id: int | None) -> MeetingForm:
        return MeetingForm(self.db, record_id, self)

    def fetch_detail(self, conn: Connection, record_id: int) -> dict | None:
        return meeting_detail(conn, record_id)

    def delete_service(self, session: Session, record_id: int, version: int | None):
        return meetings.delete(session, record_id, version)

    def describe(self, rec: dict) -> str:
        when = date_text(rec["start_date"])
        if rec["end_date"] and rec["end_date"] != rec["start_date"]:
            when += " – " + date_text(rec["end_date"])
        place = " ".join(p for p in (rec["city"], rec["district"], rec["venue"]) if p)
        out = DetailHtml(rec["title"]).fields(
            [
                ("meeting.kind", rec["kind"]),
                ("meeting.start_date", when),
                ("meeting.venue", place),
                ("meeting.summary", rec["summary"]),
                ("meeting.source_publisher", rec["source_publisher"]),
                ("meeting.source_date", date_text(rec["source_date"])),
                ("meeting.source_ref", rec["source_ref"]),
            ]
        )
        none = self.tr("None recorded.")
        out.section(label("meeting.hosts")).table(
            ["host.unit", "host.role"],
            [(h["unit"], enum_text("host_role", h["role"])) for h in rec["hosts"]],
            none,
        )
        out.section(label("meeting.leaders")).table(
            ["leader.name", "leader.position", "leader.role"],
            [
                (x["name"], x["position"], enum_text("leader_role", x["role"]))
                for x in rec["leaders"]
            ],
            none,
        )
        out.section(label("meeting.agenda")).table(
            ["f.seq", "agenda.kind", "agenda.text"],
            [
                (i + 1, enum_text("agenda_kind", a["kind"]), a["text"])
                for i, a in enumerate(rec["agenda"])
            ],
            none,
        )
        out.section(label("meeting.cases")).table(
            ["case.title", "case.code"], [(c["title"], c["code"]) for c in rec["cases"]], none
        )
        total = self.tr("%1 projects, %2 万元 in total").replace("%1", str(len(rec["projects"])))
        out.section(label("meeting.projects")).paragraph(
            total.replace("%2", amount_text(rec["projects_total"]))
        ).table(
            ["project.name", "project.investor", "project.investment", "project.stage"],
            [
                (p["name"], p["investor"], amount_text(p["investment"]), _stage(p["stage"]))
                for p in rec["projects"]
            ],
            none,
        )
        return out.html()


def _stage(value) -> str:
    return enum_label(value) if hasattr(value, "value") else enum_text("stage", value)
