"""Rows a clock-in test needs, created directly: an organization with an owner, a
manager with `plan`, an employee, an object with its geofence and pay settings, and
planned shifts on slots."""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from services.attendance.clock_in import ShiftChoice, open_shift
from services.places.geo import LocationReport
from services.platform.clock import Clock
from services.platform.db.models import (
    ContractTerms,
    Membership,
    MembershipRole,
    Organization,
    Permission,
    PlannedShift,
    TimeSlot,
    User,
    WorkObject,
)
from services.platform.db.session import SessionFactory
from tests.support.planning import make_employee

CAFE = (55.7539, 37.6208)
REPORT_CHAT_ID = -100_555
OWNER_TG, MANAGER_TG, EMPLOYEE_TG = 7001, 7002, 7003


def north_of(point: tuple[float, float], metres: float) -> tuple[float, float]:
    """A point `metres` due north of `point`."""
    return point[0] + math.degrees(metres / 6_371_008.8), point[1]


@dataclass
class ShiftWorld:
    organization: Organization
    work_object: WorkObject
    owner: User
    manager: User
    employee: User
    membership: Membership


async def make_shift_world(
    session_factory: SessionFactory, *, employee_language: str = "ru", **object_fields: Any
) -> ShiftWorld:
    """Olga owns "Кофейня" in Moscow; Max manages it with `plan`; Anna works there (and
    speaks `employee_language`)."""
    fields: dict[str, Any] = {
        "name": "Кофейня",
        "timezone": "Europe/Moscow",
        "latitude": CAFE[0],
        "longitude": CAFE[1],
        "geofence_radius_m": 150,
        "base_hourly_rate": Decimal("300.00"),
        "late_grace_minutes": 5,
        "late_fine_per_minute": Decimal("10.00"),
        "auto_close_grace_minutes": 30,
        "early_arrival_minutes": 30,
        "report_chat_id": REPORT_CHAT_ID,
        "opening_hours": {day: ["08:00", "22:00"] for day in ("mon", "tue", "wed", "thu", "fri")},
    }
    fields.update(object_fields)
    async with session_factory() as session, session.begin():
        owner = User(telegram_id=OWNER_TG, first_name="Olga", language="ru")
        session.add(owner)
        await session.flush()
        organization = Organization(name="Org", timezone="Europe/Moscow")
        session.add(organization)
        await session.flush()
        session.add(
            Membership(organization_id=organization.id, user_id=owner.id, role=MembershipRole.OWNER)
        )
        owner.active_organization_id = organization.id
        work_object = WorkObject(organization_id=organization.id, **fields)
        session.add(work_object)
        await session.flush()
        manager, _ = await make_employee(
            session,
            organization,
            [work_object],
            telegram_id=MANAGER_TG,
            first_name="Max",
            role=MembershipRole.MANAGER,
            permissions=[Permission.VIEW.value, Permission.PLAN.value],
        )
        employee, membership = await make_employee(
            session,
            organization,
            [work_object],
            telegram_id=EMPLOYEE_TG,
            first_name="Anna",
            language=employee_language,
        )
    return ShiftWorld(organization, work_object, owner, manager, employee, membership)


async def add_planned_shift(
    session_factory: SessionFactory,
    world: ShiftWorld,
    starts_at: datetime,
    duration: timedelta = timedelta(hours=8),
    *,
    rate_override: Decimal | None = None,
    work_object: WorkObject | None = None,
) -> PlannedShift:
    """A slot and the employee's planned shift on it, from UTC instants."""
    target = work_object or world.work_object
    zone = ZoneInfo(target.timezone)
    ends_at = starts_at + duration
    local_start, local_end = starts_at.astimezone(zone), ends_at.astimezone(zone)
    async with session_factory() as session, session.begin():
        slot = TimeSlot(
            object_id=target.id,
            local_date=local_start.date(),
            start_time=local_start.time(),
            end_time=local_end.time(),
            starts_at=starts_at,
            ends_at=ends_at,
            rate_override=rate_override,
        )
        session.add(slot)
        await session.flush()
        planned = PlannedShift(
            slot_id=slot.id,
            object_id=target.id,
            membership_id=world.membership.id,
            user_id=world.employee.id,
            starts_at=starts_at,
            ends_at=ends_at,
        )
        session.add(planned)
    return planned


async def set_contract_rate(
    session: AsyncSession, membership: Membership, rate: Decimal, effective_from: Any
) -> None:
    session.add(
        ContractTerms(membership_id=membership.id, effective_from=effective_from, hourly_rate=rate)
    )
    await session.flush()


async def open_at_the_cafe(
    session: AsyncSession, clock: Clock, user_id: int, planned_shift_id: int
) -> None:
    """The employee opens the planned shift standing at the cafe, now."""
    await open_shift(
        session,
        clock,
        user_id=user_id,
        choice=ShiftChoice(planned_shift_id=planned_shift_id),
        report=LocationReport(*CAFE, sent_at=clock.now(), horizontal_accuracy=10),
    )
