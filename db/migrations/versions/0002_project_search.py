"""Substring search over projects for SQLite: an FTS5 table with the trigram tokenizer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27

Kept in step with project and unit rows by triggers, so every write path (services,
bulk inserts, other programs) keeps it right. PostgreSQL searches with ILIKE instead
(db/queries/search.py), so nothing is created there.
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# The text a project is found by: its name, code, investor (name and short name)
# and host locality.
PROJECT_TEXT = """
    {p}.name || ' ' || coalesce({p}.code, '') || ' ' ||
    coalesce((SELECT u.name || ' ' || coalesce(u.short_name, '') FROM unit u
              WHERE u.id = {p}.investor_id), '') || ' ' ||
    coalesce({p}.host_locality, '')
"""

STATEMENTS = [
    "CREATE VIRTUAL TABLE project_fts USING fts5(text, tokenize = 'trigram')",
    f"""CREATE TRIGGER project_fts_insert AFTER INSERT ON project BEGIN
        INSERT INTO project_fts(rowid, text) VALUES (new.id, {PROJECT_TEXT.format(p="new")});
    END""",
    f"""CREATE TRIGGER project_fts_update
        AFTER UPDATE OF name, code, investor_id, host_locality ON project BEGIN
        UPDATE project_fts SET text = {PROJECT_TEXT.format(p="new")} WHERE rowid = new.id;
    END""",
    """CREATE TRIGGER project_fts_delete AFTER DELETE ON project BEGIN
        DELETE FROM project_fts WHERE rowid = old.id;
    END""",
    f"""CREATE TRIGGER project_fts_unit_renamed AFTER UPDATE OF name, short_name ON unit BEGIN
        UPDATE project_fts SET text = (
            SELECT {PROJECT_TEXT.format(p="project")} FROM project WHERE project.id = project_fts.rowid
        ) WHERE rowid IN (SELECT id FROM project WHERE investor_id = new.id);
    END""",
    f"INSERT INTO project_fts(rowid, text) SELECT project.id, {PROJECT_TEXT.format(p='project')} FROM project",
]


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for statement in STATEMENTS:
        op.execute(statement)


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    for name in ("project_fts_unit_renamed", "project_fts_delete", "project_fts_update", "project_fts_insert"):
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS project_fts")
