"""Run a unit of work again when the database was only busy (the one place that retries).

SQLite lets one writer in at a time: another copy of the program waits (busy timeout)
and, when even that runs out under heavy load, gets "database is locked". PostgreSQL
may cancel one side of a deadlock or a serialization conflict. In each case nothing
was written, so running the whole unit again is safe; a ConflictError (the record
really changed) is never retried.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from db.engine import Database

T = TypeVar("T")
ATTEMPTS = 8
# SQLSTATEs PostgreSQL gives when a transaction lost a race and may simply be retried.
PG_RETRYABLE = {"40001", "40P01", "55P03"}


def is_transient(exc: DBAPIError) -> bool:
    """True when the database refused only because it was busy (nothing was written)."""
    orig = exc.orig
    sqlstate = getattr(orig, "sqlstate", None)
    if sqlstate in PG_RETRYABLE:
        return True
    text = str(orig).lower()
    return "database is locked" in text or "database is busy" in text


def write_retrying(db: Database, work: Callable[[Session], T], attempts: int = ATTEMPTS) -> T:
    """work(session) in one write transaction, run again (with a pause) while the
    database is only busy. `work` must not have side effects outside the session."""
    for attempt in range(1, attempts + 1):
        try:
            with db.write() as session:
                return work(session)
        except DBAPIError as exc:
            if attempt == attempts or not is_transient(exc):
                raise
            # Random pauses so the waiting writers do not all come back together.
            time.sleep(random.uniform(0.05, 0.2) * attempt)
    raise AssertionError("unreachable")
