"""Smoke test of the frozen program: build the bundle, then run it from outside the tree.

    uv run python scripts/smoke_frozen.py [--no-build] [--bundle DIR]

Runs the bundle as a clerk's PC would (no Python, no source tree, a fresh folder):
`--version`, `demo` on a new file (the migrations must run from inside the bundle),
`export ledger`, `check`, a PostgreSQL URL (the driver must load), and the window
offscreen with `--smoke-test`. Exits 1 naming the first step that failed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "installer"))

from bundle_contents import APP_NAME, pyproject_version  # noqa: E402
from iss_files import IssScript, missing_files  # noqa: E402

WINDOWS = sys.platform == "win32"

STEP_TIMEOUT_S = 120
# Variables that could let the bundle find the source tree or the dev environment.
LEAKY_ENV = ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV", "PYTHONSTARTUP", "FTZ_LEDGER_DB")


class SmokeFailure(Exception):
    pass


def clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in LEAKY_ENV}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        LC_ALL="C.UTF-8",
        QT_QPA_PLATFORM="offscreen",
    )
    return env


class Bundle:
    """Runs the frozen executables in a scratch folder with a clean environment."""

    def __init__(self, folder: Path, work: Path) -> None:
        self.folder, self.work = folder, work
        self.window_exe = folder / (APP_NAME + (".exe" if WINDOWS else ""))
        # Windows' windowed .exe has no stdout: the command line goes through the console twin.
        self.cli_exe = folder / (f"{APP_NAME}-cli.exe" if WINDOWS else APP_NAME)
        self.db = work / "fresh" / "ledger.sqlite3"
        self.env = clean_env(work / "home")
        self.timings: dict[str, float] = {}

    def run(
        self, label: str, *args: str, expect: int = 0, window: bool = False
    ) -> subprocess.CompletedProcess[str]:
        exe = self.window_exe if window else self.cli_exe
        start = time.perf_counter()
        try:
            done = subprocess.run(
                [str(exe), *args],
                cwd=self.work,
                env=self.env,
                capture_output=True,
                text=True,
                timeout=STEP_TIMEOUT_S,
            )
        except subprocess.TimeoutExpired as exc:
            raise SmokeFailure(f"{label}: no exit within {STEP_TIMEOUT_S} s") from exc
        self.timings[label] = time.perf_counter() - start
        if done.returncode != expect:
            raise SmokeFailure(
                f"{label}: exit {done.returncode}, expected {expect}\n"
                f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
            )
        return done


def head_revision() -> str:
    from db.migrate import head_revision as head

    return head()


def check_version(bundle: Bundle) -> None:
    out = bundle.run("--version", "--version").stdout
    expected = pyproject_version(ROOT)
    if expected not in out.split():
        raise SmokeFailure(f"--version printed {out.strip()!r}, pyproject says {expected}")


def check_demo_migrates(bundle: Bundle) -> None:
    db = bundle.db
    db.parent.mkdir()
    bundle.run("demo", "--db", str(db), "demo")
    with sqlite3.connect(db) as conn:
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        projects = conn.execute("SELECT count(*) FROM project").fetchone()[0]
    if revision is None or revision[0] != head_revision():
        raise SmokeFailure(f"alembic_version is {revision}, head is {head_revision()}")
    if projects == 0:
        raise SmokeFailure("demo added no projects")


def check_export(bundle: Bundle) -> None:
    out = bundle.work / "ledger.xlsx"
    bundle.run("export", "--db", str(bundle.db), "export", "ledger", "-o", str(out))
    if not zipfile.is_zipfile(out):
        raise SmokeFailure(f"{out} is not an .xlsx (zip) file")
    from openpyxl import load_workbook

    sheet = load_workbook(out).active
    if sheet is None or sheet.max_row < 3:
        raise SmokeFailure(f"{out} has no table")


def check_check(bundle: Bundle) -> None:
    bundle.run("check", "--db", str(bundle.db), "check")


def check_postgres_driver(bundle: Bundle) -> None:
    """Nothing listens on port 1: a clean 'cannot connect' proves psycopg loaded."""
    url = "postgresql+psycopg://ftz@127.0.0.1:1/ftz"
    err = bundle.run("postgresql", "--db", url, "check", expect=1).stderr
    broken = [sign for sign in ("Traceback", "No module named", "Can't load plugin") if sign in err]
    if broken or "127.0.0.1" not in err:
        raise SmokeFailure(f"PostgreSQL driver did not load:\n{err}")


def check_window(bundle: Bundle) -> None:
    bundle.run("--smoke-test", "--db", str(bundle.db), "--smoke-test", window=True)


def check_portable_mode(bundle: Bundle) -> None:
    """A `portable` marker beside the executable puts the default database in data/."""
    marker, data = bundle.folder / "portable", bundle.folder / "data"
    if marker.exists() or data.exists():
        raise SmokeFailure(f"{marker} or {data} is already there; remove them first")
    marker.write_text("")
    try:
        bundle.run("portable demo", "demo")
        if not (data / "ledger.sqlite3").is_file():
            raise SmokeFailure(f"no ledger.sqlite3 in {data}")
    finally:
        marker.unlink()
        shutil.rmtree(data, ignore_errors=True)


def check_installer_files(bundle: Bundle) -> None:
    """Every file installer/ftz-ledger.iss names is in the repository or the bundle."""
    script = IssScript.read(ROOT / "installer" / "ftz-ledger.iss")
    missing = missing_files(script, bundle.folder, exe_suffix=".exe" if WINDOWS else "")
    if missing:
        raise SmokeFailure(
            "the installer script names missing files: " + ", ".join(map(str, missing))
        )


STEPS: list[tuple[str, Callable[[Bundle], None]]] = [
    ("version", check_version),
    ("demo migrates a fresh file", check_demo_migrates),
    ("export ledger", check_export),
    ("check", check_check),
    ("postgresql driver", check_postgres_driver),
    ("window --smoke-test", check_window),
    ("portable mode", check_portable_mode),
    ("installer script's files", check_installer_files),
]


def run_steps(folder: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="ftz-smoke-") as tmp:
        bundle = Bundle(folder, Path(tmp))
        for name, step in STEPS:
            try:
                step(bundle)
            except SmokeFailure as exc:
                print(f"FROZEN SMOKE TEST FAILED at '{name}': {exc}", file=sys.stderr)
                return 1
            print(f"ok  {name}", flush=True)
        for label, seconds in bundle.timings.items():
            print(f"    {label}: {seconds:.2f} s")
    return 0


def bundle_size_mib(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*")) / 2**20


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--no-build", action="store_true", help="use the bundle already built")
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / APP_NAME)
    args = parser.parse_args()
    if not args.no_build:
        subprocess.run(["bash", str(ROOT / "scripts" / "build_frozen.sh")], check=True)
    bundle = Bundle(args.bundle, Path())
    for exe in {bundle.window_exe, bundle.cli_exe}:
        if not exe.is_file():
            print(f"FROZEN SMOKE TEST FAILED: no {exe}; build it first", file=sys.stderr)
            return 1
    print(f"bundle {args.bundle}: {bundle_size_mib(args.bundle):.0f} MiB unpacked", flush=True)
    return run_steps(args.bundle)


if __name__ == "__main__":
    sys.exit(main())
