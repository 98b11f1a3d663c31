"""What leaves the window follows its language too: Excel export (headers, reference
names, a CJK font) and the import template's headers."""

from __future__ import annotations

from openpyxl import load_workbook

import desktop.main_window as mw
from desktop.importing.template import write_template

EXPECTED = {
    "zh": {"header": "项目名称", "field": "新能源", "stage": "签约"},
    "en": {"header": "Project", "field": "New energy", "stage": "Signed"},
}


def _texts(path) -> set[str]:
    ws = load_workbook(path).active
    return {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}


def test_export_from_the_window_speaks_its_language(
    make_window, demo_db, ui_language, monkeypatch, tmp_path
):
    for lang, words in EXPECTED.items():
        ui_language(lang)
        window = make_window(demo_db)
        window.show_tab("projects")
        target = tmp_path / f"projects.{lang}.xlsx"
        monkeypatch.setattr(
            mw.QFileDialog, "getSaveFileName", lambda *a, t=target, **k: (str(t), "")
        )
        assert window.export_current() is not None
        texts = _texts(target)
        assert {words["header"], words["field"], words["stage"]} <= texts, (lang, texts)
        other = EXPECTED["en" if lang == "zh" else "zh"]
        assert other["field"] not in texts and other["header"] not in texts
        ws = load_workbook(target).active
        fonts = {c.font.name for row in ws.iter_rows() for c in row if c.value is not None}
        assert fonts == {"等线"}  # DengXian: Office on Windows has it, and it covers CJK
        window.close()


def test_import_template_headers_follow_the_language(demo_db, ui_language, tmp_path):
    for lang, words in EXPECTED.items():
        ui_language(lang)
        path = write_template(demo_db, "projects", tmp_path / f"template.{lang}.xlsx")
        ws = load_workbook(path).worksheets[0]
        headers = [c.value for c in ws[1] if c.value]
        assert f"{words['header']}*" in headers, headers
