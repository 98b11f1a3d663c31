"""The Cases tab: category, scope, units, recognition and the meetings that showed it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.enums import CaseScope
from db.labels import label
from db.queries.choices import reference_items
from db.queries.details import case_detail
from db.services import cases
from desktop.dialogs.case_form import CaseForm
from desktop.tabs.base import RecordTab
from desktop.widgets.detail_panel import DetailHtml
from desktop.widgets.filter_bar import FilterBar
from desktop.widgets.form_parts import enum_items
from desktop.widgets.formatting import caption_text, date_text, enum_text


class CasesTab(RecordTab):
    kind = "cases"
    record_key = "case"
    name_column = "title"

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("CasesTab", "Cases")

    def add_filters(self, bar: FilterBar) -> None:
        with self.db.read() as conn:
            categories = [(k["name"], k["id"]) for k in reference_items(conn, "case_category")]
        bar.add_choice("category_id", caption_text("case.category"), categories)
        bar.add_choice("province", caption_text("case.scope"), enum_items(CaseScope))

    def make_form(self, record_id: int | None) -> CaseForm:
        return CaseForm(self.db, record_id, self)

    def fetch_detail(self, conn: Connection, record_id: int) -> dict | None:
        return case_detail(conn, record_id)

    def delete_service(self, session: Session, record_id: int, version: int | None):
        return cases.delete(session, record_id, version)

    def describe(self, rec: dict) -> str:
        recognition = enum_text("recognition", rec["recognition"])
        if rec["recognition_batch"]:
            recognition += " " + self.tr("batch %1").replace("%1", str(rec["recognition_batch"]))
        out = DetailHtml(rec["title"]).fields(
            [
                ("case.code", rec["code"]),
                ("case.category", rec["category"]),
                ("case.scope", enum_text("case_scope", rec["scope"])),
                ("case.launch_date", date_text(rec["launch_date"])),
                ("case.recognition", recognition),
                ("case.recognition_date", date_text(rec["recognition_date"])),
                ("case.lead_units", "、".join(u["unit"] for u in rec["lead_units"])),
                (
                    "case.participating_units",
                    "、".join(u["unit"] for u in rec["participating_units"]),
                ),
                ("case.summary", rec["summary"]),
                ("case.results", rec["results"]),
            ]
        )
        out.section(label("case.meetings")).table(
            ["meeting.start_date", "meeting.title"],
            [(date_text(m["start_date"]), m["title"]) for m in rec["meetings"]],
            self.tr("Not yet showcased at a meeting."),
        )
        return out.html()
