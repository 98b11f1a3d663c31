"""Open a ledger database from a path or an SQLAlchemy URL.

The only module that creates engines: it sets the SQLite pragmas, finds the default
location, refuses files that are not ledgers, and brings the schema up to date
(backing the file up first) before anyone reads from it.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs
from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from db.backends.postgresql import check_supported, engine_options, explain_server_error
from db.backup import backups_dir
from db.errors import LedgerOpenError
from db.messages import msg
from db.safety_messages import smsg

APP_NAME = "ftz-ledger"
DB_FILENAME = "ledger.sqlite3"
ENV_DB = "FTZ_LEDGER_DB"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
HEADER_SIZE = 100
# quick_check reads every page: done on open only below this size (bench/open_speed.py).
QUICK_CHECK_MAX_BYTES = 32 * 1024 * 1024


def default_data_dir() -> Path:
    """The user data folder (platformdirs), or data/ beside a portable program; created on first use."""
    from db.paths import portable_data_dir

    return portable_data_dir() or platformdirs.user_data_path(APP_NAME, appauthor=False)


def default_db_path() -> Path:
    return default_data_dir() / DB_FILENAME


def resolve_target(arg: str | None) -> str:
    """--db wins over FTZ_LEDGER_DB, which wins over the default location."""
    return arg or os.environ.get(ENV_DB) or str(default_db_path())


def target_url(target: str) -> URL:
    """A path becomes an SQLite URL; anything with a scheme is taken as a URL."""
    if "://" in target:
        try:
            return make_url(target)
        except SQLAlchemyError as exc:
            raise LedgerOpenError(msg("open.bad_url", target=target)) from exc
    return URL.create("sqlite+pysqlite", database=str(Path(target).expanduser().absolute()))


def current_user() -> str:
    """The OS user name, stamped on every change."""
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _set_sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA synchronous = FULL")
    cur.close()


def build_engine(url: URL) -> Engine:
    """An engine with the ledger's connection settings for its dialect."""
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _set_sqlite_pragmas)
        return engine
    return create_engine(url, **engine_options())


def check_sqlite_file(path: Path) -> None:
    """Refuse paths that cannot be a ledger file before SQLite touches them."""
    if path.is_dir():
        raise LedgerOpenError(msg("open.is_folder", path=path))
    if not path.exists():
        if not path.parent.is_dir():
            raise LedgerOpenError(msg("open.no_folder", path=path.parent))
        return
    try:
        with path.open("rb") as fh:
            header = fh.read(HEADER_SIZE)
    except OSError as exc:
        raise LedgerOpenError(msg("open.unreadable", path=path, error=exc.strerror)) from exc
    if not header:
        # SQLite would take an empty file as a new database and write a ledger
        # into it; an empty file at a ledger's path is more likely a truncated one.
        raise LedgerOpenError(smsg("open.empty", path=path))
    if header[: len(SQLITE_MAGIC)] != SQLITE_MAGIC:
        raise LedgerOpenError(msg("open.not_sqlite", path=path))
    check_sqlite_size(path, header)
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise LedgerOpenError(smsg("open.read_only", path=path))


def check_sqlite_size(path: Path, header: bytes) -> None:
    """A file shorter than its header says was truncated (unless a WAL holds the rest)."""
    if len(header) < HEADER_SIZE:
        raise LedgerOpenError(_truncated(path, HEADER_SIZE, len(header)))
    wal = path.with_name(path.name + "-wal")
    if (wal.exists() and wal.stat().st_size > 0) or _hot_journal(path):
        return  # after a crash the WAL or journal holds the rest; SQLite puts it back
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    # The page count in the header is valid only when these two counters agree.
    valid = header[24:28] == header[92:96] and pages > 0
    actual = path.stat().st_size
    expected = pages * page_size if valid else actual
    if page_size < 512 or actual % page_size or actual < expected:
        raise LedgerOpenError(_truncated(path, max(expected, actual), actual))


def _truncated(path: Path, expected: int, actual: int) -> str:
    return smsg(
        "open.truncated", path=path, expected=expected, actual=actual, backups=backups_dir(path)
    )


def probe_sqlite_file(path: Path) -> None:
    """Read-only look inside an existing file before any connection may write to it.

    Small files get SQLite's quick_check; big ones (where it would make opening
    slow) a read of the schema, which finds a damaged header or schema page.
    """
    if not path.exists():
        return
    check_sqlite_file(path)
    uri = path.absolute().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            if path.stat().st_size <= QUICK_CHECK_MAX_BYTES:
                rows = [r[0] for r in conn.execute("PRAGMA quick_check(10)")]
                if rows != ["ok"]:
                    raise sqlite3.DatabaseError("; ".join(rows))
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if _hot_journal(path) and "readonly" in str(exc).replace("-", ""):
            return  # a crash left a rollback journal: the read-write open rolls it back
        raise LedgerOpenError(explain_sqlite_error(path, exc)) from exc


def _hot_journal(path: Path) -> bool:
    journal = path.with_name(path.name + "-journal")
    return journal.exists() and journal.stat().st_size > 0


def explain_sqlite_error(path: Path | str, exc: BaseException) -> str:
    """A clerk's sentence for what SQLite said while opening the file."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return smsg("open.locked", path=path)
    if "readonly" in text or "read-only" in text:
        return smsg("open.read_only", path=path)
    if any(w in text for w in ("malformed", "not a database", "corrupt", "*** in database")):
        return smsg("open.damaged", path=path, error=exc, backups=backups_dir(Path(path)))
    return msg("open.failed", target=path, error=exc)


@dataclass
class Database:
    """An open ledger: its engine, a session factory and who is working."""

    engine: Engine
    url: URL
    user: str = field(default_factory=current_user)
    _sessions: sessionmaker[Session] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        from db.audit import install_audit

        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        install_audit(self._sessions)

    @property
    def path(self) -> Path | None:
        """The SQLite file, or None for a server database."""
        if self.url.get_backend_name() != "sqlite" or not self.url.database:
            return None
        return Path(self.url.database)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    def display_name(self) -> str:
        return str(self.path) if self.path else self.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        sess = self._sessions()
        sess.info["user"] = self.user
        return sess

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in one transaction: committed on success, rolled back on error."""
        with self.session() as sess, sess.begin():
            yield sess

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def _is_at_head(db: Database) -> bool:
    from db.schema_head import is_at_head

    with db.engine.connect() as conn:
        return is_at_head(conn)


def open_database(target: str | None = None, *, migrate: bool = True) -> Database:
    """Open (and create or upgrade) the ledger at a path or URL.

    Raises LedgerOpenError with a readable message for anything a clerk can cause:
    a folder, a file that is not a database, a ledger from a newer program, a
    server that cannot be reached.
    """
    url = target_url(resolve_target(target))
    check_supported(url)
    if url.get_backend_name() == "sqlite" and url.database:
        path = Path(url.database)
        if target is None and not os.environ.get(ENV_DB):
            path.parent.mkdir(parents=True, exist_ok=True)
        check_sqlite_file(path)
        probe_sqlite_file(path)
    db = Database(engine=build_engine(url), url=url)
    try:
        if migrate and not _is_at_head(db):
            from db.migrate import ensure_schema  # Alembic: loaded only when needed

            ensure_schema(db)
        if db.is_sqlite:
            # Only now that the file is known to be ours: WAL is stored in the file.
            set_journal_mode(db)
    except LedgerOpenError:
        db.dispose()
        raise
    except SQLAlchemyError as exc:
        db.dispose()
        raise LedgerOpenError(explain_open_error(db, getattr(exc, "orig", None) or exc)) from exc
    except sqlite3.Error as exc:  # raised by the pragmas run on connect
        db.dispose()
        raise LedgerOpenError(explain_open_error(db, exc)) from exc
    return db


def set_journal_mode(db: Database) -> None:
    """WAL on a local disk; the rollback journal on a network share (db.filesystems)."""
    from db.filesystems import journal_mode_for

    mode = journal_mode_for(db.path) if db.path is not None else "WAL"
    with db.engine.connect() as conn:
        try:
            conn.exec_driver_sql(f"PRAGMA journal_mode = {mode}")
        except OperationalError:
            if mode == "WAL":
                raise
            # Leaving WAL needs the only connection: another PC still has the
            # file open in WAL. Work on; the next open alone switches it.


def explain_open_error(db: Database, exc: BaseException) -> str:
    """What went wrong opening the file or reaching the server, for the clerk."""
    if db.path is not None:
        return explain_sqlite_error(db.path, exc)
    return explain_server_error(db.url, exc)
