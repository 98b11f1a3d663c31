"""Formula-looking user text stays text; a failed write never leaves a partial file."""

from __future__ import annotations

import os
import tempfile
import zipfile

import pytest

from db.errors import LedgerError
from db.services import projects, units
from desktop.reports import ReportOptions, write_report
from tests.factories import enterprise, project_data
from tests.reports.helpers import export

FORMULA_LIKE = ["=1+1", "+SUM(A1:A2)", "-2+3", "@cmd", '=HYPERLINK("http://x")']


def _add_formula_like_records(db) -> None:
    with db.write() as session:
        investor = enterprise(session)
        for i, text in enumerate(FORMULA_LIKE):
            units.create(session, units.UnitData(name=text, kind="other", province="other"))
            projects.create(session, project_data(session, investor, name=f"{text}", code=f"F{i}"))


@pytest.mark.parametrize("name", ["units", "projects", "ledger"])
def test_formula_like_text_is_stored_as_text(db, tmp_path, name):
    _add_formula_like_records(db)
    wb = export(db, name, tmp_path, lang="zh")
    cells = {
        c.value: c for row in wb.worksheets[0].iter_rows() for c in row if c.value in FORMULA_LIKE
    }
    assert set(cells) == set(FORMULA_LIKE)
    for cell in cells.values():
        assert cell.data_type == "s", cell.value
    with zipfile.ZipFile(tmp_path / f"{name}.xlsx") as zf:
        sheet = zf.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet


def _leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_locked_target_gives_a_clear_message_and_keeps_the_old_file(demo_db, tmp_path, monkeypatch):
    target = tmp_path / "台账.xlsx"
    target.write_bytes(b"the report from last month")

    def locked(src, dst):  # what Windows says while Excel holds the file open
        raise PermissionError(13, "The process cannot access the file", str(dst))

    monkeypatch.setattr(os, "replace", locked)
    with pytest.raises(LedgerError) as err:
        write_report(demo_db, "ledger", target, ReportOptions(lang="en"))
    assert str(target) in str(err.value)
    assert "open in Excel" in str(err.value)
    assert target.read_bytes() == b"the report from last month"
    assert _leftovers(tmp_path) == []


def test_folder_without_write_rights(demo_db, tmp_path, monkeypatch):
    def refused(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    target = tmp_path / "report.xlsx"
    with pytest.raises(LedgerError) as err:
        write_report(demo_db, "projects", target, ReportOptions(lang="en"))
    assert str(tmp_path) in str(err.value) and "write permission" in str(err.value)
    assert not target.exists()


def test_failure_while_writing_leaves_no_partial_file(demo_db, tmp_path, monkeypatch):
    from openpyxl import Workbook

    real_save = Workbook.save

    def disk_full(self, filename):
        real_save(self, filename)
        with open(filename, "r+b") as fh:
            fh.truncate(100)  # half a workbook, as when the disk fills up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(Workbook, "save", disk_full)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.xlsx"
    with pytest.raises(LedgerError) as err:
        write_report(demo_db, "projects", target, ReportOptions(lang="en"))
    assert "No space left on device" in str(err.value) and str(target) in str(err.value)
    assert list(out.iterdir()) == []


def test_read_only_target_is_refused(demo_db, tmp_path, monkeypatch):
    target = tmp_path / "report.xlsx"
    target.write_bytes(b"old")
    real_access = os.access
    monkeypatch.setattr(
        os, "access", lambda p, mode: False if str(p) == str(target) else real_access(p, mode)
    )
    with pytest.raises(LedgerError) as err:
        write_report(demo_db, "units", target, ReportOptions(lang="en"))
    assert str(target) in str(err.value)
    assert target.read_bytes() == b"old"


def test_missing_folder_and_folder_as_target(demo_db, tmp_path):
    with pytest.raises(LedgerError, match="does not exist"):
        write_report(demo_db, "units", tmp_path / "nope" / "r.xlsx", ReportOptions(lang="en"))
    with pytest.raises(LedgerError, match="is a folder"):
        write_report(demo_db, "units", tmp_path, ReportOptions(lang="en"))


def test_a_new_report_gets_normal_permissions(demo_db, tmp_path):
    path = write_report(demo_db, "units", tmp_path / "r.xlsx", ReportOptions(lang="en"))
    assert path.stat().st_mode & 0o044  # readable by others, not mkstemp's 0600


def test_unknown_report_and_missing_meeting(demo_db, tmp_path):
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    with pytest.raises(LedgerError, match="Unknown report"):
        write_report(demo_db, "budget", tmp_path / "r.xlsx", ReportOptions(lang="en"))
    with pytest.raises(LedgerError, match="needs a meeting"):
        write_report(demo_db, "meeting-brief", tmp_path / "r.xlsx", ReportOptions(lang="en"))
    with pytest.raises(LedgerError, match="No meeting 999"):
        write_report(demo_db, "meeting-brief", tmp_path / "r.xlsx", ReportOptions(meeting_id=999))
    assert list(tmp_path.iterdir()) == []
