"""What build.spec puts in the frozen bundle (installer/bundle_contents.py)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from db.migrate import MIGRATIONS_DIR
from tests.installer.helpers import INSTALLER, ROOT, bundle_contents


def test_every_migration_script_ships_where_alembic_looks(tmp_path: Path) -> None:
    """Alembic reads Path(db/migrate.py).parent / "migrations" inside the bundle."""
    pairs = bundle_contents.data_files(ROOT)
    shipped = {Path(dest) / Path(src).name for src, dest in pairs}
    expected = {
        p.relative_to(ROOT)
        for p in MIGRATIONS_DIR.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".pyc"
    }
    assert expected <= shipped
    assert Path("db/migrations/script.py.mako") in shipped
    assert Path("db/migrations/env.py") in shipped
    assert any(p.parent == Path("db/migrations/versions") and p.suffix == ".py" for p in shipped)
    assert not any("__pycache__" in Path(src).parts for src, _ in pairs)


def test_data_files_mirror_a_tree_including_resources(tmp_path: Path) -> None:
    (tmp_path / "db/migrations/versions/__pycache__").mkdir(parents=True)
    (tmp_path / "db/migrations/versions/0001_x.py").write_text("")
    (tmp_path / "db/migrations/versions/__pycache__/0001_x.cpython-311.pyc").write_text("")
    (tmp_path / "resources/translations").mkdir(parents=True)
    (tmp_path / "resources/translations/ftz_zh_CN.qm").write_bytes(b"qm")
    (tmp_path / "resources/translations/ftz_zh_CN.ts").write_text("<TS/>")
    pairs = bundle_contents.data_files(tmp_path)
    assert sorted((Path(s).relative_to(tmp_path).as_posix(), d) for s, d in pairs) == [
        ("db/migrations/versions/0001_x.py", "db/migrations/versions"),
        ("resources/translations/ftz_zh_CN.qm", "resources/translations"),
    ]


def test_hidden_imports_cover_what_the_migrations_import() -> None:
    hidden = set(bundle_contents.hidden_imports(ROOT))
    assert {"alembic.op", "alembic.context", "db.models", "sqlalchemy"} <= hidden
    # Names that are classes, not modules, would make PyInstaller log errors.
    assert "sqlalchemy.create_engine" not in hidden
    assert "__future__" not in hidden


@pytest.mark.parametrize(
    ("dest", "kept"),
    [
        ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
        ("PySide6/Qt/plugins/platforms/libqminimalegl.so", False),
        ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
        ("PySide6\\plugins\\platforms\\qwindows.dll", True),
        ("PySide6\\plugins\\platforms\\qdirect2d.dll", False),
        ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
        ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
        ("PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so", False),
        ("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so", True),
        ("PySide6/Qt/plugins/wayland-shell-integration/libxdg-shell.so", False),
        ("PySide6/Qt/translations/qtbase_zh_CN.qm", True),
        ("PySide6/Qt/translations/qtbase_en.qm", True),
        ("PySide6/Qt/translations/qtbase_de.qm", False),
        ("PySide6/Qt/translations/qtwebengine_zh_CN.qm", True),
        ("PySide6/Qt/lib/libQt6Quick.so.6", False),
        ("libQt6Quick.so.6", False),
        ("PySide6\\Qt6Pdf.dll", False),
        ("PySide6\\opengl32sw.dll", False),
        ("PySide6/Qt/lib/libQt6Charts.so.6", True),
        ("PySide6/Qt/lib/libQt6Widgets.so.6", True),
        ("PySide6\\Qt6Network.dll", True),
        ("db/migrations/versions/0001_initial_schema.py", True),
        ("libsqlite3.so.0", True),
        ("libcairo.so.2", False),
        ("libgdk_pixbuf-2.0.so.0", False),
        ("libglib-2.0.so.0", True),  # QtCore's event loop links it
        ("libgthread-2.0.so.0", True),
        ("libmd.so.0", False),
        ("libmd4c.so.0", True),
        ("libfontconfig.so.1", True),
    ],
)
def test_keep_in_bundle(dest: str, kept: bool) -> None:
    assert bundle_contents.keep_in_bundle(dest) is kept


def test_trimmed_filters_pyinstaller_toc_entries() -> None:
    toc = [
        ("PySide6/Qt/lib/libQt6Core.so.6", "/x/libQt6Core.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6Qml.so.6", "/x/libQt6Qml.so.6", "BINARY"),
        ("libQt6Qml.so.6", "PySide6/Qt/lib/libQt6Qml.so.6", "SYMLINK"),
    ]
    assert bundle_contents.trimmed(toc) == toc[:1]


def test_the_bundle_version_is_pyproject_version() -> None:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        assert bundle_contents.pyproject_version(ROOT) == tomllib.load(fh)["project"]["version"]


@pytest.mark.parametrize(
    ("version", "numbers"),
    [
        ("0.1.0", (0, 1, 0, 0)),
        ("1.2.3rc1", (1, 2, 3, 0)),
        ("2", (2, 0, 0, 0)),
        ("1.2.3.4.5", (1, 2, 3, 4)),
    ],
)
def test_version_tuple(version: str, numbers: tuple[int, ...]) -> None:
    assert bundle_contents.version_tuple(version) == numbers


def read_version_info(text: str) -> dict[str, object]:
    """Evaluate the VSVersionInfo text as PyInstaller does, recording the structure."""
    found: dict[str, object] = {}

    def record(name: str):
        def build(*args, **kwargs):
            if name == "StringStruct":
                found[args[0]] = args[1]
            if name == "FixedFileInfo":
                found["filevers"], found["prodvers"] = kwargs["filevers"], kwargs["prodvers"]
            return (name, args, kwargs)

        return build

    names = ["VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct"]
    names += ["VarFileInfo", "VarStruct"]
    eval(text, {name: record(name) for name in names})  # the format PyInstaller evals
    return found


def test_windows_version_resource_carries_pyproject_version() -> None:
    """ftz-ledger.exe's ProductVersion is what the installer script reads as AppVersion."""
    version = bundle_contents.pyproject_version(ROOT)
    template = (INSTALLER / "version_info.txt.in").read_text(encoding="utf-8")
    info = read_version_info(bundle_contents.render_version_info(template, version))
    cli = read_version_info(bundle_contents.render_version_info(template, version, "x-cli.exe"))
    assert cli["OriginalFilename"] == "x-cli.exe"
    assert info["ProductVersion"] == version
    assert info["FileVersion"] == version
    assert info["prodvers"] == bundle_contents.version_tuple(version)
    assert info["OriginalFilename"] == "ftz-ledger.exe"


def test_spec_uses_the_helpers() -> None:
    """build.spec takes its lists from bundle_contents, so these tests test the build."""
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    for use in (
        "contents.data_files(ROOT)",
        "contents.hidden_imports(ROOT)",
        "contents.EXCLUDED_MODULES",
    ):
        assert use in spec
    assert "copy_metadata(contents.APP_NAME)" in spec
    assert "contents.trimmed(a.binaries)" in spec and "contents.trimmed(a.datas)" in spec


def test_modules_imported_by_name_are_bundled() -> None:
    """Reports are imported with import_module(f"desktop.reports.{name}"): the import
    scan cannot see them, so every module of the program is a hidden import."""
    hidden = set(bundle_contents.hidden_imports(ROOT))
    reports = {f"desktop.reports.{p.stem}" for p in (ROOT / "desktop/reports").glob("*.py")}
    reports.discard("desktop.reports.__init__")
    assert reports and reports <= hidden
    assert {"desktop", "desktop.cli", "db.engine", "db.paths", "desktop.portable"} <= hidden
    assert not any(name.startswith("db.migrations") for name in hidden)


def test_project_modules_of_a_tree(tmp_path: Path) -> None:
    for rel in ("desktop/__init__.py", "desktop/reports/__init__.py", "desktop/reports/roster.py",
                "db/__init__.py", "db/migrations/env.py", "db/migrations/versions/0001_x.py",
                "resources/__init__.py"):  # fmt: skip
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("")
    assert bundle_contents.project_modules(tmp_path) == {
        "desktop", "desktop.reports", "desktop.reports.roster", "db", "resources",
    }  # fmt: skip


def test_the_program_imports_no_qt_module_the_bundle_leaves_out() -> None:
    """An import of, say, PySide6.QtSql would work from source and fail frozen."""
    excluded = set(bundle_contents.EXCLUDED_MODULES)
    imported: set[str] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        imported |= bundle_contents.imports_of(path.read_text(encoding="utf-8"))
    qt = {name for name in imported if name.startswith("PySide6.Qt")}
    assert {"PySide6.QtCore", "PySide6.QtWidgets"} <= qt
    left_out = {name for name in imported if name in excluded or name.split(".")[0] in excluded}
    left_out |= {name for name in qt if ".".join(name.split(".")[:2]) in excluded}
    assert left_out == set()


def test_imports_of_reads_plain_and_from_imports() -> None:
    source = "import a.b\nfrom c import d, e\nfrom . import local\nfrom .x import y\n"
    assert bundle_contents.imports_of(source) == {"a.b", "c", "c.d", "c.e"}
