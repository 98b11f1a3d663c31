"""The window's remembered state (QSettings: geometry, last tab, columns, recent files)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from desktop.portable import open_settings

ORGANISATION = "FTZLedger"
APPLICATION = "ftz-ledger"
RECENT_MAX = 8


def settings() -> QSettings:
    """The native settings store, or data/settings.ini beside a portable program."""
    return open_settings(ORGANISATION, APPLICATION)


def recent_databases() -> list[str]:
    value = settings().value("recent_databases", [])
    if isinstance(value, str):  # QSettings gives a lone string for a one-item list
        value = [value]
    return [str(v) for v in value or []]


def remember_database(path: str) -> None:
    items = [path] + [p for p in recent_databases() if p != path]
    settings().setValue("recent_databases", items[:RECENT_MAX])
