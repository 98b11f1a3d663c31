"""Helpers the command modules share."""

from __future__ import annotations

import argparse
import json
from datetime import date, datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from db.engine import Database, open_database


def open_db(args: argparse.Namespace) -> Database:
    """The database named by --db / FTZ_LEDGER_DB / the default, migrated."""
    return open_database(args.db)


def json_default(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value) if value == value.to_integral() else str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2, default=json_default)
