"""Language switching for the i18n tests, and the GUI tests' window fixtures."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale

from db import lang as db_lang
from desktop import i18n
from tests.gui.conftest import answers, make_window  # noqa: F401 (fixtures used here)

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def ui_language(qapp) -> Iterator[Callable[[str], None]]:
    """Switch the window's language; afterwards English with no translators again."""
    saved_locale, saved_name = QLocale(), qapp.applicationDisplayName()
    yield i18n.set_language
    i18n.remove_translators(qapp)
    db_lang.set_language("en")
    QLocale.setDefault(saved_locale)
    qapp.setApplicationDisplayName(saved_name)


@pytest.fixture(scope="session")
def update_translations() -> ModuleType:
    """scripts/update_translations.py (scripts/ is a folder of scripts, not a package)."""
    path = ROOT / "scripts" / "update_translations.py"
    spec = importlib.util.spec_from_file_location("update_translations", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module
