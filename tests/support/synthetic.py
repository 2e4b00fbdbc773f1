"""A seeded synthetic organization for benches and reports: by default 50 objects,
1,000 employees and 30,000 finished shifts in March 2026 (Moscow), with lateness, early
arrivals, auto-closed shifts and shift tasks (bonuses, undone mandatory ones). The same
seed gives the same data. Rows are bulk-inserted; every shift carries the values
clock-in freezes on it, computed by `services.payroll.rules`.

    organization = await generate_organization(session, SyntheticSpec(seed=7))
"""

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.periods import DEFAULT_ANCHOR
from services.payroll.rules import late_fine, lateness_minutes, paid_from, pay_for, worked_minutes
from services.platform.db.models import (
    Membership,
    MembershipObject,
    MembershipRole,
    Organization,
    OrganizationPayrollSettings,
    PayPeriodKind,
    Shift,
    ShiftStatus,
    ShiftTask,
    ShiftTaskStatus,
    User,
    WorkObject,
)

TIMEZONE = "Europe/Moscow"
FIRST_TELEGRAM_ID = 50_000_000
SHIFT_STARTS = (time(7), time(8), time(9), time(10), time(12), time(14), time(16), time(20))
TASK_TITLES = ("Открыть кассу", "Протереть витрину", "Принять товар", "Сдать смену")


@dataclass(frozen=True)
class SyntheticSpec:
    seed: int = 20260301
    objects: int = 50
    employees: int = 1_000
    shifts: int = 30_000
    month_start: date = date(2026, 3, 1)
    days: int = 31
    task_share: float = 0.1  # shifts that carry tasks


@dataclass
class SyntheticOrganization:
    organization_id: int
    owner_user_id: int
    object_ids: list[int] = field(default_factory=list)
    employee_user_ids: list[int] = field(default_factory=list)
    shift_count: int = 0
    task_count: int = 0


async def _ids(session: AsyncSession, model, rows: list[dict]) -> list[int]:  # type: ignore[no-untyped-def]
    result = await session.execute(
        insert(model).returning(model.id, sort_by_parameter_order=True), rows
    )
    return [row[0] for row in result]


async def generate_organization(
    session: AsyncSession, spec: SyntheticSpec = SyntheticSpec()
) -> SyntheticOrganization:
    """Insert one synthetic organization (monthly pay periods) and return its ids."""
    rng = random.Random(spec.seed)
    zone = ZoneInfo(TIMEZONE)
    owner_tg = FIRST_TELEGRAM_ID + spec.seed % 1_000 * 10_000
    [owner_id] = await _ids(session, User, [{"telegram_id": owner_tg, "first_name": "Owner"}])
    [organization_id] = await _ids(
        session, Organization, [{"name": f"Synthetic {spec.seed}", "timezone": TIMEZONE}]
    )
    await session.execute(
        insert(Membership),
        [{"organization_id": organization_id, "user_id": owner_id, "role": MembershipRole.OWNER}],
    )
    await session.execute(
        insert(OrganizationPayrollSettings),
        [
            {
                "organization_id": organization_id,
                "period_kind": PayPeriodKind.MONTHLY,
                "anchor_date": DEFAULT_ANCHOR,
                "pay_day_offset_days": 3,
            }
        ],
    )
    objects = [
        {
            "organization_id": organization_id,
            "name": f"Объект {number + 1:02d}",
            "timezone": TIMEZONE,
            "base_hourly_rate": Decimal(rng.randrange(200, 450, 10)),
            "late_grace_minutes": rng.choice((0, 5, 10)),
            "late_fine_per_minute": Decimal(rng.choice((0, 5, 10))),
            "pay_early_arrival": rng.random() < 0.2,
        }
        for number in range(spec.objects)
    ]
    object_ids = await _ids(session, WorkObject, objects)
    users = [
        {
            "telegram_id": owner_tg + 1 + number,
            "first_name": f"Сотрудник {number + 1:04d}",
            "active_organization_id": organization_id,
        }
        for number in range(spec.employees)
    ]
    user_ids = await _ids(session, User, users)
    membership_ids = await _ids(
        session,
        Membership,
        [
            {
                "organization_id": organization_id,
                "user_id": user_id,
                "role": MembershipRole.EMPLOYEE,
            }
            for user_id in user_ids
        ],
    )
    home = [rng.randrange(spec.objects) for _ in user_ids]
    await session.execute(
        insert(MembershipObject),
        [
            {
                "membership_id": membership_id,
                "object_id": object_ids[home[index]],
                "permissions": [],
            }
            for index, membership_id in enumerate(membership_ids)
        ],
    )

    shifts = []
    for number in range(spec.shifts):
        person = number % spec.employees
        object_index = home[person]
        settings = objects[object_index]
        day = spec.month_start + timedelta(days=(number // spec.employees) % spec.days)
        planned_start = datetime.combine(day, rng.choice(SHIFT_STARTS), zone)
        is_planned = rng.random() < 0.85
        drift = rng.choice((-20, -5, 0, 0, 0, 2, 7, 15, 40)) if is_planned else 0
        opened_at = planned_start + timedelta(minutes=drift)
        length = timedelta(minutes=rng.randrange(4 * 60, 12 * 60))
        closed_at = opened_at + length
        start = planned_start if is_planned else None
        lateness = lateness_minutes(start, opened_at)
        paid_start = paid_from(start, opened_at, settings["pay_early_arrival"])
        minutes = worked_minutes(paid_start, closed_at)
        rate = settings["base_hourly_rate"]
        shifts.append(
            {
                "organization_id": organization_id,
                "user_id": user_ids[person],
                "membership_id": membership_ids[person],
                "object_id": object_ids[object_index],
                "planned_start_at": start,
                "opened_at": opened_at,
                "paid_from": paid_start,
                "scheduled_end_at": closed_at,
                "closed_at": closed_at,
                "hourly_rate": rate,
                "rate_source": "object",
                "late_minutes": lateness,
                "late_fine": late_fine(
                    lateness, settings["late_grace_minutes"], settings["late_fine_per_minute"]
                ),
                "worked_minutes": minutes,
                "pay": pay_for(minutes, rate),
                "status": ShiftStatus.AUTO_CLOSED if rng.random() < 0.03 else ShiftStatus.CLOSED,
            }
        )
    shift_ids = await _ids(session, Shift, shifts)
    tasks = [
        {
            "shift_id": shift_id,
            "title": rng.choice(TASK_TITLES),
            "mandatory": (mandatory := rng.random() < 0.5),
            "bonus": Decimal(rng.choice((0, 50, 100))),
            "fine": Decimal(rng.choice((0, 100, 200))) if mandatory else Decimal("0.00"),
            "status": ShiftTaskStatus.DONE if rng.random() < 0.8 else ShiftTaskStatus.OPEN,
        }
        for shift_id in shift_ids
        if rng.random() < spec.task_share
    ]
    if tasks:
        await session.execute(insert(ShiftTask), tasks)
    await session.flush()
    return SyntheticOrganization(
        organization_id=organization_id,
        owner_user_id=owner_id,
        object_ids=object_ids,
        employee_user_ids=user_ids,
        shift_count=len(shift_ids),
        task_count=len(tasks),
    )
