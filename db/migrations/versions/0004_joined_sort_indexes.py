"""Indexes for sorting projects by their investor, meeting, responsible unit, field or stage.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27

A list sorted by a joined record's name walks that record's table in name order
(the small table outside) and, for each row, its live projects through an index
led by the foreign key and deleted_at (db/queries/lists.py). Such an index holds
the project's id after its columns, so each record's projects come in id order:
the whole list comes without sorting a million rows. The same index answers the
foreign-key lookups the single-column index of 0001 answered, which goes.

The stage sort is a CASE over the stage (the forward order of a project's life,
terminated last): an index on that expression, after deleted_at, gives the order
by walking it. SQLite uses an index on an expression only when the query writes
the same expression, literals and all (lists.py builds it from the same stages);
PostgreSQL wants it in parentheses, which SQLite ignores.

project.deleted_at's own index goes too: every index 0003 made starts with
deleted_at and serves whatever it served.
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

STAGE_RANK = (
    "CASE stage WHEN 'signed' THEN 0 WHEN 'registered' THEN 1 WHEN 'construction' THEN 2 "
    "WHEN 'production' THEN 3 WHEN 'target' THEN 4 WHEN 'terminated' THEN 5 END"
)

# (name, table, columns): made by this revision.
INDEXES = [
    ("ix_project_by_investor", "project", ["investor_id", "deleted_at"]),
    ("ix_project_by_meeting", "project", ["meeting_id", "deleted_at"]),
    ("ix_project_by_responsible", "project", ["responsible_unit_id", "deleted_at"]),
    ("ix_project_by_field", "project", ["field_id", "deleted_at"]),
    ("ix_meeting_title", "meeting", ["title"]),
    ("ix_industry_field_name_zh", "industry_field", ["name_zh"]),
    ("ix_industry_field_name_en", "industry_field", ["name_en"]),
]

# (name, table, columns): made by 0001, now served by an index above or of 0003.
REPLACED = [
    ("ix_project_investor_id", "project", ["investor_id"]),
    ("ix_project_meeting_id", "project", ["meeting_id"]),
    ("ix_project_responsible_unit_id", "project", ["responsible_unit_id"]),
    ("ix_project_field_id", "project", ["field_id"]),
    ("ix_project_deleted_at", "project", ["deleted_at"]),
]


def upgrade() -> None:
    for name, table, _columns in REPLACED:
        op.drop_index(name, table_name=table)
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.create_index(
        "ix_project_live_stage_rank", "project", ["deleted_at", sa.text(f"({STAGE_RANK})")]
    )


def downgrade() -> None:
    op.drop_index("ix_project_live_stage_rank", table_name="project")
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
    for name, table, columns in REPLACED:
        op.create_index(name, table, columns)
