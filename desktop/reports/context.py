"""What a report needs besides its data: the language, the reporting unit, the date."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from sqlalchemy import Connection

from db import lang as lang_module
from db.lang import current_language, set_language
from db.services import settings
from desktop.reports.plan import ReportContext


@contextmanager
def report_language(lang: str | None) -> Iterator[str]:
    """Build the report in `lang` (labels and reference names), then restore.

    The list queries name reference entries in the current language, so the
    language is switched for the report's duration rather than passed around.
    """
    if lang is None or lang == current_language():
        yield current_language()
        return
    previous = lang_module._current  # None means "follow the system locale"
    set_language(lang)
    try:
        yield lang
    finally:
        set_language(previous)


def report_context(conn: Connection, lang: str) -> ReportContext:
    return ReportContext(
        lang=lang,
        reporting_unit=settings.get(conn, "reporting_unit"),
        today=date.today(),
    )
