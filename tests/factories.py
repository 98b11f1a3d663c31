"""Small builders of valid service inputs for tests."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.engine import Database
from db.models import AuditLog, Base
from db.services import alliances, meetings, projects, reference, units


def unit(session: Session, name: str = "四川省商务厅", kind: str = "government", **kw) -> int:
    return units.create(
        session, units.UnitData(name=name, kind=kind, province=kw.pop("province", "sichuan"), **kw)
    ).id


def enterprise(session: Session, name: str = "测试企业有限公司") -> int:
    return unit(session, name, "enterprise")


def meeting_data(session: Session, **kw) -> meetings.MeetingData:
    values = {
        "title": "川渝自贸协同开放示范区产业对接会",
        "kind_id": reference.id_by_code(session, "meeting_kind", "industry_matchmaking"),
        "start_date": date(2024, 12, 12),
        "end_date": date(2024, 12, 12),
    }
    values.update(kw)
    return meetings.MeetingData(**values)


def project_data(session: Session, investor_id: int, **kw) -> projects.ProjectData:
    values = {
        "name": "新能源电池项目",
        "investor_id": investor_id,
        "investor_origin": "other_province",
        "field_id": reference.id_by_code(session, "industry_field", "new_energy"),
        "project_type": "new",
        "investment": Decimal("12345.67"),
        "signed_date": date(2024, 12, 12),
    }
    values.update(kw)
    return projects.ProjectData(**values)


def alliance_with_members(
    session: Session, *member_ids: int, joined: date = date(2020, 1, 1)
) -> int:
    alliance = alliances.create(
        session, alliances.AllianceData(name="川南渝西自贸协同改革和联动创新联盟")
    )
    for member in member_ids:
        alliances.add_member(session, alliance.id, alliances.MemberData(member, joined_date=joined))
    return alliance.id


def snapshot(db: Database) -> dict[str, list[tuple]]:
    """Every row of every table, to prove a rejected write changed nothing."""
    with db.read() as conn:
        return {
            table.name: sorted(map(tuple, conn.execute(select(table)).all()), key=repr)
            for table in Base.metadata.sorted_tables
        }


def audit_count(db: Database) -> int:
    with db.read() as conn:
        return conn.execute(select(func.count(AuditLog.id))).scalar_one()
