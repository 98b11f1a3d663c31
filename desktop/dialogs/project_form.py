"""The project form (investor, field, amounts in 万元, signing meeting, responsibility).

Counting help: a project like an existing one of the same investor is pointed out
(with a link that opens it), and an expansion says that only the added amount counts.
"""

from __future__ import annotations

from datetime import date
from html import escape
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.enums import InvestorOrigin, ProjectType
from db.labels import label
from db.queries.choices import meeting_choices, reference_items
from db.queries.details import project_detail
from db.queries.similar import similar_projects
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
        self.investment = g.add(
            "investment", label("project.investment"), AmountField(), required=True
        )
        self.amount_note = QLabel(self)
        self.amount_note.setObjectName("amount_note")
        self.amount_note.setProperty("role", "hint")
        g.addRow("", self.amount_note)
        self.project_type.currentIndexChanged.connect(self._type_changed)
        self._type_changed()
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
        self._add_similar_warning()
        self.resize(700, 600)

    # --- counting help -----------------------------------------------------------
    def _add_similar_warning(self) -> None:
        """A line under the name, shown when the investor has a project like this one."""
        self.similar = QLabel(self)
        self.similar.setObjectName("similar_warning")
        self.similar.setWordWrap(True)
        self.similar.setStyleSheet("background: #FFF2CC; padding: 4px;")
        self.similar.setOpenExternalLinks(False)
        self.similar.linkActivated.connect(lambda link: self.open_existing(int(link)))
        self.similar.hide()
        self.similar_ids: list[int] = []
        self.grid.insertRow(1, self.similar)  # across the whole form, under the name
        self._similar_timer = QTimer(self, singleShot=True, interval=300)
        self._similar_timer.timeout.connect(self.check_similar)
        self.name.textChanged.connect(self._similar_timer.start)
        self.investor.edit.textChanged.connect(self._similar_timer.start)

    def check_similar(self) -> list[int]:
        """Look for the investor's projects with a similar name; show them, linked."""
        with self.db.read() as conn:
            found = similar_projects(
                conn, self.investor.value(), self.name.text(), exclude_id=self.record_id
            )
        self.similar_ids = [f["id"] for f in found]
        if not found:
            self.similar.hide()
            return []
        links = "、".join(f"<a href='{f['id']}'>{escape(f['name'])}</a>" for f in found[:3])
        text = self.tr(
            "This investor already has a project like this: %1. A project counts once, "
            "for the first event where it was signed; an expansion is entered as its own "
            "project of type expansion with only the added amount."
        )
        self.similar.setText(text.replace("%1", links))
        self.similar.show()
        return self.similar_ids

    def open_existing(self, project_id: int) -> ProjectForm:
        """Open the existing project (from the warning's link) over this form."""
        form = ProjectForm(self.db, project_id, self)
        self.existing_form = form  # reachable for tests and kept alive while open
        form.open()
        return form

    def _type_changed(self, *_args) -> None:
        expansion = self.project_type.value() == ProjectType.EXPANSION
        self.amount_note.setText(
            self.tr("Expansion: enter only the added investment, not the total.")
            if expansion
            else ""
        )
        self.amount_note.setVisible(expansion)

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
