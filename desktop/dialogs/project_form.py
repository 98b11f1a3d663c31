"""The project form (investor, field, amounts in 万元, signing meeting, responsibility)."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QWidget
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.enums import InvestorOrigin, ProjectType
from db.labels import label
from db.queries.choices import meeting_choices, reference_items
from db.queries.details import project_detail
from db.services import projects
from db.services.projects import ProjectData
from desktop.dialogs.form_base import RecordForm
from desktop.widgets.form_parts import AmountField, ChoiceCombo, DateField, enum_items
from desktop.widgets.formatting import date_text


def meeting_items(conn: Connection) -> list[tuple[str, int | None]]:
    """Meetings for a "signed at" / "handover meeting" combo, with a blank first."""
    none = QCoreApplication.translate("forms", "(none)")
    return [(none, None)] + [
        (f"{date_text(m['start_date'])}  {m['title']}", m["id"]) for m in meeting_choices(conn)
    ]


def with_unit(widget: QWidget, unit: str) -> QWidget:
    box = QWidget()
    row = QHBoxLayout(box)
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(widget, 1)
    row.addWidget(QLabel(unit))
    box.setFocusProxy(widget)
    return box


class ProjectForm(RecordForm):
    kind_key = "kind.project"

    def __init__(self, db, record_id=None, parent=None, meeting_id: int | None = None) -> None:
        self._meeting_id = meeting_id
        super().__init__(db, record_id, parent)

    def build(self) -> None:
        with self.db.read() as conn:
            fields = [(k["name"], k["id"]) for k in reference_items(conn, "industry_field")]
            meetings = meeting_items(conn)
        g = self.grid
        self.name = g.add("name", label("project.name"), QLineEdit(), required=True)
        self.code = g.add("code", label("project.code"), QLineEdit())
        self.investor = g.add(
            "investor", label("project.investor"), self.unit_picker("investor"), required=True
        )
        self.origin = g.add(
            "investor_origin",
            label("project.investor_origin"),
            ChoiceCombo(enum_items(InvestorOrigin)),
            required=True,
        )
        self.field = g.add(
            "field",
            label("project.field"),
            ChoiceCombo(fields),
            required=True,
            aliases=("field_id",),
        )
        self.host_locality = g.add("host_locality", label("project.host_locality"), QLineEdit())
        self.project_type = g.add(
            "project_type",
            label("project.project_type"),
            ChoiceCombo(enum_items(ProjectType)),
            required=True,
        )
        self.investment = AmountField()
        g.add(
            "investment",
            label("project.investment"),
            with_unit(self.investment, "万元"),
            required=True,
        )
        self.signed_date = g.add(
            "signed_date", label("project.signed_date"), DateField(), required=True
        )
        self.meeting = g.add("meeting", label("project.meeting"), ChoiceCombo(meetings))
        self.responsible_unit = g.add(
            "responsible_unit",
            label("project.responsible_unit"),
            self.unit_picker("responsible_unit"),
        )
        self.person = g.add("responsible_person", label("project.responsible_person"), QLineEdit())
        self.phone = g.add("phone", label("project.phone"), QLineEdit())
        self.resize(700, 600)

    def fill_defaults(self) -> None:
        self.signed_date.set_value(date.today())
        self.meeting.set_value(self._meeting_id)

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return project_detail(conn, record_id)

    def fill(self, rec: dict[str, Any]) -> None:
        self.name.setText(rec["name"])
        self.code.setText(rec["code"] or "")
        self.investor.set_value(rec["investor_id"])
        self.origin.set_value(InvestorOrigin(rec["investor_origin"]))
        self.field.set_value(rec["field_id"])
        self.host_locality.setText(rec["host_locality"] or "")
        self.project_type.set_value(ProjectType(rec["project_type"]))
        self.investment.set_value(rec["investment"])
        self.signed_date.set_value(rec["signed_date"])
        self.meeting.set_value(rec["meeting_id"])
        self.responsible_unit.set_value(rec["responsible_unit_id"])
        self.person.setText(rec["responsible_person"] or "")
        self.phone.setText(rec["phone"] or "")
        self._is_sample = rec["is_sample"]

    def collect(self) -> ProjectData:
        return ProjectData(
            name=self.name.text(),
            code=self.code.text(),
            investor_id=self.investor.value(),
            investor_origin=self.origin.value(),
            field_id=self.field.value(),
            host_locality=self.host_locality.text(),
            project_type=self.project_type.value(),
            investment=self.investment.value(),
            signed_date=self.signed_date.value(),
            meeting_id=self.meeting.value(),
            responsible_unit_id=self.responsible_unit.value(),
            responsible_person=self.person.text(),
            phone=self.phone.text(),
            is_sample=getattr(self, "_is_sample", False),
        )

    def write(self, session: Session, data: ProjectData):
        if self.record_id is None:
            return projects.create(session, data)
        return projects.update(session, self.record_id, data, version=self.version)
