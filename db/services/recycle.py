"""Take records out of the recycle bin, or delete them for good (the bin dialog's writes)."""

from __future__ import annotations

from sqlalchemy.orm import Session

from db.models import RECORD_MODELS, ProgressEntry, RecordMixin
from db.services import common, projects


def restore(session: Session, kind: str, record_id: int) -> RecordMixin:
    """Back out of the bin; a progress entry moves its project's stage again."""
    obj = common.restore(session, RECORD_MODELS[kind], record_id)
    if isinstance(obj, ProgressEntry):
        entries = [e for e in obj.project.progress if e.deleted_at is None]
        # The log must still read forward once the entry is back.
        projects._check_sequence(entries)
        projects._follow_log(obj.project, entries)
        common.flush(session)
    return obj


def purge(session: Session, kind: str, record_id: int) -> None:
    """Delete for good a record already in the bin (LedgerError if others still use it)."""
    common.purge(session, RECORD_MODELS[kind], record_id)
