"""The Overview tab: what a section head reads at a glance, each figure a way into its records.

Numbers come from `db.queries.overview` (aggregates only), counted on a worker
thread: the tab shows its frame at once with a quiet "Counting…" and fills in when
the figures arrive (on a million projects that takes seconds). A refresh while one
is counting stops it; only the newest figures are shown. A click on a figure or a
bar opens the matching tab filtered to it; a double-click on a stalled project
opens that project in the Projects tab.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from db.engine import Database
from db.enums import Recognition, Stage
from db.labels import enum_label
from db.queries import overview
from db.queries.follow_up import AMBER, RED
from desktop.widgets.background import QUICK_S, NewestWins, Progress
from desktop.widgets.formatting import amount_text, date_text

AMBER_COLOUR, RED_COLOUR = QColor("#FFD966"), QColor("#F4A6A6")
LEVEL_COLOURS = {AMBER: AMBER_COLOUR, RED: RED_COLOUR}
BAR_COLOUR = QColor("#4472C4")
CHART_HEIGHT = 280
NOT_YET = "…"  # a figure not counted yet


class QueryInterrupt:
    """Stops the SQLite query a worker is running (sqlite3's interrupt() is meant to be
    called from another thread). Only while the worker holds the connection: once it
    is back in the pool, someone else's query must not be interrupted."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._raw: Any = None

    @contextmanager
    def watching(self, conn) -> Iterator[None]:
        raw = conn.connection.dbapi_connection
        with self._lock:
            self._raw = raw if hasattr(raw, "interrupt") else None  # PostgreSQL: between queries
        try:
            yield
        finally:
            with self._lock:
                self._raw = None

    def __call__(self) -> None:
        with self._lock:
            if self._raw is not None:
                self._raw.interrupt()


def count_figures(
    db: Database, today: date, year: int | None, interrupt: QueryInterrupt, progress: Progress
) -> overview.OverviewFigures | None:
    """The worker's part: every figure of the tab, on its own connection."""
    with db.read() as conn, interrupt.watching(conn):
        return overview.overview_figures(conn, today, year, progress)


def open_filtered(window: Any, kind: str, **values: Any) -> Any:
    """Show the tab of `kind` with its filter bar cleared and set to `values`.

    Values the bar has a combo for (or the year) are set there, so the clerk sees
    them; others (a recognition level) are applied on top of the bar's filter.
    """
    tab = window.show_tab(kind)
    bar = tab.filter_bar
    bar.clear()
    extra = {}
    for field, value in values.items():
        combo = bar.year if field == "year" else bar._combos.get(field)
        if combo is None:
            extra[field] = value
        else:
            combo.setCurrentIndex(max(combo.findData(value), 0))
    if extra:
        tab.apply_filter(replace(bar.current(), **extra))
    return tab


def _figure_button(name: str, parent: QWidget) -> QPushButton:
    button = QPushButton(parent)
    button.setObjectName(f"figure_{name}")
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet("QPushButton { text-align: left; padding: 2px 6px; }")
    return button


class OverviewTab(QWidget):
    kind = "overview"
    count_changed = Signal(int)  # the window connects every tab's; nothing to count here

    def __init__(self, db: Database, window: Any = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.window_ = window
        self.today = date.today()  # tests fix it
        self.figures: dict[str, QPushButton] = {}
        self.charts: dict[str, QChartView] = {}
        self._stale = True  # the figures need counting before they are shown
        self._watching = False
        self._fields: list[int] = []
        self.counter = NewestWins(self, self._show_figures, self._show_failure)
        app = QCoreApplication.instance()
        if app is not None:  # quitting stops a count (the query is interrupted)
            app.aboutToQuit.connect(self.counter.cancel)
        self.setObjectName("tab_overview")
        self._build()

    @classmethod
    def title(cls) -> str:
        return QCoreApplication.translate("OverviewTab", "Overview")

    # --- building --------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addLayout(self._year_row())
        top = QHBoxLayout()
        top.addWidget(self._meetings_box(), 1)
        top.addWidget(self._cases_box(), 2)
        top.addWidget(self._funds_box(), 2)
        top.addWidget(self._follow_up_box(), 1)
        layout.addLayout(top)
        layout.addWidget(self._stages_box())
        charts = QHBoxLayout()
        for name, title in (
            (
                "by_field",
                QCoreApplication.translate(
                    "OverviewTab", "Contracted investment by industry field (万元)"
                ),
            ),
            ("by_stage", QCoreApplication.translate("OverviewTab", "Projects by stage")),
            ("by_month", QCoreApplication.translate("OverviewTab", "Projects signed per month")),
        ):
            charts.addWidget(self._chart_view(name, title), 1)
        layout.addLayout(charts)
        layout.addWidget(self._stalled_box(), 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

    def _year_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("overview_heading")
        self.heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.year = QComboBox(self)
        self.year.setObjectName("overview_year")
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        refresh = QPushButton(QCoreApplication.translate("OverviewTab", "Refresh"), self)
        refresh.setObjectName("overview_refresh")
        refresh.clicked.connect(lambda: self.refresh())
        self.counting = QLabel(self.tr("Counting…"), self)
        self.counting.setObjectName("overview_counting")
        self.counting.setStyleSheet("color: gray; font-style: italic;")
        row.addWidget(self.heading)
        row.addWidget(self.counting)
        row.addStretch(1)  # the year and Refresh stay right, counting or not
        row.addWidget(QLabel(QCoreApplication.translate("OverviewTab", "Year:"), self))
        row.addWidget(self.year)
        row.addWidget(refresh)
        return row

    def _box(self, title: str) -> tuple[QGroupBox, QGridLayout]:
        box = QGroupBox(title, self)
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 4, 6, 4)
        return box, grid

    def _add_figure(self, grid: QGridLayout, name: str, row: int, col: int, slot) -> QPushButton:
        button = _figure_button(name, self)
        button.setText(NOT_YET)
        button.clicked.connect(slot)
        grid.addWidget(button, row, col)
        self.figures[name] = button
        return button

    def _meetings_box(self) -> QGroupBox:
        self.meetings_box, grid = self._box(QCoreApplication.translate("OverviewTab", "Meetings"))
        button = self._add_figure(grid, "meetings", 0, 0, self._open_meetings)
        button.setStyleSheet(button.styleSheet() + " QPushButton { font-size: 18pt; }")
        return self.meetings_box

    def _cases_box(self) -> QGroupBox:
        box, grid = self._box(
            QCoreApplication.translate("OverviewTab", "Cases by recognition level")
        )
        for i, level in enumerate(Recognition):
            self._add_figure(
                grid,
                f"recognition_{level.value}",
                i // 2,
                i % 2,
                lambda _=False, v=level: self._open_cases(v),
            )
        return box

    def _funds_box(self) -> QGroupBox:
        box, grid = self._box(
            QCoreApplication.translate("OverviewTab", "Funds arrived against contracted (万元)")
        )
        self._add_figure(grid, "funds", 0, 0, lambda: open_filtered(self.window_, "projects"))
        self.funds_bar = QProgressBar(self)
        self.funds_bar.setObjectName("funds_bar")
        self.funds_bar.setRange(0, 1000)
        grid.addWidget(self.funds_bar, 1, 0)
        return box

    def _follow_up_box(self) -> QGroupBox:
        box, grid = self._box(QCoreApplication.translate("OverviewTab", "Needs follow-up"))
        for row, level in enumerate((RED, AMBER)):
            button = self._add_figure(
                grid, f"follow_up_{level}", row, 0, lambda _=False, v=level: self._open_follow_up(v)
            )
            colour = LEVEL_COLOURS[level]
            # A flat button paints a background only with a border of its own.
            button.setStyleSheet(
                f"QPushButton {{ text-align: left; padding: 2px 6px; background: {colour.name()};"
                f" border: 1px solid {colour.darker(130).name()}; border-radius: 3px; }}"
            )
        return box

    def _stages_box(self) -> QGroupBox:
        box, grid = self._box(
            QCoreApplication.translate("OverviewTab", "Projects by stage (count · contracted 万元)")
        )
        for i, stage in enumerate(overview.STAGES):
            self._add_figure(
                grid, f"stage_{stage.value}", 0, i, lambda _=False, v=stage: self._open_stage(v)
            )
        return box

    def _chart_view(self, name: str, title: str) -> QChartView:
        chart = QChart()
        chart.setTitle(title)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        chart.setLocalizeNumbers(True)  # 400,000: thousands separators of the window's locale
        view = QChartView(chart, self)
        view.setObjectName(f"chart_{name}")
        view.setRenderHint(QPainter.RenderHint.Antialiasing)
        view.setMinimumHeight(CHART_HEIGHT)
        self.charts[name] = view
        return view

    def _stalled_box(self) -> QGroupBox:
        box = QGroupBox(
            QCoreApplication.translate(
                "OverviewTab", "Red and amber projects (double-click to open)"
            ),
            self,
        )
        self.stalled = QTreeWidget(box)
        self.stalled.setObjectName("stalled")
        self.stalled.setRootIsDecorated(False)
        self.stalled.setHeaderLabels(
            [
                QCoreApplication.translate("OverviewTab", "Warning"),
                QCoreApplication.translate("OverviewTab", "Project"),
                QCoreApplication.translate("OverviewTab", "Stage"),
                QCoreApplication.translate("OverviewTab", "No entry since"),
            ]
        )
        self.stalled.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.stalled.setMinimumHeight(150)
        self.stalled.itemDoubleClicked.connect(self._open_stalled)
        QVBoxLayout(box).addWidget(self.stalled)
        return box

    # --- figures -----------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Figures are counted again only when a record tab reloaded since (on a million
        projects a count takes seconds; flipping between tabs should not)."""
        super().showEvent(event)
        if not self._watching and self.window_ is not None:
            for tab in self.window_.record_tabs():
                tab.count_changed.connect(self.mark_stale)
            self._watching = True
        if self._stale:
            self.refresh()

    def mark_stale(self, *_args) -> None:
        self._stale = True

    def refresh(self) -> None:
        """Count the figures again on a worker thread. The figures shown stay (with
        "Counting…" beside the heading) until the new ones arrive; a refresh while
        one is counting stops that one, and only the newest figures are shown."""
        self._stale = False
        self.heading.setText(
            QCoreApplication.translate("OverviewTab", "Overview as of %1").replace(
                "%1", date_text(self.today)
            )
        )
        self.counting.setText(self.tr("Counting…"))
        self.counting.show()
        db, today, year = self.db, self.today, self.year.currentData()
        interrupt = QueryInterrupt()
        self.counter.run(
            lambda progress: count_figures(db, today, year, interrupt, progress),
            on_cancel=interrupt,
            wait_s=QUICK_S,  # a small ledger's figures come at once, with no flash
        )

    def is_counting(self) -> bool:
        return self.counter.busy()

    def _show_failure(self, exc: BaseException) -> None:
        """Quietly, in place of "Counting…": the rest of the window works on."""
        reason = str(getattr(exc, "orig", None) or exc)  # the driver's words, not the SQL
        self.counting.setText(self.tr("The figures could not be counted: %1").replace("%1", reason))

    def _show_figures(self, figures: overview.OverviewFigures | None) -> None:
        if figures is None:  # stopped without being superseded: nothing to show
            return
        self.counting.hide()
        self._fill_years(figures.latest_year)
        year = figures.year
        self.meetings_box.setTitle(
            QCoreApplication.translate("OverviewTab", "Meetings in %1").replace("%1", str(year))
        )
        self.figures["meetings"].setText(str(figures.meetings))  # the box's title says of what
        for level, n in figures.cases.items():
            self.figures[f"recognition_{level.value}"].setText(f"{enum_label(level)}  {n}")
        self._show_stages(figures.stages)
        self._show_funds(*overview.funds_totals(figures.stages))
        self._show_follow_up(figures.follow_up)
        self._show_stalled(figures.stalled)
        fields = figures.fields
        self._bar_chart("by_field", [(f["name"], float(f["investment"])) for f in fields])
        self._bar_chart("by_stage", [(enum_label(f.stage), f.count) for f in figures.stages])
        self._bar_chart("by_month", [(str(m), n) for m, n in enumerate(figures.months, 1)])
        self._fields = [f["id"] for f in fields]

    def _fill_years(self, latest: int) -> None:
        if self.year.count():
            return
        self.year.blockSignals(True)
        for year in range(max(latest, self.today.year), 1999, -1):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(latest))
        self.year.blockSignals(False)

    def _show_follow_up(self, counts: dict[str, int]) -> None:
        for level in (RED, AMBER):
            text = (
                QCoreApplication.translate("OverviewTab", "Red: %1 projects")
                if level == RED
                else QCoreApplication.translate("OverviewTab", "Amber: %1 projects")
            )
            self.figures[f"follow_up_{level}"].setText(text.replace("%1", str(counts[level])))

    def _show_stages(self, stages: list[overview.StageFigure]) -> None:
        for f in stages:
            text = f"{enum_label(f.stage)}  {f.count}  ·  {amount_text(f.investment)}"
            self.figures[f"stage_{f.stage.value}"].setText(text)

    def _show_funds(self, contracted, arrived) -> None:
        share = (arrived / contracted) if contracted else 0
        text = QCoreApplication.translate("OverviewTab", "%1 of %2 arrived (%3%)")
        text = text.replace("%1", amount_text(arrived)).replace("%2", amount_text(contracted))
        self.figures["funds"].setText(text.replace("%3", f"{share * 100:.1f}"))
        self.funds_bar.setValue(int(min(share, 1) * 1000))
        self.funds_bar.setFormat(f"{share * 100:.1f}%")

    def _show_stalled(self, rows: list[dict]) -> None:
        self.stalled.clear()
        names = {
            RED: QCoreApplication.translate("OverviewTab", "Red"),
            AMBER: QCoreApplication.translate("OverviewTab", "Amber"),
        }
        for r in rows:
            item = QTreeWidgetItem(
                [names[r["level"]], r["name"], enum_label(Stage(r["stage"])), date_text(r["since"])]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, r["id"])
            item.setBackground(0, QBrush(LEVEL_COLOURS[r["level"]]))
            self.stalled.addTopLevelItem(item)
        self.stalled.resizeColumnToContents(0)

    def _bar_chart(self, name: str, points: list[tuple[str, float]]) -> None:
        chart = self.charts[name].chart()
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bars = QBarSet("")
        bars.setColor(BAR_COLOUR)
        bars.setLabelColor(QColor("black"))
        bars.append([value for _c, value in points])
        bars.clicked.connect(lambda index, n=name: self.bar_clicked(n, index))
        series = QBarSeries()
        series.append(bars)
        series.setLabelsVisible(True)
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        series.setLabelsFormat("@value")
        chart.addSeries(series)
        categories = QBarCategoryAxis()
        categories.append([c for c, _v in points])
        chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(categories)
        values = QValueAxis()
        values.setRange(0, (max((v for _c, v in points), default=0) or 1) * 1.15)
        values.applyNiceNumbers()  # whole ticks: 0, 2, 4, 6 rather than 1.5, 3, 4.5
        values.setLabelFormat("%.0f")
        chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(values)

    # --- opening the records behind a figure ---------------------------------------
    def bar_clicked(self, chart: str, index: int) -> None:
        if chart == "by_field" and 0 <= index < len(self._fields):
            open_filtered(self.window_, "projects", field_id=self._fields[index])
        elif chart == "by_stage" and 0 <= index < len(overview.STAGES):
            self._open_stage(overview.STAGES[index])
        elif chart == "by_month":
            open_filtered(self.window_, "projects", year=self.year.currentData())

    def _open_meetings(self) -> None:
        open_filtered(self.window_, "meetings", year=self.year.currentData())

    def _open_cases(self, level: Recognition) -> None:
        open_filtered(self.window_, "cases", recognition=level.value)

    def _open_stage(self, stage: Stage) -> None:
        open_filtered(self.window_, "projects", stage=stage)

    def _open_follow_up(self, level: str) -> None:
        open_filtered(self.window_, "projects", follow_up=level)

    def _open_stalled(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        project_id = item.data(0, Qt.ItemDataRole.UserRole)
        tab = open_filtered(self.window_, "projects")
        row = tab.model.row_of(project_id)
        if row >= 0:
            tab.select_row(row)
