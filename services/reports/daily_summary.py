"""The daily summary to owners and managers (C9): yesterday's shifts, hours, labour
cost, late arrivals and no-shows, at the hour each of them chose.

The figures are the reports' own (`services.reports.figures.build_report` over
"yesterday" with the recipient as the actor): an owner's cover the whole organization, a
manager's only the objects they may report on (`view`), without the labour cost unless
they hold `view_money` on all of them, as their reports are; a manager with `view` on
no object gets none. One report is built per organization, scope and tick, so owners
(and managers of the same objects) share one. A summary is due from its recipient's
hour (local time of the organization) for `CATCH_UP` more, so a worker that was down at
that hour still sends it; the dedup key (organization, recipient, local date) makes it
go once a day, whatever the number of ticks or schedulers.
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
from services.platform.errors import PermissionDenied
from services.platform.i18n import translator_for
from services.platform.local_time import local_today
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, period_of
from services.reports.report import Report
from services.reports.scope import ReportScope, filter_of_scope
from services.staff.permissions import Actor
from services.staff.users import birthdays_on

CATCH_UP = timedelta(hours=2)
RECIPIENT_ROLES = (MembershipRole.OWNER, MembershipRole.MANAGER)


@dataclass(frozen=True)
class _DueSummary:
    organization: Organization
    recipient: User
    actor: Actor
    dedup_key: str


@dataclass(frozen=True)
class _SummaryScope:
    """What a summary covers: every object of the organization (`object_ids` None) or
    these, with or without money. Recipients with equal scopes share one report."""

    organization_id: int
    object_ids: frozenset[int] | None
    show_money: bool
    # Whose figures: the organization, and the objects for a summary of some of them.
    title: str


@dataclass(frozen=True)
class _ScopeFigures:
    report: Report
    birthdays: list[str]


def summary_due(now: datetime, timezone: str, hour: int) -> bool:
    """Whether `now` falls within [hour, hour + CATCH_UP) of its local day in `timezone`."""
    local_now = now.astimezone(ZoneInfo(timezone))
    due_from = datetime.combine(local_now.date(), time(hour), tzinfo=local_now.tzinfo)
    return due_from <= local_now < due_from + CATCH_UP


async def _due_summaries(session: AsyncSession, now: datetime) -> list[_DueSummary]:
    """Owners and managers whose hour it is and whose summary of this local day is not
    queued yet (muted and unreachable ones left out)."""
    rows = await session.execute(
        select(
            Organization,
            User,
            Membership.id,
            Membership.role,
            NotificationPreferences.daily_summary_hour,
            NotificationPreferences.muted_kinds,
        )
        .join(Membership, Membership.organization_id == Organization.id)
        .join(User, User.id == Membership.user_id)
        .outerjoin(NotificationPreferences, NotificationPreferences.user_id == User.id)
        .where(
            Membership.role.in_(RECIPIENT_ROLES),
            Membership.status == MembershipStatus.ACTIVE,
            User.is_reachable.is_(True),
        )
        .order_by(Organization.id, User.id)
    )
    candidates = []
    for organization, recipient, membership_id, role, hour, muted in rows:
        if DAILY_SUMMARY.name in (muted or ()):
            continue
        if not summary_due(now, organization.timezone, hour or DEFAULT_DAILY_SUMMARY_HOUR):
            continue
        actor = Actor(recipient.id, organization.id, membership_id, MembershipRole(role))
        local_day = local_today(now, ZoneInfo(organization.timezone))
        key = f"{DAILY_SUMMARY.name}:{organization.id}:{recipient.id}:{local_day.isoformat()}"
        candidates.append(_DueSummary(organization, recipient, actor, key))
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


async def _scope_of(session: AsyncSession, actor: Actor) -> _SummaryScope | None:
    """What the actor's organization report covers, or None for a manager who may report
    on no object."""
    try:
        report_filter = await filter_of_scope(session, actor, ReportScope())
    except PermissionDenied:
        return None
    title = report_filter.organization.name
    if report_filter.all_objects:
        return _SummaryScope(actor.organization_id, None, report_filter.show_money, title)
    names = sorted(work_object.name for work_object in report_filter.objects.values())
    return _SummaryScope(
        actor.organization_id,
        frozenset(report_filter.objects),
        report_filter.show_money,
        f"{title} · {', '.join(names)}",
    )


async def receives_daily_summary(session: AsyncSession, user_id: int) -> bool:
    """Whether the user gets a daily summary in some organization: they own one, or
    manage one where they may report on an object. Only they are offered its settings."""
    rows = await session.execute(
        select(Membership.id, Membership.organization_id, Membership.role).where(
            Membership.user_id == user_id,
            Membership.status == MembershipStatus.ACTIVE,
            Membership.role.in_(RECIPIENT_ROLES),
        )
    )
    for membership_id, organization_id, role in rows.all():
        actor = Actor(user_id, organization_id, membership_id, MembershipRole(role))
        if actor.role == MembershipRole.OWNER or await _scope_of(session, actor) is not None:
            return True
    return False


async def _figures_of(
    session: AsyncSession, clock: Clock, summary: _DueSummary, scope: _SummaryScope
) -> _ScopeFigures:
    """Yesterday's report of the scope and today's birthdays of its people."""
    today = local_today(clock.now(), ZoneInfo(summary.organization.timezone))
    period = period_of(PeriodKind.YESTERDAY, today)
    report = await build_report(session, clock, summary.actor, period, ReportScope())
    birthdays = await birthdays_on(session, scope.organization_id, today, scope.object_ids)
    return _ScopeFigures(report, birthdays)


def _payload(
    scope: _SummaryScope, figures: _ScopeFigures, organization: Organization, language: str
) -> dict[str, str | int]:
    """The summary's variables in the recipient's language; no cost when it is hidden."""
    translator = translator_for(language)
    report = figures.report
    totals = report.totals
    payload: dict[str, str | int] = {
        "organization": scope.title,
        "date": report.period.start.strftime("%d.%m.%Y"),
        "shifts": totals.shifts,
        "hours": translator.number(hours_of(totals.minutes)),
        "with_cost": "yes" if report.show_money else "no",
        "late_arrivals": totals.late_arrivals,
        "no_shows": totals.no_shows,
        "timezone": organization.timezone,
        "birthday_count": len(figures.birthdays),
        "birthdays": ", ".join(figures.birthdays),
    }
    if report.show_money:
        payload["cost"] = translator.money(totals.cost or ZERO, report.currency)
    return payload


async def queue_daily_summaries(session: AsyncSession, clock: Clock) -> int:
    """Queue the summaries that are due, one report per organization and scope; returns
    how many."""
    now = clock.now()
    figures: dict[_SummaryScope, _ScopeFigures] = {}
    summaries = []
    for summary in await _due_summaries(session, now):
        scope = await _scope_of(session, summary.actor)
        if scope is None:
            continue
        if scope not in figures:
            figures[scope] = await _figures_of(session, clock, summary, scope)
        language = summary.recipient.language
        payload = _payload(scope, figures[scope], summary.organization, language)
        summaries.append(
            # About the organization: not delivered to someone no longer its member.
            UserNotification(
                summary.recipient.id, summary.dedup_key, payload, summary.organization.id
            )
        )
    await notify_many(session, kind=DAILY_SUMMARY.name, not_before=now, notifications=summaries)
    return len(summaries)
