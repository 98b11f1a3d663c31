"""PostgreSQL specifics: connection options and readable reasons a server refused us."""

from __future__ import annotations

import socket
from typing import Any

from sqlalchemy.engine import URL

from db.backends.messages import server_msg

CONNECT_TIMEOUT_S = 10
DEFAULT_PORT = 5432
SUPPORTED_BACKENDS = ("sqlite", "postgresql")

# libpq reports failed logins and missing databases only as text (no SQLSTATE before
# the session exists); these are its (English) phrasings. A server that answers in
# another language falls through to the general message, which quotes it in full.
LOGIN_PHRASES = (
    "password authentication failed",
    "no password supplied",
    "authentication failed",
    "role",
    "pg_hba.conf",
    "permission denied for database",
)


def engine_options() -> dict[str, Any]:
    """create_engine() options for a server: a bounded wait and a name in pg_stat_activity."""
    return {
        "pool_pre_ping": True,
        "connect_args": {"connect_timeout": CONNECT_TIMEOUT_S, "application_name": "ftz-ledger"},
    }


def check_supported(url: URL) -> None:
    """Refuse URLs of databases the program does not speak, before a driver import fails."""
    from db.errors import LedgerOpenError

    if url.get_backend_name() not in SUPPORTED_BACKENDS:
        raise LedgerOpenError(
            server_msg("server.unsupported", target=url.render_as_string(hide_password=True))
        )


def tcp_reachable(host: str, port: int, timeout: float = 3.0) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def _detail(exc: BaseException) -> str:
    """The server's own words, without libpq's "connection to server at … failed:" prefix."""
    text = " ".join(str(exc).split())
    for marker in ("failed: FATAL:", "failed:"):
        if marker in text:
            text = text.split(marker, 1)[1]
    return text.strip()


def explain_server_error(url: URL, exc: BaseException) -> str:
    """A message a clerk can act on: server unreachable, login refused, no such database."""
    host = url.host or "localhost"
    port = url.port or DEFAULT_PORT
    detail = _detail(exc)
    lowered = detail.lower()
    params = {"host": host, "port": port, "detail": detail}
    if "does not exist" in lowered and "database" in lowered:
        return server_msg("server.no_database", database=url.database, **params)
    if any(phrase in lowered for phrase in LOGIN_PHRASES):
        return server_msg(
            "server.login_failed", user=url.username or "?", database=url.database, **params
        )
    if "connection" in str(exc).lower() and not (url.host is None or tcp_reachable(host, port)):
        return server_msg("server.unreachable", **params)
    if "resolve host" in lowered or "translate host" in lowered or "timeout" in lowered:
        return server_msg("server.unreachable", **params)
    return server_msg(
        "server.failed", target=url.render_as_string(hide_password=True), detail=detail
    )
