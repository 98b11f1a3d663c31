"""Shared building blocks of the window: lazy record table, filter bar, form parts."""
