"""The rows of live exchange requests (slot requests, give-aways, swaps): locking one,
inserting one, retiring the ones a change made impossible.

Concurrency: a request row is locked first (`locked_request`), then the planned shifts
(ascending ids), then the users (ascending ids, `planning.lock_user`); every path of the
exchange takes locks in this order, so two changes of the same shifts wait for each
other instead of deadlocking, and the second one finds the shifts changed. The overlap
exclusion constraint of planned shifts stays the last guard.
"""

from collections.abc import Sequence
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.db.models import ExchangeStatus, ShiftOffer, ShiftSwap, SlotRequest
from services.platform.db.models.exchange import LIVE_STATUSES
from services.platform.errors import DomainError, NotFound

Request = TypeVar("Request", SlotRequest, ShiftOffer, ShiftSwap)


async def locked_request(session: AsyncSession, model: type[Request], row_id: int) -> Request:
    """The request row, locked (the first lock of every change of the exchange)."""
    row = await session.scalar(
        select(model)
        .where(model.id == row_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    if row is None:
        raise NotFound()
    return row


async def insert_live(session: AsyncSession, row: Any, duplicate: DomainError) -> None:
    """Insert a live request; the partial unique index refuses a second live one."""
    try:
        async with session.begin_nested():
            session.add(row)
            await session.flush()
    except IntegrityError as error:
        raise duplicate from error


async def stale_others(
    session: AsyncSession,
    now: datetime,
    shift_ids: Sequence[int],
    *,
    done_offer_id: int = 0,
    done_swap_id: int = 0,
) -> None:
    """Live give-aways and swaps of shifts that just moved can no longer happen. Rows
    another transaction holds are skipped rather than waited for (that would take locks
    against the order above): that transaction finds the shift changed."""
    offers = (
        select(ShiftOffer.id)
        .where(
            ShiftOffer.planned_shift_id.in_(shift_ids),
            ShiftOffer.status.in_(LIVE_STATUSES),
            ShiftOffer.id != done_offer_id,
        )
        .with_for_update(skip_locked=True)
    )
    swaps = (
        select(ShiftSwap.id)
        .where(
            or_(
                ShiftSwap.proposer_shift_id.in_(shift_ids),
                ShiftSwap.partner_shift_id.in_(shift_ids),
            ),
            ShiftSwap.status.in_(LIVE_STATUSES),
            ShiftSwap.id != done_swap_id,
        )
        .with_for_update(skip_locked=True)
    )
    for model, ids in ((ShiftOffer, offers), (ShiftSwap, swaps)):
        stale = list(await session.scalars(ids))
        if stale:
            await session.execute(
                update(model)
                .where(model.id.in_(stale))
                .values(status=ExchangeStatus.STALE, resolved_at=now)
            )
