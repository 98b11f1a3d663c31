"""The window's language: which one, its Qt translators, its locale and its fonts.

Chinese for a zh_* system locale, English otherwise (db.lang.system_language);
the clerk's choice in Settings (QSettings "ui/language") wins over the locale and
`--lang` wins over both. The same choice drives db.lang, so field labels, enum
names, validation messages and reports speak the window's language.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QFontInfo
from PySide6.QtWidgets import QApplication

from db import lang as db_lang
from desktop.widgets.settings import settings

LANGUAGE_KEY = "ui/language"
APP_CATALOGUE = "ftz_ledger"
QT_CATALOGUE = "qtbase"
QM_SUFFIX = {"zh": "zh_CN", "en": "en"}
# Fonts Windows, macOS and Linux ship that cover Simplified Chinese, best first.
CJK_FONTS = (
    "Microsoft YaHei UI",
    "Microsoft YaHei",
    "PingFang SC",
    "Noto Sans CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
    "SimSun",
)

_installed: list[QTranslator] = []


def translations_dir() -> Path:
    """resources/translations beside the package (PyInstaller puts it under _MEIPASS)."""
    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))
    return base / "resources" / "translations"


# --- choosing ------------------------------------------------------------------
def stored_language() -> str | None:
    """The clerk's choice from Settings, or None to follow the system locale."""
    value = settings().value(LANGUAGE_KEY, "")
    return value if value in db_lang.SUPPORTED else None


def store_language(lang: str | None) -> None:
    """Remember the choice (None: follow the system locale again)."""
    if lang is not None and lang not in db_lang.SUPPORTED:
        raise ValueError(f"unsupported language {lang!r}")
    settings().setValue(LANGUAGE_KEY, lang or "")


def choose_language(command_line: str | None = None) -> str:
    """--lang, else the Settings choice, else the system locale."""
    return command_line or stored_language() or db_lang.system_language()


# --- applying --------------------------------------------------------------------
def ui_locale(lang: str | None = None) -> QLocale:
    if (lang or db_lang.current_language()) == "zh":
        return QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    return QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)


def set_language(lang: str) -> None:
    """Switch db.lang, the default QLocale and the installed translators to lang.

    Widgets built afterwards speak the new language; open ones keep their texts
    (the window applies a change on its next start).
    """
    db_lang.set_language(lang)
    QLocale.setDefault(ui_locale(lang))
    app = QCoreApplication.instance()
    if app is not None:
        install_translators(app, lang)
    if isinstance(app, QApplication):
        app.setApplicationDisplayName(QCoreApplication.translate("i18n", "FTZ Ledger"))


def remove_translators(app: QCoreApplication) -> None:
    """Back to the sources' English (tests; a language switch)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Replace the ledger's and Qt's own translators by those of lang."""
    remove_translators(app)
    wanted = [(APP_CATALOGUE, [str(translations_dir())])]
    if lang == "zh":
        wanted.append((QT_CATALOGUE, qt_translations_dirs()))
    for name, folders in wanted:
        translator = QTranslator(app)
        if any(translator.load(f"{name}_{QM_SUFFIX[lang]}", folder) for folder in folders):
            app.installTranslator(translator)
            _installed.append(translator)
    return list(_installed)


def qt_translations_dirs() -> list[str]:
    """Where Qt's own catalogues are: Qt's answer, else beside the PySide6 package (frozen)."""
    import PySide6

    package = Path(PySide6.__file__).resolve().parent
    return [
        QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath),
        str(package / "Qt" / "translations"),
        str(package / "translations"),
    ]


# --- fonts -------------------------------------------------------------------------
def lacks_cjk(font: QFont) -> bool:
    """Whether none of the font's families has Simplified Chinese glyphs.

    (QFontMetrics.inFont would say yes: it counts the system's own fallbacks,
    which on Windows may be a bitmap font or boxes.)
    """
    chinese = QFontDatabase.WritingSystem.SimplifiedChinese
    # QFontInfo resolves aliases such as "Sans Serif"; the rest are the font's own fallbacks.
    families = [QFontInfo(font).family(), *font.families()]
    return not any(chinese in QFontDatabase.writingSystems(name) for name in families)


def cjk_family() -> str | None:
    """The first installed family of CJK_FONTS."""
    installed = set(QFontDatabase.families())
    return next((name for name in CJK_FONTS if name in installed), None)


def ensure_cjk_font(app: QApplication) -> QFont:
    """Append a CJK family to the application font when its own family lacks the glyphs."""
    font = app.font()
    family = cjk_family()
    families = font.families() or [font.family()]
    if family is not None and lacks_cjk(font) and family not in families:
        font.setFamilies([*families, family])
        QFont.insertSubstitution(font.family(), family)
        app.setFont(font)
    return app.font()
