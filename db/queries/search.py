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

# Kinds with an FTS5 trigram index on SQLite (migration 0002) and, for words too
# short for trigrams, a one-token-per-character index (migration 0003).
FTS_TABLES = {"projects": "project_fts"}
CHARS_TABLES = {"projects": "project_fts_chars"}
TRIGRAM = 3


def escape_like(term: str) -> str:
    return term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _like_any(columns: list[ColumnElement], word: str) -> ColumnElement[bool]:
    pattern = f"%{escape_like(word)}%"
    return or_(*(col.ilike(pattern, escape="\\") for col in columns))


def _chars_phrase(word: str) -> str | None:
    """The word as a phrase of one-character tokens ("能源" -> '"能 源"'), or None
    when a character is one the unicode61 tokenizer drops (punctuation, spaces):
    the phrase would then match more than the substring."""
    if not word or not all(ch.isalnum() for ch in word):
        return None
    return '"' + " ".join(word) + '"'


def _fts_match(
    fts: str, id_col: ColumnElement, word: str, phrase: str | None = None
) -> ColumnElement[bool]:
    phrase = phrase or '"' + word.replace('"', '""') + '"'
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
    the kind has one; shorter words use the one-token-per-character index, looked
    up as a phrase (adjacent characters: the substring); other kinds and short
    words with punctuation use LIKE, which is case-insensitive for ASCII (as both
    indexes are). PostgreSQL uses ILIKE.
    """
    if dialect != "sqlite":
        return and_(*(_like_any(columns, word) for word in term.split()))
    return and_(*(_sqlite_word(kind, id_col, columns, word) for word in term.split()))


def _sqlite_word(
    kind: str, id_col: ColumnElement, columns: list[ColumnElement], word: str
) -> ColumnElement[bool]:
    if kind in FTS_TABLES and len(word) >= TRIGRAM:
        return _fts_match(FTS_TABLES[kind], id_col, word)
    phrase = _chars_phrase(word)
    if kind in CHARS_TABLES and phrase:
        return _fts_match(CHARS_TABLES[kind], id_col, word, phrase)
    return _like_any(columns, word)


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
