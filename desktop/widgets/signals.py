"""Emitting our own signals without PySide6 6.12.0's reference bug.

With PySide6 6.12.0, every `SignalInstance.emit()` called from Python drops one
reference to `True` (sys.getrefcount(True) falls by one per call, connected or not),
so a long session or test run ends in "Fatal Python error: bool_dealloc". Signals
emitted by Qt itself, and signals invoked through the meta-object system, do not.
Emit through here; connect as usual.
"""

from __future__ import annotations

from PySide6.QtCore import Q_ARG, QMetaObject, QObject, Qt


def emit(sender: QObject, signal: str, *ints: int) -> None:
    """Emit `sender.<signal>` (declared Signal() or Signal(int, ...)) synchronously."""
    args = [Q_ARG(int, value) for value in ints]
    QMetaObject.invokeMethod(sender, signal, Qt.ConnectionType.DirectConnection, *args)
