"""Start the throwaway PostgreSQL cluster for a test session when none is named.

Plain `uv run pytest` runs both halves of the suite wherever PostgreSQL's server
binaries are installed: when FTZ_LEDGER_TEST_PG is unset, scripts/pg_test_cluster.sh
starts a cluster for this session and stops it at the end. Without the binaries the
PostgreSQL half is skipped (and says so) — unless FTZ_LEDGER_REQUIRE_PG is set, as CI
does, where a missing server fails the run instead of skipping half of it.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.pg.databases import ENV_TEST_PG

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "pg_test_cluster.sh"
ENV_REQUIRE = "FTZ_LEDGER_REQUIRE_PG"
ENV_AUTO = "FTZ_LEDGER_TEST_PG_AUTO"  # "0" turns the automatic cluster off


class ClusterUnavailable(RuntimeError):
    """The session needs PostgreSQL and could not start it."""


def start_cluster() -> str | None:
    """The started cluster's folder (env set), or None when it was not started."""
    if os.environ.get(ENV_TEST_PG) or os.environ.get(ENV_AUTO) == "0":
        return None
    result = subprocess.run(
        ["bash", str(SCRIPT), "start"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        if os.environ.get(ENV_REQUIRE):
            raise ClusterUnavailable(
                f"{ENV_REQUIRE} is set but the test cluster did not start "
                f"(install PostgreSQL's server binaries):\n{result.stderr.strip()}"
            )
        return None
    exports = dict(
        line.removeprefix("export ").split("=", 1)
        for line in result.stdout.splitlines()
        if line.startswith("export ")
    )
    os.environ[ENV_TEST_PG] = exports[ENV_TEST_PG]
    return exports["FTZ_PG_CLUSTER_DIR"]


def stop_cluster(folder: str | None) -> None:
    if folder:
        subprocess.run(["bash", str(SCRIPT), "stop", folder], capture_output=True, check=False)
        os.environ.pop(ENV_TEST_PG, None)


def require_server() -> None:
    """Fail the session early when PostgreSQL is required but not configured."""
    if os.environ.get(ENV_REQUIRE) and not os.environ.get(ENV_TEST_PG):
        raise ClusterUnavailable(f"{ENV_REQUIRE} is set but {ENV_TEST_PG} names no server")
