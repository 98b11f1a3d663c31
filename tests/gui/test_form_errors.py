"""Forms that cannot save: messages under fields, typed text kept, version conflicts,
and unsaved edits guarded when closing."""

from __future__ import annotations

from datetime import date

from db.queries.details import meeting_detail
from db.services import meetings
from tests import factories


def test_invalid_project_shows_messages_and_keeps_the_text(window, some_units, db):
    form = window.show_tab("projects").new_record()
    form.code.setText("XM-001")
    form.investor.edit.setText("四川省商务厅")  # a government, not an enterprise
    form.investment.setText("十二万")
    form.save()
    assert form.isVisible()
    errors = form.grid.errors
    assert errors["name"].isVisible() and "Project is required." in errors["name"].text()
    assert errors["investment"].isVisible() and "Contracted (万元)" in errors["investment"].text()
    assert errors["investor"].isVisible() and "四川省商务厅" in errors["investor"].text()
    assert not errors["code"].isVisible()
    # Everything typed is still there to be corrected.
    assert form.code.text() == "XM-001"
    assert form.investment.text() == "十二万"
    assert form.investor.text() == "四川省商务厅"
    assert window.tab("projects").model.rowCount() == 0
    # Correcting the fields saves.
    form.name.setText("新材料项目")
    form.investor.edit.setText("泸州新材料有限公司")
    form.investment.setText("500")
    form.save()
    assert not form.isVisible()
    assert window.tab("projects").model.rowCount() == 1


def test_meeting_end_before_start_is_shown_under_end_date(window, db):
    form = window.new_meeting_from_empty()
    form.title.setText("会议")
    form.start_date.set_value(date(2025, 5, 2))
    form.end_date.set_value(date(2025, 5, 1))
    form.save()
    assert form.isVisible() and form.grid.errors["end_date"].isVisible()
    assert "Start date" in form.grid.errors["end_date"].text()


def _meeting(db) -> int:
    with db.write() as session:
        return meetings.create(session, factories.meeting_data(session)).id


def _changed_elsewhere(db, meeting_id: int, title: str) -> None:
    with db.write() as session:
        data = factories.meeting_data(session, title=title)
        meetings.update(session, meeting_id, data)


def test_version_conflict_keep_my_text_then_overwrite(window, db, answers):
    meeting_id = _meeting(db)
    window.refresh_all()
    form = window.show_tab("meetings").edit_record()
    _changed_elsewhere(db, meeting_id, "别处改的标题")
    form.title.setText("我的标题")
    answers.conflict = "keep"
    form.save()
    assert answers.kinds()[-1] == "conflict"
    assert "changed elsewhere" in answers.asked[-1][1]
    assert form.isVisible() and form.title.text() == "我的标题"
    assert "changed elsewhere" in form.general_error.text()
    form.save()  # the clerk has seen the warning: this save wins
    assert not form.isVisible()
    with db.read() as conn:
        assert meeting_detail(conn, meeting_id)["title"] == "我的标题"


def test_version_conflict_reload_shows_the_other_change(window, db, answers):
    meeting_id = _meeting(db)
    window.refresh_all()
    form = window.show_tab("meetings").edit_record()
    _changed_elsewhere(db, meeting_id, "别处改的标题")
    form.title.setText("我的标题")
    answers.conflict = "reload"
    form.save()
    assert form.isVisible() and form.title.text() == "别处改的标题"
    assert not form.is_dirty()


def test_closing_a_form_with_edits_asks_first(window, answers):
    form = window.new_meeting_from_empty()
    form.title.setText("未保存")
    answers.discard = False
    form.reject()
    assert form.isVisible() and answers.kinds() == ["discard"]
    answers.discard = True
    form.reject()
    assert not form.isVisible()


def test_closing_the_window_with_an_unsaved_form_asks(window, answers):
    form = window.new_meeting_from_empty()
    form.title.setText("未保存")
    answers.discard = False
    assert not window.close()
    assert window.isVisible() and form.isVisible()
    answers.discard = True
    assert window.close()


def test_untouched_form_closes_without_asking(window, answers, db):
    _meeting(db)
    window.refresh_all()
    form = window.show_tab("meetings").edit_record()
    form.reject()
    assert not form.isVisible() and answers.asked == []


def test_tab_goes_through_an_added_row_before_the_next_field(window, some_units):
    form = window.new_meeting_from_empty()
    row = form.hosts.add_row()
    order = []
    widget = row.unit.edit
    for _ in range(4):
        order.append(widget)
        widget = widget.nextInFocusChain()
        while not (widget.focusPolicy() & widget.focusPolicy().TabFocus) or widget.focusProxy():
            widget = widget.nextInFocusChain()
    assert order[1] is row.unit.add_button  # the unit's "+" is reachable by Tab
    assert order[2] is row.role
    assert order[3] is form.hosts.add_button


def test_too_long_and_control_characters_are_refused_with_the_text_kept(window):
    form = window.new_meeting_from_empty()
    long_title = "会" * 600
    form.title.setText(long_title)
    form.venue.setText("礼堂\x07")
    form.save()
    assert form.isVisible()
    assert "600" in form.grid.errors["title"].text()
    assert form.grid.errors["venue"].isVisible()
    assert form.title.text() == long_title and form.venue.text() == "礼堂\x07"
