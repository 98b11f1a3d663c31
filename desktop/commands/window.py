"""No command: open the window (Qt is imported only here, so the rest runs headless)."""

from __future__ import annotations

import argparse


def run_window(args: argparse.Namespace) -> int:
    from desktop.app import run

    return run(args)
