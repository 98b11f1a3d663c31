"""Every change is stamped and logged with old -> new values in the same transaction."""

from __future__ import annotations

from db.queries.details import history
from db.services import common, meetings, units
from tests import factories as f


def test_create_update_delete_restore_are_logged(db):
    db.user = "clerk-a"
    with db.write() as s:
        unit_id = f.unit(s, "四川省商务厅")
    db.user = "clerk-b"
    with db.write() as s:
        units.update(
            s,
            unit_id,
            units.UnitData("四川省商务厅", "government", "sichuan", city="成都"),
            version=1,
        )
    with db.write() as s:
        units.delete(s, unit_id, version=2)
    with db.write() as s:
        common.restore(s, units.Unit, unit_id)
    with db.read() as conn:
        log = history(conn, "unit", unit_id)
    assert [e["action"] for e in log] == ["create", "update", "delete", "restore"]
    assert [e["by"] for e in log] == ["clerk-a", "clerk-b", "clerk-b", "clerk-b"]
    assert log[1]["changes"] == {"city": [None, "成都"]}
    with db.write() as s:
        unit = s.get(units.Unit, unit_id)
        assert (unit.created_by, unit.updated_by, unit.version) == ("clerk-a", "clerk-b", 4)


def test_child_list_changes_are_logged_on_the_parent_and_bump_its_version(db):
    with db.write() as s:
        a, b = f.unit(s, "甲单位"), f.unit(s, "乙单位")
        meeting = meetings.create(s, f.meeting_data(s, hosts=[meetings.HostData(a)])).id
    with db.write() as s:
        meetings.update(
            s,
            meeting,
            f.meeting_data(s, hosts=[meetings.HostData(a), meetings.HostData(b, "organiser")]),
            version=1,
        )
        assert s.get(meetings.Meeting, meeting).version == 2
    with db.read() as conn:
        last = history(conn, "meeting", meeting)[-1]
    assert last["changes"]["hosts"] == [["甲单位:host"], ["甲单位:host", "乙单位:organiser"]]


def test_rolled_back_write_leaves_no_audit_row(db):
    before = f.audit_count(db)
    try:
        with db.write() as s:
            f.unit(s, "临时单位")
            raise RuntimeError("power cut")
    except RuntimeError:
        pass
    assert f.audit_count(db) == before
