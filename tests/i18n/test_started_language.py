"""`ftz-ledger --smoke-test` in its own process under LANG=zh_CN / en_US (and --lang):
the window it shows names its tabs and columns in that language."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

# Runs the real command line; the window reports its tab names and a header when shown.
DRIVER = """
import sys
from PySide6.QtCore import Qt
import desktop.main_window as mw

shown = mw.MainWindow.show

def show(self):
    shown(self)
    tab = self.tab("projects")
    column = tab.model.column_index("name")
    print("TABS", "|".join(self.tabs.tabText(i) for i in range(self.tabs.count())))
    print("HEADER", tab.model.headerData(column, Qt.Orientation.Horizontal))
    sys.stdout.flush()

mw.MainWindow.show = show
from desktop.cli import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.parametrize(
    ("locale", "argv", "tabs", "header"),
    [
        ("zh_CN.UTF-8", [], "总览|会议活动|协同创新案例|重点项目|联盟", "项目名称"),
        ("en_US.UTF-8", [], "Overview|Meetings|Cases|Projects|Alliances", "Project"),
        ("zh_CN.UTF-8", ["--lang", "en"], "Overview|Meetings|Cases|Projects|Alliances", "Project"),
    ],
)
def test_window_started_under_a_locale(db_path, locale, argv, tabs, header):
    env = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANGUAGE")}
    env |= {"LANG": locale, "QT_QPA_PLATFORM": "offscreen", "PYTHONIOENCODING": "utf-8"}
    command = [sys.executable, "-c", DRIVER, *argv, "--db", str(db_path), "--smoke-test"]
    done = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", timeout=120, env=env
    )
    assert done.returncode == 0, done.stderr
    lines = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    assert lines["TABS"] == tabs
    assert lines["HEADER"] == header
