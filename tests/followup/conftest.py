"""The real main window with every question answered by the test (the GUI tests' fixtures)."""

from tests.gui.conftest import (  # noqa: F401  (fixtures, found by name)
    answers,
    demo_window,
    make_window,
    some_units,
    window,
)
