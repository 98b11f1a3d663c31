"""The installed program carries the compiled catalogues and Qt's Chinese one, and
finds them where PyInstaller puts them."""

from __future__ import annotations

import sys

from desktop import i18n
from tests.installer.helpers import ROOT, bundle_contents


def test_bundle_carries_the_qm_files_not_the_ts():
    shipped = {src for src, _dest in bundle_contents.data_files(ROOT) if "translations" in src}
    names = {src.rsplit("/", 1)[-1].rsplit("\\", 1)[-1] for src in shipped}
    assert names == {"ftz_ledger_zh_CN.qm", "ftz_ledger_en.qm"}
    assert bundle_contents.keep_in_bundle("PySide6/Qt/translations/qtbase_zh_CN.qm")


def test_frozen_program_looks_for_catalogues_under_meipass(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert i18n.translations_dir() == tmp_path / "resources" / "translations"
