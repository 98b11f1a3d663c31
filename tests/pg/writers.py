"""Work for the concurrent-writer tests, run in separate processes (importable by spawn)."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from db.backends.retry import write_retrying
from db.engine import open_database
from db.services import projects

START = date(2025, 1, 1)


def add_entries(target: str, project_ids: list[int], count: int, per_save: int, tag: str) -> int:
    """Add `count` progress entries round-robin over the projects, `per_save` per transaction,
    each writer with its own engine, as a separate copy of the program would."""
    db = open_database(target, migrate=False)
    done = 0
    try:
        while done < count:
            batch = range(done, min(done + per_save, count))

            def save(session: Session, batch: range = batch) -> None:
                for n in batch:
                    day = START + timedelta(days=n // len(project_ids))
                    data = projects.ProgressData(day, "signed", f"{tag} entry {n}")
                    projects.add_progress(session, project_ids[n % len(project_ids)], data)

            write_retrying(db, save)
            done = batch.stop
    finally:
        db.dispose()
    return done
