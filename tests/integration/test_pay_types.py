"""Pay types when a period closes, on PostgreSQL and on the embedded default's SQLite,
every figure worked by hand: a salary started mid-month, a weekly period across
February and March, bonuses per shift and per period that depend on mandatory tasks,
and closing twice writing nothing twice.

Clock: Wednesday 1 April 2026 (Moscow), after March's pay day."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from services.payroll.closing import close_pay_period
from services.payroll.ledger import record_shift_entries
from services.payroll.pay_types import record_period_pay
from services.payroll.payslip_text import line_text
from services.payroll.payslips import payslip
from services.payroll.periods import period_for_date
from services.platform.clock import ManualClock
from services.platform.db.models import (
    LedgerEntry,
    LedgerEntryType,
    PayPeriodKind,
    PayType,
)
from services.platform.errors import InvalidInput
from services.platform.i18n import translator_for
from services.staff.memberships import PayAmounts, change_pay_type, change_rate, terms_in_force
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    add_task,
    local,
    make_payroll_world,
)

pytestmark = ON_BOTH_DATABASES


def D(text: str) -> Decimal:
    return Decimal(text)


async def _owner(session, world):
    return await actor_in(session, world.owner.id, world.organization.id)


async def _lines(session, user_id: int, entry_type: LedgerEntryType) -> list[Decimal]:
    return list(
        await session.scalars(
            select(LedgerEntry.amount)
            .where(LedgerEntry.user_id == user_id, LedgerEntry.type == entry_type)
            .order_by(LedgerEntry.work_date)
        )
    )


async def test_a_salary_from_mid_month_is_prorated_and_written_once(session_factory) -> None:
    """Vera starts on 10 March on 60,000 a month: March's period pays 22/31 of it,
    42,580.65, whatever her shifts; her shifts pay nothing by the hour."""
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, period_kind=PayPeriodKind.MONTHLY)
        mira = await add_object(session, world, "Мира")
        vera = await add_person(session, world, "Vera", [mira])
        vera[1].started_on = date(2026, 3, 10)
        clock = ManualClock(datetime(2026, 3, 10, 9, 0, tzinfo=UTC))
        await change_pay_type(
            session,
            await _owner(session, world),
            clock,
            vera[1].id,
            pay_type=PayType.SALARY,
            amounts=PayAmounts(monthly_salary=D("60000.00")),
        )
        with pytest.raises(InvalidInput):  # an hourly rate makes no sense on a salary
            await change_rate(
                session,
                await _owner(session, world),
                clock,
                vera[1].id,
                hourly_rate=D("300"),
                effective_from=date(2026, 3, 10),
            )
        shift = await add_finished_shift(
            session,
            vera,
            mira,
            local(date(2026, 3, 11), 9, 0),
            local(date(2026, 3, 11), 17, 0),
            hourly_rate=D("0.00"),
        )
        await record_shift_entries(session, shift)
        period = await period_for_date(session, world.organization.id, date(2026, 3, 15))
    clock = ManualClock(datetime(2026, 4, 1, 9, 0, tzinfo=UTC))
    async with session_factory() as session, session.begin():
        await close_pay_period(session, clock, period_id=period.id, user_id=None)
    async with session_factory() as session, session.begin():
        assert await record_period_pay(session, period) == 0  # already settled
        assert await _lines(session, vera[0].id, LedgerEntryType.SALARY) == [D("42580.65")]
        view = await payslip(
            session, user_id=world.owner.id, period_id=period.id, employee_user_id=vera[0].id
        )
        assert view.totals.gross == D("42580.65")  # 480 min × 0.00 + the salary's share
        (line,) = [x for x in view.lines if x.type == LedgerEntryType.SALARY]
        assert line.details["days"] == "22" and line.details["days_in_month"] == "31"
        text = line_text(translator_for("ru"), line, "RUB").replace("\xa0", " ")
        assert (
            text
            == "🗓 вт, 10 мар. – вт, 31 мар. · оклад 60 000,00 ₽ × 22/31 дн. месяца → +42 580,65 ₽"
        )


async def test_a_week_across_two_months_takes_each_months_share(session_factory) -> None:
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, period_kind=PayPeriodKind.WEEKLY)
        mira = await add_object(session, world, "Мира")
        gleb = await add_person(session, world, "Gleb", [mira])
        clock = ManualClock(datetime(2026, 2, 1, 9, 0, tzinfo=UTC))
        await change_pay_type(
            session,
            await _owner(session, world),
            clock,
            gleb[1].id,
            pay_type=PayType.SALARY,
            amounts=PayAmounts(monthly_salary=D("60000.00")),
        )
        period = await period_for_date(session, world.organization.id, date(2026, 2, 25))
        assert (period.start_date, period.end_date) == (date(2026, 2, 23), date(2026, 3, 1))
        await close_pay_period(session, clock, period_id=period.id, user_id=None)
        # 6/28 × 60000 = 12857.14 (23–28 Feb), 1/31 × 60000 = 1935.48 (1 March)
        assert await _lines(session, gleb[0].id, LedgerEntryType.SALARY) == [
            D("12857.14"),
            D("1935.48"),
        ]


async def test_bonuses_follow_the_mandatory_tasks(session_factory) -> None:
    """Anna (by the hour, 300 per shift with every mandatory task done, 2,000 per period
    without an undone one) works Mon and Tue; Tuesday's mandatory task is left undone:
    one shift bonus, no period bonus. Boris, on the same terms, works Monday with his
    task done: 300 and 2,000."""
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session, period_kind=PayPeriodKind.WEEKLY)
        mira = await add_object(session, world, "Мира")
        anna = await add_person(session, world, "Anna", [mira])
        boris = await add_person(session, world, "Boris", [mira])
        clock = ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
        owner = await _owner(session, world)
        for person in (anna, boris):
            await change_pay_type(
                session,
                owner,
                clock,
                person[1].id,
                pay_type=PayType.HOURLY_BONUS,
                amounts=PayAmounts(shift_bonus=D("300.00"), period_bonus=D("2000.00")),
            )
        monday, tuesday = date(2026, 3, 2), date(2026, 3, 3)
        for person, day, done in (
            (anna, monday, True),
            (anna, tuesday, False),
            (boris, monday, True),
        ):
            shift = await add_finished_shift(
                session, person, mira, local(day, 9, 0), local(day, 17, 0)
            )
            await add_task(session, shift, "Сдать кассу", done=done, mandatory=True)
            await record_shift_entries(session, shift)
        period = await period_for_date(session, world.organization.id, monday)
        await close_pay_period(session, clock, period_id=period.id, user_id=None)
        assert await _lines(session, anna[0].id, LedgerEntryType.SHIFT_BONUS) == [D("300.00")]
        assert await _lines(session, anna[0].id, LedgerEntryType.PERIOD_BONUS) == []
        assert await _lines(session, boris[0].id, LedgerEntryType.SHIFT_BONUS) == [D("300.00")]
        assert await _lines(session, boris[0].id, LedgerEntryType.PERIOD_BONUS) == [D("2000.00")]
        rows = await session.scalar(select(func.count()).select_from(LedgerEntry))
        assert await record_period_pay(session, period) == 0
        assert await session.scalar(select(func.count()).select_from(LedgerEntry)) == rows


async def test_changing_the_rate_keeps_the_pay_type(session_factory) -> None:
    async with session_factory() as session, session.begin():
        world = await make_payroll_world(session)
        mira = await add_object(session, world, "Мира")
        anna = await add_person(session, world, "Anna", [mira])
        clock = ManualClock(datetime(2026, 3, 1, 9, 0, tzinfo=UTC))
        owner = await _owner(session, world)
        await change_pay_type(
            session,
            owner,
            clock,
            anna[1].id,
            pay_type=PayType.HOURLY_BONUS,
            amounts=PayAmounts(shift_bonus=D("300.00")),
        )
        await change_rate(
            session, owner, clock, anna[1].id, hourly_rate=D("350"), effective_from=date(2026, 3, 5)
        )
        terms = await terms_in_force(session, anna[1].id, date(2026, 3, 6))
        assert (terms.pay_type, terms.shift_bonus, terms.hourly_rate) == (
            PayType.HOURLY_BONUS,
            D("300.00"),
            D("350.00"),
        )
        with pytest.raises(InvalidInput):  # a bonus type without a bonus
            await change_pay_type(
                session,
                owner,
                clock,
                anna[1].id,
                pay_type=PayType.HOURLY_BONUS,
                amounts=PayAmounts(),
            )
