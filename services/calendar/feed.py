"""The calendar feed: its token (one per person; rotating replaces it, so the old URL
answers 404 at once) and the iCalendar file it serves."""

import secrets
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import (
    CalendarFeed,
    Membership,
    MembershipObject,
    MembershipRole,
    MembershipStatus,
    Organization,
    PlannedShift,
    PlannedShiftStatus,
    TimeOffRequest,
    TimeOffStatus,
    User,
    WorkObject,
)
from services.platform.db.models.users import display_name_of
from services.platform.i18n import translator_for

# The feed covers this much of the past and of the future.
PAST = timedelta(days=31)
FUTURE = timedelta(days=120)
TOKEN_BYTES = 24
PRODUCT_ID = "-//StaffProBot//Calendar feed//EN"

if TYPE_CHECKING:
    from icalendar import Calendar


def _new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


async def calendar_token_of(session: AsyncSession, *, user_id: int) -> str | None:
    """The person's feed token, if they have one."""
    return await session.scalar(select(CalendarFeed.token).where(CalendarFeed.user_id == user_id))


async def calendar_token(session: AsyncSession, *, user_id: int) -> str:
    """The person's feed token, made on first use."""
    feed = await session.scalar(select(CalendarFeed).where(CalendarFeed.user_id == user_id))
    if feed is None:
        feed = CalendarFeed(user_id=user_id, token=_new_token())
        session.add(feed)
        await session.flush()
    return feed.token


async def rotate_calendar_token(session: AsyncSession, clock: Clock, *, user_id: int) -> str:
    """A new token for the person's feed; the old URL stops working."""
    feed = await session.scalar(
        select(CalendarFeed).where(CalendarFeed.user_id == user_id).with_for_update()
    )
    if feed is None:
        return await calendar_token(session, user_id=user_id)
    feed.token = _new_token()
    feed.rotated_at = clock.now()
    await session.flush()
    return feed.token


async def _managed_object_ids(session: AsyncSession, user_id: int) -> set[int]:
    """Objects whose shifts a person sees as owner (all of the organization's) or as
    manager (the objects they were given)."""
    owned = select(WorkObject.id).join(
        Membership,
        and_(
            Membership.organization_id == WorkObject.organization_id,
            Membership.role == MembershipRole.OWNER,
        ),
    )
    managed = select(MembershipObject.object_id).join(
        Membership,
        and_(
            Membership.id == MembershipObject.membership_id,
            Membership.role == MembershipRole.MANAGER,
        ),
    )
    active = and_(Membership.user_id == user_id, Membership.status == MembershipStatus.ACTIVE)
    ids = set(await session.scalars(owned.where(active)))
    ids.update(await session.scalars(managed.where(active)))
    return ids


async def calendar_feed(session: AsyncSession, clock: Clock, token: str) -> bytes | None:
    """The iCalendar file of the feed with this token, or None for an unknown token."""
    feed = await session.scalar(select(CalendarFeed).where(CalendarFeed.token == token))
    if feed is None:
        return None
    user = await session.get(User, feed.user_id)
    assert user is not None
    i18n = translator_for(user.language)
    # Loaded by the first feed served: the bot only hands out its link.
    from icalendar import Calendar, Event

    now = clock.now()
    since, until = now - PAST, now + FUTURE
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", i18n("calendar-feed-name"))
    managed = await _managed_object_ids(session, user.id)
    rows = await session.execute(
        select(PlannedShift, WorkObject, User)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .join(User, User.id == PlannedShift.user_id)
        .where(
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            PlannedShift.starts_at < until,
            PlannedShift.ends_at > since,
            or_(PlannedShift.user_id == user.id, PlannedShift.object_id.in_(managed)),
        )
        .order_by(PlannedShift.starts_at, PlannedShift.id)
    )
    for planned_shift, work_object, worker in rows:
        zone = ZoneInfo(work_object.timezone)
        event = Event()
        event.add("uid", f"planned-shift-{planned_shift.id}@staffprobot")
        event.add("dtstamp", now)
        event.add("dtstart", planned_shift.starts_at.astimezone(zone))
        event.add("dtend", planned_shift.ends_at.astimezone(zone))
        own = planned_shift.user_id == user.id
        event.add(
            "summary",
            i18n("calendar-own-shift", object_name=work_object.name)
            if own
            else i18n(
                "calendar-staff-shift",
                object_name=work_object.name,
                name=display_name_of(
                    worker.first_name, worker.last_name, worker.username, worker.telegram_id
                ),
            ),
        )
        if work_object.address:
            event.add("location", work_object.address)
        calendar.add_component(event)
    time_off = await session.execute(
        select(TimeOffRequest, Organization.timezone)
        .join(Organization, Organization.id == TimeOffRequest.organization_id)
        .where(
            TimeOffRequest.user_id == user.id,
            TimeOffRequest.status == TimeOffStatus.APPROVED,
            TimeOffRequest.ends_at > since,
            TimeOffRequest.starts_at < until,
        )
        .order_by(TimeOffRequest.first_day)
    )
    for request, timezone in time_off:
        _add_time_off(
            calendar, request, ZoneInfo(timezone), now, i18n(f"time-off-kind-{request.kind}")
        )
    calendar.add_missing_timezones(
        first_date=(since - PAST).date(), last_date=(until + FUTURE).date()
    )
    return calendar.to_ical()


def _add_time_off(
    calendar: "Calendar", request: TimeOffRequest, zone: ZoneInfo, now: datetime, title: str
) -> None:
    """Whole days as all-day events; part of a day as a timed event on each of its days,
    in the organization's timezone."""
    from icalendar import Event

    if request.start_time is None or request.end_time is None:
        event = Event()
        event.add("uid", f"time-off-{request.id}@staffprobot")
        event.add("dtstamp", now)
        event.add("dtstart", request.first_day)
        event.add("dtend", request.last_day + timedelta(days=1))
        event.add("summary", f"🌴 {title}")
        calendar.add_component(event)
        return
    day: date = request.first_day
    while day <= request.last_day:
        end_day = day if request.end_time > request.start_time else day + timedelta(days=1)
        event = Event()
        event.add("uid", f"time-off-{request.id}-{day.isoformat()}@staffprobot")
        event.add("dtstamp", now)
        event.add("dtstart", datetime.combine(day, request.start_time, tzinfo=zone))
        event.add("dtend", datetime.combine(end_day, request.end_time, tzinfo=zone))
        event.add("summary", f"🌴 {title}")
        calendar.add_component(event)
        day += timedelta(days=1)
