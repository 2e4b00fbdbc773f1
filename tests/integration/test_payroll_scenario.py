"""One week in a café, Monday 2 – Sunday 8 March 2026 (Moscow), weekly periods paid two
days after the Sunday. Two objects, four employees; every total below is worked out by
hand from the shifts, tasks, cancellation, bonus and payout of the week.

Objects: "Мира" pays 300 ₽/h, grace 5 min, 10 ₽ per late minute; "Парк" pays 250 ₽/h,
grace 10 min, 5 ₽ per late minute.

Anna (Мира, contract 350 ₽/h)
  Mon 09:00–17:00 planned, on time: 480 min × 350 / 60 = 2800.00
  Tue 09:00–17:00 planned, opened 09:17: late 17 − 5 = 12 min × 10 = 120.00 fine;
      paid from 09:17: 463 min × 350 / 60 = 2700.8333… → 2700.83
      tasks: "Протереть витрину" done, bonus 100; "Сдать кассу" mandatory, undone, fine
      200; "Полить цветы" optional, undone, fine 50 (not charged: not mandatory)
  gross 5500.83, fines 320.00, bonuses 100.00, net 5280.83 (943 min)
Boris (Парк, 250 ₽/h)
  Mon 10:00–14:10 spontaneous: 250 min × 250 / 60 = 1041.666… → 1041.67
  Wed 12:00–20:00 planned, opened 11:50 (paid from 12:00), forgotten, auto-closed at
      20:00: 480 min → 2000.00
  Fri shift cancelled at short notice: fine 500.00
  gross 3041.67, fines 500.00, net 2541.67 (730 min)
Vera (Мира, object rate 300 ₽/h)
  Thu 08:00–16:00: 480 min → 2400.00; Fri 08:00–12:07: 247 min × 5 = 1235.00
  manual bonus 1000.00 "Помогла с инвентаризацией"; paid 2000.00 in cash
  gross 3635.00, bonuses 1000.00, net 4635.00, paid 2000.00, balance 2635.00 (727 min)
Gleb (Парк, slot rate 280 ₽/h)
  Sat 10:00–18:00 planned, opened 10:03 (3 min ≤ 10 grace: no fine): 477 min × 280 / 60
      = 2226.00
  Sun 22:00 – Mon 03:30: opened on Sunday, so this week: 330 min → 1540.00
  Mon 9 March 00:30–01:30 (Sunday 21:30 UTC!): next week by the local date, 280.00
  gross 3766.00, net 3766.00 (807 min)
Week: net 16223.50, paid 2000.00.
"""

from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import func, select

from services.payroll.adjustments import add_manual_adjustment, record_payout
from services.payroll.closing import close_due_pay_periods, close_pay_period
from services.payroll.corrections import correct_shift
from services.payroll.ledger import (
    record_cancellation_fine,
    record_missing_entries,
    record_shift_entries,
    record_task_entries,
)
from services.payroll.payslips import PayslipTotals, payslip, period_payslips
from services.payroll.periods import current_period
from services.platform.clock import ManualClock
from services.platform.db.models import (
    LedgerEntry,
    OutboxMessage,
    PayoutMethod,
    PayPeriod,
    PayPeriodStatus,
    Shift,
    ShiftStatus,
)
from tests.support.payroll import (
    add_cancellation,
    add_finished_shift,
    add_object,
    add_person,
    add_planned,
    add_task,
    local,
    make_payroll_world,
)

MON, TUE, WED, THU, FRI, SAT, SUN = (date(2026, 3, 2) + timedelta(days=i) for i in range(7))
NEXT_MON = date(2026, 3, 9)


def _row(totals: list[PayslipTotals], name: str) -> tuple:
    found = next(t for t in totals if t.employee_name == name)
    return (found.minutes, found.gross, found.fines, found.bonuses, found.net, found.paid)


def D(text: str) -> Decimal:
    return Decimal(text)


async def _build_week(session):
    world = await make_payroll_world(session)
    mira = await add_object(session, world, "Мира", rate="300.00", grace=5, fine_per_minute="10")
    park = await add_object(session, world, "Парк", rate="250.00", grace=10, fine_per_minute="5")
    anna = await add_person(session, world, "Anna", [mira])
    boris = await add_person(session, world, "Boris", [park])
    vera = await add_person(session, world, "Vera", [mira])
    gleb = await add_person(session, world, "Gleb", [park])
    rate_350, rate_280 = D("350.00"), D("280.00")

    plan = await add_planned(session, anna, mira, local(MON, 9, 0), local(MON, 17, 0))
    await add_finished_shift(
        session, anna, mira, local(MON, 9, 0), local(MON, 17, 0), planned=plan, hourly_rate=rate_350
    )
    plan = await add_planned(session, anna, mira, local(TUE, 9, 0), local(TUE, 17, 0))
    anna_tuesday = await add_finished_shift(
        session,
        anna,
        mira,
        local(TUE, 9, 17),
        local(TUE, 17, 0),
        planned=plan,
        hourly_rate=rate_350,
    )
    await add_task(session, anna_tuesday, "Протереть витрину", done=True, bonus="100")
    await add_task(session, anna_tuesday, "Сдать кассу", done=False, mandatory=True, fine="200")
    await add_task(session, anna_tuesday, "Полить цветы", done=False, fine="50")
    await add_task(session, anna_tuesday, "Вынести мусор", done=True, mandatory=True)

    await add_finished_shift(session, boris, park, local(MON, 10, 0), local(MON, 14, 10))
    plan = await add_planned(session, boris, park, local(WED, 12, 0), local(WED, 20, 0))
    await add_finished_shift(
        session,
        boris,
        park,
        local(WED, 11, 50),
        local(WED, 20, 0),
        planned=plan,
        status=ShiftStatus.AUTO_CLOSED,
    )
    plan = await add_planned(session, boris, park, local(FRI, 12, 0), local(FRI, 20, 0))
    cancellation = await add_cancellation(session, plan, fine="500.00")

    await add_finished_shift(session, vera, mira, local(THU, 8, 0), local(THU, 16, 0))
    await add_finished_shift(session, vera, mira, local(FRI, 8, 0), local(FRI, 12, 7))

    plan = await add_planned(
        session, gleb, park, local(SAT, 10, 0), local(SAT, 18, 0), rate_override=rate_280
    )
    await add_finished_shift(
        session,
        gleb,
        park,
        local(SAT, 10, 3),
        local(SAT, 18, 0),
        planned=plan,
        hourly_rate=rate_280,
    )
    await add_finished_shift(
        session, gleb, park, local(SUN, 22, 0), local(NEXT_MON, 3, 30), hourly_rate=rate_280
    )
    await add_finished_shift(
        session, gleb, park, local(NEXT_MON, 0, 30), local(NEXT_MON, 1, 30), hourly_rate=rate_280
    )
    return world, anna_tuesday, cancellation, (anna, boris, vera, gleb)


async def _record_everything(session, shifts, cancellation) -> int:
    written = 0
    for shift in shifts:
        written += await record_shift_entries(session, shift)
        written += await record_task_entries(session, shift)
    written += await record_cancellation_fine(session, cancellation)
    return written


async def test_one_week_in_a_cafe(session_factory):
    clock = ManualClock(local(SAT, 12, 0))
    async with session_factory() as session, session.begin():
        world, anna_tuesday, cancellation, people = await _build_week(session)
        anna, _, vera, gleb = (person[0] for person in people)
        shifts = list(await session.scalars(select(Shift).order_by(Shift.id)))
        assert await _record_everything(session, shifts, cancellation) > 0
        # The hooks ran: the safety net finds nothing left to write.
        assert await record_missing_entries(session) == 0

        await add_manual_adjustment(
            session,
            clock,
            user_id=world.owner.id,
            organization_id=world.organization.id,
            employee_user_id=vera.id,
            amount=D("1000"),
            is_bonus=True,
            reason="Помогла с инвентаризацией",
            request_key="vera-bonus",
        )
        await record_payout(
            session,
            clock,
            user_id=world.owner.id,
            period_id=(await current_period(session, clock, world.organization.id)).id,
            employee_user_id=vera.id,
            method=PayoutMethod.CASH,
            amount=D("2000"),
            request_key="vera-cash",
        )
        week = await current_period(session, clock, world.organization.id)
        assert (week.start_date, week.end_date, week.pay_day) == (MON, SUN, date(2026, 3, 10))

    expected_week = {
        "Anna": (943, D("5500.83"), D("320.00"), D("100.00"), D("5280.83"), D("0.00")),
        "Boris": (730, D("3041.67"), D("500.00"), D("0.00"), D("2541.67"), D("0.00")),
        "Vera": (727, D("3635.00"), D("0.00"), D("1000.00"), D("4635.00"), D("2000.00")),
        "Gleb": (807, D("3766.00"), D("0.00"), D("0.00"), D("3766.00"), D("0.00")),
    }
    async with session_factory() as session:
        live = await period_payslips(session, user_id=world.owner.id, period_id=week.id)
        assert {t.employee_name: _row(live, t.employee_name) for t in live} == expected_week
        assert sum(t.net for t in live) == D("16223.50")
        vera_slip = await payslip(
            session, user_id=vera.id, period_id=week.id, employee_user_id=vera.id
        )
        assert vera_slip.totals.balance == D("2635.00")
        anna_slip = await payslip(
            session, user_id=world.owner.id, period_id=week.id, employee_user_id=anna.id
        )
        assert [(line.type, line.amount, line.reason) for line in anna_slip.lines] == [
            ("shift_pay", D("2800.00"), ""),
            ("shift_pay", D("2700.83"), ""),
            ("late_fine", D("-120.00"), ""),
            ("task_bonus", D("100.00"), "Протереть витрину"),
            ("task_fine", D("-200.00"), "Сдать кассу"),
        ]
        assert anna_slip.lines[1].minutes == 463 and anna_slip.lines[2].minutes == 17

    # Tuesday 10 March, pay day: the scheduler closes the week.
    clock.set(local(date(2026, 3, 10), 0, 5))
    async with session_factory() as session, session.begin():
        assert await close_due_pay_periods(session, clock) == 1
    async with session_factory() as session, session.begin():
        closed = await session.get(PayPeriod, week.id)
        assert closed is not None and closed.status == PayPeriodStatus.CLOSED
        ready = await session.scalar(
            select(func.count()).where(OutboxMessage.kind == "payroll_payslip_ready")
        )
        assert ready == 4
        # Anna's Tuesday is corrected after closing: she came at 09:05 (within grace).
        await correct_shift(
            session,
            clock,
            user_id=world.owner.id,
            shift_id=anna_tuesday.id,
            opened_at=local(TUE, 9, 5),
            closed_at=local(TUE, 17, 0),
        )
        # Anna's week is paid by card after closing: the whole balance.
        await record_payout(
            session,
            clock,
            user_id=world.owner.id,
            period_id=week.id,
            employee_user_id=anna.id,
            method=PayoutMethod.CARD,
            request_key="anna-card",
        )

    async with session_factory() as session:
        frozen = await period_payslips(session, user_id=world.owner.id, period_id=week.id)
        expected_week["Anna"] = (*expected_week["Anna"][:5], D("5280.83"))
        assert {t.employee_name: _row(frozen, t.employee_name) for t in frozen} == expected_week
        assert next(t for t in frozen if t.employee_name == "Anna").balance == D("0.00")

        next_week = await current_period(session, clock, world.organization.id)
        assert (next_week.start_date, next_week.end_date) == (NEXT_MON, date(2026, 3, 15))
        later = await period_payslips(session, user_id=world.owner.id, period_id=next_week.id)
        # Anna: 475 min × 350 / 60 = 2770.83 replaces 2700.83 (+70.00, +12 min), the 120.00
        # fine is given back; both as late entries of the next week.
        assert {t.employee_name: _row(later, t.employee_name) for t in later} == {
            "Anna": (12, D("70.00"), D("-120.00"), D("0.00"), D("190.00"), D("0.00")),
            "Gleb": (60, D("280.00"), D("0.00"), D("0.00"), D("280.00"), D("0.00")),
        }
        anna_later = await payslip(
            session, user_id=anna.id, period_id=next_week.id, employee_user_id=anna.id
        )
        assert all(line.late_for_closed_period for line in anna_later.lines)
        assert sorted((line.amount, line.is_reversal) for line in anna_later.lines) == [
            (D("-2700.83"), True),
            (D("120.00"), True),
            (D("2770.83"), False),
        ]
        gleb_later = await payslip(
            session, user_id=world.owner.id, period_id=next_week.id, employee_user_id=gleb.id
        )
        assert not any(line.late_for_closed_period for line in gleb_later.lines)

    # Every job again, twice: nothing changes.
    async with session_factory() as session, session.begin():
        before = await session.scalar(select(func.count()).select_from(LedgerEntry))
        shifts = list(await session.scalars(select(Shift).order_by(Shift.id)))
        for _ in range(2):
            assert await _record_everything(session, shifts, cancellation) == 0
            assert await record_missing_entries(session) == 0
            assert await close_due_pay_periods(session, clock) == 0
            await close_pay_period(session, clock, period_id=week.id, user_id=world.owner.id)
        assert await session.scalar(select(func.count()).select_from(LedgerEntry)) == before
