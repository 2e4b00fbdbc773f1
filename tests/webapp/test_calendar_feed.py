"""The private calendar feed, subscribed to as a phone calendar would: the webapp runs
under uvicorn on a loopback port and the `.ics` URL is fetched over HTTP and parsed."""

import asyncio
import socket
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import httpx
import pytest
import uvicorn
from icalendar import Calendar

from services.calendar.feed import calendar_token, rotate_calendar_token
from services.planning.bookings import book_slot
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.models import TimeOffKind
from services.platform.db.session import SessionFactory
from services.time_off.requests import approve_time_off, request_time_off
from tests.support.planning import make_employee, make_object, make_slot, make_world
from webapp.app import create_app

BERLIN = ZoneInfo("Europe/Berlin")
# Berlin goes to summer time in the night of 28 to 29 March 2026.
SATURDAY = date(2026, 3, 28)


@pytest.fixture
async def base_url(settings: Settings, clock: ManualClock) -> AsyncIterator[str]:
    app = create_app(settings)
    app.state.clock = clock
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = int(probe.getsockname()[1])
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None, lifespan="on")
    )
    task = asyncio.create_task(server.serve())
    while not server.started:
        if task.done():
            task.result()
        await asyncio.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await task


def _events(body: bytes) -> dict[str, object]:
    calendar = Calendar.from_ical(body)
    return {str(event["SUMMARY"]): event for event in calendar.walk("VEVENT")}


async def test_a_subscribed_calendar_shows_shifts_in_local_time_and_time_off(
    base_url: str, session_factory: SessionFactory, clock: ManualClock
) -> None:
    async with session_factory() as session:
        world = await make_world(session, clock, owner_language="en")
        bar = await make_object(session, world.organization, name="Bar", timezone="Europe/Berlin")
        ivan, _ = await make_employee(
            session, world.organization, [world.work_object, bar], telegram_id=11, language="en"
        )
        night = await make_slot(
            session, clock, world.owner, bar, day=SATURDAY, start=time(22), end=time(6)
        )
        await book_slot(session, clock, user_id=ivan.id, slot_id=night.id)
        request = await request_time_off(
            session,
            clock,
            user_id=ivan.id,
            organization_id=world.organization.id,
            kind=TimeOffKind.VACATION,
            first_day=date(2026, 3, 9),
            last_day=date(2026, 3, 13),
        )
        await approve_time_off(session, clock, user_id=world.owner.id, request_id=request.id)
        ivan_token = await calendar_token(session, user_id=ivan.id)
        owner_token = await calendar_token(session, user_id=world.owner.id)
        await session.commit()

    async with httpx.AsyncClient(base_url=base_url) as http:
        answer = await http.get(f"/calendar/{ivan_token}.ics")
        assert answer.status_code == 200
        assert answer.headers["content-type"].startswith("text/calendar")
        calendar = Calendar.from_ical(answer.content)
        assert {str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")} == {"Europe/Berlin"}
        events = _events(answer.content)
        shift = events["Shift: Bar"]
        starts, ends = shift.decoded("DTSTART"), shift.decoded("DTEND")
        assert starts.tzinfo is not None and ends.tzinfo is not None
        assert starts.astimezone(BERLIN).replace(tzinfo=None) == datetime(2026, 3, 28, 22, 0)
        assert ends.astimezone(BERLIN).replace(tzinfo=None) == datetime(2026, 3, 29, 6, 0)
        assert ends.astimezone(UTC) - starts.astimezone(UTC) == timedelta(hours=7)  # DST night
        vacation = events["🌴 Vacation"]
        assert vacation.decoded("DTSTART") == date(2026, 3, 9)
        assert vacation.decoded("DTEND") == date(2026, 3, 14)

        owner_view = _events((await http.get(f"/calendar/{owner_token}.ics")).content)
        assert "Ivan — Bar" in owner_view
        assert "🌴 Vacation" not in owner_view  # someone else's time off stays private

        async with session_factory() as session:
            await rotate_calendar_token(session, clock, user_id=ivan.id)
            await session.commit()
        assert (await http.get(f"/calendar/{ivan_token}.ics")).status_code == 404
        assert (await http.get("/calendar/not-a-token.ics")).status_code == 404
        assert (await http.get(f"/calendar/{'x' * 500}.ics")).status_code == 404
