"""Health of an open ledger: integrity, foreign keys, schema revision, counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text

from db.engine import Database
from db.labels import label
from db.lang import pick
from db.migrate import current_revision, head_revision
from db.models import RECORD_MODELS


@dataclass
class HealthReport:
    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def sqlite_integrity(db: Database) -> list[str]:
    """Problems SQLite itself finds (empty when the file is sound)."""
    with db.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    problems = [r for r in rows if r != "ok"]
    problems += [f"foreign key: {r[0]} row {r[1]} -> {r[2]}" for r in fk]
    return problems


def run_checks(db: Database) -> HealthReport:
    report = HealthReport()
    report.lines.append(pick(f"数据库：{db.display_name()}", f"Database: {db.display_name()}"))
    if db.is_sqlite:
        problems = sqlite_integrity(db)
        report.problems += problems
        report.lines.append(pick("完整性：", "Integrity: ") + ("ok" if not problems else "FAILED"))
    with db.engine.connect() as conn:
        rev = current_revision(conn)
        head = head_revision()
        report.lines.append(pick(f"结构版本：{rev}", f"Schema revision: {rev}"))
        if rev != head:
            report.problems.append(
                pick(
                    f"结构版本 {rev} 与程序的 {head} 不符。",
                    f"Schema {rev} differs from the program's {head}.",
                )
            )
        for key in ("unit", "meeting", "case", "project", "progress", "alliance", "member"):
            model = RECORD_MODELS[key]
            n = conn.execute(
                select(func.count(model.id)).where(model.deleted_at.is_(None))
            ).scalar_one()
            report.lines.append(f"{label('kind.' + key)}: {n}")
        conn.execute(text("SELECT 1"))
    return report
