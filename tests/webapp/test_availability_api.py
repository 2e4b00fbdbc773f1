"""My availability in the Mini App: the page, reading the week and stating a weekday;
and the board's candidates of a slot greyed out with the reason."""

import httpx
import pytest
from sqlalchemy import select

from services.platform.clock import ManualClock
from services.platform.db.models import AvailabilityKind, WeeklyAvailability
from services.platform.db.session import SessionFactory
from tests.support.miniapp import MiniAppCast, seed_miniapp_cast
from tests.support.webapp import MiniAppApi


@pytest.fixture
async def cast(session_factory: SessionFactory, clock: ManualClock) -> MiniAppCast:
    return await seed_miniapp_cast(session_factory, clock)


async def test_the_page_is_served_in_the_users_language(http: httpx.AsyncClient) -> None:
    answer = await http.get("/app/availability", params={"lang": "en"})
    assert answer.status_code == 200
    assert "When I can work" in answer.text


async def test_an_employee_states_a_weekday_and_the_planner_sees_them_greyed_out(
    api: MiniAppApi, cast: MiniAppCast, session_factory: SessionFactory
) -> None:
    week = (await api.get(cast.ivan, "/availability")).json()["weekdays"]
    assert [day["kind"] for day in week] == ["none"] * 7

    saved = await api.post(cast.ivan, "/availability/weekdays/2", kind="unavailable")
    assert saved.status_code == 200
    refused = await api.post(
        cast.ivan, "/availability/weekdays/3", kind="available", start="09:00", end="09:00"
    )
    assert refused.status_code == 409 and refused.json()["detail"]["code"] == "invalid-input"
    assert (await api.post(cast.ivan, "/availability/weekdays/9", kind="none")).status_code == 422

    week = (await api.get(cast.ivan, "/availability")).json()["weekdays"]
    assert week[2]["kind"] == "unavailable"
    async with session_factory() as session:
        rows = list(await session.scalars(select(WeeklyAvailability)))
    assert [(r.user_id, r.weekday, r.kind) for r in rows] == [
        (cast.ivan.id, 2, AvailabilityKind.UNAVAILABLE)
    ]

    # The cast's Wednesday slot: Ivan can't work on Wednesdays now, Maria can.
    answer = await api.get(cast.owner, f"/slots/{cast.wednesday_slot_id}/candidates")
    candidates = {c["name"]: c for c in answer.json()["employees"]}
    assert candidates["Ivan"]["availability"] == "unavailable"
    assert "⛔" in candidates["Ivan"]["why"]
    assert candidates["Maria"]["availability"] == "available"
    assigned = await api.post(
        cast.owner, f"/slots/{cast.wednesday_slot_id}/assign", membership_id=cast.ivan_membership_id
    )
    assert assigned.json()["detail"]["code"] == "outside-availability"
    assigned = await api.post(
        cast.owner,
        f"/slots/{cast.wednesday_slot_id}/assign",
        membership_id=cast.ivan_membership_id,
        availability_reason="Inventory day",
    )
    assert assigned.status_code == 200

    await api.post(cast.ivan, "/availability/weekdays/2", kind="none")
    assert (await api.get(cast.ivan, "/availability")).json()["weekdays"][2]["kind"] == "none"
