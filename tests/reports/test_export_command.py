"""`ftz-ledger export`: options, exit codes and messages."""

from __future__ import annotations

import openpyxl
import pytest

from desktop.cli import main
from tests.reports.helpers import add_projects, data_rows


def run(db_path, *args) -> int:
    return main(["--db", str(db_path), "--lang", "en", "export", *args])


def test_exports_every_report(demo_db, db_path, tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("projects", "ledger", "summary"):
        assert run(db_path, name, "-o", str(out / f"{name}.xlsx")) == 0
        assert (out / f"{name}.xlsx").is_file()
    assert run(db_path, "meeting-brief", "--meeting", "1", "-o", str(out / "b.xlsx")) == 0
    assert "Report written" in capsys.readouterr().out


def test_field_and_stage_filter_the_projects(demo_db, db_path, tmp_path):
    target = tmp_path / "p.xlsx"
    assert (
        run(db_path, "projects", "-o", str(target), "--field", "新能源", "--stage", "signed") == 0
    )
    rows = data_rows(openpyxl.load_workbook(target).worksheets[0])
    assert len(rows) == 3 and all("新能源" in r[1] for r in rows)
    assert (
        run(db_path, "projects", "-o", str(target), "--field", "new_energy", "--stage", "投产") == 0
    )
    assert data_rows(openpyxl.load_workbook(target).worksheets[0]) == []


def test_from_to_filter_the_ledger(demo_db, db_path, tmp_path):
    add_projects(demo_db, 12, year=2023)
    target = tmp_path / "l.xlsx"
    assert (
        run(db_path, "ledger", "-o", str(target), "--from", "2023-01-01", "--to", "2023-06-30") == 0
    )
    rows = data_rows(openpyxl.load_workbook(target).worksheets[0])
    assert len(rows) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["summary", "--from", "2024-13-01"], "--from: “2024-13-01” is not a date"),
        (["summary", "--from", "2024-06-01", "--to", "2024-01-01"], "must not be before"),
        (["summary", "--year", "24x"], "--year: “24x” is not a year"),
        (["summary", "--year", "2024", "--from", "2024-01-01"], "cannot be combined"),
        (["projects", "--field", "nuclear"], "no industry field “nuclear”"),
        (["projects", "--stage", "dreaming"], "“dreaming” is not a stage"),
        (["meeting-brief"], "needs a meeting"),
        (["meeting-brief", "--meeting", "abc"], "“abc” is not a meeting id"),
        (["meeting-brief", "--meeting", "42"], "No meeting 42"),
    ],
)
def test_bad_values_exit_1_with_a_message(demo_db, db_path, tmp_path, capsys, args, message):
    target = tmp_path / "bad.xlsx"
    assert run(db_path, *args, "-o", str(target)) == 1
    assert message in capsys.readouterr().err
    assert not target.exists()


def test_unknown_report_is_a_usage_error(db_path, tmp_path, capsys):
    with pytest.raises(SystemExit) as exc:
        run(db_path, "budget", "-o", str(tmp_path / "x.xlsx"))
    assert exc.value.code == 2
    assert "invalid choice: 'budget'" in capsys.readouterr().err


def test_missing_folder_exits_1(demo_db, db_path, tmp_path, capsys):
    assert run(db_path, "units", "-o", str(tmp_path / "no" / "x.xlsx")) == 1
    assert "does not exist" in capsys.readouterr().err
