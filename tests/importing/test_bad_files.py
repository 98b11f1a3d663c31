"""Files that are not importable each get a clear message, and nothing is written."""

from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.importing import workbook as workbook_module
from desktop.importing.workbook import OLE_MAGIC, ImportFileError, read_sheet
from tests.factories import snapshot
from tests.importing.helpers import PROJECT_HEADERS, project_row, projects_book, target, write_book


def _refused(path: Path, kind: str = "projects") -> str:
    with pytest.raises(ImportFileError) as err:
        read_sheet(path, kind)
    return str(err.value)


def _cli_refuses(db, db_path, path: Path, capsys) -> str:
    """The command line says why in one message, exits 1, and leaves the database alone."""
    before = snapshot(db)
    assert main(["--db", target(db), "import", "projects", str(path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert snapshot(db) == before
    return err


def _ole_file(path: Path, stream_names: list[str]) -> Path:
    """A compound (OLE) file's header and a directory sector naming the streams."""
    header = OLE_MAGIC + b"\x00" * (512 - len(OLE_MAGIC))
    entries = b""
    for name in ["Root Entry", *stream_names]:
        encoded = name.encode("utf-16-le") + b"\x00\x00"
        entries += encoded + b"\x00" * (64 - len(encoded)) + b"\x00" * 64
    path.write_bytes(header + entries + b"\x00" * 1024)
    return path


def test_old_xls_workbook(tmp_path, db, db_path, capsys):
    path = _ole_file(tmp_path / "old.xls", ["Workbook", "SummaryInformation"])
    assert ".xls" in _refused(path) and "xlsx" in _refused(path)
    assert "97-2003" in _cli_refuses(db, db_path, path, capsys)


def test_password_protected_workbook(tmp_path, db, db_path, capsys):
    path = _ole_file(tmp_path / "secret.xlsx", ["EncryptionInfo", "EncryptedPackage"])
    assert "password" in _refused(path)
    assert "password-protected" in _cli_refuses(db, db_path, path, capsys)


def test_csv_renamed_to_xlsx(tmp_path, db, db_path, capsys):
    path = tmp_path / "projects.xlsx"
    path.write_text(",".join(PROJECT_HEADERS) + "\n测试项目,测试企业,省外\n", encoding="utf-8")
    assert "CSV" in _refused(path)
    assert "CSV" in _cli_refuses(db, db_path, path, capsys)


def test_zip_of_something_else(tmp_path, db, db_path, capsys):
    path = tmp_path / "photos.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.jpg", b"\xff\xd8\xff" + b"0" * 100)
    assert "zip archive" in _refused(path)
    assert "not an Excel workbook" in _cli_refuses(db, db_path, path, capsys)


def test_truncated_workbook(tmp_path):
    good = projects_book(tmp_path / "good.xlsx", 3)
    path = tmp_path / "cut.xlsx"
    path.write_bytes(good.read_bytes()[:2000])
    message = _refused(path)
    assert str(path) in message
    assert "damaged" in message or "not an Excel workbook" in message


def test_empty_file(tmp_path, db, db_path, capsys):
    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")
    assert "empty" in _refused(path)
    assert "empty" in _cli_refuses(db, db_path, path, capsys)


def test_missing_file(tmp_path):
    assert "No file" in _refused(tmp_path / "nowhere.xlsx")


def test_binary_junk(tmp_path):
    path = tmp_path / "junk.xlsx"
    path.write_bytes(bytes(range(256)) * 4)
    assert "not an Excel workbook" in _refused(path)


def test_workbook_without_the_expected_headers(tmp_path, db, db_path, capsys):
    path = write_book(tmp_path / "other.xlsx", ["Fruit", "Colour"], [["apple", "red"]])
    message = _refused(path)
    assert "No Project headers" in message and "Project" in message
    assert "Use the import template" in _cli_refuses(db, db_path, path, capsys)


def test_headers_but_no_rows(tmp_path):
    path = write_book(tmp_path / "none.xlsx", PROJECT_HEADERS, [])
    assert "no data rows" in _refused(path)


BOMB_DTD = (
    '<!DOCTYPE lolz [<!ENTITY lol "lol">'
    '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">'
    '<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


@pytest.mark.parametrize("part", ["xl/workbook.xml", "xl/worksheets/sheet1.xml"])
def test_xml_bomb_is_refused(tmp_path, db, db_path, capsys, part):
    good = projects_book(tmp_path / "good.xlsx", 2)
    with zipfile.ZipFile(good) as archive:
        xml = archive.read(part).decode()
    # The entities are declared and used: a billion laughs, in miniature.
    body = xml.split("?>", 1)[-1] if xml.startswith("<?xml") else xml
    body = body.replace("测试项目0000", "&lol3;")
    path = tmp_path / "bomb.xlsx"
    _rewrite_zip(good, path, {part: '<?xml version="1.0"?>' + BOMB_DTD + body})
    assert "unsafe XML" in _refused(path)
    assert "unsafe XML" in _cli_refuses(db, db_path, path, capsys)


def _rewrite_zip(src: Path, dst: Path, replace: dict[str, str]) -> None:
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename in replace:
                data = replace[item.filename].encode()
            zout.writestr(item, data)


def _huge_sheet_xml(rows: int, *, dimension: bool) -> str:
    """A sheet of `rows` project rows as raw XML (openpyxl would take minutes to write it)."""
    out = io.StringIO()
    out.write('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">')
    if dimension:
        out.write(f'<dimension ref="A1:G{rows + 1}"/>')
    out.write("<sheetData>")
    cells = "".join(
        f'<c r="{chr(65 + i)}1" t="inlineStr"><is><t>{h}</t></is></c>'
        for i, h in enumerate(PROJECT_HEADERS)
    )
    out.write(f'<row r="1">{cells}</row>')
    for r in range(2, rows + 2):
        out.write(
            f'<row r="{r}"><c r="A{r}" t="inlineStr"><is><t>项目{r}</t></is></c>'
            f'<c r="F{r}"><v>{r}</v></c></row>'
        )
    out.write("</sheetData></worksheet>")
    return out.getvalue()


def test_200000_rows_are_refused_fast_and_clearly(tmp_path, db, db_path, capsys):
    small = projects_book(tmp_path / "small.xlsx", 1)
    path = tmp_path / "huge.xlsx"
    _rewrite_zip(
        small, path, {"xl/worksheets/sheet1.xml": _huge_sheet_xml(200_000, dimension=True)}
    )
    started = time.monotonic()
    message = _cli_refuses(db, db_path, path, capsys)
    assert "200000" in message and "Split it" in message
    # Refused from the sheet's declared size, not after reading it all.
    assert time.monotonic() - started < 30


def test_too_many_rows_without_a_declared_size(tmp_path):
    small = projects_book(tmp_path / "small.xlsx", 1)
    path = tmp_path / "big.xlsx"
    _rewrite_zip(small, path, {"xl/worksheets/sheet1.xml": _huge_sheet_xml(1_500, dimension=False)})
    with pytest.raises(ImportFileError) as err:
        read_sheet(path, "projects", max_rows=1_000)
    assert "1000" in str(err.value)
    assert len(read_sheet(path, "projects", max_rows=2_000).rows) == 1_500


def test_a_file_held_open_for_writing_is_still_read_and_left_unchanged(tmp_path):
    path = write_book(tmp_path / "open.xlsx", PROJECT_HEADERS, [project_row(1)])
    before = path.read_bytes()
    lock_file = tmp_path / "~$open.xlsx"  # what Excel leaves beside a file it has open
    lock_file.write_bytes(b"\x05clerk")
    with path.open("r+b"):
        sheet = read_sheet(path, "projects")
    assert len(sheet.rows) == 1
    assert path.read_bytes() == before


def test_a_file_that_cannot_be_copied_gets_a_clear_message(tmp_path, monkeypatch):
    path = write_book(tmp_path / "locked.xlsx", PROJECT_HEADERS, [project_row(1)])

    def locked(*_args, **_kw):
        raise PermissionError(13, "The process cannot access the file")

    monkeypatch.setattr(workbook_module.shutil, "copyfile", locked)
    message = _refused(path)
    assert "close it" in message and str(path) in message


def test_reading_never_touches_the_original(tmp_path):
    path = projects_book(tmp_path / "p.xlsx", 5)
    copy = tmp_path / "copy.xlsx"
    shutil.copy(path, copy)
    stamp = path.stat().st_mtime_ns
    read_sheet(path, "projects")
    assert path.stat().st_mtime_ns == stamp and path.read_bytes() == copy.read_bytes()
