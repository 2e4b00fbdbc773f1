"""Open shifts (`/api/miniapp/open-shifts`): the free places and colleagues' give-aways an
employee may take, and taking them (`services.exchange.exchange`, the bot's rules)."""

from typing import Any

from services.board.week import require_slot_in
from services.exchange import offers, open_places
from services.exchange.views import Outcome, ShiftInfo, TakeResult
from services.platform.i18n import Translator
from services.platform.local_time import hhmm
from webapp.auth import CurrentUser
from webapp.dependencies import ClockDep, SessionDep
from webapp.miniapp.context import MemberDep, api_router, translator_of
from webapp.miniapp.formatting import time_span

router = api_router()


def _open_shift_json(
    t: Translator, kind: str, item_id: int, shift: ShiftInfo, **extra: Any
) -> dict[str, Any]:
    return {
        "kind": kind,
        "id": item_id,
        "date": shift.local_date.isoformat(),
        "date_label": t.short_day(shift.local_date),
        "time": time_span(shift.start_time, shift.end_time),
        "object": shift.object_name,
        **extra,
    }


@router.get("/open-shifts")
async def open_shifts(
    user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Free places and colleagues' give-aways the caller may take now, by start time
    (`services.exchange.exchange.open_places`, the bot's "Open shifts")."""
    found = await open_places.open_places(
        session, clock, user_id=user.id, organization_id=actor.organization_id
    )
    t = translator_of(user)
    items = [
        (
            place.shift.starts_at,
            _open_shift_json(
                t,
                "slot",
                place.slot_id,
                place.shift,
                occupancy=f"{place.booked}/{place.max_employees}",
                offered_by=None,
                needs_approval=place.needs_approval,
            ),
        )
        for place in found.places
    ] + [
        (
            offer.shift.starts_at,
            _open_shift_json(
                t,
                "offer",
                offer.offer_id,
                offer.shift,
                occupancy=None,
                offered_by=offer.offered_by,
                needs_approval=offer.needs_approval,
            ),
        )
        for offer in found.offers
    ]
    items.sort(key=lambda item: item[0])
    return {"items": [item for _, item in items]}


def _taken_json(t: Translator, result: TakeResult) -> dict[str, Any]:
    shift = result.shift
    key = "schedule-booked" if result.outcome == Outcome.DONE else "exchange-take-requested"
    return {
        "outcome": result.outcome.value,
        "message": t.get(
            key,
            date=t.short_day(shift.local_date),
            start=hhmm(shift.start_time),
            end=hhmm(shift.end_time),
            object_name=shift.object_name,
        ),
    }


@router.post("/open-shifts/slots/{slot_id}/take")
async def take_open_place(
    slot_id: int, user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Take a free place: booked at once, or a request where the object wants approval
    (`services.exchange.exchange.take_open_place` decides)."""
    await require_slot_in(session, actor.organization_id, slot_id)
    result = await open_places.take_open_place(session, clock, user_id=user.id, slot_id=slot_id)
    await session.commit()
    return _taken_json(translator_of(user), result)


@router.post("/open-shifts/offers/{offer_id}/take")
async def take_offered_shift(
    offer_id: int, user: CurrentUser, actor: MemberDep, session: SessionDep, clock: ClockDep
) -> dict[str, Any]:
    """Take a colleague's give-away: the first taker gets it, or it waits for approval
    (`services.exchange.exchange.take_offered_shift` decides)."""
    await offers.require_offer_in(session, actor.organization_id, offer_id)
    result = await offers.take_offered_shift(session, clock, user_id=user.id, offer_id=offer_id)
    await session.commit()
    return _taken_json(translator_of(user), result)
