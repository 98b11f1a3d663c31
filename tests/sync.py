"""Coordinating a test with work on other threads by events, never by the clock.

A test that sleeps "long enough" for a worker to reach some point fails at random on
a busy machine. Here the injected work stops at a `Gate` the test opens at the exact
point; the GUI thread acts by `when()` a condition holds (inside a nested event loop
the test's own code cannot run in); a query that runs "forever" says when it has
really started. Every wait has a generous timeout, so a broken program fails the
test instead of hanging it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer

TIMEOUT_S = 20.0  # generous: only a broken program gets anywhere near it
POLL_MS = 5
# A query SQLite runs until it is interrupted; running() says it has begun.
ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT running() UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
)

Progress = Callable[[int, int], bool]


class Gate:
    """A point in injected work where the worker waits until the test opens it."""

    def __init__(self, timeout_s: float = TIMEOUT_S) -> None:
        self.reached = threading.Event()
        self.opened = threading.Event()
        self.timeout_s = timeout_s

    def __call__(self) -> None:
        """On the worker: say it has arrived, then wait for the test."""
        self.reached.set()
        if not self.opened.wait(self.timeout_s):
            raise AssertionError("the test never opened the gate")

    def open(self) -> None:
        self.opened.set()


def wait_until(condition: Callable[[], bool], what: str, timeout_s: float = TIMEOUT_S) -> None:
    """On a worker thread, what qtbot.waitUntil is on the GUI thread."""
    deadline = time.monotonic() + timeout_s
    pause = threading.Event()  # never set: wait() is the pause between looks
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"never happened: {what}")
        pause.wait(POLL_MS / 1000)


def until_cancelled(progress: Progress, gate: Gate, at: int = 1) -> Progress:
    """`progress` of a piece of work that stops at `gate` when it reports step `at`,
    and once the test has opened it goes on only after Cancel has reached the work
    (progress() answers False): the work is cancelled half-way, wherever the GUI
    thread's timers happened to be."""
    held: list[bool] = []

    def report(done: int, total: int) -> bool:
        if done >= at and not held:
            held.append(True)
            gate()
            wait_until(lambda: progress(done, total) is False, "Cancel reached the work")
        return progress(done, total)

    return report


class When:
    """On the GUI thread: `action()` once, as soon as `condition()` holds while events
    are processed (a progress dialog's loop, a close that waits). After `timeout_s`
    it gives up, runs `on_timeout` (to open gates, so nothing hangs) and `done` stays
    False for the test to assert."""

    def __init__(
        self,
        condition: Callable[[], bool],
        action: Callable[[], Any],
        timeout_s: float = TIMEOUT_S,
        on_timeout: Callable[[], Any] | None = None,
    ) -> None:
        self.done = False
        self._condition, self._action, self._on_timeout = condition, action, on_timeout
        self._deadline = time.monotonic() + timeout_s
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._look)
        self._timer.start()

    def _look(self) -> None:
        if self._condition():
            self._timer.stop()
            self.done = True
            self._action()
        elif time.monotonic() > self._deadline:
            self._timer.stop()
            if self._on_timeout is not None:
                self._on_timeout()


def event_loop_turns(qtbot: Any, turns: int = 10) -> None:
    """Assert that the GUI thread's event loop keeps turning: `turns` zero-delay timers,
    each started by the one before, all run (a loop blocked by work runs none). No
    rate is asserted; a busy machine only makes it slower."""
    ran: list[int] = []

    def turn() -> None:
        ran.append(1)
        if len(ran) < turns:
            QTimer.singleShot(0, turn)

    QTimer.singleShot(0, turn)
    qtbot.waitUntil(lambda: len(ran) == turns, timeout=int(TIMEOUT_S * 1000))


def endless_query(conn: Any, started: threading.Event) -> Any:
    """Run, on an SQLAlchemy connection to SQLite, a query that ends only when it is
    interrupted; `started` is set from inside the running statement (an interrupt
    before a statement runs is lost, so "about to run it" is not enough)."""
    driver = conn.connection.driver_connection
    driver.create_function("running", 0, lambda: started.set() or 1)
    return conn.exec_driver_sql(ENDLESS).scalar()
