"""Sub-commands of `ftz-ledger`, one module each; add a module to COMMAND_MODULES."""

from desktop.commands import check, demo, listing

COMMAND_MODULES = [demo, listing, check]
