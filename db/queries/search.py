"""Dialect-specific SQL pieces behind one small function each (DESIGN.md rule 5)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, String, or_
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def text_matches(columns: list[ColumnElement], term: str) -> ColumnElement[bool]:
    """Substring match of every word over any of the columns (CJK-safe).

    LIKE on SQLite is case-insensitive for ASCII; ILIKE does the same on PostgreSQL.
    """
    words = term.split()
    clauses = []
    for word in words:
        pattern = f"%{escape_like(word)}%"
        clauses.append(or_(*(col.ilike(pattern, escape="\\") for col in columns)))
    from sqlalchemy import and_

    return and_(*clauses)


class names_agg(GenericFunction):  # noqa: N801 - SQL function naming
    """Join the names of a group with 、 (group_concat / string_agg)."""

    type = String()
    inherit_cache = True


@compiles(names_agg, "sqlite")
def _names_agg_sqlite(element, compiler, **kw) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)}, '、')"


@compiles(names_agg, "postgresql")
def _names_agg_pg(element, compiler, **kw) -> str:
    return f"string_agg({compiler.process(element.clauses, **kw)}, '、')"
