"""Property tests over the project service: accepted reads back equal, rejected changes nothing."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from db.enums import InvestorOrigin, ProjectType
from db.errors import ValidationError
from db.services import projects, units
from tests import factories as f

text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=600)
amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True, places=None),
    st.decimals(min_value=-10, max_value=Decimal("1e13"), places=2),
    st.integers(min_value=-5, max_value=10**13),
)
dates = st.one_of(st.none(), st.dates(min_value=date(1800, 1, 1), max_value=date(2200, 12, 31)))
origins = st.sampled_from([*InvestorOrigin, "nowhere", None])
types = st.sampled_from([*ProjectType, "bogus"])


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(name=text, amount=amounts, signed=dates, origin=origins, ptype=types, locality=text)
def test_project_service_round_trip_or_nothing(db, name, amount, signed, origin, ptype, locality):
    with db.write() as s:
        investor = units.find_or_create(s, units.UnitData("属性测试企业", "enterprise", "sichuan"))[
            0
        ].id
    before = f.snapshot(db)
    with db.write() as s:
        data = f.project_data(
            s,
            investor,
            name=name,
            investment=amount,
            signed_date=signed,
            investor_origin=origin,
            project_type=ptype,
            host_locality=locality,
        )
    try:
        with db.write() as s:
            project_id = projects.create(s, data).id
    except ValidationError as err:
        assert err.errors and all(e.message for e in err.errors)
        assert f.snapshot(db) == before
        return
    with db.write() as s:
        p = s.get(projects.Project, project_id)
        assert p.name == name.strip()
        assert p.investment == Decimal(str(amount))
        assert p.signed_date == signed
        assert p.investor_origin == origin and p.project_type == ptype
        assert p.host_locality == (locality.strip() or None)
        projects.delete(s, project_id)  # keep the investor free for the next example
