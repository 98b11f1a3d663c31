"""Import the installer's build helpers (installer/ is a folder of scripts, not a package)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
if str(INSTALLER) not in sys.path:
    sys.path.insert(0, str(INSTALLER))

import bundle_contents  # noqa: E402
import iss_files  # noqa: E402

__all__ = ["INSTALLER", "ROOT", "bundle_contents", "iss_files"]
