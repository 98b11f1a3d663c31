"""Where the window keeps its settings (QSettings), portable mode included.

Normally settings go where Qt puts them for an organisation and application (the
registry on Windows, a .conf file under ~/.config on Linux). A portable program
(db/paths.py: a `portable` marker beside the executable) keeps them in
`data/settings.ini` next to the database instead, so nothing is left on the PC.
Make every QSettings through `open_settings()`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from db.paths import portable_data_dir

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings

PORTABLE_SETTINGS_FILE = "settings.ini"


def settings_path() -> Path | None:
    """The portable settings file, or None when Qt's native place is used."""
    data = portable_data_dir()
    return None if data is None else data / PORTABLE_SETTINGS_FILE


def open_settings(organization: str, application: str) -> QSettings:
    """QSettings in the native place, or in data/settings.ini when portable."""
    from PySide6.QtCore import QSettings

    path = settings_path()
    if path is None:
        return QSettings(organization, application)
    return QSettings(str(path), QSettings.Format.IniFormat)
