"""Copies of an SQLite ledger made with SQLite's online backup API."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

BACKUP_DIRNAME = "backups"


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIRNAME


def backup_sqlite(src: Path, dest: Path) -> Path:
    """Copy a live database consistently (other connections may be writing)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True)
    try:
        target = sqlite3.connect(tmp)
        try:
            source.backup(target)
        finally:
            target.close()
    finally:
        source.close()
    tmp.replace(dest)
    return dest


def backup_before_upgrade(db_path: Path, revision: str) -> Path:
    """The copy kept aside before a schema upgrade (Vorta's backup_current_db)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    name = f"{db_path.stem}-before-upgrade-{revision}-{stamp}.sqlite3"
    return backup_sqlite(db_path, backups_dir(db_path) / name)
