"""Each domain rule and each bad input through the services: a clear error, nothing written."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from db.errors import ConflictError, ValidationError
from db.services import alliances, meetings, projects, units
from tests import factories as f


def rejected(db, action) -> ValidationError | ConflictError:
    """Run a write that must fail; prove the database is byte-for-byte unchanged."""
    before = f.snapshot(db)
    with pytest.raises((ValidationError, ConflictError)) as info, db.write() as session:
        action(session)
    assert f.snapshot(db) == before
    return info.value


def test_empty_title_names_the_field(db):
    err = rejected(db, lambda s: meetings.create(s, f.meeting_data(s, title="   ")))
    assert [(e.field, e.rule) for e in err.errors] == [("title", "required")]
    assert "Title is required" in str(err)


def test_negative_amount_is_refused(db):
    with db.write() as s:
        investor = f.enterprise(s)
    err = rejected(
        db, lambda s: projects.create(s, f.project_data(s, investor, investment=Decimal("-1")))
    )
    assert [(e.field, e.rule) for e in err.errors] == [("investment", "not_negative")]
    assert "Contracted (万元) must not be negative" in str(err)


@pytest.mark.parametrize(
    "bad", ["abc", float("nan"), float("inf"), Decimal("1.234"), Decimal("1e15")]
)
def test_amount_that_is_not_a_two_decimal_number_is_refused(db, bad):
    with db.write() as s:
        investor = f.enterprise(s)
    err = rejected(db, lambda s: projects.create(s, f.project_data(s, investor, investment=bad)))
    assert err.errors[0].field == "investment"


def test_end_before_start_is_refused(db):
    err = rejected(db, lambda s: meetings.create(s, f.meeting_data(s, end_date=date(2024, 12, 11))))
    assert [(e.field, e.rule) for e in err.errors] == [("end_date", "end_before_start")]
    assert "End date must not be before Start date" in str(err)


def test_database_check_also_refuses_end_before_start(db):
    """The CHECK constraint holds even if code forgot the rule."""
    from sqlalchemy.exc import IntegrityError

    from db.models import Meeting

    with pytest.raises(IntegrityError), db.write() as s:
        data = f.meeting_data(s)
        s.add(
            Meeting(
                title="x",
                kind_id=data.kind_id,
                start_date=date(2024, 1, 2),
                end_date=date(2024, 1, 1),
            )
        )
        s.flush()


def test_ten_thousand_character_title_is_refused(db):
    err = rejected(db, lambda s: meetings.create(s, f.meeting_data(s, title="会" * 10_000)))
    assert err.errors[0].rule == "too_long"
    assert "at most 500 characters" in str(err)


def test_unknown_unit_is_refused(db):
    err = rejected(
        db,
        lambda s: meetings.create(s, f.meeting_data(s, hosts=[meetings.HostData(unit_id=9999)])),
    )
    assert [(e.field, e.rule) for e in err.errors] == [("hosts", "unknown_unit")]


def test_investor_must_be_an_enterprise(db):
    with db.write() as s:
        department = f.unit(s)
    err = rejected(db, lambda s: projects.create(s, f.project_data(s, department)))
    assert err.errors[0].rule == "unit_not_enterprise"


def test_duplicate_unit_name_is_refused(db):
    with db.write() as s:
        f.unit(s, "重庆市商务委员会")
    err = rejected(db, lambda s: f.unit(s, "重庆市商务委员会"))
    assert err.errors[0].rule == "unique"


def test_second_project_same_investor_same_name_names_the_first(db):
    with db.write() as s:
        investor = f.enterprise(s)
        first = projects.create(s, f.project_data(s, investor, name="锂电池 材料项目")).id
    err = rejected(
        db, lambda s: projects.create(s, f.project_data(s, investor, name="锂电池材料项目"))
    )
    assert err.errors[0].rule == "duplicate_project"
    assert f"id {first}" in str(err) and "锂电池 材料项目" in str(err)


def test_stale_version_is_a_conflict_and_writes_nothing(db):
    with db.write() as s:
        meeting = meetings.create(s, f.meeting_data(s))
    with db.write() as s:  # somebody else saves first
        meetings.update(s, meeting.id, f.meeting_data(s, venue="永川"), version=1)
    err = rejected(
        db, lambda s: meetings.update(s, meeting.id, f.meeting_data(s, venue="泸州"), version=1)
    )
    assert isinstance(err, ConflictError)
    assert "changed elsewhere" in str(err)


def test_concurrent_sessions_cannot_overwrite_each_other(db):
    """version_id_col: two open sessions, the second flush fails instead of overwriting."""
    from sqlalchemy.orm.exc import StaleDataError

    from db.models import Unit

    with db.write() as s:
        unit_id = f.unit(s)
    first, second = db.session(), db.session()
    a, b = first.get(Unit, unit_id), second.get(Unit, unit_id)
    a.city = "成都"
    first.commit()
    b.city = "绵阳"
    with pytest.raises(StaleDataError):
        second.commit()
    first.close()
    second.close()


def _two_members(s):
    a, b = f.unit(s, "川南临港片区", "ftz_area"), f.unit(s, "永川高新区", "innovation_zone")
    return f.alliance_with_members(s, a, b), a, b


def test_overlapping_chair_term_is_refused(db):
    with db.write() as s:
        alliance, a, b = _two_members(s)
        alliances.add_chair_term(s, alliance, a, date(2023, 1, 1), date(2024, 1, 1))
    err = rejected(
        db, lambda s: alliances.add_chair_term(s, alliance, b, date(2023, 6, 1), date(2024, 6, 1))
    )
    assert err.errors[0].rule == "chair_overlap"
    assert "overlaps" in str(err)


def test_chair_who_is_not_a_member_is_refused(db):
    with db.write() as s:
        alliance, a, _b = _two_members(s)
        outsider = f.unit(s, "外省单位", "other", province="other")
    err = rejected(db, lambda s: alliances.add_chair_term(s, alliance, outsider, date(2024, 1, 1)))
    assert err.errors[0].rule == "chair_not_member"
    assert "外省单位" in str(err)


def test_member_cannot_leave_while_chairing(db):
    with db.write() as s:
        alliance, a, _b = _two_members(s)
        alliances.add_chair_term(s, alliance, a, date(2023, 1, 1))
        member_id = next(
            m.id
            for m in alliances.common.get_record(s, alliances.Alliance, alliance).members
            if m.unit_id == a
        )
    err = rejected(db, lambda s: alliances.member_leaves(s, member_id, date(2024, 1, 1)))
    assert err.errors[0].rule == "chair_not_member"


def test_handover_closes_the_current_term_and_opens_the_next(db):
    with db.write() as s:
        alliance, a, b = _two_members(s)
        alliances.add_chair_term(s, alliance, a, date(2023, 1, 13))
        meeting = meetings.create(s, f.meeting_data(s)).id
    with db.write() as s:
        alliances.hand_over(s, alliance, b, date(2024, 12, 12), meeting)
    with db.read() as conn:
        from db.queries.details import alliance_detail

        terms = alliance_detail(conn, alliance)["chair_terms"]
    assert [(t["unit_id"], t["start_date"], t["end_date"]) for t in terms] == [
        (a, date(2023, 1, 13), date(2024, 12, 12)),
        (b, date(2024, 12, 12), None),
    ]
    assert terms[1]["handover_meeting"] == "川渝自贸协同开放示范区产业对接会"


def test_failed_handover_leaves_the_current_chair_in_office(db):
    with db.write() as s:
        alliance, a, _b = _two_members(s)
        alliances.add_chair_term(s, alliance, a, date(2023, 1, 13))
        outsider = f.unit(s, "外省单位", "other", province="other")
    rejected(db, lambda s: alliances.hand_over(s, alliance, outsider, date(2024, 12, 12)))
    with db.write() as s:
        assert alliances.current_chair(s, alliance).unit_id == a


def test_stage_follows_the_progress_log_and_never_goes_back(db):
    with db.write() as s:
        project = projects.create(s, f.project_data(s, f.enterprise(s))).id
        projects.add_progress(
            s, project, projects.ProgressData(date(2025, 1, 10), "registered", "完成注册")
        )
        projects.add_progress(
            s,
            project,
            projects.ProgressData(date(2025, 3, 1), "construction", "开工", funds_arrived="5000"),
        )
    err = rejected(
        db,
        lambda s: projects.add_progress(
            s, project, projects.ProgressData(date(2025, 4, 1), "registered", "x")
        ),
    )
    assert err.errors[0].rule == "stage_backwards"
    with db.write() as s:
        projects.add_progress(
            s, project, projects.ProgressData(date(2025, 5, 1), "terminated", "投资方撤资")
        )
        p = s.get(projects.Project, project)
        assert (p.stage, p.funds_arrived, p.terminated_reason) == (
            "terminated",
            Decimal("5000.00"),
            "投资方撤资",
        )
        assert p.last_progress_date == date(2025, 5, 1)


def test_nothing_follows_termination(db):
    with db.write() as s:
        project = projects.create(s, f.project_data(s, f.enterprise(s))).id
        projects.add_progress(
            s, project, projects.ProgressData(date(2025, 1, 10), "terminated", "撤资")
        )
    err = rejected(
        db,
        lambda s: projects.add_progress(
            s, project, projects.ProgressData(date(2025, 2, 1), "construction", "x")
        ),
    )
    assert err.errors[0].rule == "stage_backwards"


def test_every_problem_of_a_form_is_reported_at_once(db):
    err = rejected(
        db,
        lambda s: meetings.create(
            s, f.meeting_data(s, title="", kind_id=None, start_date=None, venue="馆" * 300)
        ),
    )
    assert {e.field for e in err.errors} == {"title", "kind", "start_date", "venue"}


def test_messages_follow_the_language(db):
    from db.lang import set_language

    set_language("zh")
    err = rejected(db, lambda s: meetings.create(s, f.meeting_data(s, title="")))
    assert str(err) == "“活动名称”为必填项。"


def test_unit_lookup_by_short_name_and_folded_name(db):
    with db.write() as s:
        unit_id = f.unit(
            s, "中国（四川）自由贸易试验区川南临港片区", "ftz_area", short_name="川南临港片区"
        )
        assert units.find(s, "川南临港片区").id == unit_id
        assert units.find(s, " 中国(四川)自由贸易试验区川南临港片区 ").id == unit_id
        assert units.find(s, "不存在") is None


def test_merge_moves_every_reference_to_the_unit_kept(db):
    with db.write() as s:
        keep = f.enterprise(s, "示例企业有限公司")
        drop = f.enterprise(s, "示例企业（有限公司）")  # the same firm typed again
        project = projects.create(s, f.project_data(s, drop)).id
        meeting = meetings.create(
            s, f.meeting_data(s, hosts=[meetings.HostData(drop), meetings.HostData(keep)])
        ).id
    with db.write() as s:
        units.merge(s, keep, drop)
    with db.write() as s:
        assert s.get(projects.Project, project).investor_id == keep
        hosts = [h.unit_id for h in s.get(meetings.Meeting, meeting).hosts]
        assert hosts == [keep]
        assert s.get(units.Unit, drop).deleted_at is not None
