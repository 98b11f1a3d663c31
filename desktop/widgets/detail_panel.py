"""The panel beside a table that shows the selected record with its related records.

Tabs describe a record with the small HTML builder below; the panel only shows it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from html import escape
from typing import Any

from PySide6.QtWidgets import QTextBrowser, QWidget

from db.labels import label


def _cell(value: Any) -> str:
    return escape("" if value is None else str(value)).replace("\n", "<br>")


class DetailHtml:
    """Collects the parts of a record's description as HTML."""

    def __init__(self, title: str) -> None:
        self.parts = [f"<h2>{_cell(title)}</h2>"]

    def fields(self, pairs: Iterable[tuple[str, Any]]) -> DetailHtml:
        """Rows of label key (db.labels) and value; empty values are left out."""
        rows = [
            f"<tr><th align='left'>{_cell(label(key))}</th><td>{_cell(value)}</td></tr>"
            for key, value in pairs
            if value not in (None, "")
        ]
        if rows:
            self.parts.append(f"<table cellspacing='4'>{''.join(rows)}</table>")
        return self

    def section(self, heading: str) -> DetailHtml:
        self.parts.append(f"<h3>{_cell(heading)}</h3>")
        return self

    def table(
        self, header_keys: Sequence[str], rows: Iterable[Sequence[Any]], empty: str
    ) -> DetailHtml:
        rows = list(rows)
        if not rows:
            self.parts.append(f"<p class='empty'>{_cell(empty)}</p>")
            return self
        head = "".join(f"<th align='left'>{_cell(label(k))}</th>" for k in header_keys)
        body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in r) + "</tr>" for r in rows)
        self.parts.append(
            f"<table border='1' cellspacing='0' cellpadding='3' width='100%'>"
            f"<tr>{head}</tr>{body}</table>"
        )
        return self

    def paragraph(self, text: str) -> DetailHtml:
        self.parts.append(f"<p>{_cell(text)}</p>")
        return self

    def html(self) -> str:
        return "".join(self.parts)


class DetailPanel(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self.setOpenLinks(False)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml(
            f"<p class='empty'>{_cell(self.tr('Select a record to see its details.'))}</p>"
        )

    def show_html(self, html: str) -> None:
        self.setHtml(html)
