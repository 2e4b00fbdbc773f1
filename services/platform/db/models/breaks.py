"""Breaks during a shift (C21): "☕ Break" starts one, "Back" ends it; closing the shift
ends a break still running."""

from datetime import datetime

from sqlalchemy import Index, text
from sqlalchemy.orm import Mapped

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to

_RUNNING = text("ended_at IS NULL")


class ShiftBreak(Base):
    __tablename__ = "shift_breaks"
    __table_args__ = (
        # One running break per shift, whatever taps race.
        Index(
            "uq_shift_breaks_running",
            "shift_id",
            unique=True,
            postgresql_where=_RUNNING,
            sqlite_where=_RUNNING,
        ),
    )

    id: Mapped[IntPk]
    shift_id: Mapped[int] = belongs_to("shifts", index=True)
    started_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]
