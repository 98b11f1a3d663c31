"""Where the window keeps its settings (QSettings), portable mode included.

Call `configure_qsettings()` once, right after the QApplication is created and
before any `QSettings()` is made; then use the no-argument `QSettings()` everywhere.
Normally settings go where Qt puts them (the registry on Windows, an .ini under
~/.config on Linux); a portable program (db/paths.py) keeps them as an .ini file
in its `data/` folder, so nothing is left on the office PC.
"""

from __future__ import annotations

from pathlib import Path

from db.paths import portable_data_dir

ORGANIZATION = "ftz-ledger"
APPLICATION = "ftz-ledger"


def settings_path() -> Path | None:
    """The portable settings file, or None when Qt's native place is used."""
    data = portable_data_dir()
    if data is None:
        return None
    # QSettings(IniFormat, UserScope) puts the file at <path>/<organization>/<application>.ini
    return data / ORGANIZATION / f"{APPLICATION}.ini"


def configure_qsettings() -> None:
    """Name the application for QSettings and, when portable, point it at data/."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    data = portable_data_dir()
    if data is not None:
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(data))
