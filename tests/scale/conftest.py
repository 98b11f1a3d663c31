"""The GUI fixtures (real main window, answered questions) for the scale tests."""

from tests.gui.conftest import answers, demo_window, make_window  # noqa: F401
