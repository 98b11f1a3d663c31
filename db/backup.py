"""Copies of an SQLite ledger made with SQLite's online backup API, and their thinning.

Backups live in `backups/` beside the database, named
`<stem>-<YYYYMMDD-HHMMSS>-<reason>.sqlite3` (reason: auto, manual, before-restore,
before-import, before-upgrade-<rev>), so the date and the cause can be read from
the name alone. Thinning keeps 7 daily, 4 weekly and 12 monthly copies, never
removes a backup made by hand, and keeps safety copies at least a week.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from db.errors import LedgerError
from db.safety_messages import smsg

if TYPE_CHECKING:
    from db.engine import Database

BACKUP_DIRNAME = "backups"
STAMP_FORMAT = "%Y%m%d-%H%M%S"
AUTO_INTERVAL = timedelta(days=1)
KEEP_DAILY, KEEP_WEEKLY, KEEP_MONTHLY = 7, 4, 12
SAFETY_DAYS = 7
AUTO, MANUAL = "auto", "manual"
# An import of more rows than this gets a backup first.
LARGE_IMPORT_ROWS = 100
# Files SQLite keeps beside a database while it is open or after a crash.
SQLITE_SIDECARS = ("-wal", "-shm", "-journal")
# Pages copied between progress reports of a backup (4 KiB each: 16 MiB).
BACKUP_STEP_PAGES = 4096

# progress(pages copied, pages in all) -> False to stop (the import's convention).
Progress = Callable[[int, int], bool]


class BackupCancelled(LedgerError):
    """progress() answered False: the backup stopped and its partial copy is gone."""


_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z][a-z0-9_-]*)\.sqlite3$")


@dataclass(frozen=True)
class BackupFile:
    path: Path
    taken: datetime
    reason: str


def backups_dir(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIRNAME


def backup_name(db_path: Path, reason: str, when: datetime) -> str:
    return f"{db_path.stem}-{when.strftime(STAMP_FORMAT)}-{reason}.sqlite3"


def parse_backup_name(name: str, stem: str | None = None) -> tuple[datetime, str] | None:
    """(when taken, reason) from a backup's file name, or None if it is not one of ours."""
    match = _NAME.match(name)
    if match is None or (stem is not None and match["stem"] != stem):
        return None
    try:
        return datetime.strptime(match["stamp"], STAMP_FORMAT), match["reason"]
    except ValueError:
        return None


def list_backups(db_path: Path) -> list[BackupFile]:
    """This database's backups in its backups folder, newest first."""
    folder = backups_dir(db_path)
    found = []
    try:
        for entry in folder.iterdir():
            parsed = parse_backup_name(entry.name, db_path.stem)
            if parsed is not None and entry.is_file():
                found.append(BackupFile(entry, *parsed))
    except OSError:
        return []  # no folder yet, or one we may not read: as good as no backups
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def latest_backup(db_path: Path) -> BackupFile | None:
    backups = list_backups(db_path)
    return backups[0] if backups else None


# --- copying -------------------------------------------------------------------


def sqlite_uri(path: Path, **params: str) -> str:
    """A file: URI for sqlite3.connect(uri=True); quotes odd characters in the path."""
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return path.absolute().as_uri() + (f"?{query}" if query else "")


def fsync_file(path: Path) -> None:
    with path.open("rb") as fh:
        os.fsync(fh.fileno())


def fsync_dir(folder: Path) -> None:
    """Make a rename durable (POSIX; Windows has no directory handles to sync)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _step(progress: Progress | None):
    """sqlite3's backup callback for `progress`; raising in it aborts the copy."""
    if progress is None:
        return None

    def step(_status: int, remaining: int, total: int) -> None:
        if progress(total - remaining, total) is False:
            raise BackupCancelled(smsg("backup.cancelled"))

    return step


def backup_sqlite(src: Path, dest: Path, progress: Progress | None = None) -> Path:
    """Copy a live database consistently (other connections may be writing).

    The copy is written beside dest, synced to disk, switched out of WAL mode (a
    single self-contained file, readable from read-only media) and only then
    renamed into place, so dest is either the old file or a complete copy.
    """
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(dest.name + ".part")
    tmp.unlink(missing_ok=True)
    source = sqlite3.connect(sqlite_uri(src, mode="ro"), uri=True, timeout=30)
    source.isolation_level = None  # transactions as written below
    try:
        target = sqlite3.connect(tmp)
        try:
            if progress is None:
                source.backup(target)
            else:
                # Copied in steps while the clerk works: one read transaction holds
                # one snapshot throughout, else every save would restart the copy.
                source.execute("BEGIN")
                source.execute("SELECT count(*) FROM sqlite_master").fetchone()
                source.backup(target, pages=BACKUP_STEP_PAGES, progress=_step(progress))
                source.execute("COMMIT")
            target.execute("PRAGMA journal_mode = DELETE")
        finally:
            target.close()
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        source.close()
    fsync_file(tmp)
    tmp.replace(dest)
    fsync_dir(dest.parent)
    return dest


def _unique_dest(db_path: Path, reason: str, when: datetime) -> Path:
    folder = backups_dir(db_path)
    dest = folder / backup_name(db_path, reason, when)
    n = 2
    while dest.exists():
        dest = folder / backup_name(db_path, f"{reason}-{n}", when)
        n += 1
    return dest


def make_backup(
    db_path: Path, reason: str, when: datetime | None = None, progress: Progress | None = None
) -> Path:
    """A new backup in the backups folder, then old ones thinned. LedgerError on failure
    (BackupCancelled when progress() answered False: no file is left)."""
    when = (when or datetime.now()).replace(microsecond=0)
    try:
        dest = backup_sqlite(db_path, _unique_dest(db_path, reason, when), progress)
    except (sqlite3.Error, OSError) as exc:
        raise LedgerError(smsg("backup.failed", path=db_path, error=exc)) from exc
    thin_backups(db_path, today=when.date())
    return dest


def backup_to(db_path: Path, dest: Path, progress: Progress | None = None) -> Path:
    """A backup at a place the clerk chose (a USB stick, say); not thinned."""
    dest = dest.expanduser().absolute()
    if dest.is_dir():
        dest = dest / backup_name(db_path, MANUAL, datetime.now())
    if dest.exists() and dest.resolve() == db_path.resolve():
        raise LedgerError(smsg("backup.same_file", path=dest))
    try:
        return backup_sqlite(db_path, dest, progress)
    except (sqlite3.Error, OSError) as exc:
        raise LedgerError(smsg("backup.failed", path=db_path, error=exc)) from exc


def _sqlite_path(db: Database) -> Path:
    if db.path is None:
        raise LedgerError(smsg("backup.not_sqlite", target=db.display_name()))
    return db.path


def backup_now(db: Database, dest: Path | None = None) -> Path:
    """File › Back up now… and `ftz-ledger backup [-o FILE]`."""
    path = _sqlite_path(db)
    return backup_to(path, dest) if dest is not None else make_backup(path, MANUAL)


def auto_backup(
    db: Database, now: datetime | None = None, progress: Progress | None = None
) -> Path | None:
    """The daily backup at start: made when the newest backup is a day old or more.

    Returns the new file, or None when none was due (or the database is a server).
    Raises LedgerError when a due backup could not be written (disk full...), and
    BackupCancelled when progress() answered False (the partial copy is removed).
    """
    if db.path is None or not db.path.exists():
        return None
    now = now or datetime.now()
    latest = latest_backup(db.path)
    if latest is not None and timedelta(0) <= now - latest.taken < AUTO_INTERVAL:
        return None
    return make_backup(db.path, AUTO, now, progress)


def backup_before_import(db: Database, rows: int | None = None) -> Path | None:
    """The copy kept aside before a large import (the import calls this first).

    `rows` is the number of rows about to be imported; small imports (at most
    LARGE_IMPORT_ROWS) and server databases get no backup.
    """
    if db.path is None or (rows is not None and rows <= LARGE_IMPORT_ROWS):
        return None
    return make_backup(db.path, "before-import")


def backup_before_upgrade(db_path: Path, revision: str) -> Path:
    """The copy kept aside before a schema upgrade (Vorta's backup_current_db)."""
    return make_backup(db_path, f"before-upgrade-{revision.lower()}")


# --- thinning ------------------------------------------------------------------


def _newest_per_period(stamps: Sequence[datetime], key, keep: int) -> set[datetime]:
    """The newest stamp of each of the `keep` most recent periods that have one."""
    chosen: dict[object, datetime] = {}
    for stamp in sorted(stamps, reverse=True):
        period = key(stamp)
        if period not in chosen:
            if len(chosen) == keep:
                break
            chosen[period] = stamp
    return set(chosen.values())


def stamps_to_keep(
    stamps: Iterable[datetime],
    today: date,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[datetime]:
    """Which backups thinning keeps (as borg's keep-daily/weekly/monthly do).

    The newest backup of each of the last `daily` days that have a backup, of the
    last `weekly` ISO weeks, and of the last `monthly` months. Periods count only
    when they have backups, so a ledger left unused for months keeps its copies.
    A backup dated after `today` is kept: the clock was wrong, not the copy.
    """
    stamps = list(stamps)
    past = [s for s in stamps if s.date() <= today]
    keep = {s for s in stamps if s.date() > today}
    keep |= _newest_per_period(past, lambda s: s.date(), daily)
    keep |= _newest_per_period(past, lambda s: s.isocalendar()[:2], weekly)
    keep |= _newest_per_period(past, lambda s: (s.year, s.month), monthly)
    return keep


def names_to_delete(names: Iterable[str], stem: str, today: date) -> list[str]:
    """The backup file names (of one database) that thinning removes.

    Backups made by hand are the clerk's and never removed. Safety copies (made
    before an upgrade, restore or import) are kept at least SAFETY_DAYS, so
    restoring twice in a day cannot thin away the copy made the first time.
    """
    dated = {}
    for name in names:
        parsed = parse_backup_name(name, stem)
        if parsed is None or parsed[1].startswith(MANUAL):
            continue
        stamp, reason = parsed
        young = (today - stamp.date()).days < SAFETY_DAYS
        if young and not reason.startswith(AUTO):
            continue
        dated[name] = stamp
    kept = stamps_to_keep(set(dated.values()), today)
    return sorted(n for n, stamp in dated.items() if stamp not in kept)


def thin_backups(db_path: Path, today: date | None = None) -> list[Path]:
    """Remove the backups thinning does not keep; returns the removed files."""
    folder = backups_dir(db_path)
    try:
        names = [e.name for e in folder.iterdir() if e.is_file()]
    except OSError:
        return []
    removed = []
    for name in names_to_delete(names, db_path.stem, today or date.today()):
        try:
            (folder / name).unlink()
            removed.append(folder / name)
        except OSError:
            continue  # a copy we cannot delete stays; thinning is only tidying
    return removed
