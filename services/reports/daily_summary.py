"""The daily summary to owners (C9): yesterday's shifts, hours, labour cost, late
arrivals and no-shows of each organization, at the hour each owner chose.

The figures are the reports' own (`services.reports.figures.build_report` over "yesterday" for
the whole organization), built once per organization and tick. An owner's summary is
due from their hour (local time of the organization) for `CATCH_UP` more, so a worker
that was down at that hour still sends it; the dedup key (organization, owner, local
date) makes it go once a day, whatever the number of ticks or schedulers.
"""

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.notify.outbox import DAILY_SUMMARY, UserNotification, notify_many
from services.payroll.rules import ZERO, hours_of
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipRole,
    MembershipStatus,
    NotificationPreferences,
    Organization,
    OutboxMessage,
    User,
)
from services.platform.db.models.notification_prefs import DEFAULT_DAILY_SUMMARY_HOUR
from services.platform.i18n import translator_for
from services.platform.local_time import local_today
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, period_of
from services.reports.report import Report
from services.reports.scope import ReportScope
from services.staff.permissions import Actor
from services.staff.users import birthdays_on

CATCH_UP = timedelta(hours=2)


@dataclass(frozen=True)
class _DueSummary:
    organization: Organization
    owner: User
    membership_id: int
    dedup_key: str


def summary_due(now: datetime, timezone: str, hour: int) -> bool:
    """Whether `now` falls within [hour, hour + CATCH_UP) of its local day in `timezone`."""
    local_now = now.astimezone(ZoneInfo(timezone))
    due_from = datetime.combine(local_now.date(), time(hour), tzinfo=local_now.tzinfo)
    return due_from <= local_now < due_from + CATCH_UP


async def _due_summaries(session: AsyncSession, now: datetime) -> list[_DueSummary]:
    """Owners whose hour it is and whose summary of this local day is not queued yet."""
    rows = await session.execute(
        select(
            Organization,
            User,
            Membership.id,
            NotificationPreferences.daily_summary_hour,
            NotificationPreferences.muted_kinds,
        )
        .join(Membership, Membership.organization_id == Organization.id)
        .join(User, User.id == Membership.user_id)
        .outerjoin(NotificationPreferences, NotificationPreferences.user_id == User.id)
        .where(
            Membership.role == MembershipRole.OWNER,
            Membership.status == MembershipStatus.ACTIVE,
            User.is_reachable.is_(True),
        )
        .order_by(Organization.id, User.id)
    )
    candidates = []
    for organization, owner, membership_id, hour, muted in rows:
        if DAILY_SUMMARY.name in (muted or ()):
            continue
        if not summary_due(now, organization.timezone, hour or DEFAULT_DAILY_SUMMARY_HOUR):
            continue
        local_day = local_today(now, ZoneInfo(organization.timezone))
        key = f"{DAILY_SUMMARY.name}:{organization.id}:{owner.id}:{local_day.isoformat()}"
        candidates.append(_DueSummary(organization, owner, membership_id, key))
    if not candidates:
        return []
    queued = set(
        await session.scalars(
            select(OutboxMessage.dedup_key).where(
                OutboxMessage.dedup_key.in_([due.dedup_key for due in candidates])
            )
        )
    )
    return [due for due in candidates if due.dedup_key not in queued]


def _payload(report: Report, language: str) -> dict[str, str | int]:
    translator = translator_for(language)
    totals = report.totals
    return {
        "organization": report.organization_name,
        "date": report.period.start.strftime("%d.%m.%Y"),
        "shifts": totals.shifts,
        "hours": translator.number(hours_of(totals.minutes)),
        "cost": translator.money(totals.cost or ZERO, report.currency),
        "late_arrivals": totals.late_arrivals,
        "no_shows": totals.no_shows,
    }


async def queue_daily_summaries(session: AsyncSession, clock: Clock) -> int:
    """Queue the summaries that are due, one report per organization; returns how many."""
    now = clock.now()
    due = await _due_summaries(session, now)
    reports: dict[int, Report] = {}
    summaries = []
    for summary in due:
        organization = summary.organization
        if organization.id not in reports:
            owner = Actor(
                summary.owner.id, organization.id, summary.membership_id, MembershipRole.OWNER
            )
            today = local_today(now, ZoneInfo(organization.timezone))
            period = period_of(PeriodKind.YESTERDAY, today)
            reports[organization.id] = await build_report(
                session, clock, owner, period, ReportScope()
            )
        payload = _payload(reports[organization.id], summary.owner.language)
        birthdays = await birthdays_on(
            session, organization.id, local_today(now, ZoneInfo(organization.timezone))
        )
        summaries.append(
            UserNotification(
                summary.owner.id,
                summary.dedup_key,
                {
                    **payload,
                    "timezone": organization.timezone,
                    "birthday_count": len(birthdays),
                    "birthdays": ", ".join(birthdays),
                },
            )
        )
    await notify_many(session, kind=DAILY_SUMMARY.name, not_before=now, notifications=summaries)
    return len(summaries)
