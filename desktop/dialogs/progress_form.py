"""One entry of a project's progress log (the project's stage follows the log).

The stage only moves forward: stages before the project's current one are offered
greyed out, except terminated, which is always possible and asks for the reason.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QLabel, QPlainTextEdit
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.enums import Stage, stage_rank
from db.errors import FieldError
from db.labels import label
from db.queries.details import project_detail
from db.services import projects
from db.services.projects import ProgressData
from desktop.dialogs.form_base import RecordForm
from desktop.widgets.form_parts import AmountField, ChoiceCombo, DateField, enum_items


class ProgressForm(RecordForm):
    kind_key = "kind.progress"

    def __init__(self, db, project_id: int, entry_id: int | None = None, parent=None) -> None:
        self.project_id = project_id
        super().__init__(db, entry_id, parent)
        self.resize(600, 460)

    def build(self) -> None:
        g = self.grid
        self.entry_date = g.add(
            "entry_date", label("progress.entry_date"), DateField(), required=True
        )
        self.stage = g.add(
            "stage", label("progress.stage"), ChoiceCombo(enum_items(Stage)), required=True
        )
        self.description = g.add(
            "description", label("progress.description"), QPlainTextEdit(), required=True
        )
        self.problems = g.add("problems", label("progress.problems"), QPlainTextEdit())
        for edit in (self.description, self.problems):
            edit.setTabChangesFocus(True)
        self.description_label = g.labelForField(self.description.parentWidget())
        self.stage_hint = QLabel(self)
        self.stage_hint.setObjectName("stage_hint")
        self.stage_hint.setProperty("role", "hint")
        self.stage_hint.setWordWrap(True)
        g.addRow("", self.stage_hint)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self._stage_changed()
        self.funds = g.add("funds_arrived", label("progress.funds_arrived"), AmountField())

    def fill_defaults(self) -> None:
        self.entry_date.set_value(date.today())
        with self.db.read() as conn:
            project = project_detail(conn, self.project_id)
        if project is not None:
            self._only_forward(Stage(project["stage"]))
            self.stage.set_value(Stage(project["stage"]))

    def _only_forward(self, current: Stage) -> None:
        """Grey out the stages a new entry cannot take (the service refuses them too)."""
        model = self.stage.model()
        if not isinstance(model, QStandardItemModel):
            return
        for row in range(self.stage.count()):
            stage = Stage(self.stage.itemData(row))
            backwards = stage != Stage.TERMINATED and stage_rank(stage) < stage_rank(current)
            model.item(row).setEnabled(current != Stage.TERMINATED and not backwards)

    def _stage_changed(self, *_args) -> None:
        terminated = self.stage.value() == Stage.TERMINATED
        caption = self.tr("Reason for termination") if terminated else label("progress.description")
        self.description_label.setText(f"{caption} <span style='color:#c0392b'>*</span>")
        self.stage_hint.setText(
            self.tr("Terminating a project is final: say why in the reason above.")
            if terminated
            else self.tr("The stage only moves forward; a later entry may terminate the project.")
        )

    def local_errors(self) -> list[FieldError]:
        errors = super().local_errors()
        if self.stage.value() == Stage.TERMINATED and not self.description.toPlainText().strip():
            text = self.tr("A terminated project needs the reason for termination.")
            errors.append(FieldError("description", "termination_reason", text))
        return errors

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        project = project_detail(conn, self.project_id) or {"progress": []}
        return next((e for e in project["progress"] if e["id"] == record_id), None)

    def fill(self, rec: dict[str, Any]) -> None:
        self.entry_date.set_value(rec["entry_date"])
        self.stage.set_value(Stage(rec["stage"]))
        self.description.setPlainText(rec["description"] or "")
        self.problems.setPlainText(rec["problems"] or "")
        self.funds.set_value(rec["funds_arrived"])

    def collect(self) -> ProgressData:
        return ProgressData(
            entry_date=self.entry_date.value(),
            stage=self.stage.value(),
            description=self.description.toPlainText(),
            problems=self.problems.toPlainText(),
            funds_arrived=self.funds.value(),
        )

    def write(self, session: Session, data: ProgressData):
        if self.record_id is None:
            return projects.add_progress(session, self.project_id, data)
        return projects.update_progress(session, self.record_id, data, version=self.version)
