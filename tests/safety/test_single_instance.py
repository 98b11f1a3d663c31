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


HOLDER = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
app = QCoreApplication([])
from desktop.single_instance import claim_database
claim = claim_database(sys.argv[1])
print("claimed" if claim is not None else "refused", flush=True)
def raised():
    print("raised", flush=True)
    app.quit()
claim.raise_requested.connect(raised)
QTimer.singleShot(30000, app.quit)
app.exec()
"""


def python(script: str, target: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-c", script, target],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def start_again(qtbot, target: str) -> str:
    """A second program on target; our event loop runs meanwhile, so we can answer it."""
    proc = python(SECOND_START, target)
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60000)
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    return out.strip()


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
    raised: list[bool] = []
    first.raise_requested.connect(lambda: raised.append(True))
    try:
        assert start_again(qtbot, target) == "second"
        assert raised == [True]  # answered before the second start gave up
    finally:
        first.release()


def test_another_ledger_opens_side_by_side(qtbot, tmp_path: Path):
    first = claim_database(str(tmp_path / "a.sqlite3"))
    try:
        assert start_again(qtbot, str(tmp_path / "b.sqlite3")) == "first"
    finally:
        first.release()


def test_after_the_first_quits_the_next_start_is_first(qtbot, tmp_path: Path):
    target = str(tmp_path / "ledger.sqlite3")
    first = claim_database(target)
    first.release()
    assert start_again(qtbot, target) == "first"


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
        assert start_again(qtbot, a) == "first"  # a is free again
        assert claim_other_database(moved, b) is moved
    finally:
        moved.release()


def test_switching_to_a_database_open_elsewhere_is_refused(qtbot, tmp_path: Path):
    a, b = str(tmp_path / "a.sqlite3"), str(tmp_path / "b.sqlite3")
    mine = claim_database(a)
    holder = python(HOLDER, b)  # another window, on b
    try:
        assert holder.stdout.readline().strip() == "claimed"
        assert claim_other_database(mine, b) is None
        out, err = holder.communicate(timeout=60)
        assert out.strip() == "raised", err
        assert start_again(qtbot, a) == "second"  # a is still mine
    finally:
        holder.kill()
        mine.release()


def test_second_start_of_the_program_brings_the_first_forward(tmp_path: Path):
    """The real entry point: `ftz-ledger --db X` while X is open elsewhere exits 0
    without opening the file, after the first window was asked to come forward."""
    import os

    target = str(tmp_path / "ledger.sqlite3")
    holder = python(HOLDER, target)
    try:
        assert holder.stdout.readline().strip() == "claimed"
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        second = subprocess.run(
            [sys.executable, "-m", "desktop", "--db", target, "--smoke-test"],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
        )
        assert second.returncode == 0, second.stderr
        assert holder.stdout.readline().strip() == "raised"
        assert not Path(target).exists()  # the second start never opened the ledger
    finally:
        holder.kill()
        holder.communicate()
