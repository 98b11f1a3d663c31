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
        text.setFixedWidth(560)  # wrapped text needs a width to work out its height
        text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
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
        heading.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading)
        centred = QHBoxLayout()  # stretches, not an alignment flag: keeps height-for-width
        centred.addStretch(1)
        centred.addWidget(text)
        centred.addStretch(1)
        layout.addLayout(centred)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addStretch(3)
