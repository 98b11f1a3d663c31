"""Save a workbook without ever leaving a half-written file behind.

The workbook goes to a temporary file in the target's folder, then replaces the
target in one step (os.replace). A target open in Excel (locked on Windows), a
read-only target or a folder without write rights gets a message naming the file.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from openpyxl import Workbook

from db.errors import LedgerError
from desktop.reports.words import word


def check_target(path: Path) -> Path:
    """The absolute target, refused early if it cannot be a report file."""
    path = Path(path).expanduser().absolute()
    if path.is_dir():
        raise LedgerError(word("err.is_folder", path=path))
    if not path.parent.is_dir():
        raise LedgerError(word("err.no_folder", path=path.parent))
    if path.exists() and not os.access(path, os.W_OK):
        raise LedgerError(word("err.locked", path=path))
    _temporary(path).unlink()  # can we write there at all? Ask before the work.
    return path


def save_workbook(wb: Workbook, target: Path) -> Path:
    """Write wb to target atomically; raise LedgerError with a clear message."""
    path = check_target(target)
    try:
        tmp = _temporary(path)
    except LedgerError:
        discard_workbook(wb)
        raise
    try:
        _save(wb, tmp, path)
        os.chmod(tmp, _file_mode(path))
        _replace(tmp, path)
    except BaseException:
        discard_workbook(wb)
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return path


def _temporary(path: Path) -> Path:
    """A new empty file beside the target (same folder, so os.replace is atomic)."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".~{path.stem}-", suffix=".xlsx.part", dir=path.parent)
    except PermissionError as exc:
        raise LedgerError(word("err.folder_readonly", path=path.parent)) from exc
    except OSError as exc:
        raise LedgerError(word("err.write_failed", path=path, error=exc.strerror)) from exc
    os.close(fd)
    return Path(name)


def discard_workbook(wb: Workbook) -> None:
    """Finish the streamed sheets of a workbook that will not be saved (frees their files)."""
    for ws in wb.worksheets:
        with contextlib.suppress(Exception):
            ws.close()


def _save(wb: Workbook, tmp: Path, path: Path) -> None:
    try:
        wb.save(tmp)
    except OSError as exc:
        raise LedgerError(word("err.write_failed", path=path, error=exc.strerror)) from exc


def _file_mode(path: Path) -> int:
    """Keep a replaced file's mode; a new file gets the usual umask mode, not mkstemp's 0600."""
    if path.exists():
        return path.stat().st_mode & 0o777
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _replace(tmp: Path, path: Path) -> None:
    try:
        os.replace(tmp, path)
    except PermissionError as exc:
        raise LedgerError(word("err.locked", path=path)) from exc
    except OSError as exc:
        raise LedgerError(word("err.write_failed", path=path, error=exc.strerror)) from exc
