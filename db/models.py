"""The whole data model: SQLAlchemy 2.x typed declarative classes.

Every top-level record carries the common columns of DESIGN.md (uuid, audit stamps,
an optimistic-locking version and a recycle-bin timestamp). Child rows that only
exist as part of their parent (hosts, leaders, agenda items, case units) are replaced
with the parent and audited through it.
"""

from __future__ import annotations

import uuid as uuid_lib
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    Enum,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column, relationship

from db.enums import (
    AgendaKind,
    CaseScope,
    CaseUnitRole,
    HostRole,
    InvestorOrigin,
    LeaderRole,
    ProjectType,
    Province,
    Recognition,
    Stage,
    UnitKind,
)

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

AMOUNT = Numeric(14, 2, asdecimal=True)
TITLE_MAX = 500
NAME_MAX = 200
TEXT_MAX = 20000


def enum_column(enum_cls: type[StrEnum], name: str) -> Enum:
    """A portable enum: VARCHAR plus a CHECK constraint, storing the values."""
    return Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=24,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RecordMixin:
    """Columns every record has (DESIGN.md: the domain)."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(
        String(36), unique=True, default=lambda: str(uuid_lib.uuid4())
    )
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[str] = mapped_column(String(64))
    updated_by: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer, default=1)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:  # noqa: N805
        return {"version_id_col": cls.__table__.c.version}


# --- reference tables ---------------------------------------------------------


class ReferenceMixin(RecordMixin):
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name_zh: Mapped[str] = mapped_column(String(NAME_MAX))
    name_en: Mapped[str] = mapped_column(String(NAME_MAX))
    sort_order: Mapped[int] = mapped_column(Integer, default=0)


class MeetingKind(ReferenceMixin, Base):
    __tablename__ = "meeting_kind"


class CaseCategory(ReferenceMixin, Base):
    __tablename__ = "case_category"


class IndustryField(ReferenceMixin, Base):
    __tablename__ = "industry_field"
    # Sorting projects by field walks these (revision 0004).
    __table_args__ = (
        Index("ix_industry_field_name_zh", "name_zh"),
        Index("ix_industry_field_name_en", "name_en"),
    )


class MemberKind(ReferenceMixin, Base):
    __tablename__ = "member_kind"


REFERENCE_MODELS: dict[str, type[ReferenceMixin]] = {
    "meeting_kind": MeetingKind,
    "case_category": CaseCategory,
    "industry_field": IndustryField,
    "member_kind": MemberKind,
}


# --- units --------------------------------------------------------------------


class Unit(RecordMixin, Base):
    __tablename__ = "unit"
    __table_args__ = (Index("ix_unit_live_name", "deleted_at", "name"),)

    name: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(NAME_MAX), index=True)
    kind: Mapped[UnitKind] = mapped_column(enum_column(UnitKind, "unit_kind"))
    province: Mapped[Province] = mapped_column(enum_column(Province, "province"))
    city: Mapped[str | None] = mapped_column(String(NAME_MAX))
    district: Mapped[str | None] = mapped_column(String(NAME_MAX))


# --- meetings -----------------------------------------------------------------


class Meeting(RecordMixin, Base):
    __tablename__ = "meeting"
    __table_args__ = (
        CheckConstraint("end_date >= start_date", name="end_after_start"),
        Index("ix_meeting_start_date", "start_date"),
        Index("ix_meeting_live_start", "deleted_at", "start_date"),
        Index("ix_meeting_title", "title"),
    )

    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    kind_id: Mapped[int] = mapped_column(ForeignKey("meeting_kind.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date] = mapped_column(Date)
    city: Mapped[str | None] = mapped_column(String(NAME_MAX))
    district: Mapped[str | None] = mapped_column(String(NAME_MAX))
    venue: Mapped[str | None] = mapped_column(String(NAME_MAX))
    summary: Mapped[str | None] = mapped_column(Text)
    source_publisher: Mapped[str | None] = mapped_column(String(NAME_MAX))
    source_date: Mapped[date | None] = mapped_column(Date)
    source_ref: Mapped[str | None] = mapped_column(String(TITLE_MAX))

    kind: Mapped[MeetingKind] = relationship()
    hosts: Mapped[list[MeetingHost]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingHost.seq",
    )
    leaders: Mapped[list[MeetingLeader]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="MeetingLeader.seq",
    )
    agenda: Mapped[list[AgendaItem]] = relationship(
        back_populates="meeting",
        cascade="all, delete-orphan",
        order_by="AgendaItem.seq",
    )


class MeetingHost(Base):
    __tablename__ = "meeting_host"
    __table_args__ = (UniqueConstraint("meeting_id", "unit_id", name="uq_meeting_host_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    role: Mapped[HostRole] = mapped_column(enum_column(HostRole, "host_role"))
    seq: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="hosts")
    unit: Mapped[Unit] = relationship()


class MeetingLeader(Base):
    __tablename__ = "meeting_leader"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(NAME_MAX))
    position: Mapped[str | None] = mapped_column(String(TITLE_MAX))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"), index=True)
    role: Mapped[LeaderRole] = mapped_column(enum_column(LeaderRole, "leader_role"))
    seq: Mapped[int] = mapped_column(Integer, default=0)

    meeting: Mapped[Meeting] = relationship(back_populates="leaders")
    unit: Mapped[Unit | None] = relationship()


class AgendaItem(Base):
    __tablename__ = "agenda_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    meeting_id: Mapped[int] = mapped_column(
        ForeignKey("meeting.id", ondelete="CASCADE"), index=True
    )
    seq: Mapped[int] = mapped_column(Integer)
    kind: Mapped[AgendaKind] = mapped_column(enum_column(AgendaKind, "agenda_kind"))
    text: Mapped[str] = mapped_column(String(TITLE_MAX))

    meeting: Mapped[Meeting] = relationship(back_populates="agenda")


# --- cases --------------------------------------------------------------------


class Case(RecordMixin, Base):
    __tablename__ = "case_record"
    __table_args__ = (
        CheckConstraint(
            "recognition_batch IS NULL OR recognition_batch >= 1", name="batch_positive"
        ),
        Index("ix_case_record_live_launch", "deleted_at", "launch_date"),
    )

    title: Mapped[str] = mapped_column(String(TITLE_MAX))
    code: Mapped[str | None] = mapped_column(String(60), unique=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("case_category.id"), index=True)
    scope: Mapped[CaseScope] = mapped_column(enum_column(CaseScope, "case_scope"))
    launch_date: Mapped[date | None] = mapped_column(Date, index=True)
    summary: Mapped[str | None] = mapped_column(Text)
    results: Mapped[str | None] = mapped_column(Text)
    recognition: Mapped[Recognition] = mapped_column(
        enum_column(Recognition, "recognition"), default=Recognition.NONE
    )
    recognition_batch: Mapped[int | None] = mapped_column(Integer)
    recognition_date: Mapped[date | None] = mapped_column(Date)

    category: Mapped[CaseCategory] = relationship()
    units: Mapped[list[CaseUnit]] = relationship(
        back_populates="case", cascade="all, delete-orphan", order_by="CaseUnit.seq"
    )
    showcases: Mapped[list[CaseMeeting]] = relationship(
        back_populates="case", cascade="all, delete-orphan"
    )


class CaseUnit(Base):
    __tablename__ = "case_unit"
    __table_args__ = (UniqueConstraint("case_id", "unit_id", name="uq_case_unit_unit"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_record.id", ondelete="CASCADE"), index=True
    )
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    role: Mapped[CaseUnitRole] = mapped_column(enum_column(CaseUnitRole, "case_unit_role"))
    seq: Mapped[int] = mapped_column(Integer, default=0)

    case: Mapped[Case] = relationship(back_populates="units")
    unit: Mapped[Unit] = relationship()


class CaseMeeting(Base):
    """A case showcased at a meeting."""

    __tablename__ = "case_meeting"
    __table_args__ = (UniqueConstraint("case_id", "meeting_id", name="uq_case_meeting_pair"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(
        ForeignKey("case_record.id", ondelete="CASCADE"), index=True
    )
    meeting_id: Mapped[int] = mapped_column(ForeignKey("meeting.id"), index=True)

    case: Mapped[Case] = relationship(back_populates="showcases")
    meeting: Mapped[Meeting] = relationship()


# --- projects -----------------------------------------------------------------

# A project's place in the stage order (db.enums.STAGE_ORDER, terminated last), as
# the list sorts by it. SQLite uses an index on an expression only for the very
# same expression, literals included, so db/queries/lists.py writes it alike.
STAGE_RANK_SQL = (
    "CASE stage WHEN 'signed' THEN 0 WHEN 'registered' THEN 1 WHEN 'construction' THEN 2 "
    "WHEN 'production' THEN 3 WHEN 'target' THEN 4 WHEN 'terminated' THEN 5 END"
)


# Every column the Overview's one pass over the projects reads, led by deleted_at.
OVERVIEW_COLUMNS = (
    "deleted_at",
    "stage",
    "field_id",
    "last_progress_date",
    "signed_date",
    "investment",
    "funds_arrived",
)


class Project(RecordMixin, Base):
    __tablename__ = "project"
    __table_args__ = (
        CheckConstraint("investment >= 0", name="investment_not_negative"),
        CheckConstraint("funds_arrived >= 0", name="funds_not_negative"),
        Index("ix_project_signed_date", "signed_date"),
        Index("ix_project_investor_name_key", "investor_id", "name_key"),
        # The lists' default sort and common filters (revision 0003).
        Index("ix_project_live_signed", "deleted_at", "signed_date"),
        Index("ix_project_live_stage", "deleted_at", "stage", "signed_date"),
        Index("ix_project_live_field", "deleted_at", "field_id", "signed_date"),
        Index("ix_project_live_investment", "deleted_at", "investment"),
        Index("ix_project_live_name", "deleted_at", "name"),
        Index("ix_project_live_code", "deleted_at", "code"),
        Index("ix_project_live_origin", "deleted_at", "investor_origin"),
        Index("ix_project_live_locality", "deleted_at", "host_locality"),
        Index("ix_project_live_type", "deleted_at", "project_type"),
        Index("ix_project_live_funds", "deleted_at", "funds_arrived"),
        Index("ix_project_live_progress", "deleted_at", "last_progress_date"),
        # Sorting by a joined record: its projects by foreign key, in id order (0004).
        Index("ix_project_by_investor", "investor_id", "deleted_at"),
        Index("ix_project_by_meeting", "meeting_id", "deleted_at"),
        Index("ix_project_by_responsible", "responsible_unit_id", "deleted_at"),
        Index("ix_project_by_field", "field_id", "deleted_at"),
        Index("ix_project_live_stage_rank", "deleted_at", text(f"({STAGE_RANK_SQL})")),
        # The Overview counts a million projects from these alone (revision 0005).
        Index("ix_project_live_overview", *OVERVIEW_COLUMNS),
        Index(
            "ix_project_live_never_logged",
            "deleted_at",
            "signed_date",
            sqlite_where=text("last_progress_date IS NULL"),
            postgresql_where=text("last_progress_date IS NULL"),
        ),
        Index(
            "ix_project_deleted_signed",
            "signed_date",
            sqlite_where=text("deleted_at IS NOT NULL"),
            postgresql_where=text("deleted_at IS NOT NULL"),
        ),
    )

    # No index of its own: every ix_project_live_* index starts with it (0004).
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime)
    name: Mapped[str] = mapped_column(String(TITLE_MAX))
    # Name folded for the duplicate check (case, width and spaces ignored).
    name_key: Mapped[str] = mapped_column(String(TITLE_MAX))
    code: Mapped[str | None] = mapped_column(String(60), unique=True)
    is_sample: Mapped[bool] = mapped_column(default=False)
    investor_id: Mapped[int] = mapped_column(ForeignKey("unit.id"))
    investor_origin: Mapped[InvestorOrigin] = mapped_column(
        enum_column(InvestorOrigin, "investor_origin")
    )
    field_id: Mapped[int] = mapped_column(ForeignKey("industry_field.id"))
    host_locality: Mapped[str | None] = mapped_column(String(NAME_MAX))
    project_type: Mapped[ProjectType] = mapped_column(enum_column(ProjectType, "project_type"))
    investment: Mapped[Decimal] = mapped_column(AMOUNT)
    funds_arrived: Mapped[Decimal] = mapped_column(AMOUNT, default=Decimal("0"))
    signed_date: Mapped[date] = mapped_column(Date)
    meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    stage: Mapped[Stage] = mapped_column(enum_column(Stage, "stage"), default=Stage.SIGNED)
    terminated_reason: Mapped[str | None] = mapped_column(String(TITLE_MAX))
    responsible_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    responsible_person: Mapped[str | None] = mapped_column(String(NAME_MAX))
    phone: Mapped[str | None] = mapped_column(String(40))
    last_progress_date: Mapped[date | None] = mapped_column(Date, index=True)

    investor: Mapped[Unit] = relationship(foreign_keys=[investor_id])
    responsible_unit: Mapped[Unit | None] = relationship(foreign_keys=[responsible_unit_id])
    field: Mapped[IndustryField] = relationship()
    meeting: Mapped[Meeting | None] = relationship()
    # Owned: purging a project from the recycle bin takes its log with it.
    progress: Mapped[list[ProgressEntry]] = relationship(
        back_populates="project",
        order_by="(ProgressEntry.entry_date, ProgressEntry.id)",
        cascade="all, delete-orphan",
    )


class ProgressEntry(RecordMixin, Base):
    __tablename__ = "progress_entry"
    __table_args__ = (
        CheckConstraint("funds_arrived IS NULL OR funds_arrived >= 0", name="funds_not_negative"),
        Index("ix_progress_entry_project_date", "project_id", "entry_date"),
    )

    project_id: Mapped[int] = mapped_column(ForeignKey("project.id"))
    entry_date: Mapped[date] = mapped_column(Date)
    stage: Mapped[Stage] = mapped_column(enum_column(Stage, "stage"))
    description: Mapped[str] = mapped_column(Text)
    problems: Mapped[str | None] = mapped_column(Text)
    funds_arrived: Mapped[Decimal | None] = mapped_column(AMOUNT)

    project: Mapped[Project] = relationship(back_populates="progress")


# --- alliances ----------------------------------------------------------------


class Alliance(RecordMixin, Base):
    __tablename__ = "alliance"
    __table_args__ = (Index("ix_alliance_live_founded", "deleted_at", "founded_date"),)

    name: Mapped[str] = mapped_column(String(NAME_MAX), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(NAME_MAX))
    founded_date: Mapped[date | None] = mapped_column(Date)
    founding_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))
    secretariat_unit_id: Mapped[int | None] = mapped_column(ForeignKey("unit.id"))
    description: Mapped[str | None] = mapped_column(Text)

    founding_meeting: Mapped[Meeting | None] = relationship()
    secretariat: Mapped[Unit | None] = relationship()
    # Owned: purging an alliance takes its members and chair terms with it.
    members: Mapped[list[AllianceMember]] = relationship(
        back_populates="alliance", order_by="AllianceMember.id", cascade="all, delete-orphan"
    )
    chair_terms: Mapped[list[ChairTerm]] = relationship(
        back_populates="alliance", order_by="ChairTerm.start_date", cascade="all, delete-orphan"
    )


class AllianceMember(RecordMixin, Base):
    __tablename__ = "alliance_member"
    __table_args__ = (
        CheckConstraint(
            "left_date IS NULL OR joined_date IS NULL OR left_date >= joined_date",
            name="left_after_joined",
        ),
    )

    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    member_kind_id: Mapped[int | None] = mapped_column(ForeignKey("member_kind.id"))
    joined_date: Mapped[date | None] = mapped_column(Date)
    left_date: Mapped[date | None] = mapped_column(Date)
    contact_person: Mapped[str | None] = mapped_column(String(NAME_MAX))
    contact_phone: Mapped[str | None] = mapped_column(String(40))

    alliance: Mapped[Alliance] = relationship(back_populates="members")
    unit: Mapped[Unit] = relationship()
    member_kind: Mapped[MemberKind | None] = relationship()


class ChairTerm(RecordMixin, Base):
    __tablename__ = "chair_term"
    __table_args__ = (
        CheckConstraint("end_date IS NULL OR end_date >= start_date", name="end_after_start"),
    )

    alliance_id: Mapped[int] = mapped_column(ForeignKey("alliance.id"), index=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("unit.id"), index=True)
    start_date: Mapped[date] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    handover_meeting_id: Mapped[int | None] = mapped_column(ForeignKey("meeting.id"))

    alliance: Mapped[Alliance] = relationship(back_populates="chair_terms")
    unit: Mapped[Unit] = relationship()
    handover_meeting: Mapped[Meeting | None] = relationship()


# --- audit, settings, metadata ------------------------------------------------


class AuditLog(Base):
    __tablename__ = "audit_log"
    __table_args__ = (Index("ix_audit_log_record", "record_type", "record_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    record_type: Mapped[str] = mapped_column(String(40))
    record_id: Mapped[int] = mapped_column(Integer)
    record_uuid: Mapped[str] = mapped_column(String(36))
    action: Mapped[str] = mapped_column(String(16))
    at: Mapped[datetime] = mapped_column(DateTime)
    by: Mapped[str] = mapped_column(String(64))
    # JSON object: field -> [old, new]
    changes: Mapped[str] = mapped_column(Text)


class Setting(Base):
    """Database-wide settings that reports and services read (no Qt here)."""

    __tablename__ = "setting"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


RECORD_MODELS: dict[str, type[RecordMixin]] = {
    "unit": Unit,
    "meeting": Meeting,
    "case": Case,
    "project": Project,
    "progress": ProgressEntry,
    "alliance": Alliance,
    "member": AllianceMember,
    "chair_term": ChairTerm,
    **REFERENCE_MODELS,
}
