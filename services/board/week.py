"""Read models of planning for the Mini App (C11): the week board of owners and managers
(objects × days, occupancy, who is planned, pending give-aways and swaps, labour cost)
and an employee's month calendar.

Changes go through `services.planning.bookings` (assign, unassign): this module only
reads, with the same permission rules (`services.staff.permissions`). Labour cost is shown
only on objects where the viewer holds `view_money`; it is what the planned people would
earn: the rate in force (contract, else slot, else object —
`services.payroll.rules.frozen_rate`) × the slot's length, per person.
"""

from dataclasses import dataclass, field
from datetime import date, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.exchange.queries import PendingExchange, week_exchanges
from services.payroll.rules import frozen_rate, pay_for, whole_minutes
from services.planning.queries import planned_shifts_by_slot
from services.platform.clock import Clock
from services.platform.db.models import (
    Membership,
    MembershipRole,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    TimeSlot,
    WorkObject,
)
from services.platform.errors import InvalidInput, NotFound, PermissionDenied
from services.platform.local_time import local_today, monday_of
from services.scheduling.queries import drafted_names_by_slot
from services.staff.memberships import organization_of, rate_in_force
from services.staff.permissions import Actor, actor_in, object_permissions, objects_with_permission

WEEK_DAYS = 7
ZERO = Decimal("0.00")


@dataclass(frozen=True)
class BoardPerson:
    planned_shift_id: int
    membership_id: int
    name: str


@dataclass(frozen=True)
class BoardSlot:
    slot_id: int
    local_date: date
    start_time: time
    end_time: time
    max_employees: int
    has_started: bool
    people: list[BoardPerson]
    labour_cost: Decimal | None
    # Live give-aways, swaps and requests for places of this slot (objects the viewer plans).
    pending: list[PendingExchange]
    # People a draft of "Fill the week" puts here, not published yet.
    drafted: list[str] = field(default_factory=list)

    @property
    def booked(self) -> int:
        return len(self.people)

    @property
    def is_full(self) -> bool:
        return self.booked >= self.max_employees


@dataclass(frozen=True)
class BoardObject:
    object_id: int
    name: str
    can_plan: bool
    can_view_money: bool
    slots: list[BoardSlot]

    def cost_on(self, day: date) -> Decimal | None:
        if not self.can_view_money:
            return None
        return sum((s.labour_cost or ZERO for s in self.slots if s.local_date == day), ZERO)


@dataclass(frozen=True)
class WeekBoard:
    organization_id: int
    currency: str
    week_start: date
    today: date
    objects: list[BoardObject]

    @property
    def days(self) -> list[date]:
        return [self.week_start + timedelta(days=offset) for offset in range(WEEK_DAYS)]

    @property
    def shows_money(self) -> bool:
        return any(o.can_view_money for o in self.objects)

    def cost_on(self, day: date) -> Decimal | None:
        """Labour cost of the day over the objects whose money the viewer may see."""
        if not self.shows_money:
            return None
        return sum((o.cost_on(day) or ZERO for o in self.objects), ZERO)

    @property
    def week_cost(self) -> Decimal | None:
        if not self.shows_money:
            return None
        return sum((self.cost_on(day) or ZERO for day in self.days), ZERO)


@dataclass(frozen=True)
class CalendarShift:
    planned_shift_id: int
    object_name: str
    local_date: date
    start_time: time
    end_time: time


@dataclass(frozen=True)
class MonthCalendar:
    year: int
    month: int
    today: date
    shifts: list[CalendarShift] = field(default_factory=list)


async def _planner_or_manager(session: AsyncSession, user_id: int, organization_id: int) -> Actor:
    actor = await actor_in(session, user_id, organization_id)
    if actor.role not in (MembershipRole.OWNER, MembershipRole.MANAGER):
        raise PermissionDenied()
    return actor


async def _board_objects(session: AsyncSession, actor: Actor) -> list[tuple[WorkObject, set[str]]]:
    """Objects the actor sees (`view`) or plans (`plan`), with the actor's permissions."""
    seen = await objects_with_permission(session, actor, Permission.VIEW)
    planned = await objects_with_permission(session, actor, Permission.PLAN)
    by_id = {o.id: o for o in [*seen, *planned]}
    ordered = sorted(by_id.values(), key=lambda o: (o.name.lower(), o.id))
    return [(o, await object_permissions(session, actor, o.id)) for o in ordered]


async def _people_by_slot(
    session: AsyncSession, slot_ids: list[int]
) -> dict[int, list[tuple[BoardPerson, PlannedShift]]]:
    return {
        slot_id: [
            (
                BoardPerson(planned_shift.id, planned_shift.membership_id, user.display_name),
                planned_shift,
            )
            for planned_shift, user in planned
        ]
        for slot_id, planned in (await planned_shifts_by_slot(session, slot_ids)).items()
    }


async def _slot_labour_cost(
    session: AsyncSession,
    slot: TimeSlot,
    work_object: WorkObject,
    planned: list[PlannedShift],
    contract_rates: dict[tuple[int, date], Decimal | None],
) -> Decimal:
    minutes = whole_minutes(slot.ends_at - slot.starts_at)
    total = ZERO
    for planned_shift in planned:
        key = (planned_shift.membership_id, slot.local_date)
        if key not in contract_rates:
            contract_rates[key] = await rate_in_force(session, *key)
        rate = frozen_rate(contract_rates[key], slot.rate_override, work_object.base_hourly_rate)
        total += pay_for(minutes, rate.hourly_rate)
    return total


async def week_board(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    week_start: date | None = None,
) -> WeekBoard:
    """The planning board of one week (Monday to Sunday, the organization's local dates;
    the current week when none is given) for an owner or a manager: every object they
    see or plan, its live slots with who is planned and the give-aways, swaps and
    requests pending on them, and the labour cost where they hold `view_money`.
    Employees are refused."""
    actor = await _planner_or_manager(session, user_id, organization_id)
    organization = await organization_of(session, organization_id)
    today = local_today(clock.now(), ZoneInfo(organization.timezone))
    start = monday_of(week_start or today)
    objects = await _board_objects(session, actor)
    slots = list(
        await session.scalars(
            select(TimeSlot)
            .where(
                TimeSlot.object_id.in_([o.id for o, _ in objects]),
                TimeSlot.local_date >= start,
                TimeSlot.local_date < start + timedelta(days=WEEK_DAYS),
                TimeSlot.deleted_at.is_(None),
            )
            .order_by(TimeSlot.starts_at, TimeSlot.id)
        )
    )
    people = await _people_by_slot(session, [s.id for s in slots])
    drafted = await drafted_names_by_slot(session, [s.id for s in slots])
    pending: dict[int, list[PendingExchange]] = {}
    for exchange in await week_exchanges(
        session, user_id=user_id, organization_id=organization_id, week_start=start
    ):
        pending.setdefault(exchange.slot_id, []).append(exchange)
    now = clock.now()
    contract_rates: dict[tuple[int, date], Decimal | None] = {}
    board_objects = []
    for work_object, granted in objects:
        shows_money = Permission.VIEW_MONEY.value in granted
        board_slots = []
        for slot in (s for s in slots if s.object_id == work_object.id):
            on_slot = people[slot.id]
            cost = (
                await _slot_labour_cost(
                    session, slot, work_object, [p for _, p in on_slot], contract_rates
                )
                if shows_money
                else None
            )
            board_slots.append(
                BoardSlot(
                    slot_id=slot.id,
                    local_date=slot.local_date,
                    start_time=slot.start_time,
                    end_time=slot.end_time,
                    max_employees=slot.max_employees,
                    has_started=slot.starts_at <= now,
                    people=[person for person, _ in on_slot],
                    labour_cost=cost,
                    pending=pending.get(slot.id, []),
                    drafted=drafted.get(slot.id, []),
                )
            )
        board_objects.append(
            BoardObject(
                object_id=work_object.id,
                name=work_object.name,
                can_plan=Permission.PLAN.value in granted,
                can_view_money=shows_money,
                slots=board_slots,
            )
        )
    return WeekBoard(organization.id, organization.currency, start, today, board_objects)


async def month_calendar(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    year: int | None = None,
    month: int | None = None,
) -> MonthCalendar:
    """The member's own planned shifts in one month of the organization (local dates of
    the objects; the current month when none is given)."""
    await actor_in(session, user_id, organization_id)
    organization = await organization_of(session, organization_id)
    today = local_today(clock.now(), ZoneInfo(organization.timezone))
    year, month = (year, month) if year and month else (today.year, today.month)
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise InvalidInput(field="month")
    first = date(year, month, 1)
    after = date(year + month // 12, month % 12 + 1, 1)
    rows = await session.execute(
        select(PlannedShift, TimeSlot, WorkObject)
        .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(
            PlannedShift.user_id == user_id,
            PlannedShift.status == PlannedShiftStatus.PLANNED,
            WorkObject.organization_id == organization_id,
            TimeSlot.local_date >= first,
            TimeSlot.local_date < after,
        )
        .order_by(PlannedShift.starts_at, PlannedShift.id)
    )
    shifts = [
        CalendarShift(
            planned_shift_id=planned_shift.id,
            object_name=work_object.name,
            local_date=slot.local_date,
            start_time=slot.start_time,
            end_time=slot.end_time,
        )
        for planned_shift, slot, work_object in rows
    ]
    return MonthCalendar(year, month, today, shifts)


async def require_slot_in(session: AsyncSession, organization_id: int, slot_id: int) -> None:
    """`NotFound` unless the live slot belongs to the organization (ids of another
    organization do not exist for its members)."""
    found = await session.scalar(
        select(TimeSlot.id)
        .join(WorkObject, WorkObject.id == TimeSlot.object_id)
        .where(
            TimeSlot.id == slot_id,
            TimeSlot.deleted_at.is_(None),
            WorkObject.organization_id == organization_id,
        )
    )
    if found is None:
        raise NotFound()


async def require_planned_shift_in(
    session: AsyncSession, organization_id: int, planned_shift_id: int
) -> None:
    """`NotFound` unless the planned shift is at an object of the organization."""
    found = await session.scalar(
        select(PlannedShift.id)
        .join(WorkObject, WorkObject.id == PlannedShift.object_id)
        .where(PlannedShift.id == planned_shift_id, WorkObject.organization_id == organization_id)
    )
    if found is None:
        raise NotFound()


async def require_membership_in(
    session: AsyncSession, organization_id: int, membership_id: int
) -> None:
    """`NotFound` unless the membership is one of the organization's."""
    found = await session.scalar(
        select(Membership.id).where(
            Membership.id == membership_id, Membership.organization_id == organization_id
        )
    )
    if found is None:
        raise NotFound()


async def require_object_in(session: AsyncSession, organization_id: int, object_id: int) -> None:
    """`NotFound` unless the object belongs to the organization."""
    found = await session.scalar(
        select(WorkObject.id).where(
            WorkObject.id == object_id, WorkObject.organization_id == organization_id
        )
    )
    if found is None:
        raise NotFound()
