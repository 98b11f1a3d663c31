"""Indexes for the lists' default sorts and filters; search for words of 1–2 characters.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27

Indexes: each list asks `WHERE deleted_at IS NULL ORDER BY <default sort>, id`;
an index led by deleted_at and followed by the sort columns lets SQLite walk it in
order (the row id is in every index), so the ids of a million projects come
without a sort. Stage and industry-field filters get the same shape.

Short words (SQLite only): the trigram index of 0002 cannot see words of fewer
than three characters, common in Chinese (能源, 永川), which fell back to a LIKE
scan of every project. project_fts_chars holds the same text with every character
a token of its own (unicode61 tokenizer over the characters joined by spaces), and
a word is looked up as a phrase of its characters: adjacent tokens, i.e. the
substring. Triggers keep it in step in plain SQL (any program writing the file
keeps it right): the text is split with project_fts_positions, a table of the
numbers 1..TEXT_MAX.
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (name, table, columns): the default sort of each list and the common filters.
INDEXES = [
    ("ix_project_live_signed", "project", ["deleted_at", "signed_date"]),
    ("ix_project_live_stage", "project", ["deleted_at", "stage", "signed_date"]),
    ("ix_project_live_field", "project", ["deleted_at", "field_id", "signed_date"]),
    ("ix_project_live_investment", "project", ["deleted_at", "investment"]),
    # Sorting a million projects by one of their own columns: an index walk, not a sort.
    ("ix_project_live_name", "project", ["deleted_at", "name"]),
    ("ix_project_live_code", "project", ["deleted_at", "code"]),
    ("ix_project_live_origin", "project", ["deleted_at", "investor_origin"]),
    ("ix_project_live_locality", "project", ["deleted_at", "host_locality"]),
    ("ix_project_live_type", "project", ["deleted_at", "project_type"]),
    ("ix_project_live_funds", "project", ["deleted_at", "funds_arrived"]),
    ("ix_project_live_progress", "project", ["deleted_at", "last_progress_date"]),
    ("ix_meeting_live_start", "meeting", ["deleted_at", "start_date"]),
    ("ix_case_record_live_launch", "case_record", ["deleted_at", "launch_date"]),
    ("ix_unit_live_name", "unit", ["deleted_at", "name"]),
    ("ix_alliance_live_founded", "alliance", ["deleted_at", "founded_date"]),
]

# Longest text a project is found by: name 500, code 60, investor name and short
# name 200 each, host locality 200, separators. Characters past it are left out of
# the short-word index only (the trigram index still has them).
TEXT_MAX = 1200

# The same text as 0002's project_fts, which stays as it is.
PROJECT_TEXT = """
    {p}.name || ' ' || coalesce({p}.code, '') || ' ' ||
    coalesce((SELECT u.name || ' ' || coalesce(u.short_name, '') FROM unit u
              WHERE u.id = {p}.investor_id), '') || ' ' ||
    coalesce({p}.host_locality, '')
"""

# The characters of a text joined by spaces. SQLite never flattens a subquery with
# ORDER BY into an aggregate, so group_concat sees the characters in order.
SPACED = """(SELECT group_concat(c, ' ') FROM (
    SELECT substr(t.text, n, 1) AS c
    FROM (SELECT {text} AS text) AS t JOIN project_fts_positions ON n <= length(t.text)
    ORDER BY n))"""


def spaced(p: str) -> str:
    return SPACED.format(text=PROJECT_TEXT.format(p=p))


STATEMENTS = [
    "CREATE TABLE project_fts_positions (n INTEGER PRIMARY KEY)",
    f"""WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < {TEXT_MAX})
        INSERT INTO project_fts_positions(n) SELECT n FROM k""",
    "CREATE VIRTUAL TABLE project_fts_chars USING fts5(text, tokenize = 'unicode61')",
    f"""CREATE TRIGGER project_fts_chars_insert AFTER INSERT ON project BEGIN
        INSERT INTO project_fts_chars(rowid, text) VALUES (new.id, {spaced("new")});
    END""",
    f"""CREATE TRIGGER project_fts_chars_update
        AFTER UPDATE OF name, code, investor_id, host_locality ON project BEGIN
        UPDATE project_fts_chars SET text = {spaced("new")} WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER project_fts_chars_delete AFTER DELETE ON project BEGIN
        DELETE FROM project_fts_chars WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER project_fts_chars_unit_renamed
        AFTER UPDATE OF name, short_name ON unit BEGIN
        UPDATE project_fts_chars SET text = (
            SELECT {spaced("project")} FROM project WHERE project.id = project_fts_chars.rowid
        ) WHERE rowid IN (SELECT id FROM project WHERE investor_id = new.id);
    END""",
]

# Filling the index for the rows already there: the characters are joined by a
# Python function (one call per row) rather than the triggers' SQL (one subquery
# row per character), which matters for a ledger of a million projects.
FILL = f"""INSERT INTO project_fts_chars(rowid, text)
    SELECT project.id, ftz_spaced({PROJECT_TEXT.format(p="project")}) FROM project"""


def _spaced(text: str | None) -> str | None:
    return None if text is None else " ".join(text[:TEXT_MAX])


# The recycle bin's projects, newest first: only the deleted rows are in it.
DELETED = sa.text("deleted_at IS NOT NULL")


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns)
    op.create_index(
        "ix_project_deleted_signed",
        "project",
        ["signed_date"],
        sqlite_where=DELETED,
        postgresql_where=DELETED,
    )
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)
    bind.connection.driver_connection.create_function("ftz_spaced", 1, _spaced, deterministic=True)
    op.execute(FILL)


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        for event in ("unit_renamed", "delete", "update", "insert"):
            op.execute(f"DROP TRIGGER IF EXISTS project_fts_chars_{event}")
        op.execute("DROP TABLE IF EXISTS project_fts_chars")
        op.execute("DROP TABLE IF EXISTS project_fts_positions")
    op.drop_index("ix_project_deleted_signed", table_name="project")
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
