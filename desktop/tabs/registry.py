"""The record tabs in window order. A later tab (an Overview) is inserted by adding it here."""

from __future__ import annotations

from desktop.tabs.alliances import AlliancesTab
from desktop.tabs.base import RecordTab
from desktop.tabs.cases import CasesTab
from desktop.tabs.meetings import MeetingsTab
from desktop.tabs.projects import ProjectsTab

TABS: list[type[RecordTab]] = [MeetingsTab, CasesTab, ProjectsTab, AlliancesTab]
