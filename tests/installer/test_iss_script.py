"""The Inno Setup script, as far as Linux can check it (iscc runs in the Windows workflow)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from db.engine import APP_NAME
from desktop.widgets.settings import ORGANISATION
from tests.installer.helpers import INSTALLER, iss_files

ISS = INSTALLER / "ftz-ledger.iss"


@pytest.fixture
def script() -> iss_files.IssScript:
    return iss_files.IssScript.read(ISS)


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A built Windows bundle as far as the script cares: the .exe and its libraries."""
    bundle = tmp_path / "dist" / "ftz-ledger"
    (bundle / "_internal").mkdir(parents=True)
    (bundle / "ftz-ledger.exe").write_bytes(b"MZ")
    return bundle


def test_every_file_the_script_names_exists_after_a_build(script, fake_bundle: Path) -> None:
    assert iss_files.missing_files(script, fake_bundle) == []
    named = iss_files.named_files(script, fake_bundle)
    assert INSTALLER / "ftz-ledger.ico" in named
    assert INSTALLER / "ChineseSimplified-ftz.isl" in named
    assert fake_bundle / "ftz-ledger.exe" in named


def test_a_missing_executable_or_icon_is_reported(tmp_path: Path, fake_bundle: Path) -> None:
    (fake_bundle / "ftz-ledger.exe").unlink()
    copy = tmp_path / "installer"
    copy.mkdir()
    shutil.copy(ISS, copy / ISS.name)
    shutil.copy(INSTALLER / "ChineseSimplified-ftz.isl", copy)
    script = iss_files.IssScript.read(copy / ISS.name)
    missing = iss_files.missing_files(script, fake_bundle)
    assert set(missing) == {fake_bundle / "ftz-ledger.exe", copy / "ftz-ledger.ico"}


def test_the_default_bundle_dir_is_where_build_frozen_puts_it(script) -> None:
    assert script.bundle_dir().resolve() == (INSTALLER.parent / "dist" / "ftz-ledger").resolve()


def test_the_version_comes_from_the_built_executable_not_a_literal(script) -> None:
    """One version: pyproject -> exe version resource (build.spec) -> AppVersion."""
    assert "AppVersion" not in script.defines()  # no hard-coded version to forget
    computed = re.search(r"#define AppVersion (.+)", script.text)
    assert computed is not None
    assert "GetStringFileInfo" in computed.group(1) and '"ProductVersion"' in computed.group(1)
    assert "{#AppExe}" not in computed.group(1) and "AppExe" in computed.group(1)
    assert script.directives()["AppVersion"] == "{#AppVersion}"
    assert "{#AppVersion}" in script.directives()["OutputBaseFilename"]


def test_installs_per_user_without_admin_rights(script) -> None:
    setup = script.directives()
    assert setup["PrivilegesRequired"] == "lowest"
    assert "PrivilegesRequiredOverridesAllowed" not in setup
    assert setup["DefaultDirName"].startswith("{autopf}\\")  # = %LOCALAPPDATA%\Programs
    assert setup["UsePreviousAppDir"] == "yes"  # an upgrade lands on the old one


def test_start_menu_and_desktop_shortcuts(script) -> None:
    icons = script.entries("Icons")
    places = {entry["Name"].split("\\")[0] for entry in icons}
    assert places == {"{autoprograms}", "{autodesktop}"}
    assert all(entry["Filename"] == "{app}\\ftz-ledger.exe" for entry in icons)


def test_chinese_and_english_pages(script) -> None:
    languages = [entry["Name"] for entry in script.entries("Languages")]
    assert languages == ["chinesesimplified", "english"]
    raw = (INSTALLER / "ChineseSimplified-ftz.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads Chinese only from UTF-8 with a BOM"
    assert ISS.read_bytes().startswith(b"\xef\xbb\xbf")
    chinese = iss_files.IssScript.read(INSTALLER / "ChineseSimplified-ftz.isl")
    assert chinese.directives("LangOptions")["LanguageID"] == "$0804"
    assert chinese.directives("Messages")["ButtonNext"] == "下一步(&N) >"


@pytest.mark.parametrize("language", ["chinesesimplified", "english"])
def test_every_custom_message_exists_in_each_language(script, language: str) -> None:
    missing = iss_files.used_custom_messages(script) - iss_files.custom_messages(script, language)
    assert missing == set()


def test_chinese_messages_keep_every_placeholder_of_inno_defaults() -> None:
    """A translated message that drops %1 would show a blank where a name belongs."""
    chinese = iss_files.IssScript.read(INSTALLER / "ChineseSimplified-ftz.isl")
    needs = {"SetupWindowTitle": "%1", "DiskSpaceWarning": "%2", "ConfirmUninstall": "%1"}
    needs |= {"WelcomeLabel2": "[name/ver]", "SelectDirDesc": "[name]", "DiskSpaceMBLabel": "[mb]"}
    messages = chinese.directives("Messages")
    for key, placeholder in needs.items():
        assert placeholder in messages[key], key


def test_data_folder_and_settings_key_are_the_programs(script) -> None:
    """Uninstall may delete only what the program writes: platformdirs' folder, QSettings' key."""
    defines = script.defines()
    assert defines["DataDirName"] == APP_NAME
    assert defines["SettingsKey"] == f"Software\\{ORGANISATION}"
    assert "{localappdata}\\{#DataDirName}" in script.text


def test_upgrade_replaces_only_the_program(script) -> None:
    cleared = [entry["Name"] for entry in script.entries("InstallDelete")]
    assert cleared == ["{app}\\_internal"]
    assert script.directives()["AppId"].startswith("{{")


def test_uninstall_keeps_data_unless_the_clerk_says_yes(script) -> None:
    code = "\n".join(script.section("Code"))
    assert "usPostUninstall" in code
    assert "not UninstallSilent()" in code  # a silent uninstall never deletes data
    ask = re.search(r"MsgBox\((.+?)\)\s*=\s*IDYES", code, re.DOTALL)
    assert ask is not None and "MB_DEFBUTTON2" in ask.group(1)  # "No" is the default
    after_yes = code[ask.end() :]
    assert after_yes.index("DelTree(DataDir()") < after_yes.index("end;")
