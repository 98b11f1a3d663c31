"""What a report should contain: the clerk's view and the report's filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from db.queries.lists import ListFilter


@dataclass
class ReportOptions:
    """Options of every report; each report reads the ones it understands.

    ids: the ordered ids the clerk sees (None = every record of `filter`);
    columns: column keys of `db.queries.lists.SPECS[kind].columns` in view order
    (None = all); sort: [(column key, descending)].
    """

    ids: list[int] | None = None
    columns: list[str] | None = None
    filter: ListFilter | None = None
    sort: list[tuple[str, bool]] | None = None
    meeting_id: int | None = None
    date_from: date | None = None
    date_to: date | None = None
    year: int | None = None
    field_id: int | None = None
    stage: str | None = None
    lang: str | None = None
    month: date | None = None  # any day of the month (the monthly progress report)
    # progress(rows written, rows in all) -> False to stop (the import's convention);
    # write_report then raises ReportCancelled and leaves no file behind.
    progress: Callable[[int, int], bool] | None = None

    def period(self) -> tuple[date | None, date | None]:
        """The date range asked for: --from/--to, else the whole --year."""
        start, end = self.date_from, self.date_to
        if self.year and start is None and end is None:
            start, end = date(self.year, 1, 1), date(self.year, 12, 31)
        return start, end
