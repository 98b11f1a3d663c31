"""The tabs in window order: the Overview first, then the record tabs."""

from __future__ import annotations

from desktop.tabs.alliances import AlliancesTab
from desktop.tabs.base import RecordTab
from desktop.tabs.cases import CasesTab
from desktop.tabs.meetings import MeetingsTab
from desktop.tabs.overview import OverviewTab
from desktop.tabs.projects import ProjectsTab

TABS: list[type[RecordTab] | type[OverviewTab]] = [
    OverviewTab,
    MeetingsTab,
    CasesTab,
    ProjectsTab,
    AlliancesTab,
]
