"""Open places, give-aways and swaps of planned shifts (C4), with optional approval.

A live request (`open`, `proposed` or `pending_approval`) is unique where a duplicate
would be a bug: one live give-away per planned shift, one live request of an employee
for a slot, one live proposal per pair of shifts. Shifts themselves only ever move
under row locks in `services.exchange` (see `services.exchange.locks`).
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, PrimaryKeyConstraint, String, text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class ExchangeStatus(StrEnum):
    OPEN = "open"  # a give-away waiting for a taker
    PROPOSED = "proposed"  # a swap waiting for the colleague's answer
    PENDING_APPROVAL = "pending_approval"
    DONE = "done"
    DECLINED = "declined"  # the colleague said no to a swap
    REFUSED = "refused"  # a planner said no
    WITHDRAWN = "withdrawn"
    LAPSED = "lapsed"  # the deadline passed
    STALE = "stale"  # a shift changed (cancelled, moved) before it could happen


LIVE_STATUSES = (ExchangeStatus.OPEN, ExchangeStatus.PROPOSED, ExchangeStatus.PENDING_APPROVAL)
_LIVE_SQL = "status IN ('open', 'proposed', 'pending_approval')"


def _one_live(name: str, *columns: str) -> Index:
    """A unique index over the live requests only: a resolved one never blocks a new one."""
    return Index(
        name,
        *columns,
        unique=True,
        postgresql_where=text(_LIVE_SQL),
        sqlite_where=text(_LIVE_SQL),
    )


class _Request:
    """What every request has: its deadline, when it was made and resolved, and who
    decided on its approval, when, and the comment they gave."""

    deadline_at: Mapped[datetime]
    created_at: Mapped[CreatedAt]
    resolved_at: Mapped[datetime | None]
    decided_by_user_id: Mapped[int | None] = refers_to("users")
    decided_at: Mapped[datetime | None]
    decision_comment: Mapped[str] = mapped_column(String(500), default="")


class SlotRequest(_Request, Base):
    """An employee asks for a free place of a slot on an object whose owner wants a
    manager to approve; approval books it under the same rules as self-booking."""

    __tablename__ = "slot_requests"
    __table_args__ = (_one_live("uq_slot_requests_live_slot_user", "slot_id", "user_id"),)

    id: Mapped[IntPk]
    slot_id: Mapped[int] = belongs_to("time_slots", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    membership_id: Mapped[int] = belongs_to("memberships")
    status: Mapped[ExchangeStatus] = mapped_column(
        String(16), default=ExchangeStatus.PENDING_APPROVAL
    )
    planned_shift_id: Mapped[int | None] = refers_to("planned_shifts")


class ShiftOffer(_Request, Base):
    """An employee gives a planned shift away. They stay responsible for it until a
    colleague takes it (and a planner approves, where the object wants that); at
    `deadline_at` a live offer lapses."""

    __tablename__ = "shift_offers"
    __table_args__ = (_one_live("uq_shift_offers_live_planned_shift", "planned_shift_id"),)

    id: Mapped[IntPk]
    planned_shift_id: Mapped[int] = belongs_to("planned_shifts", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    offered_by_user_id: Mapped[int] = belongs_to("users", index=True)
    taker_user_id: Mapped[int | None] = refers_to("users")
    taker_membership_id: Mapped[int | None] = refers_to("memberships")
    status: Mapped[ExchangeStatus] = mapped_column(String(16), default=ExchangeStatus.OPEN)


class ShiftSwap(_Request, Base):
    """An employee proposes to exchange their planned shift for a colleague's. Both
    shifts move at once or neither does."""

    __tablename__ = "shift_swaps"
    __table_args__ = (
        _one_live("uq_shift_swaps_live_pair", "proposer_shift_id", "partner_shift_id"),
        CheckConstraint("proposer_shift_id <> partner_shift_id", name="two_shifts"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    proposer_user_id: Mapped[int] = belongs_to("users", index=True)
    proposer_shift_id: Mapped[int] = belongs_to("planned_shifts", index=True)
    partner_user_id: Mapped[int] = belongs_to("users", index=True)
    partner_shift_id: Mapped[int] = belongs_to("planned_shifts", index=True)
    status: Mapped[ExchangeStatus] = mapped_column(String(16), default=ExchangeStatus.PROPOSED)


class OpenPlaceNotice(Base):
    """An employee was told about an open place (`slot:<id>` or `offer:<id>`) once."""

    __tablename__ = "open_place_notices"
    __table_args__ = (PrimaryKeyConstraint("user_id", "subject"),)

    user_id: Mapped[int] = belongs_to("users")
    subject: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[CreatedAt]
