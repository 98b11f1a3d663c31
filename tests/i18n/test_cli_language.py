"""The command line follows the system locale, or --lang."""

from __future__ import annotations

import pytest

from desktop.cli import main

LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")


@pytest.mark.parametrize(
    ("locale", "argv", "expected"),
    [
        ("zh_CN.UTF-8", [], "数据库完好。"),
        ("en_US.UTF-8", [], "The database is healthy."),
        ("zh_CN.UTF-8", ["--lang", "en"], "The database is healthy."),
        ("en_US.UTF-8", ["--lang", "zh"], "数据库完好。"),
    ],
)
def test_check_speaks_the_chosen_language(db_path, monkeypatch, capsys, locale, argv, expected):
    for var in LOCALE_VARS:
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", locale)
    assert main([*argv, "--db", str(db_path), "check"]) == 0
    assert expected in capsys.readouterr().out
