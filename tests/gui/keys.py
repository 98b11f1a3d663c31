"""Typing in tests as a keyboard does: QTest.keyClicks handles Latin-1 only (it aborts
on 年 or 会), so other characters go as key events carrying their text, the way an
input method's committed characters reach a line edit."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def type_text(widget: QWidget, text: str) -> None:
    """Type text into widget, one key event per character."""
    for char in text:
        if char.isascii() and char.isprintable():
            QTest.keyClicks(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)


def type_here(text: str) -> None:
    """Type into whatever has the keyboard focus now (as a clerk does)."""
    type_text(QApplication.focusWidget(), text)
