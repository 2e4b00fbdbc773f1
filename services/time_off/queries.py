"""Read models of time off: a person's own requests, the requests a decider has to answer,
and the days taken by kind per person in a period (reports and the Excel export)."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.availability.queries import time_off_span_of
from services.availability.rules import time_off_days
from services.platform.db.models import (
    Membership,
    TimeOffKind,
    TimeOffRequest,
    TimeOffStatus,
    User,
)
from services.platform.db.models.users import display_name_of
from services.time_off.requests import time_off_deciders

LIVE = (TimeOffStatus.REQUESTED, TimeOffStatus.APPROVED)


@dataclass(frozen=True)
class TimeOffView:
    """One request as lists show it."""

    id: int
    user_id: int
    name: str
    kind: TimeOffKind
    status: TimeOffStatus
    first_day: date
    last_day: date
    window: tuple[str, str] | None
    comment: str
    decision_comment: str


def _view(request: TimeOffRequest, name: str) -> TimeOffView:
    window = (
        (request.start_time.strftime("%H:%M"), request.end_time.strftime("%H:%M"))
        if request.start_time is not None and request.end_time is not None
        else None
    )
    return TimeOffView(
        request.id,
        request.user_id,
        name,
        TimeOffKind(request.kind),
        TimeOffStatus(request.status),
        request.first_day,
        request.last_day,
        window,
        request.comment,
        request.decision_comment,
    )


async def my_time_off(
    session: AsyncSession, *, user_id: int, organization_id: int, since: date
) -> list[TimeOffView]:
    """The person's requested and approved time off that has not ended before `since`."""
    user = await session.get(User, user_id)
    assert user is not None
    rows = await session.scalars(
        select(TimeOffRequest)
        .where(
            TimeOffRequest.user_id == user_id,
            TimeOffRequest.organization_id == organization_id,
            TimeOffRequest.status.in_(LIVE),
            TimeOffRequest.last_day >= since,
        )
        .order_by(TimeOffRequest.first_day, TimeOffRequest.id)
    )
    return [_view(row, user.display_name) for row in rows]


async def pending_time_off(
    session: AsyncSession, *, user_id: int, organization_id: int
) -> list[TimeOffView]:
    """Requests of the organization waiting for a decision the user may take."""
    rows = await session.execute(
        select(TimeOffRequest, Membership, User)
        .join(Membership, Membership.id == TimeOffRequest.membership_id)
        .join(User, User.id == TimeOffRequest.user_id)
        .where(
            TimeOffRequest.organization_id == organization_id,
            TimeOffRequest.status == TimeOffStatus.REQUESTED,
        )
        .order_by(TimeOffRequest.first_day, TimeOffRequest.id)
    )
    return [
        _view(request, user.display_name)
        for request, membership, user in rows
        if user_id in await time_off_deciders(session, membership)
    ]


async def time_off_request(
    session: AsyncSession, *, user_id: int, request_id: int
) -> TimeOffView | None:
    """One request, for its author or one who may decide on it."""
    row = (
        await session.execute(
            select(TimeOffRequest, Membership, User)
            .join(Membership, Membership.id == TimeOffRequest.membership_id)
            .join(User, User.id == TimeOffRequest.user_id)
            .where(TimeOffRequest.id == request_id)
        )
    ).first()
    if row is None:
        return None
    request, membership, user = row
    if request.user_id != user_id and user_id not in await time_off_deciders(session, membership):
        return None
    return _view(request, user.display_name)


@dataclass
class PersonTimeOff:
    """Approved days off of one person within a period, by kind."""

    user_id: int
    name: str
    days: dict[TimeOffKind, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        return sum(self.days.values(), Decimal(0))


async def time_off_by_person(
    session: AsyncSession,
    organization_id: int,
    first_day: date,
    last_day: date,
    user_ids: set[int] | None = None,
) -> list[PersonTimeOff]:
    """Days of approved time off within local dates `first_day`..`last_day` per person
    and kind (part of a day counts a half), for everyone or only `user_ids`."""
    query = (
        select(TimeOffRequest, User.first_name, User.last_name, User.username, User.telegram_id)
        .join(User, User.id == TimeOffRequest.user_id)
        .where(
            TimeOffRequest.organization_id == organization_id,
            TimeOffRequest.status == TimeOffStatus.APPROVED,
            TimeOffRequest.first_day <= last_day,
            TimeOffRequest.last_day >= first_day,
        )
    )
    if user_ids is not None:
        query = query.where(TimeOffRequest.user_id.in_(user_ids))
    people: dict[int, PersonTimeOff] = {}
    totals: dict[int, dict[TimeOffKind, Decimal]] = defaultdict(lambda: defaultdict(Decimal))
    for request, first_name, last_name, username, telegram_id in await session.execute(query):
        name = display_name_of(first_name, last_name, username, telegram_id)
        people.setdefault(request.user_id, PersonTimeOff(request.user_id, name))
        days = time_off_days(time_off_span_of(request), first_day, last_day)
        totals[request.user_id][TimeOffKind(request.kind)] += days
    for user_id, by_kind in totals.items():
        people[user_id].days = dict(by_kind)
    return sorted(people.values(), key=lambda person: (person.name, person.user_id))
