"""Dialect-specific SQL pieces behind one small function each (DESIGN.md rule 5)."""

from __future__ import annotations

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    bindparam,
    column,
    literal_column,
    or_,
    select,
    table,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import GenericFunction

# Kinds with an FTS5 trigram index on SQLite (migration 0002).
FTS_TABLES = {"projects": "project_fts"}
TRIGRAM = 3


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_any(columns: list[ColumnElement], word: str) -> ColumnElement[bool]:
    pattern = f"%{escape_like(word)}%"
    return or_(*(col.ilike(pattern, escape="\\") for col in columns))


def _fts_match(fts: str, id_col: ColumnElement, word: str) -> ColumnElement[bool]:
    phrase = '"' + word.replace('"', '""') + '"'
    hits = (
        select(column("rowid"))
        .select_from(table(fts))
        .where(literal_column(fts).op("MATCH")(bindparam("fts_word", phrase, unique=True)))
    )
    return id_col.in_(hits)


def text_matches(
    kind: str, id_col: ColumnElement, columns: list[ColumnElement], term: str, dialect: str
) -> ColumnElement[bool]:
    """Substring match of every word of the term over the record's text (CJK-safe).

    On SQLite, words of three characters or more use the FTS5 trigram index where
    the kind has one; shorter words (the index cannot see them) and other kinds
    use LIKE, which is case-insensitive for ASCII. PostgreSQL uses ILIKE.
    """
    fts = FTS_TABLES.get(kind) if dialect == "sqlite" else None
    clauses = [
        _fts_match(fts, id_col, word) if fts and len(word) >= TRIGRAM else _like_any(columns, word)
        for word in term.split()
    ]
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
