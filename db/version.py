"""The program's one version, read from the installed distribution (pyproject)."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version


def program_version() -> str:
    try:
        return version("ftz-ledger")
    except PackageNotFoundError:
        return "0.0.0+unknown"
