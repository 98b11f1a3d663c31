"""The form of one unit (used by the units directory and by a picker's "+")."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QLineEdit, QWidget
from sqlalchemy import Connection
from sqlalchemy.orm import Session

from db.engine import Database
from db.enums import Province, UnitKind
from db.labels import label
from db.queries.details import unit_detail
from db.services import units
from db.services.units import UnitData
from desktop.dialogs.form_base import RecordForm
from desktop.widgets.form_parts import ChoiceCombo, enum_items


class UnitForm(RecordForm):
    kind_key = "kind.unit"

    def __init__(
        self,
        db: Database,
        record_id: int | None = None,
        parent: QWidget | None = None,
        name: str = "",
    ) -> None:
        self._initial_name = name
        super().__init__(db, record_id, parent)
        self.resize(520, 360)

    def build(self) -> None:
        g = self.grid
        self.name = g.add("name", label("unit.name"), QLineEdit(), required=True)
        self.short_name = g.add("short_name", label("unit.short_name"), QLineEdit())
        self.kind = g.add(
            "kind", label("unit.kind"), ChoiceCombo(enum_items(UnitKind)), required=True
        )
        self.province = g.add(
            "province", label("unit.province"), ChoiceCombo(enum_items(Province)), required=True
        )
        self.city = g.add("city", label("unit.city"), QLineEdit())
        self.district = g.add("district", label("unit.district"), QLineEdit())

    def fill_defaults(self) -> None:
        self.name.setText(self._initial_name)
        self.kind.set_value(UnitKind.ENTERPRISE)
        self.province.set_value(Province.SICHUAN)

    def fetch(self, conn: Connection, record_id: int) -> dict[str, Any] | None:
        return unit_detail(conn, record_id)

    def fill(self, rec: dict[str, Any]) -> None:
        self.name.setText(rec["name"])
        self.short_name.setText(rec["short_name"] or "")
        self.kind.set_value(UnitKind(rec["kind"]))
        self.province.set_value(Province(rec["province"]))
        self.city.setText(rec["city"] or "")
        self.district.setText(rec["district"] or "")

    def collect(self) -> UnitData:
        return UnitData(
            name=self.name.text(),
            short_name=self.short_name.text(),
            kind=self.kind.value(),
            province=self.province.value(),
            city=self.city.text(),
            district=self.district.text(),
        )

    def write(self, session: Session, data: UnitData):
        if self.record_id is None:
            return units.create(session, data)
        return units.update(session, self.record_id, data, version=self.version)
