"""Labor cost against sales: the owner records an object's sales per day (a line in chat
or a CSV/Excel file: object; date; amount), actual for days gone by and expected for days
ahead, sets a target labor %, and reads labor cost, sales and labor % per object and day
of a week, the draft included, with the days over the target."""

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal
from zipfile import BadZipFile

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.rules import ZERO, frozen_rate, money, pay_for
from services.planning.work_limits import contracts_in_force
from services.platform.clock import Clock
from services.platform.db.models import (
    DailySales,
    DraftAssignment,
    OrganizationSchedulingSettings,
    Permission,
    PlannedShift,
    PlannedShiftStatus,
    TimeSlot,
    WorkObject,
)
from services.platform.db.session import dialect_insert
from services.platform.errors import InvalidInput, PermissionDenied
from services.platform.local_time import local_today
from services.platform.validation import parse_money
from services.staff.memberships import parse_local_date
from services.staff.permissions import actor_in, object_permissions, require_owner

MAX_PERCENT = Decimal("100")


@dataclass(frozen=True)
class SalesLine:
    object_name: str
    day: date
    amount: Decimal


def parse_sales_rows(rows: list[list[str]]) -> list[SalesLine]:
    """Rows of object name, date (15.03.2026 or 2026-03-15) and amount; a header row and
    empty rows are skipped; a row that cannot be read is refused with its number."""
    lines = []
    for number, row in enumerate(rows, start=1):
        cells = [str(cell).strip() for cell in row if cell is not None and str(cell).strip()]
        if not cells:
            continue
        if len(cells) != 3:
            raise InvalidInput(field="sales", reason="sales-line", line=number)
        name, day, amount = cells
        if number == 1 and not re.search(r"\d", day):
            continue  # a header
        try:
            value = parse_money(amount.replace(" ", "").replace("\xa0", ""), field="sales")
            lines.append(SalesLine(name, parse_local_date(day), value))
        except InvalidInput as error:
            raise InvalidInput(field="sales", reason="sales-line", line=number) from error
    if not lines:
        raise InvalidInput(field="sales", reason="sales-line", line=1)
    return lines


def sales_rows_of_text(text: str) -> list[list[str]]:
    """Chat lines "Кофейня; 03.03.2026; 45000" (a semicolon or a tab between fields)."""
    return [re.split(r"[;\t]", line) for line in text.splitlines()]


def sales_rows_of_file(name: str, content: bytes) -> list[list[str]]:
    """The rows of a CSV (`;` or `,` separated, UTF-8) or of an Excel file's first sheet."""
    if name.lower().endswith((".xlsx", ".xlsm")):
        # Loaded by the first Excel file: openpyxl costs a process ~12 MiB and half a second.
        from openpyxl import load_workbook
        from openpyxl.utils.exceptions import InvalidFileException

        try:
            sheet = load_workbook(io.BytesIO(content), read_only=True, data_only=True).active
        except (InvalidFileException, BadZipFile, KeyError, ValueError, OSError) as error:
            raise InvalidInput(field="sales", reason="sales-file") from error
        return [
            [cell.strftime("%d.%m.%Y") if isinstance(cell, datetime) else cell for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InvalidInput(field="sales", reason="sales-file") from error
    delimiter = ";" if ";" in text.splitlines()[0] else ","
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


async def record_sales(
    session: AsyncSession,
    clock: Clock,
    *,
    user_id: int,
    organization_id: int,
    lines: list[SalesLine],
) -> int:
    """Record each line as the object's actual sales of the day, or as expected sales
    for a day still ahead in the object's timezone; a second figure for the same day
    replaces the first. Owners, and managers allowed to edit money on the object."""
    actor = await actor_in(session, user_id, organization_id)
    objects = {
        o.name.casefold(): o
        for o in await session.scalars(
            select(WorkObject).where(WorkObject.organization_id == organization_id)
        )
    }
    for line in lines:
        work_object = objects.get(line.object_name.casefold())
        if work_object is None:
            raise InvalidInput(field="sales", reason="sales-object", name=line.object_name)
        granted = await object_permissions(session, actor, work_object.id)
        if Permission.EDIT_MONEY.value not in granted:
            raise PermissionDenied()
        expected = line.day > local_today(clock.now(), work_object.timezone)
        values = {"amount": line.amount, "entered_by_user_id": user_id}
        await session.execute(
            dialect_insert(session)(DailySales)
            .values(object_id=work_object.id, local_date=line.day, expected=expected, **values)
            .on_conflict_do_update(
                index_elements=["object_id", "local_date", "expected"], set_=values
            )
        )
    return len(lines)


async def set_target_labor_percent(
    session: AsyncSession, *, user_id: int, organization_id: int, percent: str
) -> Decimal | None:
    """The owner's target labor cost as a share of sales (0 removes it)."""
    require_owner(await actor_in(session, user_id, organization_id))
    value = parse_money(percent.replace("%", ""), field="percent", maximum=MAX_PERCENT)
    target = value or None
    await session.execute(
        dialect_insert(session)(OrganizationSchedulingSettings)
        .values(organization_id=organization_id, target_labor_percent=target)
        .on_conflict_do_update(
            index_elements=["organization_id"], set_={"target_labor_percent": target}
        )
    )
    return target


def labor_percent(cost: Decimal, sales: Decimal | None) -> Decimal | None:
    """Labor cost as a percentage of sales, one decimal; None without sales."""
    if not sales:
        return None
    return (cost * 100 / sales).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class LaborDay:
    object_name: str
    day: date
    cost: Decimal  # a week's draft: planned and drafted shifts; a report: worked shifts
    sales: Decimal | None
    expected: bool  # the sales figure is an expectation
    percent: Decimal | None
    over_target: bool


async def labor_target(session: AsyncSession, organization_id: int) -> Decimal | None:
    """The labor % the owner aims at; None: no target."""
    settings = await session.get(OrganizationSchedulingSettings, organization_id)
    return settings.target_labor_percent if settings else None


async def sales_by_day(
    session: AsyncSession, object_ids: list[int], first: date, last: date
) -> dict[tuple[int, date], tuple[Decimal, bool]]:
    """Each object's sales per local day: the actual figure, else the expected one (and
    whether it is expected)."""
    sales: dict[tuple[int, date], tuple[Decimal, bool]] = {}
    for row in await session.scalars(
        select(DailySales)
        .where(DailySales.object_id.in_(object_ids), DailySales.local_date.between(first, last))
        .order_by(DailySales.expected.desc())  # the actual figure, read last, wins
    ):
        sales[row.object_id, row.local_date] = (row.amount, row.expected)
    return sales


def labor_days(
    names: dict[int, str],
    cost: dict[tuple[int, date], Decimal],
    sales: dict[tuple[int, date], tuple[Decimal, bool]],
    target: Decimal | None,
) -> list[LaborDay]:
    """Per object (by name) and day with labor cost or sales: both, the labor % and
    whether it is over the target."""
    days = []
    for object_id, day in sorted(set(cost) | set(sales), key=lambda k: (names[k[0]], k[1])):
        day_cost = money(cost.get((object_id, day), ZERO))
        amount, expected = sales.get((object_id, day), (None, False))
        percent = labor_percent(day_cost, amount)
        days.append(
            LaborDay(
                object_name=names[object_id],
                day=day,
                cost=day_cost,
                sales=amount,
                expected=expected,
                percent=percent,
                over_target=target is not None and percent is not None and percent > target,
            )
        )
    return days


async def week_labor(
    session: AsyncSession, organization_id: int, object_ids: list[int], week: tuple[date, ...]
) -> tuple[Decimal | None, list[LaborDay]]:
    """The target labor % and, per object and day of the week with work or sales: labor
    cost of planned shifts and drafts (rates by payroll's priority), sales (actual, else
    expected) and labor %."""
    target = await labor_target(session, organization_id)
    objects = {
        o.id: o
        for o in await session.scalars(select(WorkObject).where(WorkObject.id.in_(object_ids)))
    }
    in_week = (TimeSlot.local_date.between(week[0], week[-1]), TimeSlot.deleted_at.is_(None))
    cost: dict[tuple[int, date], Decimal] = {}
    planned = (
        await session.execute(
            select(PlannedShift.membership_id, TimeSlot)
            .join(TimeSlot, TimeSlot.id == PlannedShift.slot_id)
            .where(
                TimeSlot.object_id.in_(object_ids),
                PlannedShift.status == PlannedShiftStatus.PLANNED,
                *in_week,
            )
        )
    ).all()
    contracts = await contracts_in_force(session, [m for m, _ in planned], week[0])
    for membership_id, slot in planned:
        terms = contracts.get(membership_id)
        own_rate = terms.hourly_rate if terms else None
        rate = frozen_rate(
            own_rate, slot.rate_override, objects[slot.object_id].base_hourly_rate
        ).hourly_rate
        _add(cost, slot, rate)
    for draft, slot in await session.execute(
        select(DraftAssignment, TimeSlot)
        .join(TimeSlot, TimeSlot.id == DraftAssignment.slot_id)
        .where(TimeSlot.object_id.in_(object_ids), *in_week)
    ):
        _add(cost, slot, draft.hourly_rate)
    sales = await sales_by_day(session, object_ids, week[0], week[-1])
    names = {object_id: o.name for object_id, o in objects.items()}
    return target, labor_days(names, cost, sales, target)


def _add(cost: dict[tuple[int, date], Decimal], slot: TimeSlot, rate: Decimal) -> None:
    minutes = int((slot.ends_at - slot.starts_at) / timedelta(minutes=1))
    key = (slot.object_id, slot.local_date)
    cost[key] = cost.get(key, ZERO) + pay_for(minutes, rate)
