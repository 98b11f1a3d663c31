"""Errors a clerk can read: each carries a message already in the UI language."""

from __future__ import annotations

from dataclasses import dataclass


class LedgerError(Exception):
    """Base for every expected failure; str() is the message for the clerk."""


class LedgerOpenError(LedgerError):
    """The database cannot be opened (not a ledger, damaged, newer, unreachable)."""


class NotFoundError(LedgerError):
    """A record named by id or uuid does not exist (or is in the recycle bin)."""


class ConflictError(LedgerError):
    """The record changed elsewhere since the clerk opened it."""


@dataclass(frozen=True)
class FieldError:
    field: str
    rule: str
    message: str


class ValidationError(LedgerError):
    """One or more fields break a rule; nothing was written."""

    def __init__(self, errors: list[FieldError]) -> None:
        self.errors = errors
        super().__init__("; ".join(e.message for e in errors))

    def for_field(self, name: str) -> list[FieldError]:
        return [e for e in self.errors if e.field == name]
