from decimal import Decimal
from typing import Any

from sqlalchemy import JSON, BigInteger, CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to

DEFAULT_GEOFENCE_RADIUS_M = 150
MIN_GEOFENCE_RADIUS_M = 30
MAX_GEOFENCE_RADIUS_M = 5000
DEFAULT_NOT_CLOCKED_IN_ALERT_MINUTES = 10
DEFAULT_MAX_SHIFT_HOURS = 12


class WorkObject(Base):
    """A location where shifts happen (a café, a shop, a warehouse)."""

    __tablename__ = "objects"
    __table_args__ = (
        CheckConstraint(
            f"geofence_radius_m BETWEEN {MIN_GEOFENCE_RADIUS_M} AND {MAX_GEOFENCE_RADIUS_M}",
            name="geofence_radius_range",
        ),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    name: Mapped[str] = mapped_column(String(128))
    address: Mapped[str] = mapped_column(String(512), default="")
    latitude: Mapped[float | None]
    longitude: Mapped[float | None]
    geofence_radius_m: Mapped[int] = mapped_column(default=DEFAULT_GEOFENCE_RADIUS_M)
    timezone: Mapped[str] = mapped_column(String(64))
    # {"mon": ["09:00", "21:00"], ...}; a missing weekday means closed.
    opening_hours: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    base_hourly_rate: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    late_grace_minutes: Mapped[int] = mapped_column(default=5)
    late_fine_per_minute: Mapped[Decimal] = mapped_column(default=Decimal("0.00"))
    auto_close_grace_minutes: Mapped[int] = mapped_column(default=30)
    # A spontaneous shift nobody closes is closed this long after it opened, at the latest.
    max_shift_hours: Mapped[int] = mapped_column(default=DEFAULT_MAX_SHIFT_HOURS)
    # Managers are alerted when a planned employee has not clocked in this long after start.
    not_clocked_in_alert_minutes: Mapped[int] = mapped_column(
        default=DEFAULT_NOT_CLOCKED_IN_ALERT_MINUTES
    )
    early_arrival_minutes: Mapped[int] = mapped_column(default=30)
    pay_early_arrival: Mapped[bool] = mapped_column(default=False)
    require_live_location: Mapped[bool] = mapped_column(default=False)
    check_location_on_close: Mapped[bool] = mapped_column(default=True)
    allow_spontaneous_shifts: Mapped[bool] = mapped_column(default=False)
    allow_self_booking: Mapped[bool] = mapped_column(default=True)
    # Taking open places, giving shifts away and swaps wait for a planner's approval.
    exchange_needs_approval: Mapped[bool] = mapped_column(default=False)
    report_chat_id: Mapped[int | None] = mapped_column(BigInteger)
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[CreatedAt]
    # Breaks (C21): whether recorded breaks are paid, and a required unpaid break of
    # `required_break_minutes` deducted from a shift longer than
    # `required_break_after_hours` in which no break was recorded (0: off).
    breaks_paid: Mapped[bool] = mapped_column(default=False)
    required_break_after_hours: Mapped[int] = mapped_column(default=0)
    required_break_minutes: Mapped[int] = mapped_column(default=30)
