"""The owner's overtime and holiday settings: the organization's overtime rule, an
object's override of it, and the holidays. Each use case is one transaction; rules apply
to the weeks settled after the change (see `services.payroll.premiums`)."""

import re
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import Holiday, OvertimeRule, WorkObject
from services.platform.errors import InvalidInput, NotFound
from services.platform.validation import Quantity, clean_text, parse_whole_number
from services.staff.memberships import parse_local_date
from services.staff.permissions import actor_in, require_owner

DEFAULT_MULTIPLIER = Decimal("1.5")
DEFAULT_HOLIDAY_MULTIPLIER = Decimal("2")
MAX_MULTIPLIER = Decimal("5")
MAX_HOLIDAY_NAME = 100
HOURS_IN_WEEK = 168


def parse_multiplier(raw: str | None) -> Decimal:
    """A pay multiplier such as 1.5 or 2 (comma or dot), from 1 to 5, two decimals."""
    text = (raw or "").strip().replace(",", ".").removesuffix("x").removesuffix("×").strip()
    if not re.fullmatch(r"\d{1,2}(\.\d{1,2})?", text):
        raise InvalidInput(field="multiplier", reason="multiplier", maximum=MAX_MULTIPLIER)
    value = Decimal(text)
    if not Decimal(1) <= value <= MAX_MULTIPLIER:
        raise InvalidInput(field="multiplier", reason="multiplier", maximum=MAX_MULTIPLIER)
    return value.quantize(Decimal("0.01"))


def _threshold_minutes(raw: str | None, *, field: str, maximum_hours: int) -> int | None:
    """Whole hours, 0 switching the threshold off."""
    hours = parse_whole_number(
        raw, field=field, quantity=Quantity.HOURS, minimum=0, maximum=maximum_hours
    )
    return hours * 60 or None


async def _editable_rule(
    session: AsyncSession, *, user_id: int, organization_id: int, object_id: int | None
) -> OvertimeRule:
    """The owner's rule to edit, locked: the organization's, or the object's override
    (created as a copy of the organization's rule on its first edit)."""
    require_owner(await actor_in(session, user_id, organization_id))
    if object_id is not None:
        work_object = await session.get(WorkObject, object_id)
        if work_object is None or work_object.organization_id != organization_id:
            raise NotFound(what="object")
    rules = {
        rule.object_id: rule
        for rule in await session.scalars(
            select(OvertimeRule)
            .where(
                OvertimeRule.organization_id == organization_id,
                (OvertimeRule.object_id.is_(None))
                if object_id is None
                else (OvertimeRule.object_id.is_(None) | (OvertimeRule.object_id == object_id)),
            )
            .with_for_update()
        )
    }
    if object_id in rules:
        return rules[object_id]
    base = rules.get(None)
    rule = OvertimeRule(
        organization_id=organization_id,
        object_id=object_id,
        daily_threshold_minutes=base.daily_threshold_minutes if base else None,
        weekly_threshold_minutes=base.weekly_threshold_minutes if base else None,
        multiplier=base.multiplier if base else DEFAULT_MULTIPLIER,
    )
    session.add(rule)
    return rule


async def set_daily_threshold(
    session: AsyncSession, *, user_id: int, organization_id: int, object_id: int | None, raw: str
) -> OvertimeRule:
    """Hours a day after which work is overtime (0: no daily overtime)."""
    minutes = _threshold_minutes(raw, field="daily_threshold", maximum_hours=24)
    rule = await _editable_rule(
        session, user_id=user_id, organization_id=organization_id, object_id=object_id
    )
    rule.daily_threshold_minutes = minutes
    await session.flush()
    return rule


async def set_weekly_threshold(
    session: AsyncSession, *, user_id: int, organization_id: int, object_id: int | None, raw: str
) -> OvertimeRule:
    """Hours a week (Monday–Sunday) after which work is overtime (0: none)."""
    minutes = _threshold_minutes(raw, field="weekly_threshold", maximum_hours=HOURS_IN_WEEK)
    rule = await _editable_rule(
        session, user_id=user_id, organization_id=organization_id, object_id=object_id
    )
    rule.weekly_threshold_minutes = minutes
    await session.flush()
    return rule


async def set_overtime_multiplier(
    session: AsyncSession, *, user_id: int, organization_id: int, object_id: int | None, raw: str
) -> OvertimeRule:
    """How many times the rate an overtime minute is paid."""
    multiplier = parse_multiplier(raw)
    rule = await _editable_rule(
        session, user_id=user_id, organization_id=organization_id, object_id=object_id
    )
    rule.multiplier = multiplier
    await session.flush()
    return rule


async def use_organization_rule(
    session: AsyncSession, *, user_id: int, organization_id: int, object_id: int
) -> None:
    """The object drops its override and follows the organization's rule again."""
    require_owner(await actor_in(session, user_id, organization_id))
    await session.execute(
        delete(OvertimeRule).where(
            OvertimeRule.organization_id == organization_id, OvertimeRule.object_id == object_id
        )
    )


def parse_holiday(raw: str | None) -> tuple[date, Decimal, str]:
    """ "31.12.2026", "31.12.2026 2" or "31.12.2026 2 Новый год": the date, the multiplier
    (2 when left out) and an optional name."""
    parts = (raw or "").split(maxsplit=2)
    if not parts:
        raise InvalidInput(field="date", reason="date-format")
    day = parse_local_date(parts[0])
    multiplier = parse_multiplier(parts[1]) if len(parts) > 1 else DEFAULT_HOLIDAY_MULTIPLIER
    name = clean_text(parts[2], field="name", max_length=MAX_HOLIDAY_NAME) if len(parts) > 2 else ""
    return day, multiplier, name


async def mark_holiday(
    session: AsyncSession, *, user_id: int, organization_id: int, raw: str
) -> Holiday:
    """The owner marks a date as a holiday with its multiplier; marking a date again
    changes its multiplier and name."""
    day, multiplier, name = parse_holiday(raw)
    require_owner(await actor_in(session, user_id, organization_id))
    holiday = await session.scalar(
        select(Holiday)
        .where(Holiday.organization_id == organization_id, Holiday.day == day)
        .with_for_update()
    )
    if holiday is None:
        holiday = Holiday(organization_id=organization_id, day=day)
        session.add(holiday)
    holiday.multiplier = multiplier
    holiday.name = name
    await session.flush()
    return holiday


async def unmark_holiday(
    session: AsyncSession, *, user_id: int, organization_id: int, holiday_id: int
) -> None:
    require_owner(await actor_in(session, user_id, organization_id))
    await session.execute(
        delete(Holiday).where(Holiday.organization_id == organization_id, Holiday.id == holiday_id)
    )
