"""Overtime and holiday premiums in the ledger, one week of Anna at "Мира" (Moscow,
300 ₽/h; the organization pays 1.5× over 8 h a day and over 40 h a week; 8 March 2026,
a Sunday, is a holiday at 2×), worked out by hand:

  Mon 09:00–19:00  600 min: 120 min over 8 h → 120 × 300 × 0.5 / 60 = 300.00
  Tue–Fri 09:00–17:00  4 × 480 min: regular, 2400 regular minutes by Friday night
  Sat 10:00–14:00  240 min, all beyond 40 h → 240 × 300 × 0.5 / 60 = 600.00
  Sun 8 March 10:00–14:00  240 min on the holiday (also beyond 40 h: the larger premium,
      the holiday's, only) → 240 × 300 × 1 / 60 = 1200.00
  shift pay 3000 min × 5 = 15000.00; premiums 2100.00; gross 17100.00

Then Wednesday is corrected to 09:00–15:00 (360 min): shift pay −600.00; only 2280
regular minutes by Friday, so Saturday has 120 regular and 120 overtime minutes
(300.00 instead of 600.00): gross 16200.00. Boris works 10 h at "Парк", whose override
has no daily threshold: no premium."""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from services.payroll.corrections import correct_shift
from services.payroll.ledger import record_missing_entries, record_shift_entries
from services.payroll.payslip_text import line_text
from services.payroll.payslips import payslip
from services.platform.clock import ManualClock
from services.platform.db.models import LedgerEntry, Shift
from services.platform.i18n import Translator
from services.rates.settings import (
    mark_holiday,
    set_daily_threshold,
    set_overtime_multiplier,
    set_weekly_threshold,
)
from services.reports.figures import build_report
from services.reports.periods import PeriodKind, ReportPeriod
from services.reports.scope import ReportScope
from services.staff.permissions import actor_in
from tests.conftest import ON_BOTH_DATABASES
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    local,
    make_payroll_world,
)

MON = date(2026, 3, 2)
DAYS = [MON + timedelta(days=i) for i in range(7)]
WED, SAT, SUN = DAYS[2], DAYS[5], DAYS[6]


def plain(text: str) -> str:
    """Money as babel writes it uses no-break spaces; compare with plain ones."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


async def _build(session):
    world = await make_payroll_world(session)
    owner, organization = world.owner.id, world.organization.id
    mira = await add_object(session, world, "Мира", rate="300.00")
    park = await add_object(session, world, "Парк", rate="300.00")
    await set_daily_threshold(
        session, user_id=owner, organization_id=organization, object_id=None, raw="8"
    )
    await set_weekly_threshold(
        session, user_id=owner, organization_id=organization, object_id=None, raw="40"
    )
    await set_overtime_multiplier(
        session, user_id=owner, organization_id=organization, object_id=None, raw="1,5"
    )
    await set_daily_threshold(
        session, user_id=owner, organization_id=organization, object_id=park.id, raw="0"
    )
    await mark_holiday(
        session, user_id=owner, organization_id=organization, raw="08.03.2026 2 8 Марта"
    )
    anna = await add_person(session, world, "Anna", [mira])
    boris = await add_person(session, world, "Boris", [park])
    hours = [(9, 19)] + [(9, 17)] * 4 + [(10, 14), (10, 14)]
    for day, (start, end) in zip(DAYS, hours, strict=True):
        await add_finished_shift(session, anna, mira, local(day, start, 0), local(day, end, 0))
    await add_finished_shift(session, boris, park, local(MON, 9, 0), local(MON, 19, 0))
    return world, anna[0], boris[0]


async def _premiums(session, user_id: int) -> list[tuple[date, str, Decimal]]:
    rows = await session.execute(
        select(LedgerEntry.work_date, LedgerEntry.type, LedgerEntry.amount)
        .where(LedgerEntry.user_id == user_id, LedgerEntry.type.like("%premium"))
        .order_by(LedgerEntry.id)
    )
    return [tuple(row) for row in rows]


@ON_BOTH_DATABASES
async def test_a_week_of_overtime_and_a_holiday_is_paid_and_corrected(session_factory) -> None:
    clock = ManualClock(local(date(2026, 3, 9), 12, 0))
    async with session_factory() as session, session.begin():
        world, anna, boris = await _build(session)
        shifts = list(await session.scalars(select(Shift).order_by(Shift.opened_at)))
        for shift in shifts:
            await record_shift_entries(session, shift)
        # Every hook again, and the safety net: nothing is written twice.
        assert sum([await record_shift_entries(session, shift) for shift in shifts]) == 0
        assert await record_missing_entries(session) == 0
        assert await _premiums(session, anna.id) == [
            (MON, "overtime_premium", Decimal("300.00")),
            (SAT, "overtime_premium", Decimal("600.00")),
            (SUN, "holiday_premium", Decimal("1200.00")),
        ]
        assert await _premiums(session, boris.id) == []
        period_id = await session.scalar(
            select(LedgerEntry.pay_period_id).where(LedgerEntry.user_id == anna.id).limit(1)
        )

    async with session_factory() as session:
        slip = await payslip(
            session, user_id=anna.id, period_id=period_id, employee_user_id=anna.id
        )
        assert (slip.totals.minutes, slip.totals.gross) == (3000, Decimal("17100.00"))
        saturday = next(
            line for line in slip.lines if line.type == "overtime_premium" and line.work_date == SAT
        )
        assert saturday.details["weekly_minutes"] == "240"
        assert plain(line_text(Translator("ru"), saturday, "RUB")) == (
            "⏫ сб, 7 мар. · Мира: сверхурочно 240 мин × 300,00 ₽/ч × 0,5 (ставка ×1,5) = +600,00 ₽"
        )
        assert plain(line_text(Translator("en"), saturday, "RUB")) == (
            "⏫ Sat, 7 Mar · Мира: overtime 240 min × ₽300.00/h × 0.5 (rate ×1.5) = +₽600.00"
        )

    async with session_factory() as session, session.begin():
        wednesday = next(s for s in shifts if s.opened_at == local(WED, 9, 0))
        await correct_shift(
            session,
            clock,
            user_id=world.owner.id,
            shift_id=wednesday.id,
            opened_at=local(WED, 9, 0),
            closed_at=local(WED, 15, 0),
        )
        assert (await _premiums(session, anna.id))[3:] == [
            (SAT, "overtime_premium", Decimal("-600.00")),
            (SAT, "overtime_premium", Decimal("300.00")),
        ]
        assert await record_missing_entries(session) == 0
        live = await session.scalar(select(func.count()).where(LedgerEntry.cause.like("premium:%")))
        assert live == 5

    async with session_factory() as session:
        slip = await payslip(
            session, user_id=anna.id, period_id=period_id, employee_user_id=anna.id
        )
        assert (slip.totals.minutes, slip.totals.gross) == (2880, Decimal("16200.00"))
        # The owner's report counts the labour cost as the payslips do, premiums too.
        actor = await actor_in(session, world.owner.id, world.organization.id)
        week = ReportPeriod(PeriodKind.LAST_WEEK, MON, SUN)
        report = await build_report(session, clock, actor, week, ReportScope())
        cost = {row.name: row.cost for row in report.employees}
        assert cost["Anna"] == Decimal("16200.00")
        assert cost["Boris"] == Decimal("3000.00")  # 10 h at 300 ₽, no premium at "Парк"
        assert report.totals.cost == Decimal("19200.00")
        by_day = {day.day: day.cost for day in report.days}
        assert by_day[SAT] == Decimal("1500.00")  # 4 h × 300 ₽ + 300.00 overtime
        assert by_day[SUN] == Decimal("2400.00")  # 4 h × 300 ₽ + 1200.00 holiday
