"""The language of messages, labels and reports (Qt-free; the window sets it too)."""

from __future__ import annotations

import locale
import os

SUPPORTED = ("zh", "en")
_current: str | None = None


def system_language() -> str:
    """zh for a Chinese locale, en for anything else."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(var)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    loc = locale.getlocale()[0] or ""
    return "zh" if loc.lower().startswith(("zh", "chinese")) else "en"


def current_language() -> str:
    return _current or system_language()


def set_language(lang: str | None) -> None:
    """Choose zh or en; None goes back to the system locale."""
    if lang is not None and lang not in SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}")
    global _current
    _current = lang


def pick(zh: str, en: str, lang: str | None = None) -> str:
    return zh if (lang or current_language()) == "zh" else en
