"""Rows of record forms: a unit, a host with its role, a leader, an agenda item."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit

from db.enums import AgendaKind, HostRole, LeaderRole
from db.labels import label
from db.services.meetings import AgendaData, HostData, LeaderData
from desktop.widgets.form_parts import ChoiceCombo, enum_items
from desktop.widgets.rows_editor import RowWidget
from desktop.widgets.unit_picker import UnitPicker


class HostRow(RowWidget):
    def __init__(self, picker: UnitPicker) -> None:
        super().__init__()
        self.unit = picker
        self.role = ChoiceCombo(enum_items(HostRole))
        self.fields.addWidget(self.unit, 3)
        self.fields.addWidget(self.role, 1)
        self.setFocusProxy(self.unit)

    def value(self) -> HostData:
        return HostData(unit_id=self.unit.value(), role=self.role.value())

    def set_value(self, value: dict) -> None:
        self.unit.set_value(value["unit_id"])
        self.role.set_value(HostRole(value["role"]))

    def is_blank(self) -> bool:
        return not self.unit.text()


class LeaderRow(RowWidget):
    def __init__(self, picker: UnitPicker) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setPlaceholderText(label("leader.name"))
        self.position = QLineEdit()
        self.position.setPlaceholderText(label("leader.position"))
        self.unit = picker
        self.role = ChoiceCombo(enum_items(LeaderRole))
        self.fields.addWidget(self.name, 1)
        self.fields.addWidget(self.position, 2)
        self.fields.addWidget(self.unit, 2)
        self.fields.addWidget(self.role, 1)
        self.setFocusProxy(self.name)

    def value(self) -> LeaderData:
        return LeaderData(
            name=self.name.text(),
            position=self.position.text(),
            unit_id=self.unit.value(),
            role=self.role.value(),
        )

    def set_value(self, value: dict) -> None:
        self.name.setText(value["name"])
        self.position.setText(value["position"] or "")
        self.unit.set_value(value["unit_id"])
        self.role.set_value(LeaderRole(value["role"]))

    def is_blank(self) -> bool:
        return not (self.name.text().strip() or self.position.text().strip() or self.unit.text())


class AgendaRow(RowWidget):
    def __init__(self) -> None:
        super().__init__()
        self.kind = ChoiceCombo(enum_items(AgendaKind))
        self.text = QLineEdit()
        self.text.setPlaceholderText(label("agenda.text"))
        self.fields.addWidget(self.kind, 1)
        self.fields.addWidget(self.text, 4)
        self.setFocusProxy(self.kind)

    def value(self) -> AgendaData:
        return AgendaData(kind=self.kind.value(), text=self.text.text())

    def set_value(self, value: dict) -> None:
        self.kind.set_value(AgendaKind(value["kind"]))
        self.text.setText(value["text"])

    def is_blank(self) -> bool:
        return not self.text.text().strip()


class UnitRow(RowWidget):
    """Just a unit (a case's lead or participating units)."""

    def __init__(self, picker: UnitPicker) -> None:
        super().__init__()
        self.unit = picker
        self.fields.addWidget(self.unit)
        self.setFocusProxy(self.unit)

    def value(self) -> int | None:
        return self.unit.value()

    def set_value(self, value: dict) -> None:
        self.unit.set_value(value["unit_id"])

    def is_blank(self) -> bool:
        return not self.unit.text()
