"""A report sheet as plain data: its grid of columns, its rows and their roles.

Report modules build plans from query results; `render` turns a plan into a
worksheet. Keeping the two apart lets every report share one look and one
print setup, and lets the renderer stream big lists in openpyxl write-only mode.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

# Row roles. header: column titles; data: a record; group: a heading over the
# records of one group (merged across); subtotal / total: 小计 / 合计; section: a
# block heading in a sheet of several blocks (merged); kv: a label and a value
# merged across the rest of the row; blank: an empty spacer.
HEADER, DATA, GROUP, SUBTOTAL, TOTAL, SECTION, KV, BLANK = (
    "header",
    "data",
    "group",
    "subtotal",
    "total",
    "section",
    "kv",
    "blank",
)


class Row(NamedTuple):
    role: str
    values: list[Any]


@dataclass(frozen=True)
class Column:
    """One column of the grid; the width is measured from the content."""

    label: str
    max_width: int = 40
    align: str | None = None  # None: by value type; "center" for 序号 and codes


@dataclass(frozen=True)
class ChartPlan:
    """A native chart over rows of the same sheet (indices into SheetPlan.rows)."""

    kind: str  # "bar" or "pie"
    title: str
    header_row: int  # the row whose cell names the series
    first_row: int
    last_row: int
    category_col: int  # 0-based column of the category names
    value_col: int  # 0-based column of the values
    anchor_col: int  # 0-based column where the chart's top-left corner sits
    anchor_row: int  # index into rows where the chart's top-left corner sits
    y_title: str = ""
    number_format: str = "General"
    width_cm: float = 16
    height_cm: float = 7.5


@dataclass
class SheetPlan:
    name: str
    title: str
    columns: list[Column]
    rows: list[Row] = field(default_factory=list)
    amounts: bool = False  # amounts appear: row 2 says 单位：万元
    header_at: int | None = None  # the header row repeated on every printed page
    filter_rows: tuple[int, int] | None = None  # autofilter over rows[a..b] (a = header)
    charts: list[ChartPlan] = field(default_factory=list)
    signatures: bool = True

    def add(self, role: str, values: list[Any] | None = None) -> int:
        """Append a row; returns its index (for header_at, filters and charts)."""
        self.rows.append(Row(role, list(values or [])))
        return len(self.rows) - 1


@dataclass
class ReportContext:
    """What every sheet shows besides its data: who reports, when, in which language."""

    lang: str
    reporting_unit: str
    today: Any  # datetime.date
