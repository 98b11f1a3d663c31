"""Where a portable program keeps its data: a `data/` folder beside the executable.

A clerk who carries the program on a USB stick puts an empty file named `portable`
beside `ftz-ledger.exe`; the database and the settings then live in `data/` next to
it instead of the user data folder. Only a frozen program looks for the marker: run
from source, the folder of `sys.executable` is the Python interpreter's, not ours.
"""

from __future__ import annotations

import sys
from pathlib import Path

PORTABLE_MARKER = "portable"
PORTABLE_DATA_DIR = "data"


def program_dir() -> Path | None:
    """The folder of the frozen program's executable; None when running from source."""
    if not getattr(sys, "frozen", False):
        return None
    return Path(sys.executable).resolve().parent


def portable_data_dir() -> Path | None:
    """`data/` beside the executable when the `portable` marker is there, else None."""
    folder = program_dir()
    if folder is None or not (folder / PORTABLE_MARKER).exists():
        return None
    return folder / PORTABLE_DATA_DIR


def is_portable() -> bool:
    return portable_data_dir() is not None
