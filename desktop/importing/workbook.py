"""Read an .xlsx safely: refuse what is not one, find the sheet and header row.

openpyxl reads in read-only mode from a private copy of the file (a workbook that
Excel holds open is still readable, and the clerk's file is never touched);
every XML part is checked for a DOCTYPE (entity bombs, external entities) before
openpyxl parses it, so the guard holds whether openpyxl uses lxml or the standard
library (defusedxml's refusals are still reported the same way).
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import openpyxl

from db.errors import LedgerError
from db.labels import label
from desktop.importing.columns import SPECS, KindSpec
from desktop.importing.normalise import fold
from desktop.importing.texts import text

HEADER_SCAN_ROWS = 20
# One import holds every row in memory and in one transaction; beyond this a
# clerk is better served by splitting the file (and hears so at once).
MAX_ROWS = 50_000
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGIC = b"PK\x03\x04"
# Stream names inside an encrypted Office file (an OLE container), UTF-16.
ENCRYPTED_MARKS = ("EncryptedPackage".encode("utf-16-le"), "EncryptionInfo".encode("utf-16-le"))


class ImportFileError(LedgerError):
    """The file cannot be imported at all; nothing was read into the database."""


@dataclass
class SheetData:
    """The rows of the sheet to import, with its header row and column mapping."""

    path: Path
    kind: str
    sheet: str
    header_row: int
    headers: list[str]
    rows: list[tuple[int, tuple]]  # (row number as Excel shows it, values)
    # column index (0-based) -> column key of the kind; the wizard may change it
    mapping: dict[int, str] = field(default_factory=dict)
    # total rows (合计, 小计…) under the data, left out of the import
    total_rows: list[int] = field(default_factory=list)

    @property
    def spec(self) -> KindSpec:
        return SPECS[self.kind]

    def column_index(self, key: str) -> int | None:
        return next((i for i, k in self.mapping.items() if k == key), None)

    def header_of(self, key: str) -> str:
        index = self.column_index(key)
        return self.headers[index] if index is not None else self.spec.column(key).header()

    def unmatched_headers(self) -> list[int]:
        return [i for i, h in enumerate(self.headers) if h and i not in self.mapping]


def read_sheet(
    path: str | Path, kind: str, *, max_rows: int = MAX_ROWS, unmatched_ok: bool = False
) -> SheetData:
    """The best-matching sheet of the workbook, or ImportFileError with a clear message.

    unmatched_ok: when no row names the kind's columns, take the first sheet's first
    filled row as headers with nothing mapped (the wizard lets the clerk map them).
    """
    path = Path(path)
    check_file(path)
    with tempfile.TemporaryDirectory(prefix="ftz-import-") as tmp:
        copy = Path(tmp) / "copy.xlsx"
        try:
            shutil.copyfile(path, copy)
        except OSError as exc:
            raise ImportFileError(text("file.locked", path=path, error=exc.strerror)) from exc
        workbook = _load(path, copy)
        try:
            return _read(path, workbook, SPECS[kind], max_rows, unmatched_ok)
        finally:
            workbook.close()


def check_file(path: Path) -> None:
    """Refuse, by their first bytes, files that are not .xlsx workbooks."""
    if not path.is_file():
        raise ImportFileError(text("file.missing", path=path))
    try:
        with path.open("rb") as fh:
            head = fh.read(4096)
    except OSError as exc:
        raise ImportFileError(text("file.locked", path=path, error=exc.strerror)) from exc
    if not head:
        raise ImportFileError(text("file.empty", path=path))
    if head.startswith(OLE_MAGIC):
        code = "file.encrypted" if _is_encrypted(path) else "file.xls"
        raise ImportFileError(text(code, path=path))
    if head.startswith(ZIP_MAGIC):
        if not _has_workbook_part(path):
            raise ImportFileError(text("file.zip_not_xlsx", path=path))
        if _declares_doctype(path):
            raise ImportFileError(text("file.unsafe", path=path))
        return
    code = "file.csv" if _looks_like_text(head) else "file.not_xlsx"
    raise ImportFileError(text(code, path=path))


def _is_encrypted(path: Path) -> bool:
    # An encrypted .xlsx is an OLE container holding EncryptionInfo/EncryptedPackage;
    # an .xls holds a Workbook stream instead. The names sit in directory sectors.
    data = path.read_bytes()
    return any(mark in data for mark in ENCRYPTED_MARKS)


def _has_workbook_part(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return False
    return (
        "xl/workbook.xml" in names
        or "[Content_Types].xml" in names
        and any(n.startswith("xl/") for n in names)
    )


# A DTD may only stand in the prolog, before the root element: the first bytes suffice.
PROLOG_BYTES = 8192
DOCTYPE_MARKS = tuple(
    mark.encode(encoding)
    for mark in ("<!DOCTYPE", "<!ENTITY")
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)


def _declares_doctype(path: Path) -> bool:
    """Whether any XML part declares a DTD; no spreadsheet program writes one.

    A part that cannot be read here is left to openpyxl, which reports it damaged.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                if not info.filename.endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(info) as part:
                    prolog = part.read(PROLOG_BYTES).upper()
                if any(mark.upper() in prolog for mark in DOCTYPE_MARKS):
                    return True
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, NotImplementedError, RuntimeError):
        return False
    return False


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            head.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _load(path: Path, copy: Path):
    try:
        return openpyxl.load_workbook(copy, read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - any parser failure is a bad file to the clerk
        raise _file_error(path, exc, copy) from exc


def _file_error(path: Path, exc: BaseException, copy: Path | None = None) -> ImportFileError:
    """defusedxml's refusals (openpyxl may wrap them) are unsafe; anything else damaged."""
    cause: BaseException | None = exc
    while cause is not None:
        if type(cause).__module__.startswith("defusedxml"):
            return ImportFileError(text("file.unsafe", path=path))
        cause = cause.__cause__ or cause.__context__
    error = short_error(exc)
    if copy is not None:
        error = error.replace(str(copy), path.name)
    return ImportFileError(text("file.damaged", path=path, error=error))


def short_error(exc: BaseException) -> str:
    detail = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {detail}"[:200] if detail else type(exc).__name__


def _guard(path: Path, step: Callable):
    """Run a read step; a damaged part found late is still a clear message."""
    try:
        return step()
    except ImportFileError:
        raise
    except Exception as exc:  # noqa: BLE001
        raise _file_error(path, exc) from exc


def _read(path: Path, workbook, spec: KindSpec, max_rows: int, unmatched_ok: bool) -> SheetData:
    best = None  # (score, sheet, header row number, header values, mapping)
    sheets = [ws for ws in workbook.worksheets if _data_sheet(ws)]
    for ws in sheets:
        found = _guard(path, lambda ws=ws: _find_header(ws, spec))
        if found and (best is None or found[0] > best[0]):
            best = (found[0], ws, *found[1:])
    if best is None and unmatched_ok and sheets:
        found = _guard(path, lambda: _first_filled_row(sheets[0]))
        best = (0, sheets[0], *found, {}) if found else None
    if best is None:
        expected = "”、“".join(c.header() for c in spec.columns if c.required)
        raise ImportFileError(
            text(
                "file.no_headers",
                path=path,
                kind=label(spec.record_label),
                rows=HEADER_SCAN_ROWS,
                expected=expected,
            )
        )
    _score, ws, header_row, headers, mapping = best
    rows = _guard(path, lambda: _data_rows(ws, header_row, len(headers), max_rows))
    totals = [number for number, values in rows if _is_total_row(values)]
    rows = [(number, values) for number, values in rows if number not in set(totals)]
    if not rows:
        raise ImportFileError(text("file.no_rows", sheet=ws.title))
    return SheetData(path, spec.kind, ws.title, header_row, headers, rows, mapping, totals)


# What clerks write in a sum row under their data: it is not a record.
TOTAL_WORDS = {"合计", "小计", "总计", "共计", "total", "subtotal", "grandtotal", "sum"}


def _is_total_row(values: tuple) -> bool:
    texts = [fold(v) for v in values if isinstance(v, str) and v.strip()]
    return bool(texts) and texts[0].rstrip(":：") in TOTAL_WORDS


def _data_sheet(ws) -> bool:
    """Visible, and not the instructions or lists of our own template (they name columns too)."""
    if getattr(ws, "sheet_state", "visible") != "visible":
        return False
    ours = {
        text(code, lang)
        for code in ("template.instructions", "template.lists")
        for lang in ("zh", "en")
    }
    return ws.title not in ours


def _first_filled_row(ws):
    rows = ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True)
    for number, values in enumerate(rows, start=1):
        headers = [_header_text(v) for v in values]
        while headers and not headers[-1]:
            headers.pop()
        if headers:
            return number, headers
    return None


def _find_header(ws, spec: KindSpec):
    """The row (of the first few) whose cells name most of the kind's columns."""
    best = None
    rows = ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS, values_only=True)
    for number, values in enumerate(rows, start=1):
        mapping: dict[int, str] = {}
        for index, value in enumerate(values):
            key = spec.match_header(value) if isinstance(value, str) else None
            if key and key not in mapping.values():
                mapping[index] = key
        required_hit = any(spec.column(k).required for k in mapping.values())
        score = len(mapping) + (1 if required_hit else 0)
        if mapping and (len(mapping) >= 2 or required_hit) and (best is None or score > best[0]):
            headers = [_header_text(v) for v in values]
            while headers and not headers[-1]:
                headers.pop()
            best = (score, number, headers, mapping)
    return best


def _header_text(value) -> str:
    """The header as the clerk sees it, without the template's required mark."""
    return "" if value is None else " ".join(str(value).split()).rstrip("*＊ ")


def _data_rows(ws, header_row: int, width: int, max_rows: int) -> list[tuple[int, tuple]]:
    declared = (ws.max_row or 0) - header_row
    if declared > max_rows:
        # The sheet says how big it is: refuse before reading it all.
        raise ImportFileError(
            text("file.too_many_rows", sheet=ws.title, rows=declared, max=max_rows)
        )
    rows: list[tuple[int, tuple]] = []
    numbered = enumerate(
        ws.iter_rows(min_row=header_row + 1, max_col=max(width, 1), values_only=True),
        start=header_row + 1,
    )
    for number, values in numbered:
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        if len(rows) >= max_rows:
            raise ImportFileError(
                text("file.too_many_rows", sheet=ws.title, rows=f"{max_rows}+", max=max_rows)
            )
        rows.append((number, tuple(values)))
    return rows
