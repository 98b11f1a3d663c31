"""What an empty ledger shows first: a welcome with "Load sample records" and "New meeting"."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    load_samples = Signal()
    new_meeting = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty_state")
        heading = QLabel(self.tr("This ledger has no records yet"), self)
        heading.setProperty("role", "heading")
        text = QLabel(
            self.tr(
                "Start by entering the meeting you attended, or load the sample records from the "
                "December 2024 Sichuan–Chongqing meeting in Yongchuan to see how everything fits."
            ),
            self,
        )
        text.setWordWrap(True)
        text.setMaximumWidth(560)
        self.samples_button = QPushButton(self.tr("Load sample records"), self)
        self.samples_button.setObjectName("load_samples")
        self.new_button = QPushButton(self.tr("New meeting"), self)
        self.new_button.setObjectName("new_meeting")
        self.new_button.setDefault(True)
        self.samples_button.clicked.connect(self.load_samples)
        self.new_button.clicked.connect(self.new_meeting)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.samples_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (heading, text):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
            widget.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
