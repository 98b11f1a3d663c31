"""Names to ids, loaded once per import instead of queried per row.

Matching follows the services' own rules (units.find: exact name, exact short
name, then folded; reference.find: code, Chinese or English name, folded), so a
value found here is one the forms would find too. Records the import adds are
remembered, so a later row can refer to an earlier one.
"""

from __future__ import annotations

from collections import defaultdict
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import REFERENCE_MODELS, Alliance, Meeting, Project, Unit
from db.services.projects import name_key
from desktop.importing.normalise import enum_lookup, fold


class Lookups:
    def __init__(self, session: Session) -> None:
        self.session = session
        self._refs: dict[str, dict[str, int]] = {}
        self._enums: dict[type[StrEnum], dict[str, StrEnum]] = {}
        self._units: dict[str, int] | None = None
        self._unit_kinds: dict[int, str] = {}
        self._unit_objects: list[Unit] = []
        self._meetings: dict[str, int] | None = None
        self._projects: dict[str, list[int]] | None = None
        self._project_keys: dict[tuple[int, str], int] | None = None
        self._project_investors: dict[int, int] = {}
        self._alliances: dict[str, int] | None = None
        # (table, id) of live records read here, for services' reference checks
        self.known: set[tuple[str, int]] = set()

    # --- fixed vocabularies ----------------------------------------------------

    def enum(self, enum_cls: type[StrEnum]) -> dict[str, StrEnum]:
        if enum_cls not in self._enums:
            self._enums[enum_cls] = enum_lookup(enum_cls)
        return self._enums[enum_cls]

    def ref(self, table: str, text: str) -> int | None:
        if table not in self._refs:
            model = REFERENCE_MODELS[table]
            found: dict[str, int] = {}
            rows = self.session.execute(
                select(model.id, model.code, model.name_zh, model.name_en)
                .where(model.deleted_at.is_(None))
                .order_by(model.sort_order, model.id)
            )
            for row in rows:
                self.known.add((model.__tablename__, row.id))
                for name in (row.code, row.name_zh, row.name_en):
                    found.setdefault(fold(name), row.id)
            self._refs[table] = found
        return self._refs[table].get(fold(text))

    # --- units ---------------------------------------------------------------------

    def _load_units(self) -> dict[str, int]:
        if self._units is None:
            # Whole Unit objects, held here: the services' session.get(Unit, id) then
            # finds them in the identity map instead of querying once per row.
            rows = list(
                self.session.scalars(
                    select(Unit).where(Unit.deleted_at.is_(None)).order_by(Unit.id)
                )
            )
            self._unit_objects = rows
            exact: dict[str, int] = {}
            # Priority as units.find: full names before short names, exact before folded.
            for key_of in (
                lambda r: r.name,
                lambda r: r.short_name,
                lambda r: fold(r.name),
                lambda r: fold(r.short_name or ""),
            ):
                for r in rows:
                    key = key_of(r)
                    if key:
                        exact.setdefault(key, r.id)
            self._units = exact
            self._unit_kinds = {r.id: r.kind for r in rows}
            self.known.update(("unit", r.id) for r in rows)
        return self._units

    def unit(self, name: str) -> int | None:
        units = self._load_units()
        name = name.strip()
        return units.get(name) or units.get(fold(name))

    def unit_kind(self, unit_id: int) -> str | None:
        self._load_units()
        return self._unit_kinds.get(unit_id)

    def remember_unit(self, unit: Unit) -> None:
        units = self._load_units()
        for key in (unit.name, fold(unit.name)):
            units.setdefault(key, unit.id)
        if unit.short_name:
            for key in (unit.short_name, fold(unit.short_name)):
                units.setdefault(key, unit.id)
        self._unit_kinds[unit.id] = unit.kind
        self.known.add(("unit", unit.id))
        self._unit_objects.append(unit)

    # --- meetings, projects, alliances ----------------------------------------

    def meeting(self, title: str) -> int | None:
        if self._meetings is None:
            rows = self.session.execute(
                select(Meeting.id, Meeting.title)
                .where(Meeting.deleted_at.is_(None))
                .order_by(Meeting.id)
            )
            self._meetings = {}
            for r in rows:
                self._meetings.setdefault(fold(r.title), r.id)
                self.known.add(("meeting", r.id))
        return self._meetings.get(fold(title))

    def remember_meeting(self, meeting: Meeting) -> None:
        self.meeting("")
        self._meetings.setdefault(fold(meeting.title), meeting.id)
        self.known.add(("meeting", meeting.id))

    def _load_projects(self) -> None:
        if self._projects is not None:
            return
        rows = self.session.execute(
            select(Project.id, Project.code, Project.name_key, Project.investor_id)
            .where(Project.deleted_at.is_(None))
            .order_by(Project.id)
        )
        self._projects = defaultdict(list)
        self._project_keys = {}
        for r in rows:
            self._add_project(r.id, r.code, r.name_key, r.investor_id)

    def _add_project(self, pid: int, code: str | None, key: str, investor_id: int) -> None:
        if code:
            self._projects[f"code:{fold(code)}"].append(pid)
        self._projects[key].append(pid)
        self._project_keys.setdefault((investor_id, key), pid)
        self._project_investors[pid] = investor_id

    def projects(self, text: str) -> list[int]:
        """Projects by code, else by (folded) name."""
        self._load_projects()
        by_code = self._projects.get(f"code:{fold(text)}")
        return list(by_code or self._projects.get(name_key(text), []))

    def project_of(self, investor_id: int, name: str) -> int | None:
        """The live project of this investor with the same folded name (as find_duplicate)."""
        self._load_projects()
        return self._project_keys.get((investor_id, name_key(name)))

    def project_investor(self, project_id: int) -> int | None:
        self._load_projects()
        return self._project_investors.get(project_id)

    def remember_project(self, project: Project) -> None:
        self._load_projects()
        self._add_project(project.id, project.code, project.name_key, project.investor_id)

    def alliance(self, text: str) -> int | None:
        if self._alliances is None:
            rows = self.session.execute(
                select(Alliance.id, Alliance.name, Alliance.short_name).where(
                    Alliance.deleted_at.is_(None)
                )
            )
            self._alliances = {}
            for r in rows:
                self._alliances.setdefault(fold(r.name), r.id)
                if r.short_name:
                    self._alliances.setdefault(fold(r.short_name), r.id)
        return self._alliances.get(fold(text))
