"""The week board's list of pending give-aways and swaps (for the Mini App)."""

from datetime import date

from services.exchange.offers import offer_shift
from services.exchange.queries import week_exchanges
from services.exchange.swaps import propose_swap
from services.exchange.views import ExchangeKind
from services.platform.db.models import ExchangeStatus
from tests.support.planning import make_employee, make_planned_shift, make_world


async def test_week_lists_pending_offers_and_swaps_of_the_planners_objects(session, clock):
    world = await make_world(session, clock)
    anna, _ = await make_employee(
        session, world.organization, [world.work_object], telegram_id=1, first_name="Anna"
    )
    boris, _ = await make_employee(
        session, world.organization, [world.work_object], telegram_id=2, first_name="Boris"
    )
    offered = await make_planned_shift(session, clock, world, anna, day=date(2026, 3, 3))
    anna_next_week = await make_planned_shift(session, clock, world, anna, day=date(2026, 3, 10))
    boris_shift = await make_planned_shift(session, clock, world, boris, day=date(2026, 3, 4))
    offer = await offer_shift(session, clock, user_id=anna.id, planned_shift_id=offered.id)
    swap = await propose_swap(
        session,
        clock,
        user_id=anna.id,
        planned_shift_id=anna_next_week.id,
        partner_shift_id=boris_shift.id,
    )

    week = await week_exchanges(
        session,
        user_id=world.owner.id,
        organization_id=world.organization.id,
        week_start=date(2026, 3, 2),
    )

    assert [(e.kind, e.exchange_id, e.local_date, e.employee, e.other) for e in week] == [
        (ExchangeKind.OFFER, offer.id, date(2026, 3, 3), "Anna", ""),
        (ExchangeKind.SWAP, swap.id, date(2026, 3, 4), "Boris", "Anna"),
    ]
    assert {e.status for e in week} == {ExchangeStatus.OPEN, ExchangeStatus.PROPOSED}
    assert (
        await week_exchanges(
            session,
            user_id=boris.id,
            organization_id=world.organization.id,
            week_start=date(2026, 3, 2),
        )
        == []
    )  # an employee plans nothing
