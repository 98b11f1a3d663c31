"""A long list paints from its first ids and takes the rest from a worker; a typed
search over a list already read keeps the listed ids the search index finds.

HEAD (the ids read before the first paint) is made small here so that a few dozen
records behave as a million would.
"""

from __future__ import annotations

from datetime import date

import pytest

import desktop.widgets.record_model as record_model
from db.queries.lists import ListFilter
from db.services import projects
from tests.factories import enterprise, project_data
from tests.gui.long_lists import HEAD
from tests.gui.long_lists import all_ids as _all_ids

WORDS = ["芯", "光伏", "锂电池", "储能 电站", "P-0007", "光伏 组件", "-0"]


def test_a_long_list_paints_its_head_then_inserts_the_rest(long_window, qtbot, db):
    tab = long_window.show_tab("projects")
    model = tab.model
    inserted: list[tuple[int, int]] = []
    resets: list[bool] = []
    model.rowsInserted.connect(lambda _parent, first, last: inserted.append((first, last)))
    model.modelReset.connect(lambda: resets.append(True))
    assert model.reload(ListFilter())
    assert model.rowCount() == HEAD and not model.is_complete()
    assert long_window.count_label.text() != f"{HEAD} records"  # not a false count
    qtbot.waitUntil(model.is_complete, timeout=5000)
    assert model.ids == _all_ids(db)
    assert inserted == [(HEAD, 22)] and resets == [True]  # the head's reset only
    assert long_window.count_label.text() == "23 records"


def test_a_newer_filter_wins_over_a_rest_still_being_read(long_window, qtbot, db):
    tab = long_window.show_tab("projects")
    model = tab.model
    model.reload(ListFilter())  # long: its rest goes to a worker
    model.reload(ListFilter(text="锂电池"))  # short and newest
    qtbot.wait(200)
    assert model.is_complete()
    assert model.ids == _all_ids(db, ListFilter(text="锂电池"))


def test_records_changed_while_the_rest_was_read_start_the_table_over(
    long_window, qtbot, db, monkeypatch
):
    tab = long_window.show_tab("projects")
    model = tab.model
    read_whole = record_model.WholeList.__call__

    def rest_after_a_save(job, progress):
        database = job.args[0]  # the worker: a newer project lands at the top meanwhile
        with database.write() as session:
            investor = enterprise(session, "后来投资有限公司")
            data = project_data(session, investor, signed_date=date(2030, 1, 1))
            projects.create(session, data)
        return read_whole(job, progress)

    monkeypatch.setattr(record_model.WholeList, "__call__", rest_after_a_save)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    model.reload()
    qtbot.waitUntil(model.is_complete, timeout=5000)
    assert model.ids == _all_ids(db) and len(model.ids) == 24
    assert len(resets) == 2  # the head, then the whole list again


@pytest.mark.parametrize("word", WORDS)
def test_search_over_a_read_list_matches_the_query(long_window, qtbot, db, word, monkeypatch):
    tab = long_window.show_tab("projects")
    model = tab.model
    qtbot.waitUntil(model.is_complete, timeout=5000)
    narrowed: list[bool] = []
    real = record_model.text_hits
    monkeypatch.setattr(
        record_model,
        "text_hits",
        lambda *a: narrowed.append((hits := real(*a)) is not None) or hits,
    )
    tab.apply_filter(ListFilter(text=word))
    assert model.is_complete() == (word != "-0")  # kept ids come whole; LIKE has a head
    qtbot.waitUntil(model.is_complete, timeout=5000)
    expected = _all_ids(db, ListFilter(text=word), model.sort_keys or None)
    assert model.ids == expected and expected
    # Words the indexes hold are kept from the list; a short word with punctuation
    # ("-0") is for LIKE: the list is read again with the search.
    assert narrowed == [word != "-0"]


def test_search_after_a_save_finds_the_new_record(long_window, qtbot, db):
    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    with db.write() as session:
        investor = enterprise(session, "新来投资有限公司")
        new = projects.create(session, project_data(session, investor, name="氢能重卡项目"))
        new_id = new.id
    tab.refresh()
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    tab.apply_filter(ListFilter(text="氢能"))
    assert tab.model.ids == [new_id]


def test_sorting_keeps_the_search_and_searching_keeps_the_sort(long_window, qtbot, db):
    tab = long_window.show_tab("projects")
    model = tab.model
    model.set_sort("code", False)
    qtbot.waitUntil(model.is_complete, timeout=5000)
    tab.apply_filter(ListFilter(text="光伏"))
    assert model.ids == _all_ids(db, ListFilter(text="光伏"), [("code", False)])
    model.set_sort("code", True)
    qtbot.waitUntil(model.is_complete, timeout=5000)
    assert model.ids == _all_ids(db, ListFilter(text="光伏"), [("code", True)])


def test_a_record_further_down_stays_selected_once_the_rest_comes(long_window, qtbot, db):
    tab = long_window.show_tab("projects")
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    far = tab.model.ids[17]
    tab.select_row(17)
    tab.refresh()  # after a save: the head first, the kept record not in it yet
    assert not tab.model.is_complete()
    qtbot.waitUntil(lambda: tab.selected_id() == far, timeout=5000)
    assert tab.view.currentIndex().row() == 17


def test_export_waits_for_the_whole_list(long_window, qtbot, db, monkeypatch, tmp_path):
    import desktop.main_window as mw

    handed: list[list[int]] = []

    class Reports:
        class ReportOptions:
            def __init__(self, ids, **_kw) -> None:
                handed.append(list(ids))

        @staticmethod
        def write_report(_db, _kind, path, _options):
            return path

    monkeypatch.setattr(mw, "_reports_module", lambda: Reports)
    target = tmp_path / "projects.xlsx"
    monkeypatch.setattr(mw.QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    tab = long_window.show_tab("projects")
    tab.refresh()
    assert not tab.model.is_complete()
    assert long_window.export_current() == target
    assert handed == [_all_ids(db)]


def test_a_newer_sort_interrupts_the_query_of_the_older_one(long_window, qtbot, db, monkeypatch):
    import sqlite3

    tab = long_window.show_tab("projects")
    model = tab.model
    qtbot.waitUntil(model.is_complete, timeout=5000)
    started, outcomes = [], []
    read_whole = record_model.WholeList.__call__

    def slow_query(job, progress):
        db_, kind, flt, sort = job.args
        with db_.read() as conn:
            with job._lock:
                job._driver = conn.connection.driver_connection
            started.append(sort)
            try:  # a query that would run for minutes unless interrupted
                conn.exec_driver_sql(
                    "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                    "SELECT count(*) FROM n"
                ).all()
            except Exception as exc:  # noqa: BLE001 - what the interrupt raised
                outcomes.append(type(getattr(exc, "orig", exc)))
                raise
            finally:
                with job._lock:
                    job._driver = None

    monkeypatch.setattr(record_model.WholeList, "__call__", slow_query)
    model.set_sort("code", False)
    qtbot.waitUntil(lambda: len(started) == 1, timeout=5000)
    monkeypatch.setattr(record_model.WholeList, "__call__", read_whole)
    model.set_sort("code", True)  # the older query stops; the newer one runs
    qtbot.waitUntil(model.is_complete, timeout=5000)
    assert outcomes == [sqlite3.OperationalError]
    assert model.ids == _all_ids(db, None, [("code", True)])


def test_a_failed_rest_keeps_the_head_and_tells_the_clerk(long_window, qtbot, answers, monkeypatch):
    def failing(_job, _progress):
        raise OSError("disk went away")

    monkeypatch.setattr(record_model.WholeList, "__call__", failing)
    tab = long_window.show_tab("projects")
    tab.refresh()
    qtbot.waitUntil(tab.model.is_complete, timeout=5000)
    assert tab.model.rowCount() == HEAD
    assert answers.asked and answers.asked[-1] == ("warn", "disk went away")
