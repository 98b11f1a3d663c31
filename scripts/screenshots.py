"""Make a PNG of each tab of the real window on the sample records (offscreen).

uv run python scripts/screenshots.py --db /tmp/demo.sqlite3 --out docs/screenshots [--lang zh]

Files are named <tab>.<lang>.png (projects.zh.png, projects.en.png); without --lang
both languages are taken, each in a window built after switching (as at start-up).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SIZE = (1400, 850)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--db", required=True, help="ledger file (sample records are added)")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--lang", choices=["zh", "en"], help="one language (default: both)")
    args = parser.parse_args(argv)
    # Remembered column widths of the clerk's own window must not leak into the pictures.
    os.environ["XDG_CONFIG_HOME"] = str(Path(args.db).resolve().parent / "screenshot-settings")

    from db.engine import open_database
    from db.sample_data import load
    from desktop.app import make_application, start_language

    app = make_application()
    db = open_database(args.db)
    with db.write() as session:
        load(session)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in [args.lang] if args.lang else ["zh", "en"]:
        start_language(app, lang)
        for path in shoot_tabs(app, db, out, lang):
            print(path)
    db.dispose()
    return 0


def shoot_tabs(app, db, out: Path, lang: str) -> list[Path]:
    """One PNG per tab of a window built in the current language."""
    from desktop.main_window import MainWindow

    window = MainWindow(db)
    window.resize(*SIZE)
    window.show()
    written = []
    overview = window.overview()
    if overview is not None:
        window.tabs.setCurrentWidget(overview)
        app.processEvents()
        written.append(_grab(window, out / f"overview.{lang}.png"))
        if lang == "zh":  # the picture the README and issue 6 name
            written.append(_grab(window, out / "overview.png"))
    for tab in window.record_tabs():
        window.show_tab(tab.kind)
        tab.view.resizeColumnsToContents()
        for col in range(tab.model.columnCount()):
            width = min(tab.view.columnWidth(col), 260)
            tab.view.setColumnWidth(col, width)
        tab.splitter.setSizes([900, 480])
        app.processEvents()
        written.append(_grab(window, out / f"{tab.kind}.{lang}.png"))
    window.close()
    window.deleteLater()
    return written


def _grab(window, path: Path) -> Path:
    window.grab().save(str(path))
    return path


if __name__ == "__main__":
    sys.exit(main())
