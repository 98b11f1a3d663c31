"""The one look of every printed report: fonts, borders, number formats, widths, page.

DESIGN.md "Printed Excel reports": A4 landscape fitted to one page wide, the
header row repeated, frozen below the header, footer 第 &P 页 共 &N 页.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from desktop.reports.plan import GROUP, HEADER, KV, SECTION, SUBTOTAL, TOTAL

# 等线 (DengXian) ships with Office 2016+ on Windows; Chinese Office maps it.
FONT_NAME = "等线"
BODY_SIZE = 10
TITLE_SIZE = 16
AMOUNT_FORMAT = "#,##0.00"
DATE_FORMAT = "yyyy-mm-dd"
DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
INT_FORMAT = "0"
NUMBER_FORMATS: dict[type, str] = {
    Decimal: AMOUNT_FORMAT,
    float: AMOUNT_FORMAT,
    int: INT_FORMAT,
    date: DATE_FORMAT,
    datetime: DATETIME_FORMAT,
}
MIN_WIDTH = 6
HEADER_WIDTH_CAP = 12  # longer headers wrap onto a second line
PAPER_A4 = "9"

_thin = Side(style="thin", color="000000")
GRID = Border(left=_thin, right=_thin, top=_thin, bottom=_thin)
NO_BORDER = Border()
HEADER_FILL = PatternFill("solid", fgColor="D9E1F2")
SUBTOTAL_FILL = PatternFill("solid", fgColor="F2F2F2")
TOTAL_FILL = PatternFill("solid", fgColor="E7E6E6")
GROUP_FILL = PatternFill("solid", fgColor="FFF2CC")
NO_FILL = PatternFill()

TITLE_FONT = Font(name=FONT_NAME, size=TITLE_SIZE, bold=True)
BODY_FONT = Font(name=FONT_NAME, size=BODY_SIZE)
BOLD_FONT = Font(name=FONT_NAME, size=BODY_SIZE, bold=True)
SECTION_FONT = Font(name=FONT_NAME, size=BODY_SIZE + 1, bold=True)

ROLE_LOOK: dict[str, tuple[Font, PatternFill, Border]] = {
    HEADER: (BOLD_FONT, HEADER_FILL, GRID),
    GROUP: (BOLD_FONT, GROUP_FILL, GRID),
    SUBTOTAL: (BOLD_FONT, SUBTOTAL_FILL, GRID),
    TOTAL: (BOLD_FONT, TOTAL_FILL, GRID),
    SECTION: (SECTION_FONT, NO_FILL, NO_BORDER),
    KV: (BODY_FONT, NO_FILL, GRID),
}
DATA_LOOK = (BODY_FONT, NO_FILL, GRID)
PLAIN_LOOK = (BODY_FONT, NO_FILL, NO_BORDER)


def alignment(role: str, value_type: type, column_align: str | None) -> Alignment:
    """Headers centred; numbers right; text left and wrapped; 序号 centred."""
    if role == HEADER:
        return Alignment(horizontal="center", vertical="center", wrap_text=True)
    if role == SECTION:
        return Alignment(horizontal="left", vertical="center")
    if role == GROUP:
        return Alignment(horizontal="left", vertical="center")
    horizontal = column_align
    if role == KV:
        return Alignment(horizontal=horizontal or "left", vertical="center", wrap_text=True)
    if horizontal is None and value_type in (Decimal, float, int):
        horizontal = "right"
    if horizontal is None and value_type in (date, datetime):
        horizontal = "center"
    return Alignment(horizontal=horizontal or "left", vertical="center", wrap_text=True)


def display_width(value: object) -> int:
    """Characters a value takes on screen; a CJK character counts double."""
    if value is None:
        return 0
    if isinstance(value, str):
        if "\n" in value:
            return max(display_width(line) for line in value.split("\n"))
        # UTF-8 spends 3 bytes on a CJK character and 1 on ASCII: (3-1)/2 = 1 extra.
        return len(value) + (len(value.encode("utf-8")) - len(value)) // 2
    if isinstance(value, Decimal | float):
        return len(f"{value:,.2f}")
    if isinstance(value, datetime):
        return 16
    if isinstance(value, date):
        return 10
    return len(str(value))


def column_width(content_width: int, header_width: int, max_width: int) -> float:
    """Excel column width from the widest content, with a little padding."""
    widest = max(content_width, min(header_width, HEADER_WIDTH_CAP), MIN_WIDTH - 2)
    return float(min(widest + 2, max_width))


def setup_page(ws, header_excel_row: int | None, footer: str) -> None:
    """A4 landscape, fitted to one page wide, header row on every page, footer."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = PAPER_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.print_options.horizontalCentered = True
    ws.page_margins = PageMargins(left=0.4, right=0.4, top=0.6, bottom=0.7, header=0.3, footer=0.3)
    ws.oddFooter.center.text = footer
    ws.oddFooter.center.size = 9
    ws.oddFooter.center.font = FONT_NAME
    if header_excel_row is not None:
        ws.print_title_rows = f"{header_excel_row}:{header_excel_row}"
        ws.freeze_panes = f"A{header_excel_row + 1}"
    else:
        ws.print_title_rows = "1:2"
