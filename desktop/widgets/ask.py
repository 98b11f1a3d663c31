"""Every question and notice the window puts to the clerk, in one place.

Tests replace these functions (monkeypatch) so no modal box ever blocks a run.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Yes/No, with No as the default (deleting should take a deliberate key)."""
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def inform(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.information(parent, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> None:
    QMessageBox.warning(parent, title, text)


def choose(parent: QWidget | None, title: str, text: str, items: list[str]) -> int | None:
    """One of the items (its index), or None when the clerk cancels."""
    item, ok = QInputDialog.getItem(parent, title, text, items, 0, False)
    return items.index(item) if ok and item in items else None


def conflict(parent: QWidget | None, text: str) -> str:
    """'reload' or 'keep': what to do when the record changed elsewhere."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ask", "Changed elsewhere"),
        text,
        parent=parent,
    )
    reload_button = box.addButton(
        QCoreApplication.translate("ask", "Reload"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(
        QCoreApplication.translate("ask", "Keep my text"), QMessageBox.ButtonRole.AcceptRole
    )
    box.setDefaultButton(keep)
    box.exec()
    return "reload" if box.clickedButton() is reload_button else "keep"


def discard_changes(parent: QWidget | None) -> bool:
    """Closing a form with unsaved edits: True to throw them away."""
    return confirm(
        parent,
        QCoreApplication.translate("ask", "Unsaved changes"),
        QCoreApplication.translate(
            "ask", "This form has changes that are not saved. Close it and lose them?"
        ),
    )
