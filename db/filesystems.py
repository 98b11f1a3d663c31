"""Is a ledger file on a network share? There SQLite's WAL must not be used.

WAL keeps its index in shared memory (the -shm file), which two PCs cannot share
over SMB or NFS: both would write the file as if alone. On a network folder the
ledger uses the rollback journal instead, which relies only on file locks.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

NETWORK_FS = frozenset(
    {
        "cifs",
        "smb3",
        "smbfs",
        "nfs",
        "nfs4",
        "9p",
        "afs",
        "ceph",
        "glusterfs",
        "davfs",
        "fuse.davfs2",
        "fuse.sshfs",
        "fuse.rclone",
        "fuse.glusterfs",
        "lustre",
        "gpfs",
    }
)
_DRIVE_REMOTE = 4


def mount_table(text: str) -> list[tuple[str, str]]:
    """(mount point, file-system type) pairs from /proc/mounts text."""
    out = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            # Spaces in mount points are written as \040.
            out.append((parts[1].replace("\\040", " "), parts[2]))
    return out


def fs_type(path: Path, mounts: list[tuple[str, str]]) -> str | None:
    """The type of the file system holding path: the longest mount point above it."""
    best, kind = -1, None
    text = str(path)
    for point, fstype in mounts:
        inside = text == point or text.startswith(point.rstrip("/") + "/")
        if inside and len(point) > best:
            best, kind = len(point), fstype
    return kind


def _linux_mounts() -> list[tuple[str, str]]:
    try:
        return mount_table(Path("/proc/mounts").read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return []


def _windows_is_remote(path: Path) -> bool:
    text = str(path)
    if text.startswith(("\\\\", "//")):
        return True  # \\server\share
    import ctypes

    root = os.path.splitdrive(text)[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(root) == _DRIVE_REMOTE


def is_network_path(path: Path) -> bool:
    """True when the file's folder is on a network share (SMB, NFS, ...)."""
    folder = path.parent.absolute()
    with contextlib.suppress(OSError):  # a folder we cannot resolve is judged as written
        folder = folder.resolve()
    if sys.platform == "win32":
        try:
            return _windows_is_remote(folder)
        except (OSError, AttributeError):
            return False
    return fs_type(folder, _linux_mounts()) in NETWORK_FS


def journal_mode_for(path: Path) -> str:
    """WAL on a local disk (readers never wait); the rollback journal on a share."""
    return "DELETE" if is_network_path(path) else "WAL"
