"""Shared pieces of the data-safety tests: damaged files, record counts, hashes."""

from __future__ import annotations

import hashlib
import os
import random
from pathlib import Path

from sqlalchemy import func, select

from db.engine import Database
from db.models import Meeting, Project, Unit


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def counts(db: Database) -> dict[str, int]:
    with db.read() as conn:
        return {
            m.__tablename__: conn.execute(select(func.count(m.id))).scalar_one()
            for m in (Unit, Meeting, Project)
        }


def damage(kind: str, good: Path, dest: Path) -> Path:
    """A copy of a good ledger spoilt in one of the ways files get spoilt."""
    data = good.read_bytes()
    if kind == "random":
        dest.write_bytes(random.Random(7).randbytes(len(data)))
    elif kind == "truncated_half":
        dest.write_bytes(data[: len(data) // 2])
    elif kind == "truncated_odd":
        dest.write_bytes(data[:-1000])
    elif kind == "truncated_header":
        dest.write_bytes(data[:60])
    elif kind == "empty":
        dest.write_bytes(b"")
    elif kind == "scribbled":
        # Garbage over the middle pages, header intact: only SQLite's own check sees it.
        buf = bytearray(data)
        rng = random.Random(3)
        for page in range(2, len(data) // 4096 - 1, 3):
            buf[page * 4096 + 8 : page * 4096 + 400] = rng.randbytes(392)
        dest.write_bytes(bytes(buf))
    elif kind == "folder":
        dest.mkdir()
    else:
        raise ValueError(kind)
    return dest


DAMAGE_KINDS = [
    "random",
    "truncated_half",
    "truncated_odd",
    "truncated_header",
    "empty",
    "scribbled",
    "folder",
]


def files_beside(path: Path) -> set[str]:
    return set(os.listdir(path.parent))
