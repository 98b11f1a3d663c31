"""Alembic environment: runs on the connection the program hands over."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from db.migrate import include_object
from db.models import Base

config = context.config
target_metadata = Base.metadata


def run_migrations(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


connection = config.attributes.get("connection")
if connection is not None:
    run_migrations(connection)
else:
    # Used only by `alembic revision --autogenerate` from a developer's shell.
    url = config.get_main_option("sqlalchemy.url") or "sqlite:///:memory:"
    with create_engine(url).connect() as conn:
        run_migrations(conn)
        conn.commit()
