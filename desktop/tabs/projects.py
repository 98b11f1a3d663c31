"""The Projects tab: stage, amounts, responsibility and the dated progress log.

Rows of projects that need follow-up are coloured amber or red (db.queries.follow_up),
and the filter bar can show only those.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QModelIndex
from PySide6.QtGui import QAction, QBrush, QColor
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.enums import Province, Stage
from db.queries import follow_up
from db.queries.choices import reference_items
from db.queries.details import project_detail
from db.services import projects
from desktop.dialogs.progress_form import ProgressForm
from desktop.dialogs.progress_log import ProgressLogDialog
from desktop.dialogs.project_form import ProjectForm
from desktop.tabs.base import RecordTab
from desktop.widgets.detail_panel import DetailHtml
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.form_parts import enum_items
from desktop.widgets.formatting import amount_text, caption_text, date_text, enum_text

FOLLOW_UP_COLOURS = {follow_up.AMBER: QColor("#FFE699"), follow_up.RED: QColor("#F8B4B4")}


class FollowUpDelegate(QStyledItemDelegate):
    """Paints a row amber or red when its project has gone too long without an entry."""

    def __init__(self, tab: ProjectsTab) -> None:
        super().__init__(tab)
        self.tab = tab

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex) -> None:  # noqa: N802
        super().initStyleOption(option, index)
        colour = FOLLOW_UP_COLOURS.get(self.tab.follow_up_level(index.row()))
        if colour is not None:
            option.backgroundBrush = QBrush(colour)


class ProjectsTab(RecordTab):
    kind = "projects"
    record_key = "project"
    name_column = "name"

    def __init__(self, *args, **kwargs) -> None:
        self.today = date.today()  # tests fix it
        self.limits = follow_up.Thresholds()
        super().__init__(*args, **kwargs)
        self.view.setItemDelegate(FollowUpDelegate(self))

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("ProjectsTab", "Projects")

    def add_filters(self, bar: FilterBar) -> None:
        with self.db.read() as conn:
            fields = [(k["name"], k["id"]) for k in reference_items(conn, "industry_field")]
        bar.add_choice("field_id", caption_text("project.field"), fields)
        bar.add_choice("stage", caption_text("project.stage"), enum_items(Stage))
        bar.add_choice("province", caption_text("unit.province"), enum_items(Province))
        bar.add_choice(
            "follow_up",
            self.tr("Needs follow-up:"),
            [
                (self.tr("Red or amber"), follow_up.ANY),
                (self.tr("Red"), follow_up.RED),
                (self.tr("Amber"), follow_up.AMBER),
            ],
        )

    def extra_actions(self) -> list[QAction]:
        add = QAction(self.tr("Add progress…"), self)
        add.setObjectName("action_add_progress")
        add.triggered.connect(self.add_progress)
        log = QAction(self.tr("Progress log…"), self)
        log.setObjectName("action_progress_log")
        log.setToolTip(self.tr("See, edit and delete the project's progress entries"))
        log.triggered.connect(self.progress_log)
        return [add, log]

    # --- follow-up colours ---------------------------------------------------
    def apply_filter(self, flt) -> None:
        self._read_limits()
        super().apply_filter(flt)

    def refresh(self, select_id: int | None = None) -> None:
        self._read_limits()
        super().refresh(select_id)

    def _read_limits(self) -> None:
        with self.db.read() as conn:
            self.limits = follow_up.thresholds(conn)

    def follow_up_level(self, row: int) -> str | None:
        rec = self.model.row_data(row)
        if rec is None:
            return None
        return follow_up.level(
            rec["stage"], rec["signed_date"], rec["last_progress_date"], self.today, self.limits
        )

    # --- the progress log ------------------------------------------------------
    def progress_log(self) -> ProgressLogDialog | None:
        project_id = self.selected_id()
        if project_id is None:
            return None
        dialog = ProgressLogDialog(self.db, project_id, self)
        dialog.changed.connect(lambda: self.refresh(select_id=project_id))
        dialog.finished.connect(lambda _r: self._closed(dialog))
        self.open_form = dialog
        dialog.open()
        return dialog

    def add_progress(self) -> ProgressForm | None:
        project_id = self.selected_id()
        if project_id is None:
            return None
        return self._open(ProgressForm(self.db, project_id, parent=self))

    def _open(self, form):
        form = super()._open(form)
        if isinstance(form, ProgressForm):
            # The log changes the project's row, not the entry's: reselect the project.
            form.saved.disconnect()
            form.saved.connect(lambda _id: self.refresh(select_id=form.project_id))
        return form

    def make_form(self, record_id: int | None, meeting_id: int | None = None) -> ProjectForm:
        return ProjectForm(self.db, record_id, self, meeting_id=meeting_id)

    def fetch_detail(self, conn: Connection, record_id: int) -> dict | None:
        return project_detail(conn, record_id)

    def delete_service(self, session: Session, record_id: int, version: int | None):
        return projects.delete(session, record_id, version)

    def describe(self, rec: dict) -> str:
        out = DetailHtml(rec["name"]).fields(
            [
                ("project.code", rec["code"]),
                ("project.investor", rec["investor"]),
                ("project.investor_origin", enum_text("investor_origin", rec["investor_origin"])),
                ("project.field", rec["field"]),
                ("project.host_locality", rec["host_locality"]),
                ("project.project_type", enum_text("project_type", rec["project_type"])),
                ("project.investment", amount_text(rec["investment"])),
                ("project.funds_arrived", amount_text(rec["funds_arrived"])),
                ("project.signed_date", date_text(rec["signed_date"])),
                ("project.meeting", rec["meeting"]),
                ("project.stage", enum_text("stage", rec["stage"])),
                ("project.terminated_reason", rec["terminated_reason"]),
                ("project.responsible_unit", rec["responsible_unit"]),
                ("project.responsible_person", rec["responsible_person"]),
                ("project.phone", rec["phone"]),
            ]
        )
        warning = follow_up.level(
            rec["stage"], rec["signed_date"], rec["last_progress_date"], self.today, self.limits
        )
        if warning is not None:
            text = (
                self.tr("Red: no progress entry for %1 months or more.")
                if warning == follow_up.RED
                else self.tr("Amber: no progress entry for %1 months or more.")
            )
            months = self.limits.red if warning == follow_up.RED else self.limits.amber
            out.paragraph(text.replace("%1", str(months)))
        out.section(self.tr("Progress log")).table(
            ["progress.entry_date", "progress.stage", "progress.description", "progress.problems"],
            [
                (
                    date_text(e["entry_date"]),
                    enum_text("stage", e["stage"]),
                    e["description"],
                    e["problems"],
                )
                for e in rec["progress"]
            ],
            self.tr("No progress recorded yet."),
        )
        return out.html()
