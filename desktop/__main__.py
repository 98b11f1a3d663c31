"""`python -m desktop` runs the same entry point as `ftz-ledger`."""

import sys

from desktop.cli import main

sys.exit(main())
