"""Open places, give-aways and swaps of planned shifts (C4), with optional approval.

A live request (`open`, `proposed` or `pending_approval`) is unique where a duplicate
would be a bug: one live give-away per planned shift, one live request of an employee
for a slot, one live proposal per pair of shifts. Shifts themselves only ever move
under row locks in `services.exchange` (see `services.exchange.locks`).
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, ForeignKey, Index, PrimaryKeyConstraint, String, text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, BigId, CreatedAt, IntPk


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


class _Decision:
    """Who decided on an approval, when, and the comment they gave."""

    decided_by_user_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="SET NULL")
    )
    decided_at: Mapped[datetime | None]
    decision_comment: Mapped[str] = mapped_column(String(500), default="")


class SlotRequest(_Decision, Base):
    """An employee asks for a free place of a slot on an object whose owner wants a
    manager to approve; approval books it under the same rules as self-booking."""

    __tablename__ = "slot_requests"
    __table_args__ = (
        Index(
            "uq_slot_requests_live_slot_user",
            "slot_id",
            "user_id",
            unique=True,
            postgresql_where=text(_LIVE_SQL),
            sqlite_where=text(_LIVE_SQL),
        ),
    )

    id: Mapped[IntPk]
    slot_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("time_slots.id", ondelete="CASCADE"), index=True
    )
    object_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("objects.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    membership_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("memberships.id", ondelete="CASCADE")
    )
    status: Mapped[ExchangeStatus] = mapped_column(
        String(16), default=ExchangeStatus.PENDING_APPROVAL
    )
    deadline_at: Mapped[datetime]
    planned_shift_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("planned_shifts.id", ondelete="SET NULL")
    )
    created_at: Mapped[CreatedAt]
    resolved_at: Mapped[datetime | None]


class ShiftOffer(_Decision, Base):
    """An employee gives a planned shift away. They stay responsible for it until a
    colleague takes it (and a planner approves, where the object wants that); at
    `deadline_at` a live offer lapses."""

    __tablename__ = "shift_offers"
    __table_args__ = (
        Index(
            "uq_shift_offers_live_planned_shift",
            "planned_shift_id",
            unique=True,
            postgresql_where=text(_LIVE_SQL),
            sqlite_where=text(_LIVE_SQL),
        ),
    )

    id: Mapped[IntPk]
    planned_shift_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("planned_shifts.id", ondelete="CASCADE"), index=True
    )
    object_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("objects.id", ondelete="CASCADE"), index=True
    )
    offered_by_user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    taker_user_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="SET NULL")
    )
    taker_membership_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("memberships.id", ondelete="SET NULL")
    )
    status: Mapped[ExchangeStatus] = mapped_column(String(16), default=ExchangeStatus.OPEN)
    deadline_at: Mapped[datetime]
    created_at: Mapped[CreatedAt]
    resolved_at: Mapped[datetime | None]


class ShiftSwap(_Decision, Base):
    """An employee proposes to exchange their planned shift for a colleague's. Both
    shifts move at once or neither does."""

    __tablename__ = "shift_swaps"
    __table_args__ = (
        Index(
            "uq_shift_swaps_live_pair",
            "proposer_shift_id",
            "partner_shift_id",
            unique=True,
            postgresql_where=text(_LIVE_SQL),
            sqlite_where=text(_LIVE_SQL),
        ),
        CheckConstraint("proposer_shift_id <> partner_shift_id", name="two_shifts"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    proposer_user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    proposer_shift_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("planned_shifts.id", ondelete="CASCADE"), index=True
    )
    partner_user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    partner_shift_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("planned_shifts.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[ExchangeStatus] = mapped_column(String(16), default=ExchangeStatus.PROPOSED)
    deadline_at: Mapped[datetime]
    created_at: Mapped[CreatedAt]
    resolved_at: Mapped[datetime | None]


class OpenPlaceNotice(Base):
    """An employee was told about an open place (`slot:<id>` or `offer:<id>`) once."""

    __tablename__ = "open_place_notices"
    __table_args__ = (PrimaryKeyConstraint("user_id", "subject"),)

    user_id: Mapped[int] = mapped_column(BigId, ForeignKey("users.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[CreatedAt]
