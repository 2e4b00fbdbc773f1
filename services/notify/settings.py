"""A user's notification settings: which kinds they receive, how long before a shift
they are reminded, quiet hours during which non-urgent notifications wait, and (owners
and managers) the local hour of the daily summary."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import NOTIFICATION_KINDS, NotificationKind
from services.platform.db.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    NotificationPreferences,
)
from services.platform.db.models.notification_prefs import (
    DEFAULT_DAILY_SUMMARY_HOUR,
    DEFAULT_REMINDER_LEAD_MINUTES,
)
from services.platform.errors import InvalidInput

REMINDER_LEAD_CHOICES = (15, 30, 60, 90, 120, 180)
# Local hours (the organization's timezone) an owner or manager may get the daily summary at.
DAILY_SUMMARY_HOUR_CHOICES = (6, 7, 8, 9, 10, 11, 12, 18, 20, 21, 22)
# Quiet-hour windows offered in the settings dialog (local start, local end).
QUIET_HOURS_CHOICES = ((time(22), time(8)), (time(23), time(7)), (time(21), time(9)))


def default_preferences(user_id: int) -> NotificationPreferences:
    return NotificationPreferences(
        user_id=user_id,
        muted_kinds=[],
        reminder_lead_minutes=DEFAULT_REMINDER_LEAD_MINUTES,
        daily_summary_hour=DEFAULT_DAILY_SUMMARY_HOUR,
    )


async def get_preferences(session: AsyncSession, user_id: int) -> NotificationPreferences:
    """The user's settings, or the defaults (not stored) when they changed nothing."""
    stored = await session.get(NotificationPreferences, user_id)
    return stored if stored is not None else default_preferences(user_id)


async def management_roles(session: AsyncSession, user_id: int) -> set[MembershipRole]:
    """The user's active roles above employee (owner, manager) in any organization."""
    roles = await session.scalars(
        select(Membership.role).where(
            Membership.user_id == user_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role.in_([MembershipRole.OWNER, MembershipRole.MANAGER]),
        )
    )
    return {MembershipRole(role) for role in roles}


async def is_active_member(session: AsyncSession, user_id: int, organization_id: int) -> bool:
    """Whether the user is an active member of the organization (not dismissed)."""
    found = await session.scalar(
        select(Membership.id).where(
            Membership.user_id == user_id,
            Membership.organization_id == organization_id,
            Membership.status == MembershipStatus.ACTIVE,
        )
    )
    return found is not None


def offered_kinds(roles: set[MembershipRole]) -> list[NotificationKind]:
    """The kinds a user may switch off: the optional ones addressed to people like them
    (kinds for owners and managers only to those who own or manage something)."""
    return [
        kind
        for kind in NOTIFICATION_KINDS.values()
        if kind.optional and (roles or not kind.for_managers)
    ]


async def _stored_preferences(session: AsyncSession, user_id: int) -> NotificationPreferences:
    stored = await session.get(NotificationPreferences, user_id, with_for_update=True)
    if stored is None:
        stored = default_preferences(user_id)
        session.add(stored)
    return stored


async def toggle_kind(session: AsyncSession, user_id: int, kind: str) -> bool:
    """Switch an optional kind off or back on; returns whether it is now received."""
    registered = NOTIFICATION_KINDS.get(kind)
    if registered is None or not registered.optional:
        raise InvalidInput(reason="notification-kind")
    preferences = await _stored_preferences(session, user_id)
    muted = set(preferences.muted_kinds)
    receives = kind in muted
    muted.symmetric_difference_update({kind})
    preferences.muted_kinds = sorted(muted)
    await session.flush()
    return receives


async def set_reminder_lead(session: AsyncSession, user_id: int, minutes: int) -> None:
    """How many minutes before a planned shift the reminder comes (one of the choices)."""
    if minutes not in REMINDER_LEAD_CHOICES:
        raise InvalidInput(reason="reminder-lead")
    preferences = await _stored_preferences(session, user_id)
    preferences.reminder_lead_minutes = minutes
    await session.flush()


async def set_daily_summary_hour(session: AsyncSession, user_id: int, hour: int) -> None:
    """The local hour an owner or manager gets yesterday's summary at (one of the choices)."""
    if hour not in DAILY_SUMMARY_HOUR_CHOICES:
        raise InvalidInput(reason="daily-summary-hour")
    preferences = await _stored_preferences(session, user_id)
    preferences.daily_summary_hour = hour
    await session.flush()


async def set_quiet_hours(
    session: AsyncSession, user_id: int, window: tuple[time, time] | None
) -> None:
    """Quiet hours (local start and end, may cross midnight) or None to switch them off."""
    if window is not None and window[0] == window[1]:
        raise InvalidInput(reason="quiet-hours")
    preferences = await _stored_preferences(session, user_id)
    preferences.quiet_hours_start, preferences.quiet_hours_end = window or (None, None)
    await session.flush()


def quiet_hours_end(
    moment: datetime, timezone: ZoneInfo, start: time | None, end: time | None
) -> datetime | None:
    """When `moment` falls into the local window [start, end) (which may cross
    midnight), the UTC instant the window ends; otherwise None."""
    if start is None or end is None or start == end:
        return None
    local = moment.astimezone(timezone)
    now = local.time().replace(tzinfo=None)
    crosses_midnight = start > end
    inside = (start <= now or now < end) if crosses_midnight else (start <= now < end)
    if not inside:
        return None
    end_date = local.date()
    if crosses_midnight and now >= start:
        end_date += timedelta(days=1)
    # Built as a wall-clock time and resolved by the zone (DST days included).
    return datetime.combine(end_date, end, tzinfo=timezone).astimezone(UTC)
