"""Extract the window's strings, compile the catalogues, report what is left to translate.

    uv run python scripts/update_translations.py            # update .ts, build .qm
    uv run python scripts/update_translations.py --check    # change nothing, report only
    uv run python scripts/update_translations.py --dump-unfinished todo.json
    uv run python scripts/update_translations.py --apply todo.json   # filled-in translations

pyside6-lupdate reads every desktop/**/*.py into resources/translations/
ftz_ledger_zh_CN.ts and ftz_ledger_en.ts (strings gone from the sources are dropped);
the English catalogue is the sources' own text, so its new entries are filled in
here. pyside6-lrelease then compiles both to .qm. Exit status 1 while a string is
untranslated in Chinese (or, with --check, while a catalogue is out of date).
Translate in Qt Linguist (`pyside6-linguist resources/translations/ftz_ledger_zh_CN.ts`)
or fill in the JSON of --dump-unfinished and give it to --apply.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET  # noqa: S405 (our own catalogues, not outside input)
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = "desktop"
TS_DIR = Path("resources") / "translations"
CATALOGUES = {"zh": "ftz_ledger_zh_CN.ts", "en": "ftz_ledger_en.ts"}
TARGET_LANGUAGE = {"zh": "zh_CN", "en": "en"}
HEADER = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    translation: str
    finished: bool


# --- the Qt tools ---------------------------------------------------------------
def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from this interpreter's environment."""
    beside = Path(sys.executable).parent / name
    for candidate in (beside, beside.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6: run this with `uv run`)")
    return found


def source_files(root: Path) -> list[Path]:
    return sorted(p for p in (root / SOURCE_DIR).rglob("*.py") if "__pycache__" not in p.parts)


def lupdate(root: Path, ts_files: dict[str, Path]) -> None:
    """Merge the sources' strings into the catalogues (created if missing)."""
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "sources.lst"
        listing.write_text("\n".join(str(p) for p in source_files(root)), encoding="utf-8")
        for lang, ts in ts_files.items():
            ts.parent.mkdir(parents=True, exist_ok=True)
            command = [tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
            command += ["-extensions", "py", "-source-language", "en"]
            command += ["-target-language", TARGET_LANGUAGE[lang], f"@{listing}", "-ts", str(ts)]
            subprocess.run(command, check=True, cwd=root)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


# --- reading and writing the catalogues -----------------------------------------------
def read_messages(ts: Path) -> list[Message]:
    tree = ET.parse(ts)  # noqa: S314
    out = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            text = _translation_text(translation)
            kind = translation.get("type", "") if translation is not None else "unfinished"
            out.append(
                Message(
                    name,
                    message.findtext("source") or "",
                    message.findtext("comment") or "",
                    text,
                    finished=bool(text) and kind not in ("unfinished", "vanished", "obsolete"),
                )
            )
    return out


def _translation_text(translation: ET.Element | None) -> str:
    if translation is None:
        return ""
    forms = translation.findall("numerusform")
    if forms:
        return "|".join(f.text or "" for f in forms) if all(f.text for f in forms) else ""
    return translation.text or ""


def unfinished(ts: Path) -> list[Message]:
    return [m for m in read_messages(ts) if not m.finished]


def fill(ts: Path, translate) -> int:
    """Set the translation of unfinished messages to translate(context, source, comment).

    translate returns None to leave a message as it is, or a text (a list of texts for
    the forms of a plural message); the count of filled ones is returned.
    """
    tree = ET.parse(ts)  # noqa: S314
    filled = 0
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") != "unfinished":
                continue
            text = translate(name, message.findtext("source") or "", message.findtext("comment"))
            if text:
                forms = translation.findall("numerusform")
                # A plural message (tr(..., n)) takes one text per form, or one for all.
                texts = text if isinstance(text, list) else [text] * max(len(forms), 1)
                for target, form_text in zip(forms or [translation], texts, strict=False):
                    target.text = form_text
                del translation.attrib["type"]
                filled += 1
    if filled:
        ts.write_text(HEADER + ET.tostring(tree.getroot(), encoding="unicode"), encoding="utf-8")
    return filled


def english(source: str) -> str | list[str]:
    """The English catalogue's text: the source; "%n meeting(s)" gives its two forms."""
    if "(s)" in source:
        return [source.replace("(s)", ""), source.replace("(s)", "s")]
    return source


def apply_json(ts: Path, path: Path) -> int:
    """Translations from a --dump-unfinished file whose "translation" fields were filled in."""
    items = json.loads(path.read_text(encoding="utf-8"))
    wanted = {(i["context"], i["source"]): i.get("translation") for i in items}
    return fill(ts, lambda ctx, src, _comment: wanted.get((ctx, src)))


def dump_unfinished(ts: Path, path: Path) -> None:
    items = [
        {"context": m.context, "source": m.source, "comment": m.comment, "translation": ""}
        for m in unfinished(ts)
    ]
    path.write_text(json.dumps(items, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


# --- the whole run --------------------------------------------------------------------
def update(root: Path, *, apply: Path | None = None) -> dict[str, Path]:
    """lupdate, English filled from the sources, --apply, lupdate again (its own layout), lrelease."""
    ts_files = {lang: root / TS_DIR / name for lang, name in CATALOGUES.items()}
    lupdate(root, ts_files)
    fill(ts_files["en"], lambda _ctx, source, _comment: english(source))
    if apply is not None:
        print(f"applied {apply_json(ts_files['zh'], apply)} translations from {apply}")
    lupdate(root, ts_files)
    for ts in ts_files.values():
        lrelease(ts, ts.with_suffix(".qm"))
    return ts_files


def check(root: Path) -> list[str]:
    """Problems of the committed catalogues, found in temporary copies (nothing is written)."""
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp)
        for name in CATALOGUES.values():
            if (root / TS_DIR / name).exists():
                (copy / TS_DIR).mkdir(parents=True, exist_ok=True)
                shutil.copy(root / TS_DIR / name, copy / TS_DIR / name)
        shutil.copytree(
            root / SOURCE_DIR, copy / SOURCE_DIR, ignore=shutil.ignore_patterns("*.pyc")
        )
        fresh = {lang: copy / TS_DIR / name for lang, name in CATALOGUES.items()}
        lupdate(copy, fresh)
        for lang, ts in fresh.items():
            committed = root / TS_DIR / CATALOGUES[lang]
            known = _keys(committed) if committed.exists() else set()
            problems += [
                f"{lang}: not in {committed.name}: [{m.context}] {m.source!r}"
                for m in read_messages(ts)
                if (m.context, m.source, m.comment) not in known
            ]
            if lang == "zh":
                problems += [
                    f"zh: untranslated: [{m.context}] {m.source!r}" for m in unfinished(ts)
                ]
            problems += stale_qm(committed)
    return problems


def stale_qm(ts: Path) -> list[str]:
    """The committed .qm differs from what lrelease makes of the committed .ts."""
    qm = ts.with_suffix(".qm")
    if not ts.exists():
        return []
    if not qm.exists():
        return [f"{qm.name} is missing"]
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / qm.name
        lrelease(ts, fresh)
        return (
            [] if fresh.read_bytes() == qm.read_bytes() else [f"{qm.name} is older than {ts.name}"]
        )


def _keys(ts: Path) -> set[tuple[str, str, str]]:
    return {(m.context, m.source, m.comment) for m in read_messages(ts)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="write nothing, report only")
    parser.add_argument("--apply", type=Path, help="JSON of translations to fill in first")
    parser.add_argument("--dump-unfinished", type=Path, help="write untranslated strings as JSON")
    args = parser.parse_args(argv)
    if args.check:
        problems = check(ROOT)
    else:
        ts_files = update(ROOT, apply=args.apply)
        if args.dump_unfinished is not None:
            dump_unfinished(ts_files["zh"], args.dump_unfinished)
        problems = [
            f"zh: untranslated: [{m.context}] {m.source!r}" for m in unfinished(ts_files["zh"])
        ]
        counts = {lang: len(read_messages(ts)) for lang, ts in ts_files.items()}
        print(f"catalogues: {counts} strings; .qm compiled in {TS_DIR}")
    for problem in problems:
        print(problem)
    print(f"{len(problems)} problem(s)" if problems else "all strings translated")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
