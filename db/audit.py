"""Audit stamps and the audit log, written inside the same flush as the change.

Services change ORM objects; these session hooks stamp who and when on every
record and add one audit-log row per created, changed, deleted, restored or
purged record, so no write path can forget either.
"""

from __future__ import annotations

import json
import uuid as uuid_lib
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.attributes import flag_modified

from db.models import AuditLog, RecordMixin

# Bookkeeping columns: stamped on every change, so not worth listing as changes.
NOT_AUDITED = {"id", "created_at", "updated_at", "created_by", "updated_by", "version"}
EXTRA_KEY = "_audit_extra"


def now() -> datetime:
    """Local wall-clock time without tz: what the clerk's watch says."""
    return datetime.now().replace(microsecond=0)


def to_json_value(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return [to_json_value(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def note_child_change(obj: RecordMixin, name: str, old: Any, new: Any) -> None:
    """Let a service record a change of a child list (hosts, agenda…) on its parent."""
    if old != new:
        extra = obj.__dict__.setdefault(EXTRA_KEY, {})
        extra[name] = [to_json_value(old), to_json_value(new)]
        if inspect(obj).persistent:
            # A child list changed: the parent row must be rewritten so its
            # version moves on and the change is logged against it.
            obj.updated_at = now()


def _stamp(session: Session, _ctx, _instances) -> None:
    user = session.info.get("user", "unknown")
    stamp = now()
    for obj in session.new:
        if isinstance(obj, RecordMixin):
            obj.uuid = obj.uuid or str(uuid_lib.uuid4())
            obj.created_at = obj.created_at or stamp
            obj.created_by = obj.created_by or user
            obj.updated_at = stamp
            obj.updated_by = user
    for obj in session.dirty:
        if isinstance(obj, RecordMixin) and session.is_modified(obj):
            obj.updated_at = stamp
            obj.updated_by = user
            # Force the UPDATE (and so the version bump) even when only a child
            # list changed within the same second as the last stamp.
            flag_modified(obj, "updated_at")


def _column_changes(obj: RecordMixin, created: bool) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    state = inspect(obj)
    for col in state.mapper.column_attrs:
        if col.key in NOT_AUDITED:
            continue
        if created:
            value = getattr(obj, col.key)
            if value is not None:
                changes[col.key] = [None, to_json_value(value)]
            continue
        # Only an update needs the history (costly: bulk imports create many records).
        hist = state.attrs[col.key].history
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if old != new:
                changes[col.key] = [to_json_value(old), to_json_value(new)]
    changes.update(obj.__dict__.pop(EXTRA_KEY, {}))
    return changes


def _action(obj: RecordMixin, changes: dict[str, list[Any]]) -> str:
    if "deleted_at" in changes:
        return "delete" if changes["deleted_at"][1] else "restore"
    return "update"


def _log(session: Session, _ctx) -> None:
    user = session.info.get("user", "unknown")
    stamp = now()
    rows: list[dict[str, Any]] = []

    def add(obj: RecordMixin, action: str, changes: dict[str, list[Any]]) -> None:
        rows.append(
            {
                "record_type": obj.__tablename__,
                "record_id": obj.id,
                "record_uuid": obj.uuid,
                "action": action,
                "at": stamp,
                "by": user,
                "changes": json.dumps(changes, ensure_ascii=False, sort_keys=True),
            }
        )

    for obj in session.new:
        if isinstance(obj, RecordMixin):
            add(obj, "create", _column_changes(obj, created=True))
    for obj in session.dirty:
        if isinstance(obj, RecordMixin):
            changes = _column_changes(obj, created=False)
            if changes:
                add(obj, _action(obj, changes), changes)
    for obj in session.deleted:
        if isinstance(obj, RecordMixin):
            add(obj, "purge", {})
    if rows:
        session.connection().execute(insert(AuditLog), rows)


def install_audit(factory: sessionmaker) -> None:
    """Hook stamping and audit logging into every session the factory makes."""
    event.listen(factory, "before_flush", _stamp)
    event.listen(factory, "after_flush", _log)
