"""Payroll properties on the real database: a payslip's lines always add up to its
totals to the kopeck (open and frozen), re-running every job changes nothing, and
corrections by reversal keep every total right, across a closed period too."""

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from services.payroll.adjustments import add_manual_adjustment, record_payout
from services.payroll.closing import close_due_pay_periods, close_pay_period
from services.payroll.corrections import correct_shift
from services.payroll.ledger import (
    BONUS_TYPES,
    FINE_TYPES,
    record_missing_entries,
    record_shift_entries,
    record_task_entries,
)
from services.payroll.payslips import PayslipView, payslip
from services.payroll.periods import current_period, open_current_period, period_for_date
from services.payroll.rules import money, work_date
from services.platform.clock import ManualClock
from services.platform.db.models import LedgerEntry, LedgerEntryType, PayoutMethod, Shift
from tests.support.payroll import (
    add_finished_shift,
    add_object,
    add_person,
    add_task,
    local,
    make_payroll_world,
)

MONDAY = date(2026, 3, 2)
PROPERTY_SETTINGS = settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

amounts = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("5000"), places=2)
shifts = st.lists(
    st.tuples(
        st.integers(0, 6),  # day of the week
        st.integers(0, 23 * 60 + 59),  # planned start, minutes after local midnight
        st.integers(-30, 120),  # minutes late (negative: early)
        st.integers(0, 16 * 60),  # length after opening
        st.decimals(min_value=Decimal("0"), max_value=Decimal("2000"), places=2),  # rate
    ),
    min_size=1,
    max_size=5,
)
tasks = st.lists(
    st.tuples(st.booleans(), st.booleans(), amounts, amounts), max_size=4
)  # done, mandatory, bonus, fine
adjustments = st.lists(st.tuples(st.booleans(), amounts), max_size=3)  # is bonus, amount


def _sum(view: PayslipView, types) -> Decimal:
    return sum((line.amount for line in view.lines if line.type in types), Decimal("0.00"))


def assert_lines_add_up(view: PayslipView) -> None:
    totals = view.totals
    assert _sum(view, [LedgerEntryType.SHIFT_PAY]) == totals.gross
    assert -_sum(view, FINE_TYPES) == totals.fines
    assert _sum(view, BONUS_TYPES) == totals.bonuses
    assert -_sum(view, [LedgerEntryType.PAYOUT]) == totals.paid
    assert totals.gross - totals.fines + totals.bonuses == totals.net
    assert sum((line.amount for line in view.lines), Decimal("0.00")) == totals.balance
    assert totals.minutes == sum(
        line.minutes or 0 for line in view.lines if line.type == LedgerEntryType.SHIFT_PAY
    )


async def _week_of_work(session, shift_specs, task_specs, grace, fine_per_minute):
    world = await make_payroll_world(session)
    work_object = await add_object(
        session, world, "Мира", grace=grace, fine_per_minute=str(fine_per_minute)
    )
    person = await add_person(session, world, "Anna", [work_object])
    made = []
    for day, start, late, length, rate in shift_specs:
        planned_start = local(MONDAY, 0, 0) + timedelta(days=day, minutes=start)
        opened = planned_start + timedelta(minutes=late)
        made.append(
            await add_finished_shift(
                session,
                person,
                work_object,
                opened,
                opened + timedelta(minutes=length),
                planned_start=planned_start,
                hourly_rate=rate,
            )
        )
    for done, mandatory, bonus, fine in task_specs:
        await add_task(
            session, made[0], "Задача", done=done, mandatory=mandatory, bonus=bonus, fine=fine
        )
    return world, person, made


async def _record(session, shifts_made) -> int:
    written = 0
    for shift in shifts_made:
        written += await record_shift_entries(session, shift)
        written += await record_task_entries(session, shift)
    return written


@PROPERTY_SETTINGS
@given(
    shift_specs=shifts,
    task_specs=tasks,
    adjustment_specs=adjustments,
    grace=st.integers(0, 15),
    fine_per_minute=st.decimals(min_value=Decimal("0"), max_value=Decimal("50"), places=2),
    paid_share=st.integers(0, 100),
)
async def test_payslip_lines_add_up_to_its_totals(
    session_factory, shift_specs, task_specs, adjustment_specs, grace, fine_per_minute, paid_share
):
    clock = ManualClock(local(MONDAY + timedelta(days=6), 23, 0))
    async with session_factory() as session, session.begin():
        world, (anna, _), made = await _week_of_work(
            session, shift_specs, task_specs, grace, fine_per_minute
        )
        await _record(session, made)
        for number, (is_bonus, amount) in enumerate(adjustment_specs):
            await add_manual_adjustment(
                session,
                clock,
                user_id=world.owner.id,
                organization_id=world.organization.id,
                employee_user_id=anna.id,
                amount=amount,
                is_bonus=is_bonus,
                reason="причина",
                request_key=f"{world.organization.id}-{number}",
            )
        period = await current_period(session, clock, world.organization.id)
        view = await payslip(
            session, user_id=anna.id, period_id=period.id, employee_user_id=anna.id
        )
        assert_lines_add_up(view)
        # A shift belongs to the week of its work date: its planned start's local date (a
        # shift opened a minute early on Sunday for Monday 00:00 is Monday's).
        this_week = [
            s
            for s in made
            if MONDAY
            <= work_date(s.planned_start_at, s.opened_at, "Europe/Moscow")
            <= period.end_date
        ]
        assert view.totals.gross == sum((s.pay for s in this_week), Decimal("0.00"))
        share = money(view.totals.balance * paid_share / 100)
        if share > 0:
            await record_payout(
                session,
                clock,
                user_id=world.owner.id,
                period_id=period.id,
                employee_user_id=anna.id,
                method=PayoutMethod.BANK_TRANSFER,
                amount=share,
                request_key=f"payout-{world.organization.id}",
            )
        await close_pay_period(session, clock, period_id=period.id, user_id=world.owner.id)
    async with session_factory() as session:
        frozen = await payslip(
            session, user_id=world.owner.id, period_id=period.id, employee_user_id=anna.id
        )
        assert frozen.frozen
        assert_lines_add_up(frozen)
        assert frozen.totals.net == view.totals.net
        assert frozen.totals.paid == max(share, Decimal("0.00"))


@PROPERTY_SETTINGS
@given(shift_specs=shifts, task_specs=tasks, runs=st.lists(st.integers(0, 4), min_size=1))
async def test_rerunning_every_payroll_job_changes_nothing(
    session_factory, shift_specs, task_specs, runs
):
    clock = ManualClock(local(MONDAY + timedelta(days=6), 23, 0))
    async with session_factory() as session, session.begin():
        world, (anna, _), made = await _week_of_work(session, shift_specs, task_specs, 5, 10)
        await _record(session, made)
        period = await current_period(session, clock, world.organization.id)
    jobs = [
        lambda s: _record(s, made),
        record_missing_entries,
        lambda s: close_due_pay_periods(s, clock),
        lambda s: close_pay_period(s, clock, period_id=period.id, user_id=None),
        lambda s: open_current_period(s, clock, world.organization.id),
    ]
    async with session_factory() as session:
        entries = await session.scalar(
            select(func.count()).where(LedgerEntry.organization_id == world.organization.id)
        )
        before = await payslip(
            session, user_id=anna.id, period_id=period.id, employee_user_id=anna.id
        )
    for job in runs:
        async with session_factory() as session, session.begin():
            await jobs[job](session)
    async with session_factory() as session:
        assert entries == await session.scalar(
            select(func.count()).where(LedgerEntry.organization_id == world.organization.id)
        )
        after = await payslip(
            session, user_id=anna.id, period_id=period.id, employee_user_id=anna.id
        )
        assert after.totals == before.totals


@PROPERTY_SETTINGS
@given(
    corrections=st.lists(
        st.tuples(st.integers(-60, 120), st.integers(1, 14 * 60)), min_size=1, max_size=5
    ),
    close_after=st.integers(0, 5),
)
async def test_corrections_by_reversal_keep_totals_right(session_factory, corrections, close_after):
    """After any sequence of corrections (some after the period closed), the shift's
    entries across all periods sum to its current pay minus its current fine, exactly one
    pay entry is live, and no entry was ever changed."""
    clock = ManualClock(local(MONDAY + timedelta(days=20), 12, 0))
    async with session_factory() as session, session.begin():
        world, _, made = await _week_of_work(
            session, [(1, 9 * 60, 17, 8 * 60, Decimal("350"))], [], 5, 10
        )
        shift = made[0]
        await _record(session, made)
        period_id = (await period_for_date(session, world.organization.id, MONDAY)).id
        first_amounts = dict(
            (
                await session.execute(
                    select(LedgerEntry.id, LedgerEntry.amount).where(
                        LedgerEntry.shift_id == shift.id
                    )
                )
            ).all()
        )
    for number, (late, length) in enumerate(corrections):
        if number == close_after:
            async with session_factory() as session, session.begin():
                await close_pay_period(session, clock, period_id=period_id, user_id=None)
        async with session_factory() as session, session.begin():
            planned_start = local(MONDAY + timedelta(days=1), 9, 0)
            opened = planned_start + timedelta(minutes=late)
            await correct_shift(
                session,
                clock,
                user_id=world.owner.id,
                shift_id=shift.id,
                opened_at=opened,
                closed_at=opened + timedelta(minutes=length),
            )
    async with session_factory() as session:
        current = await session.get(Shift, shift.id)
        assert current is not None
        entries = list(
            await session.scalars(select(LedgerEntry).where(LedgerEntry.shift_id == shift.id))
        )
        assert sum((e.amount for e in entries), Decimal("0.00")) == current.pay - current.late_fine
        reversed_ids = {e.reverses_entry_id for e in entries}
        live_pay = [
            e
            for e in entries
            if e.type == LedgerEntryType.SHIFT_PAY
            and e.reverses_entry_id is None
            and e.id not in reversed_ids
        ]
        assert [(e.amount, e.minutes) for e in live_pay] == [(current.pay, current.worked_minutes)]
        for entry_id, amount in first_amounts.items():
            assert (await session.get(LedgerEntry, entry_id)).amount == amount
        late_ones = [e for e in entries if e.late_for_closed_period]
        assert all(e.pay_period_id != period_id for e in late_ones)
