"""Turn a SheetPlan into a streamed (write-only) worksheet in the house style.

Every report goes through here, so the print setup, the title rows, the
signature line and the formula-safety of user text are done once. Rows are
streamed with openpyxl's write-only mode so a 100 000-row list stays fast.
"""

from __future__ import annotations

import re

from openpyxl import Workbook
from openpyxl.cell import Cell, WriteOnlyCell
from openpyxl.chart import BarChart, PieChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter

from desktop.reports import style
from desktop.reports.plan import (
    BLANK,
    GROUP,
    HEADER,
    KV,
    SECTION,
    ChartPlan,
    ReportContext,
    SheetPlan,
)
from desktop.reports.words import word

FIRST_BODY_ROW = 3  # row 1 the title, row 2 the reporting unit and date
# Text a spreadsheet could take for a formula (or DDE) when it begins with these.
UNSAFE_START = ("=", "+", "-", "@", "\t", "\r")
MERGED_ROLES = (GROUP, SECTION)
DATE_WIDTH = 12.0
LINE_HEIGHT = 13.5  # points per line of the 10-point body font
MAX_ROW_HEIGHT = 409  # Excel's limit
SIGNATURE_GAP = "\u3000" * 8
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def excel_row(index: int) -> int:
    """The worksheet row of plan.rows[index]."""
    return FIRST_BODY_ROW + index


def sheet_name(name: str) -> str:
    return _BAD_SHEET_CHARS.sub("_", name)[:31] or "Sheet"


class TemplateCell(Cell):
    """A styled cell refilled row after row; its style is fixed once set up.

    openpyxl looks a cell's style up in the workbook's style list for every cell
    it writes; a template's never changes, so the lookup is done once (freeze).
    """

    __slots__ = ("_sid", "_styled")

    def freeze(self) -> TemplateCell:
        self._sid = Cell.style_id.fget(self)
        self._styled = Cell.has_style.fget(self)
        return self

    @property
    def style_id(self) -> int:
        return self._sid

    @property
    def has_style(self) -> bool:
        return self._styled


class CellMaker:
    """Styled write-only cells, reused per (column, role, value type).

    A write-only row is written as soon as it is appended, so one styled cell
    per column and look can be refilled row after row (the speed of a bare
    dump; see bench/bench_export.py).
    """

    def __init__(self, ws, plan: SheetPlan) -> None:
        self.ws = ws
        self.columns = plan.columns
        # role -> per column: value type -> styled cell
        self._looks: dict[str, list[dict[type, WriteOnlyCell]]] = {}
        self._blanks = [WriteOnlyCell(ws) for _ in plan.columns]

    def _template(self, col: int, role: str, value_type: type) -> TemplateCell:
        cell = TemplateCell(self.ws, row=1, column=1)
        font, fill, border = style.ROLE_LOOK.get(role, style.DATA_LOOK)
        cell.font, cell.fill, cell.border = font, fill, border
        cell.alignment = style.alignment(role, value_type, self.columns[col].align)
        cell.number_format = style.NUMBER_FORMATS.get(value_type, "General")
        self._looks[role][col][value_type] = cell.freeze()
        return cell

    def row(self, role: str, values: list, width: int) -> list[WriteOnlyCell]:
        looks = self._looks.get(role)
        if looks is None:
            looks = self._looks[role] = [{} for _ in range(width)]
        # Merged rows are boxed across the whole grid; others as far as their values go.
        filled = width if role in (GROUP, KV) else min(width, len(values))
        count = len(values)
        out = []
        for col in range(width):
            if col >= filled:
                out.append(self._blanks[col])
                continue
            value = values[col] if col < count else None
            value_type = type(value)
            cell = looks[col].get(value_type) or self._template(col, role, value_type)
            cell.value = value
            if value_type is str and value.startswith(UNSAFE_START):
                cell.data_type = "s"  # user text, never a formula
            out.append(cell)
        return out


def set_value(cell, value) -> None:
    """Assign a value; text that looks like a formula stays text."""
    cell.value = value
    if isinstance(value, str) and value.startswith(UNSAFE_START):
        cell.data_type = "s"


def _stream_cells(values, row_idx):
    """Replacement for WriteOnlyWorksheet._values_to_row that takes ready cells.

    openpyxl's own version first tries each cell as a value (raising and
    formatting an error for every styled cell); the cells here are already
    styled, so only their position is set.
    """
    for col_idx, cell in enumerate(values, 1):
        cell.column = col_idx
        cell.row = row_idx
        yield cell


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def measure_widths(plan: SheetPlan) -> list[float]:
    """Column widths from the widest value of each column (merged rows excluded)."""
    n = len(plan.columns)
    widest = [0] * n
    header = [style.display_width(c.label) for c in plan.columns]
    for role, values in plan.rows:
        if role in MERGED_ROLES or role == BLANK:
            continue
        if role == HEADER:
            for i, v in enumerate(values[:n]):
                header[i] = max(header[i], style.display_width(v))
            continue
        limit = 1 if role == KV else n
        for i, v in enumerate(values[:limit]):
            w = style.display_width(v) if type(v) is not str or 2 * len(v) > widest[i] else 0
            if w > widest[i]:
                widest[i] = w
    return [style.column_width(widest[i], header[i], plan.columns[i].max_width) for i in range(n)]


class ReportCancelled(Exception):
    """progress() answered False: the report was not written."""


PROGRESS_EVERY = 1000  # rows between progress reports


def render_sheet(wb: Workbook, plan: SheetPlan, ctx: ReportContext, progress=None):
    """Write one sheet: title, reporting line, rows, signatures, print setup, charts."""
    ws = wb.create_sheet(sheet_name(plan.name))
    ws._values_to_row = _stream_cells
    n = len(plan.columns)
    widths = measure_widths(plan)
    date_col = heading_date_column(n, plan.amounts)
    widths[date_col] = max(widths[date_col], DATE_WIDTH)
    if date_col >= 1:
        widths[date_col - 1] = max(widths[date_col - 1], DATE_WIDTH)
    for i, width in enumerate(widths, 1):
        ws.column_dimensions[get_column_letter(i)].width = width
    header_row = excel_row(plan.header_at) if plan.header_at is not None else None
    style.setup_page(ws, header_row, word("footer", ctx.lang))
    _set_heights(ws, plan, widths)
    maker = CellMaker(ws, plan)
    _write_heading(ws, plan, ctx, n)
    total = len(plan.rows)
    for done, (role, values) in enumerate(plan.rows):
        if progress is not None and done % PROGRESS_EVERY == 0 and progress(done, total) is False:
            raise ReportCancelled()
        ws.append(maker.row(role, values, n))
    _merge_body(ws, plan, n)
    if plan.signatures:
        _write_signatures(ws, ctx, n, excel_row(len(plan.rows)))
    if plan.filter_rows is not None:
        first, last = plan.filter_rows
        ws.auto_filter.ref = f"A{excel_row(first)}:{get_column_letter(n)}{excel_row(last)}"
    for chart in plan.charts:
        ws.add_chart(
            _chart(ws, chart),
            f"{get_column_letter(chart.anchor_col + 1)}{excel_row(chart.anchor_row)}",
        )
    return ws


def _set_heights(ws, plan: SheetPlan, widths: list[float]) -> None:
    """Row heights for wrapped text: spreadsheet programs do not grow rows on opening."""
    ws.row_dimensions[1].height = 32
    ws.row_dimensions[2].height = 18
    merged_width = sum(widths[1:]) or 1.0
    wrapping = _wrapping_columns(plan, widths)
    for i, (role, values) in enumerate(plan.rows):
        if role == KV:
            lines = _lines(values[1] if len(values) > 1 else None, merged_width)
        elif role == SECTION:
            ws.row_dimensions[excel_row(i)].height = 22
            continue
        elif role in MERGED_ROLES or role == BLANK:
            continue
        else:
            lines = max(
                (_lines(values[c], widths[c]) for c in wrapping if c < len(values)), default=1
            )
        if lines > 1:
            height = min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 3)
            ws.row_dimensions[excel_row(i)].height = height


def _wrapping_columns(plan: SheetPlan, widths: list[float]) -> list[int]:
    """Columns whose widest text is wider than the column (only these wrap)."""
    out = []
    for c, width in enumerate(widths):
        widest = max(
            (
                style.display_width(values[c])
                for role, values in plan.rows
                if role not in MERGED_ROLES
                and role != KV
                and c < len(values)
                and type(values[c]) is str
                and 2 * len(values[c]) > width - 2
            ),
            default=0,
        )
        if widest > width - 2:
            out.append(c)
    return out


def _lines(value, width: float) -> int:
    """How many lines a text takes in a column of this width."""
    if type(value) is not str or 2 * len(value) <= width - 2:
        return 1
    usable = max(1, int(width - 2))
    return sum(max(1, -(-style.display_width(part) // usable)) for part in value.split("\n"))


def _write_heading(ws, plan: SheetPlan, ctx: ReportContext, n: int) -> None:
    """Row 1: the merged bold title. Row 2: 填报单位, the date, 单位：万元."""
    title = WriteOnlyCell(ws)
    set_value(title, plan.title)
    title.font = style.TITLE_FONT
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    ws.append([title])
    ws.merged_cells.add(f"A1:{get_column_letter(n)}1")

    date_col = heading_date_column(n, plan.amounts)
    unit_end = max(1, date_col - 1)
    cells = [None] * n
    cells[0] = _plain(ws, word("reporting_unit", ctx.lang) + (ctx.reporting_unit or ""))
    if date_col >= 1:
        cells[date_col - 1] = _plain(ws, word("report_date", ctx.lang), "right")
    cells[date_col] = _plain(ws, ctx.today, "left", style.DATE_FORMAT)
    if plan.amounts and date_col < n - 1:
        cells[n - 1] = _plain(ws, word("money_unit", ctx.lang), "right")
    ws.append([c if c is not None else WriteOnlyCell(ws) for c in cells])
    if unit_end > 1:
        ws.merged_cells.add(f"A2:{get_column_letter(unit_end)}2")


def heading_date_column(n: int, amounts: bool) -> int:
    """Row 2's date cell: before 单位：万元 when amounts appear, else in the last column."""
    if n >= 4:
        return n - 2 if amounts else n - 1
    return n - 1


def _plain(ws, value, horizontal: str = "left", number_format: str = "General"):
    cell = WriteOnlyCell(ws)
    set_value(cell, value)
    cell.font = style.BODY_FONT
    cell.alignment = Alignment(horizontal=horizontal, vertical="center")
    cell.number_format = number_format
    return cell


def _merge_body(ws, plan: SheetPlan, n: int) -> None:
    last = get_column_letter(n)
    for i, (role, _values) in enumerate(plan.rows):
        r = excel_row(i)
        if role in MERGED_ROLES and n > 1:
            ws.merged_cells.add(f"A{r}:{last}{r}")
        elif role == KV and n > 2:
            ws.merged_cells.add(f"B{r}:{last}{r}")


def _write_signatures(ws, ctx: ReportContext, n: int, next_row: int) -> None:
    """Under the table: 制表人 / 审核人 / 负责人, then the date printed."""
    ws.append([])
    signers = _plain(ws, word("signers", ctx.lang, gap=SIGNATURE_GAP))
    ws.append([signers])
    sign_row = next_row + 1  # not merged: the line may run on past a narrow table
    printed_row = sign_row + 1
    label = _plain(ws, word("printed", ctx.lang), "left")
    when = _plain(ws, ctx.today, "left", style.DATE_FORMAT)
    if n >= 4:
        # Two columns each, whatever the width of the first ones (序号 is narrow).
        ws.append([label, WriteOnlyCell(ws), when])
        ws.merged_cells.add(f"A{printed_row}:B{printed_row}")
        ws.merged_cells.add(f"C{printed_row}:D{printed_row}")
    else:
        ws.append([label, when])


def _chart(ws, plan: ChartPlan):
    first, last = excel_row(plan.first_row), excel_row(plan.last_row)
    data = Reference(
        ws,
        min_col=plan.value_col + 1,
        min_row=excel_row(plan.header_row),
        max_row=last,
    )
    cats = Reference(ws, min_col=plan.category_col + 1, min_row=first, max_row=last)
    if plan.kind == "pie":
        chart = PieChart()
        chart.dataLabels = DataLabelList()
        chart.dataLabels.showVal = True
    else:
        chart = BarChart()
        chart.type = "col"
        chart.y_axis.title = plan.y_title or None
        chart.y_axis.numFmt = plan.number_format
        chart.legend = None
        chart.y_axis.delete = False
        chart.x_axis.delete = False
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(cats)
    chart.title = plan.title
    chart.width, chart.height = plan.width_cm, plan.height_cm
    return chart
