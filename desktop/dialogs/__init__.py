"""Dialogs: record forms, hand-over, reference data, units directory, about."""
