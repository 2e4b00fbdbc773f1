"""Dialog fuzzing (hypothesis): from every main-menu entry of an owner, an employee on
shift, an employee with a planned shift and a newcomer, random presses, forged callback
data, texts (unicode, very long, HTML- and SQL-looking), commands, locations, photos and
documents. No error may reach the global error handler (an outdated screen aside), and
every text and button the bot shows must be localized.

`FUZZ_EXAMPLES` (environment) sets the examples per dialog; the default keeps the run
short."""

import itertools
import os
from datetime import timedelta

import pytest
from aiogram import Dispatcher

from services.platform.clock import ManualClock
from services.platform.db.session import SessionFactory
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support.crowd import plain
from tests.support.dialog_fuzz import DialogFuzzer, FuzzFindings, fuzz, record_errors
from tests.support.planning import make_employee
from tests.support.shifts import (
    EMPLOYEE_TG,
    OWNER_TG,
    add_planned_shift,
    make_shift_world,
    open_at_the_cafe,
)

FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "10"))
PLANNED_TG, NEWCOMER_TG = 7004, 7100

OWNER_ENTRIES = (
    "menu-objects",
    "menu-staff",
    "menu-invites",
    "menu-subscription",
    "menu-organizations",
    "menu-task-templates",
    "menu-task-review",
    "menu-media-settings",
    "menu-planning",
    "menu-on-shift",
    "menu-payroll",
    "menu-reports",
    "menu-settings",
)
ON_SHIFT_ENTRIES = (
    "menu-shift-tasks",
    "menu-my-schedule",
    "menu-clock-close",
    "menu-my-pay",
    "menu-my-stats",
    "menu-settings",
)
# An example that opened or ended the shift leaves the next one's menu offering the other
# way in: the one it shows of these is pressed.
IN_THE_OTHER_STATE = {
    "menu-clock-open": ("menu-clock-close",),
    "menu-clock-close": ("menu-clock-open",),
    "menu-shift-tasks": ("menu-clock-open",),
}
CASES = (
    [("owner", OWNER_TG, entry) for entry in OWNER_ENTRIES]
    + [("employee on shift", EMPLOYEE_TG, entry) for entry in ON_SHIFT_ENTRIES]
    + [("employee with a planned shift", PLANNED_TG, "menu-clock-open")]
    + [("newcomer", NEWCOMER_TG, entry) for entry in ("menu-run-business", "menu-have-invite")]
)


async def seed_business(session_factory: SessionFactory, clock: ManualClock) -> None:
    """Olga's cafe with Max (manager), Anna on an open shift and Boris planned later."""
    world = await make_shift_world(session_factory)
    anna_plan = await add_planned_shift(session_factory, world, clock.now() - timedelta(hours=1))
    async with session_factory() as session, session.begin():
        await open_at_the_cafe(session, clock, world.employee.id, anna_plan.id)
        boris, boris_membership = await make_employee(
            session,
            world.organization,
            [world.work_object],
            telegram_id=PLANNED_TG,
            first_name="Boris",
        )
    world.employee, world.membership = boris, boris_membership
    await add_planned_shift(session_factory, world, clock.now() + timedelta(minutes=10))


@pytest.mark.parametrize(
    ("who", "telegram_id", "entry"), CASES, ids=[f"{who}:{entry}" for who, _, entry in CASES]
)
async def test_random_input_in_every_dialog_is_handled_and_localized(
    who: str,
    telegram_id: int,
    entry: str,
    webhook,
    dispatcher: Dispatcher,
    telegram: FakeTelegramServer,
    session_factory: SessionFactory,
    clock: ManualClock,
) -> None:
    await seed_business(session_factory, clock)
    findings = FuzzFindings()
    user = telegram.user(telegram_id, first_name="Fuzz", language_code="ru")
    newcomers = itertools.count(NEWCOMER_TG * 1000)
    fuzzer = DialogFuzzer(
        telegram,
        session_factory,
        user,
        clock,
        findings,
        (plain(entry), *(plain(other) for other in IN_THE_OTHER_STATE.get(entry, ()))),
        next_user=(
            (lambda: telegram.user(next(newcomers), first_name="Fuzz", language_code="ru"))
            if who == "newcomer"
            else None
        ),
    )

    with record_errors(dispatcher, findings):
        examples = await fuzz(fuzzer, FUZZ_EXAMPLES)

    print(f"[fuzz] {who} · {plain(entry)}: {examples} examples, {fuzzer.updates} random updates")
    assert examples >= FUZZ_EXAMPLES
