"""One window per ledger: a second start on the same file asks the first to come forward."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QMainWindow

from desktop.single_instance import (
    SingleInstance,
    bring_to_front,
    claim_database,
    claim_other_database,
    instance_key,
)

SECOND_START = """
import sys
from PySide6.QtCore import QCoreApplication
app = QCoreApplication([])
from desktop.single_instance import claim_database
claim = claim_database(sys.argv[1])
print("second" if claim is None else "first", flush=True)
"""


def start_again(target: str) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", SECOND_START, target],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_same_file_same_key_whatever_the_spelling(tmp_path: Path, monkeypatch):
    path = tmp_path / "ledger.sqlite3"
    monkeypatch.chdir(tmp_path)
    assert instance_key(str(path)) == instance_key("ledger.sqlite3")
    assert instance_key(str(path)) == instance_key(str(tmp_path / "." / "ledger.sqlite3"))
    assert instance_key(str(path)) != instance_key(str(tmp_path / "other.sqlite3"))


def test_second_start_raises_the_first_and_exits(qtbot, tmp_path: Path):
    target = str(tmp_path / "ledger.sqlite3")
    first = claim_database(target)
    assert first is not None
    try:
        with qtbot.waitSignal(first.raise_requested, timeout=20000):
            assert start_again(target) == "second"
    finally:
        first.release()


def test_another_ledger_opens_side_by_side(qtbot, tmp_path: Path):
    first = claim_database(str(tmp_path / "a.sqlite3"))
    try:
        assert start_again(str(tmp_path / "b.sqlite3")) == "first"
    finally:
        first.release()


def test_after_the_first_quits_the_next_start_is_first(qtbot, tmp_path: Path):
    target = str(tmp_path / "ledger.sqlite3")
    first = claim_database(target)
    first.release()
    assert start_again(target) == "first"


def test_a_crashed_first_leaves_no_claim(qtbot, tmp_path: Path):
    """A killed program's lock file is stale (its process is gone)."""
    target = str(tmp_path / "ledger.sqlite3")
    crash = (
        "import os, sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from desktop.single_instance import claim_database\n"
        "claim = claim_database(sys.argv[1])\n"
        "os._exit(9)\n"
    )
    subprocess.run([sys.executable, "-c", crash, target], timeout=60)
    claim = SingleInstance(instance_key(target))
    try:
        assert claim.claim()
    finally:
        claim.release()


def test_bring_to_front_restores_a_minimised_window(qtbot):
    window = QMainWindow()
    qtbot.addWidget(window)
    window.showMinimized()
    bring_to_front(window)
    assert window.isVisible() and not window.isMinimized()


def test_switching_database_moves_the_claim(qtbot, tmp_path: Path):
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    first = claim_database(a)
    moved = claim_other_database(first, b)
    try:
        assert moved is not None and moved is not first
        assert start_again(a) == "first"  # a is free again
        assert claim_other_database(moved, b) is moved
    finally:
        moved.release()


def test_switching_to_a_database_open_elsewhere_is_refused(qtbot, tmp_path: Path):
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    mine, other = claim_database(a), claim_database(b)
    try:
        with qtbot.waitSignal(other.raise_requested, timeout=20000):
            assert claim_other_database(mine, b) is None
        assert start_again(a) == "second"  # still mine
    finally:
        mine.release()
        other.release()
