"""Workflow states and fixed vocabularies, kept in code (DESIGN.md: enums, not reference tables)."""

from __future__ import annotations

from enum import StrEnum


class Province(StrEnum):
    SICHUAN = "sichuan"
    CHONGQING = "chongqing"
    OTHER = "other"


class UnitKind(StrEnum):
    GOVERNMENT = "government"
    DISTRICT_GOVERNMENT = "district_government"
    FTZ_AREA = "ftz_area"
    REFORM_PILOT_AREA = "reform_pilot_area"
    INNOVATION_ZONE = "innovation_zone"
    ENTERPRISE = "enterprise"
    ASSOCIATION = "association"
    OTHER = "other"


class HostRole(StrEnum):
    HOST = "host"
    ORGANISER = "organiser"
    CO_ORGANISER = "co_organiser"


class LeaderRole(StrEnum):
    SPEECH = "speech"
    PRESIDED = "presided"
    ATTENDED = "attended"


class AgendaKind(StrEnum):
    SPEECH = "speech"
    CASE_RELEASE = "case_release"
    PROJECT_SIGNING = "project_signing"
    PRESENTATION = "presentation"
    CEREMONY = "ceremony"
    OTHER = "other"


class CaseScope(StrEnum):
    SICHUAN = "sichuan"
    CHONGQING = "chongqing"
    JOINT = "joint"


class Recognition(StrEnum):
    NONE = "none"
    SHOWCASED = "showcased"
    PROVINCE = "province"
    NATIONAL = "national"
    MOFCOM_BEST = "mofcom_best"


RECOGNITION_WITH_BATCH = (Recognition.NATIONAL, Recognition.MOFCOM_BEST)


class CaseUnitRole(StrEnum):
    LEAD = "lead"
    PARTICIPANT = "participant"


class InvestorOrigin(StrEnum):
    ABROAD = "abroad"
    OTHER_PROVINCE = "other_province"
    IN_PROVINCE = "in_province"
    LOCAL = "local"


class ProjectType(StrEnum):
    NEW = "new"
    EXPANSION = "expansion"


class Stage(StrEnum):
    SIGNED = "signed"
    REGISTERED = "registered"
    CONSTRUCTION = "construction"
    PRODUCTION = "production"
    TARGET = "target"
    TERMINATED = "terminated"


# Forward order of a project's life; terminated stands outside it.
STAGE_ORDER: tuple[Stage, ...] = (
    Stage.SIGNED,
    Stage.REGISTERED,
    Stage.CONSTRUCTION,
    Stage.PRODUCTION,
    Stage.TARGET,
)


def stage_rank(stage: Stage) -> int:
    """Position of a stage in the forward order; terminated ranks after all."""
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else len(STAGE_ORDER)
