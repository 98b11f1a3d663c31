"""Start-up time of the frozen program (build it first: scripts/build_frozen.sh).

    uv run python bench/frozen_startup.py [--runs 5] [--bundle dist/ftz-ledger]

Times `--version` (the command line: Python and the imports the parser needs) and
`--smoke-test` (the window: Qt, the database opened, the main window shown, then
closed by itself) on a fresh sample ledger, run from a scratch folder. Prints the
median and the range of wall-clock seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WINDOWS = sys.platform == "win32"


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "ftz-ledger")
    args = parser.parse_args()
    window = args.bundle / ("ftz-ledger.exe" if WINDOWS else "ftz-ledger")
    cli = args.bundle / ("ftz-ledger-cli.exe" if WINDOWS else "ftz-ledger")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory(prefix="ftz-bench-") as tmp:
        work, db = Path(tmp), str(Path(tmp) / "ledger.sqlite3")
        timed([str(cli), "--db", db, "demo"], work, env)  # also warms the disk cache
        cases = {
            "--version": [str(cli), "--version"],
            "--smoke-test": [str(window), "--db", db, "--smoke-test"],
        }
        for label, cmd in cases.items():
            times = [timed(cmd, work, env) for _ in range(args.runs)]
            print(
                f"{label:14} median {statistics.median(times):.2f} s"
                f"  (min {min(times):.2f}, max {max(times):.2f}, {args.runs} runs)"
            )


if __name__ == "__main__":
    main()
