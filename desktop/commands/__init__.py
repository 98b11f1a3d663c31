"""Sub-commands of `ftz-ledger`, one module each; add a module to COMMAND_MODULES."""

from desktop.commands import (
    backup,
    check,
    copy,
    demo,
    export,
    import_cmd,
    listing,
    restore,
    template,
)

COMMAND_MODULES = [demo, listing, check, backup, restore, export, template, import_cmd, copy]
