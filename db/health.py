"""Health of an open ledger: integrity, foreign keys, schema revision, counts."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select, text
from sqlalchemy.exc import SQLAlchemyError

from db.backup import latest_backup
from db.engine import Database
from db.labels import label
from db.lang import pick
from db.migrate import current_revision, head_revision, known_revisions
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


def schema_lines(rev: str | None) -> tuple[list[str], list[str]]:
    """(report lines, problems) about the schema revision."""
    head = head_revision()
    lines = [pick(f"结构版本：{rev}（程序：{head}）", f"Schema revision: {rev} (program: {head})")]
    if rev is None:
        return lines, [
            pick("这不是台账数据库（没有结构版本）。", "Not a ledger (no schema revision).")
        ]
    if rev not in known_revisions():
        return lines, [
            pick(
                f"数据库结构 {rev} 比本程序新，请升级程序。",
                f"The schema {rev} is newer than this program: upgrade the program.",
            )
        ]
    if rev != head:
        lines.append(
            pick(
                "结构较旧，下次打开时将先备份再升级。",
                "The schema is older; it is backed up and upgraded the next time it is opened.",
            )
        )
    return lines, []


def backup_line(db: Database) -> str:
    if db.path is None:
        return pick(
            "最近备份：服务器数据库由管理员备份", "Last backup: a server database (administrator)"
        )
    latest = latest_backup(db.path)
    if latest is None:
        return pick("最近备份：无", "Last backup: none")
    when = latest.taken.strftime("%Y-%m-%d %H:%M")
    return pick(f"最近备份：{when}（{latest.path}）", f"Last backup: {when} ({latest.path})")


def record_counts(conn) -> list[str]:
    lines = []
    for key in ("unit", "meeting", "case", "project", "progress", "alliance", "member"):
        model = RECORD_MODELS[key]
        live = conn.execute(
            select(func.count(model.id)).where(model.deleted_at.is_(None))
        ).scalar_one()
        binned = conn.execute(
            select(func.count(model.id)).where(model.deleted_at.isnot(None))
        ).scalar_one()
        extra = pick(f"（回收站 {binned}）", f" (recycle bin {binned})") if binned else ""
        lines.append(f"{label('kind.' + key)}: {live}{extra}")
    return lines


def run_checks(db: Database) -> HealthReport:
    """Integrity, schema revision, record counts and the last backup (`ftz-ledger check`)."""
    report = HealthReport()
    report.lines.append(pick(f"数据库：{db.display_name()}", f"Database: {db.display_name()}"))
    if db.is_sqlite:
        problems = sqlite_integrity(db)
        report.problems += problems
        report.lines.append(pick("完整性：", "Integrity: ") + ("ok" if not problems else "FAILED"))
    with db.engine.connect() as conn:
        lines, problems = schema_lines(current_revision(conn))
        report.lines += lines
        report.problems += problems
        if not problems:
            try:
                report.lines += record_counts(conn)
            except SQLAlchemyError:  # an older schema may lack a column: counts only
                report.lines.append(pick("记录数：升级后可见", "Record counts: after the upgrade"))
        conn.execute(text("SELECT 1"))
    report.lines.append(backup_line(db))
    return report
