"""Rows a payroll test needs, created directly: an organization with an owner, objects,
employees, planned shifts, finished shifts with the values clock-in freezes on them,
shift tasks and cancellations."""

import itertools
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.periods import DEFAULT_ANCHOR
from services.payroll.rules import late_fine, lateness_minutes, paid_from, pay_for, worked_minutes
from services.platform.db.models import (
    CancellationApproval,
    CancellationInitiator,
    Membership,
    MembershipRole,
    Organization,
    OrganizationPayrollSettings,
    PayPeriodKind,
    PlannedShift,
    PlannedShiftStatus,
    Shift,
    ShiftCancellation,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    TimeSlot,
    User,
    WorkObject,
)
from tests.support.planning import make_employee

_telegram_ids = itertools.count(900_000)


def next_telegram_id() -> int:
    return next(_telegram_ids)


@dataclass
class PayrollWorld:
    organization: Organization
    owner: User
    objects: list[WorkObject] = field(default_factory=list)
    people: list[tuple[User, Membership]] = field(default_factory=list)


async def make_payroll_world(
    session: AsyncSession,
    *,
    timezone: str = "Europe/Moscow",
    period_kind: PayPeriodKind = PayPeriodKind.WEEKLY,
    pay_day_offset_days: int = 2,
    owner_telegram_id: int | None = None,
    owner_language: str = "ru",
) -> PayrollWorld:
    owner = User(
        telegram_id=owner_telegram_id or next_telegram_id(),
        first_name="Olga",
        language=owner_language,
    )
    session.add(owner)
    await session.flush()
    organization = Organization(name="Кофейни", timezone=timezone)
    session.add(organization)
    await session.flush()
    session.add(
        Membership(organization_id=organization.id, user_id=owner.id, role=MembershipRole.OWNER)
    )
    owner.active_organization_id = organization.id
    session.add(
        OrganizationPayrollSettings(
            organization_id=organization.id,
            period_kind=period_kind,
            anchor_date=DEFAULT_ANCHOR,
            pay_day_offset_days=pay_day_offset_days,
        )
    )
    await session.flush()
    return PayrollWorld(organization, owner)


async def add_object(
    session: AsyncSession,
    world: PayrollWorld,
    name: str,
    *,
    rate: str = "300.00",
    grace: int = 5,
    fine_per_minute: str = "10.00",
) -> WorkObject:
    work_object = WorkObject(
        organization_id=world.organization.id,
        name=name,
        timezone=world.organization.timezone,
        base_hourly_rate=Decimal(rate),
        late_grace_minutes=grace,
        late_fine_per_minute=Decimal(fine_per_minute),
    )
    session.add(work_object)
    await session.flush()
    world.objects.append(work_object)
    return work_object


async def add_person(
    session: AsyncSession,
    world: PayrollWorld,
    name: str,
    objects: list[WorkObject],
    *,
    role: MembershipRole = MembershipRole.EMPLOYEE,
    permissions: list[str] | None = None,
    telegram_id: int | None = None,
    language: str = "ru",
) -> tuple[User, Membership]:
    person = await make_employee(
        session,
        world.organization,
        objects,
        telegram_id=telegram_id or next_telegram_id(),
        first_name=name,
        role=role,
        permissions=permissions,
        language=language,
    )
    person[0].active_organization_id = world.organization.id
    if role == MembershipRole.EMPLOYEE:
        world.people.append(person)
    return person


def local(day: date, hour: int, minute: int, zone: str = "Europe/Moscow") -> datetime:
    """An aware instant from a local wall time (tests pick times outside DST gaps)."""
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone))


async def add_planned(
    session: AsyncSession,
    person: tuple[User, Membership],
    work_object: WorkObject,
    starts_at: datetime,
    ends_at: datetime,
    *,
    rate_override: Decimal | None = None,
) -> PlannedShift:
    zone = ZoneInfo(work_object.timezone)
    start, end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    slot = TimeSlot(
        object_id=work_object.id,
        local_date=start.date(),
        start_time=start.time().replace(tzinfo=None),
        end_time=end.time().replace(tzinfo=None),
        starts_at=starts_at,
        ends_at=ends_at,
        rate_override=rate_override,
    )
    session.add(slot)
    await session.flush()
    planned = PlannedShift(
        slot_id=slot.id,
        object_id=work_object.id,
        membership_id=person[1].id,
        user_id=person[0].id,
        starts_at=starts_at,
        ends_at=ends_at,
    )
    session.add(planned)
    await session.flush()
    return planned


async def add_finished_shift(
    session: AsyncSession,
    person: tuple[User, Membership],
    work_object: WorkObject,
    opened_at: datetime,
    closed_at: datetime,
    *,
    planned: PlannedShift | None = None,
    planned_start: datetime | None = None,
    hourly_rate: Decimal | None = None,
    status: ShiftStatus = ShiftStatus.CLOSED,
) -> Shift:
    """A shift as clock-in leaves it once closed: rate, lateness, fine, the object's
    lateness and early-arrival rules, paid time, minutes and pay frozen on the row by the
    shift rules. The planned start comes from
    `planned`, or is given alone (no planned-shift row)."""
    if planned is not None:
        planned_start = planned.starts_at
    lateness = lateness_minutes(planned_start, opened_at)
    rate = hourly_rate if hourly_rate is not None else work_object.base_hourly_rate
    paid_start = paid_from(planned_start, opened_at, work_object.pay_early_arrival)
    minutes = worked_minutes(paid_start, closed_at)
    shift = Shift(
        organization_id=work_object.organization_id,
        user_id=person[0].id,
        membership_id=person[1].id,
        object_id=work_object.id,
        planned_shift_id=planned.id if planned else None,
        planned_start_at=planned_start,
        opened_at=opened_at,
        paid_from=paid_start,
        scheduled_end_at=planned.ends_at if planned else closed_at,
        closed_at=closed_at,
        hourly_rate=rate,
        rate_source="object",
        late_minutes=lateness,
        late_fine=late_fine(
            lateness, work_object.late_grace_minutes, work_object.late_fine_per_minute
        ),
        late_grace_minutes=work_object.late_grace_minutes,
        late_fine_per_minute=work_object.late_fine_per_minute,
        pay_early_arrival=work_object.pay_early_arrival,
        worked_minutes=minutes,
        pay=pay_for(minutes, rate),
        status=status,
    )
    session.add(shift)
    await session.flush()
    return shift


async def add_task(
    session: AsyncSession,
    shift: Shift,
    title: str,
    *,
    done: bool,
    mandatory: bool = False,
    bonus: str = "0.00",
    fine: str = "0.00",
) -> ShiftTask:
    task = ShiftTask(
        shift_id=shift.id,
        title=title,
        mandatory=mandatory,
        bonus=Decimal(bonus),
        fine=Decimal(fine),
        status=ShiftTaskStatus.DONE if done else ShiftTaskStatus.OPEN,
    )
    session.add(task)
    await session.flush()
    return task


async def add_cancellation(
    session: AsyncSession,
    planned: PlannedShift,
    *,
    fine: str | None,
    approval: CancellationApproval = CancellationApproval.NOT_NEEDED,
) -> ShiftCancellation:
    planned.status = PlannedShiftStatus.CANCELLED
    work_object = await session.get(WorkObject, planned.object_id)
    assert work_object is not None
    cancellation = ShiftCancellation(
        planned_shift_id=planned.id,
        organization_id=work_object.organization_id,
        initiator=CancellationInitiator.EMPLOYEE,
        cancelled_by_user_id=planned.user_id,
        short_notice=fine is not None,
        fine_amount=Decimal(fine) if fine is not None else None,
        approval_status=approval,
    )
    session.add(cancellation)
    await session.flush()
    return cancellation
