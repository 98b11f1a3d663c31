"""Long lists while their rest is still being read: a newer sort, a save, a click, a
delete, a failed read, another ledger. HEAD is small so a few dozen records behave as
a million would; the worker is held on purpose at gates the test opens (tests/sync.py),
so "meanwhile" is an order of events, never a guess of how long something takes."""

from __future__ import annotations

import threading
from datetime import date

import desktop.widgets.record_model as record_model
from db.queries.lists import ListFilter
from db.services import projects
from tests.factories import enterprise, project_data
from tests.gui.long_lists import HEAD
from tests.gui.long_lists import all_ids as _all_ids
from tests.sync import TIMEOUT_S, Gate


def test_an_older_sorts_late_rest_never_orders_a_later_search(long_window, qtbot, db, monkeypatch):
    """The old sort's rest lands while the new sort's first ids are read: it must not
    be remembered as the list of the new sort (a search would keep its order)."""
    tab = long_window.show_tab("projects")
    model = tab.model
    qtbot.waitUntil(model.is_complete, timeout=5000)

    real_whole = record_model.WholeList.__call__
    real_ids = record_model._ids_of
    new_head_started, old_rest_read = threading.Event(), threading.Event()
    rests: list[int] = []

    def held_whole(job, progress):
        rests.append(1)
        if len(rests) > 1:
            return real_whole(job, progress)
        assert new_head_started.wait(TIMEOUT_S)  # the old rest is read while the new head is
        try:
            return real_whole(job, progress)
        finally:
            old_rest_read.set()

    def held_first(db_, kind, flt, sort, limit, _p=None):
        if sort == [("code", True)]:  # the new sort's head takes a while (a big sort)
            new_head_started.set()
            assert old_rest_read.wait(TIMEOUT_S)
        return real_ids(db_, kind, flt, sort, limit, _p)

    monkeypatch.setattr(record_model.WholeList, "__call__", held_whole)
    monkeypatch.setattr(record_model, "_ids_of", held_first)
    model.set_sort("code", False)  # head at once, its rest held
    assert not model.is_complete()
    model.set_sort("code", True)  # its head waits until the old rest has been read
    assert not model.is_complete()  # the new sort's rest is on its way
    tab.apply_filter(ListFilter(text="光伏"))  # the clerk searches at once
    expected = _all_ids(db, ListFilter(text="光伏"), [("code", True)])
    assert model.ids == expected, (model.ids, expected)


def _hold_the_rest(monkeypatch) -> Gate:
    """Every read of a list's rest waits at the returned gate until the test opens it."""
    real_whole = record_model.WholeList.__call__
    gate = Gate()

    def held(job, progress):
        gate()
        return real_whole(job, progress)

    monkeypatch.setattr(record_model.WholeList, "__call__", held)
    return gate


def test_a_row_clicked_while_the_rest_comes_stays_selected(long_window, qtbot, db, monkeypatch):
    """After a save of a record beyond the head the clerk clicks a row before the rest
    comes: the click wins over the record kept for later."""
    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    gate = _hold_the_rest(monkeypatch)
    tab.select_row(17)
    tab.refresh()  # as after a save of row 17
    assert not tab.model.is_complete()
    tab.select_row(2)  # the clerk clicks a row of the head meanwhile
    clicked = tab.selected_id()
    gate.open()
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    qtbot.wait(50)
    assert tab.selected_id() == clicked


def test_a_saved_record_further_down_shows_as_saved_meanwhile(long_window, qtbot, db, monkeypatch):
    """Until the rest comes, the details show the saved record as saved."""
    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    gate = _hold_the_rest(monkeypatch)
    tab.select_row(17)
    far = tab.selected_id()
    with db.write() as session:  # the form saved a new name
        session.connection().exec_driver_sql(
            "UPDATE project SET name = '改名后的项目' WHERE id = ?", (far,)
        )
    tab.refresh(select_id=far)
    assert tab.selected_id() is None
    text = tab.detail.toPlainText()
    gate.open()
    qtbot.waitUntil(tab.model.is_complete, timeout=10000)
    assert "改名后的项目" in text or "Select a record" in text, text[:80]


def test_deleting_far_down_selects_the_next_record(long_window, qtbot, db, answers):
    """Deleting row 17 of a complete long list should select the record after it."""
    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    after = tab.model.ids[18]
    tab.select_row(17)
    assert tab.delete_record()
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    qtbot.wait(50)
    assert tab.selected_id() == after, (tab.view.currentIndex().row(), tab.selected_id(), after)


def test_switching_ledgers_stops_the_old_ledgers_rest_query(
    long_window, qtbot, db, tmp_path, monkeypatch
):
    """Another ledger opened: the old one's rest query is interrupted, not left
    holding a background thread and a connection to a closed database."""
    started, finished = threading.Event(), threading.Event()
    jobs = []

    def slow_query(job, progress):
        db_ = job.args[0]
        jobs.append(job)
        with db_.read() as conn:
            with job._lock:
                job._driver = conn.connection.driver_connection
            started.set()
            try:
                conn.exec_driver_sql(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                    "SELECT count(*) FROM n"
                ).all()
            finally:
                with job._lock:
                    job._driver = None
                finished.set()

    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    monkeypatch.setattr(record_model.WholeList, "__call__", slow_query)
    tab.refresh()
    assert started.wait(5)
    other = tmp_path / "other.sqlite3"
    assert long_window.switch_database(str(other))
    try:  # the query never ends unless the switch interrupted it
        qtbot.waitUntil(finished.is_set, timeout=10000)
    finally:
        jobs[0].interrupt()  # clean up when it was left running
        assert finished.wait(5)


def test_the_selection_survives_a_rest_that_finds_the_records_changed(
    long_window, qtbot, db, monkeypatch
):
    """Another clerk (PostgreSQL) saves a project while the rest is read: the table
    starts over, and the clerk's selected record is selected again."""
    tab = long_window.show_tab("projects")
    model = tab.model
    qtbot.waitUntil(model.is_complete, timeout=5000)
    read_whole = record_model.WholeList.__call__

    gate = Gate()

    def rest_after_a_save(job, progress):
        gate()  # once the clerk has picked a record
        with job.args[0].write() as session:
            investor = enterprise(session, "后来投资有限公司")
            projects.create(session, project_data(session, investor, signed_date=date(2030, 1, 1)))
        return read_whole(job, progress)

    monkeypatch.setattr(record_model.WholeList, "__call__", rest_after_a_save)
    tab.refresh()
    tab.select_row(2)  # the clerk picks a record of the head
    picked = tab.selected_id()
    gate.open()
    qtbot.waitUntil(model.is_complete, timeout=5000)
    qtbot.wait(50)
    assert tab.selected_id() == picked


def test_export_after_a_failed_rest_reads_the_whole_list_again(
    long_window, qtbot, db, monkeypatch, tmp_path, answers
):
    """The rest failed once (the clerk was told): Export reads the whole list again
    rather than writing the first rows only."""
    import desktop.main_window as mw

    handed = []

    class Reports:
        class ReportOptions:
            def __init__(self, ids, **_kw):
                handed.append(list(ids))

        @staticmethod
        def write_report(_db, _kind, path, _options):
            return path

    def failing(_job, _progress):
        raise OSError("disk went away")

    monkeypatch.setattr(mw, "_reports_module", lambda: Reports)
    target = tmp_path / "projects.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    real_whole = record_model.WholeList.__call__
    monkeypatch.setattr(record_model.WholeList, "__call__", failing)
    tab.refresh()
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    assert tab.model.rowCount() == HEAD and tab.model.rest_error is not None
    assert long_window.export_current() is None  # still failing: nothing written
    assert handed == []
    monkeypatch.setattr(record_model.WholeList, "__call__", real_whole)  # the disk is back
    assert long_window.export_current() == target
    assert handed == [_all_ids(db)]
