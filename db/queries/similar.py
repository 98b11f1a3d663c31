"""Projects like the one being entered: same investor, a name that reads nearly the same.

A project counts once (DESIGN.md counting rules); the form warns before a clerk
records the same signing twice under a slightly different name.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from sqlalchemy import Connection, select

from db.models import Project
from db.values import fold

SIMILAR_RATIO = 0.8
CANDIDATES = 5000  # an investor's projects read at most (the check is a hint, not a rule)


def similar_projects(
    conn: Connection,
    investor_id: int | None,
    name: str,
    exclude_id: int | None = None,
    ratio: float = SIMILAR_RATIO,
) -> list[dict]:
    """The investor's live projects whose folded name matches `name` at `ratio` or more,
    most similar first: dicts of id, name, ratio."""
    key = fold(name or "")
    if investor_id is None or not key:
        return []
    query = (
        select(Project.id, Project.name, Project.name_key)
        .where(Project.investor_id == investor_id, Project.deleted_at.is_(None))
        .limit(CANDIDATES)
    )
    if exclude_id is not None:
        query = query.where(Project.id != exclude_id)
    found = []
    for pid, other, other_key in conn.execute(query):
        score = SequenceMatcher(None, key, other_key or "").ratio()
        if score >= ratio:
            found.append({"id": pid, "name": other, "ratio": score})
    return sorted(found, key=lambda r: (-r["ratio"], r["id"]))
