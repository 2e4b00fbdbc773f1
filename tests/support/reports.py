"""The reports' scenario week, Monday 2 – Sunday 8 March 2026, built as rows; the
payroll ledger is written by payroll's own recorders. Organization timezone: Moscow.

Objects: "Мира" (Europe/Moscow, 300 ₽/h, grace 5 min, 10 ₽/min) and "Порт"
(Asia/Vladivostok, UTC+10, 400 ₽/h, grace 10 min, 5 ₽/min).

Anna (Мира)
  Mon 09:00–17:00 planned, on time: 480 min → 2400.00
  Tue 09:00–17:00 planned, opened 09:17: late arrival, 17 min, fine (17 − 5) × 10 = 120.00;
      paid 463 min → 2315.00. Tasks: "Витрина" done (bonus 100), "Касса" mandatory
      undone (fine 200), "Цветы" optional undone (fine 50, not charged)
  Wed 09:00–17:00 planned, never opened: a no-show
  Tue 10 March 09:00–17:00 planned: upcoming
Boris (Порт, Vladivostok time)
  Mon 09:00–17:00 planned, opened 09:12: late arrival, 12 min, fine (12 − 10) × 5 = 10.00;
      paid 468 min → 3120.00. Tasks "Причал" and "Журнал" done
  Thu 09:00–17:00 planned, cancelled at short notice: fine 500.00
Vera (Мира)
  Thu 08:00–16:00 spontaneous: 480 min → 2400.00
  Fri 23:30 – Sat 02:00 spontaneous: on Friday (its local date), 150 min → 750.00
  manual bonus 1000.00 (no object) on Saturday
Gleb (Порт, Vladivostok time)
  Mon 2 March 00:30–04:30 (Sunday 1 March in Moscow and UTC): on Monday, 240 min → 1600.00
  Sat 10:00–18:00 planned, opened 10:03 (within grace: not a late arrival): 477 min →
      3180.00
  Sun 23:30 – Mon 03:30: on Sunday, 240 min → 1600.00
  Mon 9 March 01:00–02:00 (still Sunday 8 March in Moscow): next week, not in this one

Week (owner, organization): 8 shifts, 2998 min, cost 17365.00, 2 late arrivals with 29
late minutes, 6 planned shifts, 1 no-show, 1 cancellation, 5 tasks of which 3 done,
fines 830.00 (Anna 320, Boris 510), bonuses 1100.00 (Anna 100, Vera 1000).
Per day: Mon 3 shifts 1188 min 7120.00 · Tue 1/463/2315.00 · Wed 0 · Thu 1/480/2400.00 ·
Fri 1/150/750.00 · Sat 1/477/3180.00 · Sun 1/240/1600.00.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from services.payroll.adjustments import add_manual_adjustment
from services.payroll.ledger import (
    record_cancellation_fine,
    record_shift_entries,
    record_task_entries,
)
from services.platform.clock import ManualClock
from services.platform.db.models import Membership, MembershipRole, Shift, User, WorkObject
from tests.support.payroll import (
    PayrollWorld,
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
NEXT_MON, NEXT_TUE = date(2026, 3, 9), date(2026, 3, 10)
MOSCOW, VLADIVOSTOK = "Europe/Moscow", "Asia/Vladivostok"
# Monday 9 March, 12:00 in Moscow: the week is over ("last week").
AFTER_THE_WEEK = local(NEXT_MON, 12, 0)


def vlad(day: date, hour: int, minute: int):  # type: ignore[no-untyped-def]
    return local(day, hour, minute, VLADIVOSTOK)


@dataclass
class ReportWorld:
    world: PayrollWorld
    mira: WorkObject
    port: WorkObject
    anna: tuple[User, Membership]
    boris: tuple[User, Membership]
    vera: tuple[User, Membership]
    gleb: tuple[User, Membership]

    @property
    def owner(self) -> User:
        return self.world.owner

    @property
    def organization_id(self) -> int:
        return self.world.organization.id


async def build_report_week(
    session: AsyncSession,
    *,
    owner_telegram_id: int | None = None,
    owner_language: str = "ru",
    telegram_ids: tuple[int, int, int, int] | None = None,
) -> ReportWorld:
    world = await make_payroll_world(
        session, owner_telegram_id=owner_telegram_id, owner_language=owner_language
    )
    mira = await add_object(session, world, "Мира", rate="300.00", grace=5, fine_per_minute="10")
    port = await add_object(session, world, "Порт", rate="400.00", grace=10, fine_per_minute="5")
    port.timezone = VLADIVOSTOK
    await session.flush()
    ids = telegram_ids or (None, None, None, None)
    anna = await add_person(session, world, "Anna", [mira], telegram_id=ids[0])
    boris = await add_person(session, world, "Boris", [port], telegram_id=ids[1])
    vera = await add_person(session, world, "Vera", [mira], telegram_id=ids[2])
    gleb = await add_person(session, world, "Gleb", [port], telegram_id=ids[3])

    plan = await add_planned(session, anna, mira, local(MON, 9, 0), local(MON, 17, 0))
    await add_finished_shift(session, anna, mira, local(MON, 9, 0), local(MON, 17, 0), planned=plan)
    plan = await add_planned(session, anna, mira, local(TUE, 9, 0), local(TUE, 17, 0))
    anna_tuesday = await add_finished_shift(
        session, anna, mira, local(TUE, 9, 17), local(TUE, 17, 0), planned=plan
    )
    await add_task(session, anna_tuesday, "Витрина", done=True, bonus="100")
    await add_task(session, anna_tuesday, "Касса", done=False, mandatory=True, fine="200")
    await add_task(session, anna_tuesday, "Цветы", done=False, fine="50")
    await add_planned(session, anna, mira, local(WED, 9, 0), local(WED, 17, 0))
    await add_planned(session, anna, mira, local(NEXT_TUE, 9, 0), local(NEXT_TUE, 17, 0))

    plan = await add_planned(session, boris, port, vlad(MON, 9, 0), vlad(MON, 17, 0))
    boris_monday = await add_finished_shift(
        session, boris, port, vlad(MON, 9, 12), vlad(MON, 17, 0), planned=plan
    )
    await add_task(session, boris_monday, "Причал", done=True, mandatory=True)
    await add_task(session, boris_monday, "Журнал", done=True)
    plan = await add_planned(session, boris, port, vlad(THU, 9, 0), vlad(THU, 17, 0))
    cancellation = await add_cancellation(session, plan, fine="500.00")

    await add_finished_shift(session, vera, mira, local(THU, 8, 0), local(THU, 16, 0))
    await add_finished_shift(session, vera, mira, local(FRI, 23, 30), local(SAT, 2, 0))

    await add_finished_shift(session, gleb, port, vlad(MON, 0, 30), vlad(MON, 4, 30))
    plan = await add_planned(session, gleb, port, vlad(SAT, 10, 0), vlad(SAT, 18, 0))
    await add_finished_shift(session, gleb, port, vlad(SAT, 10, 3), vlad(SAT, 18, 0), planned=plan)
    await add_finished_shift(session, gleb, port, vlad(SUN, 23, 30), vlad(NEXT_MON, 3, 30))
    await add_finished_shift(session, gleb, port, vlad(NEXT_MON, 1, 0), vlad(NEXT_MON, 2, 0))

    for shift in await session.scalars(select(Shift).order_by(Shift.id)):
        await record_shift_entries(session, shift)
        await record_task_entries(session, shift)
    await record_cancellation_fine(session, cancellation)
    await add_manual_adjustment(
        session,
        ManualClock(local(SAT, 12, 0)),
        user_id=world.owner.id,
        organization_id=world.organization.id,
        employee_user_id=vera[0].id,
        amount=Decimal("1000"),
        is_bonus=True,
        reason="Инвентаризация",
        request_key="vera-bonus",
    )
    return ReportWorld(world, mira, port, anna, boris, vera, gleb)


async def add_manager(
    session: AsyncSession,
    report_world: ReportWorld,
    permissions: list[str],
    *,
    telegram_id: int | None = None,
) -> User:
    """A manager of "Мира" only, with `permissions` there."""
    manager, _ = await add_person(
        session,
        report_world.world,
        "Mila",
        [report_world.mira],
        role=MembershipRole.MANAGER,
        permissions=permissions,
        telegram_id=telegram_id,
    )
    return manager
