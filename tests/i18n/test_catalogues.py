"""The Qt Linguist catalogues: every string of the sources translated, .qm up to date."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from PySide6.QtCore import QTranslator

from tests.i18n.conftest import ROOT

PLACEHOLDER = re.compile(r"%L?[0-9n]")
KEPT_LATIN = re.compile(r"Excel|PostgreSQL|Ctrl|\(\*[^)]*\)")


def _project_copy(tmp_path: Path, ut) -> Path:
    """desktop/ and the committed catalogues in a scratch folder, to break on purpose."""
    shutil.copytree(ROOT / "desktop", tmp_path / "desktop", ignore=shutil.ignore_patterns("*.pyc"))
    shutil.copytree(ROOT / ut.TS_DIR, tmp_path / ut.TS_DIR)
    return tmp_path


def test_every_string_in_the_sources_is_translated_to_chinese(update_translations):
    problems = update_translations.check(ROOT)
    assert problems == [], "run scripts/update_translations.py and translate:\n" + "\n".join(
        problems
    )


def test_check_reports_a_new_string_and_an_unfinished_one(update_translations, tmp_path):
    ut = update_translations
    copy = _project_copy(tmp_path, ut)
    (copy / "desktop" / "late_addition.py").write_text(
        "from PySide6.QtCore import QCoreApplication\n\n"
        'TEXT = QCoreApplication.translate("LateAddition", "A string nobody translated")\n',
        encoding="utf-8",
    )
    zh = copy / ut.TS_DIR / ut.CATALOGUES["zh"]
    zh.write_text(
        zh.read_text(encoding="utf-8").replace(
            "<translation>文件(&amp;F)</translation>", '<translation type="unfinished"/>'
        ),
        encoding="utf-8",
    )
    problems = "\n".join(ut.check(copy))
    assert "zh: not in ftz_ledger_zh_CN.ts: [LateAddition] 'A string nobody translated'" in problems
    assert "en: not in ftz_ledger_en.ts: [LateAddition]" in problems
    assert "zh: untranslated: [MainWindow] '&File'" in problems


def test_qm_files_are_compiled_from_the_committed_ts(update_translations, tmp_path):
    ut = update_translations
    for name in ut.CATALOGUES.values():
        assert ut.stale_qm(ROOT / ut.TS_DIR / name) == []
    # A translation edited after the last compile is noticed.
    copy = _project_copy(tmp_path, ut)
    zh = copy / ut.TS_DIR / ut.CATALOGUES["zh"]
    zh.write_text(
        zh.read_text(encoding="utf-8").replace("文件(&amp;F)", "档案(&amp;F)"), encoding="utf-8"
    )
    assert ut.stale_qm(zh) == ["ftz_ledger_zh_CN.qm is older than ftz_ledger_zh_CN.ts"]


def test_chinese_qm_translates_menus_and_tab_names(update_translations):
    ut = update_translations
    translator = QTranslator()
    assert translator.load(str((ROOT / ut.TS_DIR / ut.CATALOGUES["zh"]).with_suffix(".qm")))
    assert translator.translate("MainWindow", "&File") == "文件(&F)"
    assert translator.translate("MeetingsTab", "Meetings") == "会议活动"
    assert translator.translate("ProjectsTab", "Projects") == "重点项目"


def test_translations_keep_placeholders_and_shortcut_keys(update_translations):
    ut = update_translations
    for message in ut.read_messages(ROOT / ut.TS_DIR / ut.CATALOGUES["zh"]):
        if not message.finished:
            continue  # reported by the first test
        where = f"[{message.context}] {message.source!r} -> {message.translation!r}"
        wanted = sorted(PLACEHOLDER.findall(message.source))
        assert sorted(PLACEHOLDER.findall(message.translation)) == wanted, where
        if re.search(r"&\w", message.source):
            assert re.search(r"&\w", message.translation), where
        # No English left behind: only names, keys and file patterns stay Latin.
        rest = KEPT_LATIN.sub("", message.translation)
        assert not re.search(r"[A-Za-z]{4,}", rest), where


def test_english_catalogue_is_the_sources_own_text(update_translations):
    ut = update_translations
    messages = ut.read_messages(ROOT / ut.TS_DIR / ut.CATALOGUES["en"])
    assert messages and all(m.finished for m in messages)
    # Plural messages hold one text per form ("a|b"); the others are the source itself.
    assert all(m.translation == m.source or "|" in m.translation for m in messages)
