"""The case form: category, scope, lead and participating units, recognition, meetings."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.enums import CaseScope, Recognition
from db.labels import label
from db.queries.choices import meeting_choices, reference_items
from db.queries.details import case_detail
from db.services import cases
from db.services.cases import CaseData
from desktop.dialogs.form_base import RecordForm
from desktop.dialogs.form_rows import UnitRow
from desktop.widgets.form_parts import CheckList, ChoiceCombo, DateField, enum_items
from desktop.widgets.formatting import date_text
from desktop.widgets.rows_editor import RowsEditor


class CaseForm(RecordForm):
    kind_key = "kind.case"

    def build(self) -> None:
        with self.db.read() as conn:
            categories = [(k["name"], k["id"]) for k in reference_items(conn, "case_category")]
            meetings = [
                (m["id"], f"{date_text(m['start_date'])}  {m['title']}")
                for m in meeting_choices(conn)
            ]
        g = self.grid
        self.title = g.add("title", label("case.title"), QLineEdit(), required=True)
        self.code = g.add("code", label("case.code"), QLineEdit())
        self.category = g.add(
            "category",
            label("case.category"),
            ChoiceCombo(categories),
            required=True,
            aliases=("category_id",),
        )
        self.scope = g.add(
            "scope", label("case.scope"), ChoiceCombo(enum_items(CaseScope)), required=True
        )
        self.lead_units = g.add(
            "lead_units",
            label("case.lead_units"),
            RowsEditor(lambda: UnitRow(self.unit_picker("lead_units")), self.tr("Add lead unit")),
        )
        self.participating_units = g.add(
            "participating_units",
            label("case.participating_units"),
            RowsEditor(
                lambda: UnitRow(self.unit_picker("participating_units")),
                self.tr("Add participating unit"),
            ),
        )
        self.launch_date = g.add("launch_date", label("case.launch_date"), DateField())
        self.recognition = g.add(
            "recognition", label("case.recognition"), ChoiceCombo(enum_items(Recognition))
        )
        batch = QSpinBox()
        batch.setRange(0, 999)
        batch.setSpecialValueText(" ")
        self.batch = g.add("recognition_batch", label("case.recognition_batch"), batch)
        self.recognition_date = g.add(
            "recognition_date", label("case.recognition_date"), DateField()
        )
        self.summary = g.add("summary", label("case.summary"), QPlainTextEdit())
        self.results = g.add("results", label("case.results"), QPlainTextEdit())
        for edit in (self.summary, self.results):
            edit.setTabChangesFocus(True)
        self.meetings = g.add("meetings", label("case.meetings"), CheckList(meetings))
        self.resize(780, 680)

    def fill_defaults(self) -> None:
        self.scope.set_value(CaseScope.JOINT)

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return case_detail(conn, record_id)

    def fill(self, rec: dict[str, Any]) -> None:
        self.title.setText(rec["title"])
        self.code.setText(rec["code"] or "")
        self.category.set_value(rec["category_id"])
        self.scope.set_value(CaseScope(rec["scope"]))
        self.lead_units.set_value(rec["lead_units"])
        self.participating_units.set_value(rec["participating_units"])
        self.launch_date.set_value(rec["launch_date"])
        self.recognition.set_value(Recognition(rec["recognition"]))
        self.batch.setValue(rec["recognition_batch"] or 0)
        self.recognition_date.set_value(rec["recognition_date"])
        self.summary.setPlainText(rec["summary"] or "")
        self.results.setPlainText(rec["results"] or "")
        self.meetings.set_value([m["id"] for m in rec["meetings"]])

    def collect(self) -> CaseData:
        return CaseData(
            title=self.title.text(),
            code=self.code.text(),
            category_id=self.category.value(),
            scope=self.scope.value(),
            lead_unit_ids=self.lead_units.value(),
            participating_unit_ids=self.participating_units.value(),
            launch_date=self.launch_date.value(),
            recognition=self.recognition.value(),
            recognition_batch=self.batch.value() or None,
            recognition_date=self.recognition_date.value(),
            summary=self.summary.toPlainText(),
            results=self.results.toPlainText(),
            meeting_ids=self.meetings.value(),
        )

    def write(self, session: Session, data: CaseData):
        if self.record_id is None:
            return cases.create(session, data)
        return cases.update(session, self.record_id, data, version=self.version)
