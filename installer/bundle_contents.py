"""What goes into the frozen bundle: used by build.spec, tested by tests/installer.

Kept apart from the spec (which PyInstaller runs with exec) so the choices can be
read and tested like any other module: the data files found at run time by path
(Alembic's scripts, resources), the modules only those files import, the Qt parts
left out, and the one version taken from pyproject.toml.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import tomllib
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

APP_NAME = "ftz-ledger"
# Found by path at run time, not by import: Alembic reads db/migrations/** (env.py,
# versions/*.py, script.py.mako) from Path(db/migrate.py).parent / "migrations".
DATA_TREES = ("db/migrations", "resources")
SKIP_PARTS = {"__pycache__"}
PROJECT_PACKAGES = ("desktop", "db", "resources")
SKIP_SUFFIXES = {".pyc", ".pyo", ".ts"}  # .ts are translation sources; .qm ship

QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtCharts")
# Never imported by the program; listed so a stray import cannot drag them in.
EXCLUDED_QT = (
    "QtWebEngineCore",
    "QtWebEngineWidgets",
    "QtWebEngineQuick",
    "QtWebChannel",
    "QtWebSockets",
    "QtWebView",
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtSpatialAudio",
    "QtTextToSpeech",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtQml",
    "QtPdf",
    "QtPdfWidgets",
    "QtDesigner",
    "QtUiTools",
    "QtHelp",
    "QtTest",
    "QtSql",
    "QtBluetooth",
    "QtNfc",
    "QtPositioning",
    "QtLocation",
    "QtSensors",
    "QtSerialPort",
    "QtSerialBus",
    "QtRemoteObjects",
    "QtScxml",
    "QtDataVisualization",
    "QtGraphs",
    "QtGraphsWidgets",
    "QtHttpServer",
    # QtCharts' library links OpenGL, but the program never calls it from Python:
    # the 9 MB of bindings stay out, the Qt libraries themselves stay in.
    "QtOpenGL",
    "QtOpenGLWidgets",
)
EXCLUDED_MODULES = (
    *(f"PySide6.{name}" for name in EXCLUDED_QT),
    "tkinter",
    # Dragged in by optional imports of Mako and friends; never used by the ledger.
    "pygments",
    "setuptools",
    "pkg_resources",
    "distutils",
    "pydoc_data",
    "pytest",
    "pytestqt",
    "hypothesis",
    "_pytest",
    "PyInstaller",
)
# Imported through strings or by the migration scripts (which are data, so the
# import scan cannot see into them); migration imports are added by hidden_imports().
EXTRA_IMPORTS = (
    *(f"PySide6.{name}" for name in QT_MODULES),
    # The reports and import read these; listed so the bundle has them even
    # before a module that imports them is reachable from the entry point.
    "openpyxl",
    "defusedxml",
    "sqlalchemy.dialects.sqlite.pysqlite",
    "sqlalchemy.dialects.postgresql.psycopg",
    "psycopg_binary",
    "psycopg_binary.pq",
    "psycopg_binary._psycopg",
    "alembic.op",
    "alembic.context",
    "alembic.runtime.migration",
    "alembic.ddl.sqlite",
    "alembic.ddl.postgresql",
)

QT_TRANSLATION_LANGS = ("zh_CN", "en")
# Plugins the ledger never loads: other platforms and image formats, Wayland
# (X11 and XWayland serve), and plugins of Qt modules we leave out.
DROPPED_PLUGIN_DIRS = {
    "assetimporters",
    "canbus",
    "designer",
    "egldeviceintegrations",
    "geometryloaders",
    "geoservices",
    "multimedia",
    "position",
    "qmltooling",
    "renderers",
    "renderplugins",
    "sceneparsers",
    "scxmldatamodel",
    "sensors",
    "sqldrivers",
    "texttospeech",
    "vectorimageformats",
    "webview",
    "generic",
    "networkinformation",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-graphics-integration-server",
    "wayland-shell-integration",
}
KEPT_PLATFORMS = ("qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa")
# qgtk3 would drag in cairo, pango and gdk-pixbuf yet still need the system's GTK.
DROPPED_PLUGINS = (
    "qgtk3",
    "qpdf",
    "qtiff",
    "qwebp",
    "qicns",
    "qtga",
    "qwbmp",
    "qtvirtualkeyboardplugin",
)
# Qt libraries that only the dropped plugins and modules load (QtQuick comes in
# through the virtual keyboard, QtPdf through the pdf image format, and so on).
DROPPED_QT_LIBS = re.compile(
    r"^(lib)?Qt6(Quick|Qml|Pdf|VirtualKeyboard|Wayland|Wl|EglFS|EglFs|WebEngine|WebChannel"
    r"|WebSockets|WebView|3D|Multimedia|SpatialAudio|TextToSpeech|Designer|UiTools|Help|Test|Sql"
    r"|Bluetooth|Nfc|Positioning|Location|Sensors|Serial|RemoteObjects|Scxml|DataVisualization"
    r"|Graphs|HttpServer|ShaderTools|VirtualKeyboard)"
)
# Qt's software OpenGL for Windows (20 MB): the ledger draws with widgets, not OpenGL.
DROPPED_FILES = ("opengl32sw.dll",)
# Linux: the GTK stack the (dropped) qgtk3 theme plugin drags in; no library kept in
# the bundle links any of these (checked with readelf over a built bundle).
DROPPED_SYSTEM_LIBS = re.compile(
    r"^lib(atk-1\.0|cairo|cairo-gobject|datrie|fribidi|gdk_pixbuf-2\.0|gio-2\.0|gmodule-2\.0"
    r"|gobject-2\.0|graphite2|harfbuzz|jpeg|pango-1\.0|pangocairo-1\.0|pangoft2-1\.0|pixman-1"
    r"|thai|blkid|mount|selinux|bsd|md)\.so(\.\d+)*$"
)


def pyproject_version(root: Path) -> str:
    """The program's one version, as written in pyproject.toml."""
    with (root / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def _bundle_files(root: Path, tree: str) -> Iterator[Path]:
    for path in sorted((root / tree).rglob("*")):
        rel = path.relative_to(root)
        if path.is_file() and not SKIP_PARTS & set(rel.parts) and path.suffix not in SKIP_SUFFIXES:
            yield rel


def data_files(root: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs in PyInstaller's `datas` form."""
    return [
        (str(root / rel), rel.parent.as_posix())
        for tree in DATA_TREES
        for rel in _bundle_files(root, tree)
    ]


def imports_of(source: str) -> set[str]:
    """Top-level and dotted module names a Python file imports."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def migration_imports(root: Path) -> set[str]:
    """Modules the migration scripts import (they ship as data, unseen by the import scan)."""
    names: set[str] = set()
    for path in (root / "db/migrations").rglob("*.py"):
        names |= imports_of(path.read_text(encoding="utf-8"))
    # `from alembic import op` names a module, `from sqlalchemy import Column` a class:
    # keep only the names that are modules.
    return {name for name in names if name != "__future__" and _is_module(name)}


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def project_modules(root: Path) -> set[str]:
    """Every module of the program's own packages: some are imported by name at run
    time (reports by `import_module(f"desktop.reports.{name}")`), which the scan misses."""
    names: set[str] = set()
    for package in PROJECT_PACKAGES:
        for path in (root / package).rglob("*.py"):
            rel = path.relative_to(root).with_suffix("")
            if rel.parts[:2] == ("db", "migrations") or "__pycache__" in rel.parts:
                continue  # the migrations ship as data (DATA_TREES)
            parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
            names.add(".".join(parts))
    return names


def hidden_imports(root: Path) -> list[str]:
    return sorted(set(EXTRA_IMPORTS) | migration_imports(root) | project_modules(root))


def _qt_part(dest: str) -> tuple[str, ...] | None:
    """The path below PySide6/Qt (or PySide6/ on Windows), or None if not Qt's."""
    parts = PurePosixPath(dest.replace("\\", "/")).parts
    if not parts or parts[0] != "PySide6":
        return None
    return parts[2:] if len(parts) > 1 and parts[1] == "Qt" else parts[1:]


def _plugin_stem(name: str) -> str:
    """libqxcb.so -> qxcb; qwindows.dll -> qwindows."""
    stem = name.split(".")[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_in_bundle(dest: str) -> bool:
    """False for Qt translations, plugins and libraries the ledger never uses."""
    name = PurePosixPath(dest.replace("\\", "/")).name
    # Also the links PyInstaller puts at the top for libraries found below PySide6/.
    if name in DROPPED_FILES or DROPPED_QT_LIBS.match(name) or DROPPED_SYSTEM_LIBS.match(name):
        return False
    part = _qt_part(dest)
    if not part:
        return True
    if part[0] == "translations":
        return any(name.endswith(f"_{lang}.qm") for lang in QT_TRANSLATION_LANGS)
    if part[0] == "plugins" and len(part) > 2:
        folder, stem = part[1], _plugin_stem(name)
        if folder in DROPPED_PLUGIN_DIRS or stem in DROPPED_PLUGINS:
            return False
        if folder == "platforms":
            return stem in KEPT_PLATFORMS
    return True


def trimmed(entries: Iterable[tuple]) -> list[tuple]:
    """PyInstaller TOC entries (dest, source, kind) without what keep_in_bundle drops."""
    return [entry for entry in entries if keep_in_bundle(entry[0])]


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Four numbers for Windows' file version: 1.2.3rc1 -> (1, 2, 3, 0)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    numbers = [int(n) for n in release.group().split(".")][:4] if release else []
    padded = numbers + [0] * (4 - len(numbers))
    return (padded[0], padded[1], padded[2], padded[3])


def render_version_info(template: str, version: str, exe_name: str = f"{APP_NAME}.exe") -> str:
    """installer/version_info.txt.in filled in for one executable."""
    return template.format(version=version, version_tuple=version_tuple(version), exe_name=exe_name)
