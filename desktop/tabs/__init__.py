"""One module per record tab; registry.TABS lists them in window order."""
