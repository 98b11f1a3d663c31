"""Shared steps of every service: find a live record, check its version, delete."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import func, select
from sqlalchemy import inspect as sa_inspect
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from db.audit import now
from db.errors import ConflictError, LedgerError, NotFoundError
from db.labels import label
from db.messages import msg
from db.models import RecordMixin
from db.services.validate import Checker

R = TypeVar("R", bound=RecordMixin)


def kind_label(model: type[RecordMixin]) -> str:
    from db.models import RECORD_MODELS

    for key, cls in RECORD_MODELS.items():
        if cls is model:
            return label(f"kind.{key}")
    return model.__tablename__


def get_record(session: Session, model: type[R], record_id: int, *, deleted: bool = False) -> R:
    """The record by id; NotFoundError if missing or (unless asked) in the recycle bin."""
    obj = session.get(model, record_id)
    if obj is None or (obj.deleted_at is not None) != deleted:
        raise NotFoundError(msg("record.not_found", kind=kind_label(model), id=record_id))
    return obj


def check_version(obj: RecordMixin, expected: int | None) -> None:
    """A stale form must not overwrite someone else's save."""
    if expected is not None and obj.version != expected:
        raise ConflictError(conflict_message(obj))


def conflict_message(obj: RecordMixin) -> str:
    when = obj.updated_at.strftime("%Y-%m-%d %H:%M") if obj.updated_at else "?"
    return msg("record.conflict", who=obj.updated_by, when=when)


# session.info key: {(table name, id)} known to be live in this transaction. A bulk
# writer (the Excel import) that has just read them fills it to spare a query per row.
KNOWN_LIVE = "known_live_ids"


def live_id(session: Session, model: type[RecordMixin], record_id: int | None) -> bool:
    if record_id is None:
        return False
    known = session.info.get(KNOWN_LIVE)
    if known is not None and (model.__tablename__, record_id) in known:
        return True
    found = session.execute(
        select(model.id).where(model.id == record_id, model.deleted_at.is_(None))
    ).first()
    return found is not None


def check_ref(
    chk: Checker,
    session: Session,
    name: str,
    model: type[RecordMixin],
    ref: int | None,
    *,
    required: bool = False,
) -> None:
    """A reference to another record must point at a live one."""
    if ref is None:
        if required:
            chk.fail(name, "required")
        return
    if not live_id(session, model, ref):
        rule = "unknown_unit" if model.__tablename__ == "unit" else "unknown_record"
        chk.fail(name, rule, value=ref)


def flush(session: Session, obj: RecordMixin | None = None) -> None:
    """Flush now, turning races the checks could not see into clerk messages."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise ConflictError(msg("record.conflict", who="?", when="?")) from exc
    except IntegrityError as exc:
        raise LedgerError(str(exc.orig)) from exc


def soft_delete(session: Session, model: type[R], record_id: int, version: int | None = None) -> R:
    """Move a record to the recycle bin."""
    obj = get_record(session, model, record_id)
    check_version(obj, version)
    obj.deleted_at = now()
    flush(session)
    return obj


def restore(session: Session, model: type[R], record_id: int) -> R:
    """Take a record back out of the recycle bin."""
    obj = get_record(session, model, record_id, deleted=True)
    obj.deleted_at = None
    flush(session)
    return obj


def purge(session: Session, model: type[R], record_id: int) -> None:
    """Delete for good a record that is already in the recycle bin."""
    obj = get_record(session, model, record_id, deleted=True)
    # Read now: after a failed flush the session is rolled back and obj expired.
    name = getattr(obj, "name", None) or getattr(obj, "title", None) or str(record_id)
    users = references_to(session, model, record_id)
    if users:
        raise LedgerError(msg("rule.in_use", name=name, count=users))
    session.delete(obj)
    try:
        session.flush()
    except IntegrityError as exc:  # a reference no foreign key declares to SQLAlchemy
        raise LedgerError(msg("rule.in_use", name=name, count="?")) from exc


def references_to(session: Session, model: type, record_id: int) -> int:
    """How many rows (of any table, deleted or not) point at the record by a foreign key.

    Rows the record owns outright (a meeting's hosts, a project's progress log) go
    with it (ON DELETE CASCADE, or the relationship's delete cascade) and are not
    counted."""
    target = model.__table__
    owned = {r.mapper.local_table for r in sa_inspect(model).relationships if r.cascade.delete}
    total = 0
    for table in target.metadata.sorted_tables:
        if table in owned:
            continue
        for fk in table.foreign_keys:
            if fk.column.table is target and fk.ondelete != "CASCADE":
                query = select(func.count()).select_from(table).where(fk.parent == record_id)
                total += session.execute(query).scalar_one()
    return total


def stamp_time() -> datetime:
    return now()
