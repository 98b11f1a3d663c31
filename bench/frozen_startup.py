"""Start-up time of the frozen program (build it first: scripts/build_frozen.sh).

    uv run python bench/frozen_startup.py [--runs 5] [--bundle dist/ftz-ledger]

Times `--version` (the command line: Python and the imports the parser needs) and
`--smoke-test` (the window: Qt, the database opened, the main window shown, then
closed by itself) on a fresh sample ledger, run from a scratch folder. Prints the
median and range of wall-clock seconds, and the median CPU seconds.
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


def timed(cmd: list[str], cwd: Path, env: dict[str, str]) -> tuple[float, float]:
    """Wall-clock and CPU seconds of one run (CPU time suffers less from a busy machine)."""
    cpu_before = _children_cpu()
    start = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start, _children_cpu() - cpu_before


def _children_cpu() -> float:
    if WINDOWS:
        return 0.0  # no getrusage on Windows
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


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
            runs = [timed(cmd, work, env) for _ in range(args.runs)]
            wall = [w for w, _ in runs]
            cpu = statistics.median(c for _, c in runs)
            print(
                f"{label:14} median {statistics.median(wall):.2f} s"
                f"  (min {min(wall):.2f}, max {max(wall):.2f}, {args.runs} runs; CPU {cpu:.2f} s)"
            )


if __name__ == "__main__":
    main()
