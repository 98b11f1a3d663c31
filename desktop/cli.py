"""The `ftz-ledger` command line (DESIGN.md "Command line").

Each command lives in its own module under desktop/commands/ with a `register`
function; this module only builds the parser, opens nothing itself, and turns
expected errors into a message and exit status 1 (argparse gives 2 for usage).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from db.errors import LedgerError
from db.lang import set_language
from db.version import program_version
from desktop.commands import COMMAND_MODULES

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ftz-ledger",
        description="FTZ Ledger (自贸协同台账): records of the Sichuan–Chongqing free-trade collaboration.",
    )
    parser.add_argument(
        "--db",
        metavar="PATH_OR_URL",
        help="SQLite file or SQLAlchemy URL (default: FTZ_LEDGER_DB, then the user data folder)",
    )
    parser.add_argument("--lang", choices=["zh", "en"], help="language of messages and reports")
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window, then close it and exit 0 (installer checks)",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {program_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    set_language(args.lang)
    if args.command is None:
        from desktop.commands.window import run_window

        return run_window(args)
    try:
        code = args.run(args)
        sys.stdout.flush()  # a closed pipe shows here, not at interpreter exit
        return code
    except LedgerError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_REJECTED
    except KeyboardInterrupt:
        return EXIT_REJECTED
    except BrokenPipeError:
        # `ftz-ledger list projects | head`: the reader has all it wanted. Point
        # stdout at nothing so Python's final flush does not complain either.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
