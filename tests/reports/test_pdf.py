"""The reports as LibreOffice prints them: landscape A4 pages, header row on every page.

LibreOffice (soffice) and poppler (pdfinfo, pdftotext) must be installed; CI
installs them (.ci/run), so a missing tool fails the test instead of skipping it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

from desktop.reports import REPORT_NAMES, ReportOptions, write_report
from tests.reports.helpers import add_projects, set_reporting_unit

SOFFICE_TIMEOUT = 600
A4_LONG, A4_SHORT = 841.89, 595.28


def _tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed (CI installs libreoffice-calc-nogui and poppler-utils)"
    return path


def _to_pdf(files: list[Path], out: Path, profile: Path) -> None:
    subprocess.run(
        [
            _tool("soffice"),
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
            str(out),
            *map(str, files),
        ],
        check=True,
        capture_output=True,
        timeout=SOFFICE_TIMEOUT,
    )


def _page_sizes(pdf: Path) -> list[tuple[float, float]]:
    info = subprocess.run(
        [_tool("pdfinfo"), "-f", "1", "-l", "9999", str(pdf)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return [
        (float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)
    ]


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(
        [_tool("pdftotext"), "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


def _options(name: str) -> ReportOptions:
    return ReportOptions(lang="zh", meeting_id=1 if name == "meeting-brief" else None)


def test_reports_print_as_landscape_a4_with_the_header_on_every_page(demo_db, tmp_path):
    set_reporting_unit(demo_db)
    add_projects(demo_db, 300)
    xlsx = tmp_path / "xlsx"
    xlsx.mkdir()
    files = [
        write_report(demo_db, name, xlsx / f"{name}.xlsx", _options(name)) for name in REPORT_NAMES
    ]
    pdfs = tmp_path / "pdf"
    _to_pdf(files, pdfs, tmp_path / "lo-profile")

    for name in REPORT_NAMES:
        pdf = pdfs / f"{name}.pdf"
        assert pdf.is_file(), f"{name} was not converted"
        sizes = _page_sizes(pdf)
        assert sizes, name
        for width, height in sizes:
            assert abs(width - A4_LONG) < 2 and abs(height - A4_SHORT) < 2, (name, width, height)
        first = _page_text(pdf, 1)
        assert f"第1页共{len(sizes)}页" in re.sub(r"\s+", "", first), name

    # 310 projects: the list and the ledger run over several pages, header on each.
    for name in ("projects", "ledger"):
        pdf = pdfs / f"{name}.pdf"
        assert len(_page_sizes(pdf)) >= 3, name
        for page in (1, 2, 3):
            text = _page_text(pdf, page)
            assert "序号" in text and "项目名称" in text and "投资方" in text, (name, page)
        assert "长报表测试项目" in _page_text(pdf, 2)
        last = _page_text(pdf, len(_page_sizes(pdf)))
        assert "制表人" in last and "负责人" in last
