"""The command line on damaged files (exit 1, message, file untouched) and backup/restore/check."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.backup import backup_now, list_backups
from db.engine import Database
from desktop.cli import build_parser, main
from tests.safety.helpers import damage, digest

# Commands that never touch the database file, or replace it on purpose.
NO_DATABASE = {"template"}
REPLACES_FILE = {"restore"}


def subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def sample_args(name: str, parser: argparse.ArgumentParser, tmp: Path) -> list[str]:
    """Arguments that parse for a command: first choices, files under tmp."""
    args = [name]
    # One option of each required either/or group (e.g. copy --to | --from).
    chosen = {g._group_actions[0] for g in parser._mutually_exclusive_groups if g.required}
    for action in parser._actions:
        if action.dest == "help" or action.nargs == 0:
            continue
        if action.option_strings:
            if action.required or action in chosen:
                args += [action.option_strings[0], str(tmp / f"out-{action.dest}.xlsx")]
            continue
        args.append(next(iter(action.choices)) if action.choices else str(tmp / "in.xlsx"))
    return args


@pytest.fixture
def damaged_ledger(demo_db: Database, tmp_path: Path) -> Path:
    good = backup_now(demo_db, tmp_path / "good.sqlite3")
    return damage("truncated_half", good, tmp_path / "damaged.sqlite3")


@pytest.mark.parametrize("name", sorted(set(subcommands()) - REPLACES_FILE))
def test_every_command_on_a_damaged_file_exits_1_and_leaves_it_alone(
    name: str, damaged_ledger: Path, tmp_path: Path, capsys: pytest.CaptureFixture
):
    before = digest(damaged_ledger)
    args = sample_args(name, subcommands()[name], tmp_path)
    code = main(["--db", str(damaged_ledger), *args])
    err = capsys.readouterr().err
    assert digest(damaged_ledger) == before
    assert not list_backups(damaged_ledger)
    if name not in NO_DATABASE:
        assert code == 1, err
        assert "Traceback" not in err and err.strip()


@pytest.mark.parametrize("args", [["check"], ["backup"], ["list", "meetings"], ["demo"]])
def test_named_commands_explain_the_damage(args, damaged_ledger: Path, capsys):
    assert main(["--db", str(damaged_ledger), *args]) == 1
    err = capsys.readouterr().err
    assert str(damaged_ledger) in err and "incomplete" in err


def test_check_in_a_real_process_on_random_bytes(tmp_path: Path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(os.urandom(8192))
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--db", str(bad), "--lang", "en", "check"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 1
    assert "not a ledger database" in proc.stderr and "Traceback" not in proc.stderr


def test_check_reports_integrity_schema_counts_and_last_backup(demo_db: Database, capsys):
    from db.migrate import head_revision

    backup_now(demo_db)
    assert main(["--db", str(demo_db.path), "check"]) == 0
    out = capsys.readouterr().out
    assert "Integrity: ok" in out
    assert f"Schema revision: {head_revision()} (program: {head_revision()})" in out
    assert "Project: 10" in out
    assert "Last backup: " in out and "backups" in out
    assert "The database is healthy." in out


def test_check_counts_the_recycle_bin(demo_db: Database, capsys):
    from db.services import projects

    with demo_db.write() as session:
        projects.delete(session, 1)
    assert main(["--db", str(demo_db.path), "check"]) == 0
    assert "Project: 9 (recycle bin 1)" in capsys.readouterr().out


def test_check_exits_1_when_sqlite_finds_damage_deep_inside(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
):
    from db import engine

    good = backup_now(demo_db, tmp_path / "good.sqlite3")
    bad = damage("scribbled", good, tmp_path / "bad.sqlite3")
    before = digest(bad)
    # As for a big file, skip the quick check on open: check itself must find it.
    monkeypatch.setattr(engine, "QUICK_CHECK_MAX_BYTES", 0)
    assert main(["--db", str(bad), "check"]) == 1
    assert digest(bad) == before
    captured = capsys.readouterr()
    assert "Integrity: FAILED" in captured.out or "is damaged" in captured.err


def test_check_does_not_create_a_missing_file(tmp_path: Path, capsys):
    assert main(["--db", str(tmp_path / "none.sqlite3"), "check"]) == 1
    assert "does not exist" in capsys.readouterr().err
    assert not (tmp_path / "none.sqlite3").exists()


def test_backup_and_restore_commands(demo_db: Database, tmp_path: Path, capsys):
    path = str(demo_db.path)
    usb = tmp_path / "usb" / "copy.sqlite3"
    usb.parent.mkdir()
    assert main(["--db", path, "backup", "-o", str(usb)]) == 0
    assert "Backed up to" in capsys.readouterr().out
    from db.services import projects

    with demo_db.write() as session:
        projects.delete(session, 1)
    demo_db.dispose()
    assert main(["--db", path, "restore", str(usb)]) == 0
    out = capsys.readouterr().out
    assert "Restored" in out and "before-restore" in out
    assert main(["--db", path, "check"]) == 0
    assert "Project: 10\n" in capsys.readouterr().out


def test_restore_command_refuses_a_bad_file(db_path: Path, tmp_path: Path, capsys):
    bad = tmp_path / "notes.txt"
    bad.write_text("hello")
    before = digest(db_path)
    assert main(["--db", str(db_path), "restore", str(bad)]) == 1
    assert "not a ledger backup" in capsys.readouterr().err
    assert digest(db_path) == before


def test_restore_command_mends_a_damaged_file(
    demo_db: Database, damaged_ledger: Path, tmp_path: Path, capsys
):
    good = tmp_path / "good.sqlite3"
    spoilt = digest(damaged_ledger)
    assert main(["--db", str(damaged_ledger), "restore", str(good)]) == 0
    assert main(["--db", str(damaged_ledger), "check"]) == 0
    kept = list_backups(damaged_ledger)
    assert [digest(b.path) for b in kept if b.reason == "damaged"] == [spoilt]
    capsys.readouterr()
