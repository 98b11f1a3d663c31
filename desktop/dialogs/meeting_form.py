"""The meeting form: basics, hosts with roles, leaders, agenda, showcased cases, source."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.labels import label
from db.queries.choices import case_choices, reference_items
from db.queries.details import meeting_detail
from db.services import meetings
from db.services.meetings import MeetingData
from desktop.dialogs.form_base import RecordForm
from desktop.dialogs.form_rows import AgendaRow, HostRow, LeaderRow
from desktop.widgets.form_parts import CheckList, ChoiceCombo, DateField
from desktop.widgets.rows_editor import RowsEditor


class MeetingForm(RecordForm):
    kind_key = "kind.meeting"

    def build(self) -> None:
        with self.db.read() as conn:
            kinds = [(k["name"], k["id"]) for k in reference_items(conn, "meeting_kind")]
            cases = [(c["id"], c["title"]) for c in case_choices(conn)]
        g = self.grid
        self.title = g.add("title", label("meeting.title"), QLineEdit(), required=True)
        self.kind = g.add(
            "kind", label("meeting.kind"), ChoiceCombo(kinds), required=True, aliases=("kind_id",)
        )
        self.start_date = g.add(
            "start_date", label("meeting.start_date"), DateField(), required=True
        )
        self.end_date = g.add("end_date", label("meeting.end_date"), DateField())
        self.city = g.add("city", label("meeting.city"), QLineEdit())
        self.district = g.add("district", label("meeting.district"), QLineEdit())
        self.venue = g.add("venue", label("meeting.venue"), QLineEdit())
        self.hosts = g.add(
            "hosts",
            label("meeting.hosts"),
            RowsEditor(lambda: HostRow(self.unit_picker("hosts")), self.tr("Add host")),
        )
        self.leaders = g.add(
            "leaders",
            label("meeting.leaders"),
            RowsEditor(lambda: LeaderRow(self.unit_picker("leaders")), self.tr("Add leader")),
        )
        self.agenda = g.add(
            "agenda", label("meeting.agenda"), RowsEditor(AgendaRow, self.tr("Add agenda item"))
        )
        self.cases = g.add("cases", label("meeting.cases"), CheckList(cases))
        self.summary = g.add("summary", label("meeting.summary"), QPlainTextEdit())
        self.summary.setTabChangesFocus(True)
        self.source_publisher = g.add(
            "source_publisher", label("meeting.source_publisher"), QLineEdit()
        )
        self.source_date = g.add("source_date", label("meeting.source_date"), DateField())
        self.source_ref = g.add("source_ref", label("meeting.source_ref"), QLineEdit())
        self.resize(860, 680)

    def fill_defaults(self) -> None:
        self.start_date.set_value(date.today())

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return meeting_detail(conn, record_id)

    def fill(self, rec: dict[str, Any]) -> None:
        self.title.setText(rec["title"])
        self.kind.set_value(rec["kind_id"])
        self.start_date.set_value(rec["start_date"])
        self.end_date.set_value(rec["end_date"])
        for name in ("city", "district", "venue", "source_publisher", "source_ref"):
            getattr(self, name).setText(rec[name] or "")
        self.source_date.set_value(rec["source_date"])
        self.summary.setPlainText(rec["summary"] or "")
        self.hosts.set_value(rec["hosts"])
        self.leaders.set_value(rec["leaders"])
        self.agenda.set_value(rec["agenda"])
        self.cases.set_value([c["id"] for c in rec["cases"]])

    def collect(self) -> MeetingData:
        return MeetingData(
            title=self.title.text(),
            kind_id=self.kind.value(),
            start_date=self.start_date.value(),
            end_date=self.end_date.value(),
            city=self.city.text(),
            district=self.district.text(),
            venue=self.venue.text(),
            summary=self.summary.toPlainText(),
            source_publisher=self.source_publisher.text(),
            source_date=self.source_date.value(),
            source_ref=self.source_ref.text(),
            hosts=self.hosts.value(),
            leaders=self.leaders.value(),
            agenda=self.agenda.value(),
            case_ids=self.cases.value(),
        )

    def write(self, session: Session, data: MeetingData):
        if self.record_id is None:
            return meetings.create(session, data)
        return meetings.update(session, self.record_id, data, version=self.version)
