"""Portable mode: a `portable` marker beside a frozen program keeps data in data/."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from db.engine import default_db_path, open_database
from db.paths import PORTABLE_MARKER, portable_data_dir
from desktop.portable import settings_path

PYTHON = sys.executable  # before a fixture pretends the program is frozen


@pytest.fixture
def frozen_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Pretend to be a frozen program whose executable sits in tmp_path/app."""
    folder = tmp_path / "app"
    folder.mkdir()
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "ftz-ledger.exe"))
    return folder


def test_portable_marker_puts_the_database_beside_the_program(frozen_program: Path) -> None:
    (frozen_program / PORTABLE_MARKER).write_text("")
    assert default_db_path() == frozen_program / "data" / "ledger.sqlite3"
    open_database().dispose()
    assert (frozen_program / "data" / "ledger.sqlite3").is_file()


def test_without_marker_the_user_data_folder_is_used(
    frozen_program: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert portable_data_dir() is None
    assert settings_path() is None
    assert default_db_path() == tmp_path / "xdg" / "ftz-ledger" / "ledger.sqlite3"


def test_from_source_the_marker_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Beside the Python interpreter: running from source must not turn portable.
    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "python"))
    (tmp_path / PORTABLE_MARKER).write_text("")
    assert portable_data_dir() is None
    assert tmp_path not in default_db_path().parents


QSETTINGS_SCRIPT = textwrap.dedent(
    """
    import sys
    sys.frozen = True
    sys.executable = sys.argv[1]
    from desktop.widgets.settings import settings as window_settings
    settings = window_settings()  # what the window itself uses
    settings.setValue("window/geometry", "kept on the stick")
    settings.sync()
    print(settings.fileName())
    """
)


def run_qsettings_script(executable: Path, tmp_path: Path) -> Path:
    """In a child process, as the window would: Qt caches settings paths per process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    out = subprocess.run(
        [PYTHON, "-c", QSETTINGS_SCRIPT, str(executable)],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
        env=env,
    )
    return Path(out.stdout.strip().splitlines()[-1])


def test_portable_settings_are_an_ini_file_in_data(frozen_program: Path, tmp_path: Path) -> None:
    (frozen_program / PORTABLE_MARKER).write_text("")
    written = run_qsettings_script(frozen_program / "ftz-ledger.exe", tmp_path)
    assert written == frozen_program / "data" / "settings.ini"
    assert written == settings_path()
    assert "kept on the stick" in written.read_text()
    assert not (tmp_path / "config").exists()


def test_installed_settings_stay_in_the_native_place(frozen_program: Path, tmp_path: Path) -> None:
    from desktop.widgets.settings import APPLICATION, ORGANISATION

    written = run_qsettings_script(frozen_program / "ftz-ledger.exe", tmp_path)
    assert written == tmp_path / "config" / ORGANISATION / f"{APPLICATION}.conf"
    assert "kept on the stick" in written.read_text()
    assert not (frozen_program / "data").exists()
