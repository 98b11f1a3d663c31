"""Dialect-specific pieces (DESIGN.md rule 5): each behind one small function that
works on SQLite and PostgreSQL, so the rest of the code stays shared."""
