"""What the long-list tests share: a few dozen projects and a HEAD small enough that
they behave as a million would."""

from __future__ import annotations

from datetime import date, timedelta

from db.engine import Database
from db.queries import lists
from db.queries.lists import ListFilter
from db.services import projects
from tests.factories import enterprise, project_data

HEAD = 5


def fill(db: Database, count: int = 23) -> None:
    """Projects whose code order is neither their id order nor their date order."""
    names = ["光伏组件", "锂电池材料", "储能电站", "芯片封装", "冷链物流"]
    with db.write() as session:
        investor = enterprise(session, "测试投资有限公司")
        for i in range(count):
            data = project_data(
                session,
                investor,
                name=f"{names[i % len(names)]}项目{i:03d}",
                code=f"P-{(i * 7) % 23:04d}",
                signed_date=date(2020, 1, 1) + timedelta(days=37 * i),
            )
            projects.create(session, data)


def all_ids(db: Database, flt: ListFilter | None = None, sort=None) -> list[int]:
    with db.read() as conn:
        return lists.list_ids(conn, "projects", flt, sort)
