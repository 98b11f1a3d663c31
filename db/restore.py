"""Put a backup back in place of the ledger file, checking it first and losing nothing.

The order is what makes it safe: copy the backup beside the ledger, check that
copy (an SQLite file, a ledger, intact, not from a newer program), back the
current file up, let go of the old file's WAL, and only then swap the checked
copy in with one atomic rename. A failure at any step leaves the ledger as it was.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from db.backup import (
    SQLITE_SIDECARS,
    backup_name,
    backups_dir,
    fsync_dir,
    fsync_file,
    list_backups,
    make_backup,
    sqlite_uri,
)
from db.errors import LedgerError
from db.safety_messages import smsg

SQLITE_MAGIC = b"SQLite format 3\x00"
# Tables every ledger has had since the first revision.
LEDGER_TABLES = frozenset(
    {"alembic_version", "unit", "meeting", "case_record", "project", "alliance", "audit_log"}
)
COUNTED = {"unit": "unit", "meeting": "meeting", "case": "case_record", "project": "project"}


@dataclass(frozen=True)
class BackupInfo:
    """What the check found in a backup that passed it."""

    path: Path
    revision: str
    counts: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class RestoreResult:
    path: Path
    source: Path
    previous: Path | None  # where the file as it was before the restore is kept


class RestoreError(LedgerError):
    """The backup was refused or the restore failed; the ledger is unchanged."""


# --- checking a backup ---------------------------------------------------------


def _read_head(path: Path, shown: Path) -> bytes:
    if not path.exists():
        raise RestoreError(smsg("restore.missing", path=shown))
    if not path.is_file():
        raise RestoreError(smsg("restore.not_file", path=shown))
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise RestoreError(smsg("backup.failed", path=shown, error=exc.strerror)) from exc


def _ledger_revision(conn: sqlite3.Connection, shown: Path) -> str:
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not tables >= LEDGER_TABLES:
        raise RestoreError(smsg("restore.not_ledger", path=shown))
    revs = [r[0] for r in conn.execute("SELECT version_num FROM alembic_version")]
    if len(revs) != 1:
        raise RestoreError(smsg("restore.not_ledger", path=shown))
    return revs[0]


def _integrity_problems(conn: sqlite3.Connection) -> list[str]:
    problems = [r[0] for r in conn.execute("PRAGMA integrity_check(20)") if r[0] != "ok"]
    problems += [f"foreign key {r[0]}:{r[1]}" for r in conn.execute("PRAGMA foreign_key_check")]
    return problems


def check_backup(path: Path, shown: Path | None = None) -> BackupInfo:
    """Refuse a file that is not a sound ledger this program can open.

    Raises RestoreError naming the reason. Reads only: the file is not changed.
    """
    from db.migrate import known_revisions

    shown = shown or path
    if _read_head(path, shown) != SQLITE_MAGIC:
        raise RestoreError(smsg("restore.not_sqlite", path=shown))
    try:
        conn = sqlite3.connect(sqlite_uri(path, mode="ro"), uri=True)
    except sqlite3.Error as exc:
        raise RestoreError(smsg("restore.not_sqlite", path=shown)) from exc
    try:
        revision = _ledger_revision(conn, shown)
        if revision not in known_revisions():
            raise RestoreError(smsg("restore.too_new", path=shown, revision=revision))
        problems = _integrity_problems(conn)
        if problems:
            raise RestoreError(smsg("restore.damaged", path=shown, error="; ".join(problems)))
        counts = {
            k: conn.execute(f"SELECT count(*) FROM {t} WHERE deleted_at IS NULL").fetchone()[0]
            for k, t in COUNTED.items()
        }
    except sqlite3.DatabaseError as exc:
        raise RestoreError(smsg("restore.damaged", path=shown, error=exc)) from exc
    finally:
        conn.close()
    return BackupInfo(path=shown, revision=revision, counts=counts)


def latest_good_backup(db_path: Path) -> Path | None:
    """The newest backup of this database that passes check_backup."""
    for backup in list_backups(db_path):
        try:
            check_backup(backup.path)
        except LedgerError:
            continue
        return backup.path
    return None


# --- the steps of a restore ----------------------------------------------------


def _staged_copy(source: Path, db_path: Path) -> Path:
    """The backup copied beside the ledger (same disk, so the final rename is atomic)."""
    tmp = db_path.with_name(f".{db_path.name}.restore-{os.getpid()}.tmp")
    shutil.copyfile(source, tmp)
    fsync_file(tmp)
    return tmp


def _keep_current(db_path: Path) -> Path | None:
    """Back up the file being replaced; a damaged one is kept byte for byte instead."""
    if not db_path.exists():
        return None
    try:
        return make_backup(db_path, "before-restore")
    except LedgerError:
        return keep_raw_copy(db_path, "damaged")


def keep_raw_copy(db_path: Path, reason: str) -> Path:
    """A plain byte copy of the file (and its WAL/journal) into the backups folder."""
    folder = backups_dir(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    dest = folder / backup_name(db_path, reason, datetime.now())
    shutil.copy2(db_path, dest)
    for suffix in SQLITE_SIDECARS:
        side = db_path.with_name(db_path.name + suffix)
        if side.exists():
            shutil.copy2(side, dest.with_name(dest.name + suffix))
    fsync_file(dest)
    return dest


def _release_old(db_path: Path) -> None:
    """Fold the old file's WAL in and leave it in rollback mode, so no WAL or shm
    of the old file can be replayed into the new one. Switching out of WAL needs
    the only connection: if another window or program has the file open, refuse."""
    if db_path.exists():
        try:
            conn = sqlite3.connect(db_path, timeout=2)
            try:
                conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                mode = conn.execute("PRAGMA journal_mode = DELETE").fetchone()[0]
            finally:
                conn.close()
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise RestoreError(smsg("restore.in_use", path=db_path)) from exc
            mode = "delete"  # unreadable: the raw copy already holds it and its WAL
        except sqlite3.DatabaseError:
            mode = "delete"
        if str(mode).lower() == "wal":
            raise RestoreError(smsg("restore.in_use", path=db_path))
    for suffix in SQLITE_SIDECARS:
        db_path.with_name(db_path.name + suffix).unlink(missing_ok=True)


def _install(staged: Path, db_path: Path) -> None:
    os.replace(staged, db_path)
    fsync_dir(db_path.parent)


def restore_backup(db_path: Path, source: Path) -> RestoreResult:
    """Replace the ledger file at db_path by the backup `source`.

    Every connection to db_path must be closed first (dispose the Database).
    Raises RestoreError (a LedgerError) when the backup is refused or a step
    fails; the ledger file is then as it was.
    """
    db_path, source = db_path.expanduser().absolute(), source.expanduser().absolute()
    _read_head(source, source)
    if db_path.exists() and source.resolve() == db_path.resolve():
        raise RestoreError(smsg("restore.same_file", path=source))
    staged = _staged_copy(source, db_path)
    previous = None
    try:
        check_backup(staged, shown=source)
        previous = _keep_current(db_path)
        _release_old(db_path)
        _install(staged, db_path)
    except RestoreError:
        raise
    except (OSError, sqlite3.Error) as exc:
        raise RestoreError(smsg("restore.failed", error=exc, backup=previous or "-")) from exc
    finally:
        staged.unlink(missing_ok=True)
        for suffix in SQLITE_SIDECARS:
            staged.with_name(staged.name + suffix).unlink(missing_ok=True)
    return RestoreResult(path=db_path, source=source, previous=previous)


def restore_into(target: str | None, source: Path) -> RestoreResult:
    """`ftz-ledger restore FILE`: the target as --db names it (a path or URL)."""
    from db.engine import resolve_target, target_url

    url = target_url(resolve_target(target))
    if url.get_backend_name() != "sqlite" or not url.database:
        shown = url.render_as_string(hide_password=True)
        raise RestoreError(smsg("restore.not_sqlite_target", target=shown))
    db_path = Path(url.database)
    if not db_path.parent.is_dir():
        db_path.parent.mkdir(parents=True, exist_ok=True)
    return restore_backup(db_path, source)
