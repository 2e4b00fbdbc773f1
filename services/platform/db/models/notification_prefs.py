"""What a user wants to be told, and the chats Telegram no longer lets us write to."""

from datetime import datetime, time

from sqlalchemy import JSON, BigInteger, String, Time
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, belongs_to

DEFAULT_REMINDER_LEAD_MINUTES = 60
DEFAULT_DAILY_SUMMARY_HOUR = 9


class NotificationPreferences(Base):
    """A user's notification settings; a user without a row has the defaults."""

    __tablename__ = "notification_preferences"

    user_id: Mapped[int] = belongs_to("users", primary_key=True)
    # Kinds the user switched off (only kinds registered as optional can be).
    muted_kinds: Mapped[list[str]] = mapped_column(JSON, default=list)
    reminder_lead_minutes: Mapped[int] = mapped_column(default=DEFAULT_REMINDER_LEAD_MINUTES)
    # Local wall-clock window (the user's timezone) in which non-urgent kinds wait.
    quiet_hours_start: Mapped[time | None] = mapped_column(Time)
    quiet_hours_end: Mapped[time | None] = mapped_column(Time)
    # Owners: the local hour (organization's timezone) of yesterday's summary.
    daily_summary_hour: Mapped[int] = mapped_column(default=DEFAULT_DAILY_SUMMARY_HOUR)


class UnreachableChat(Base):
    """A group chat that answered 403 (bot removed or chat deleted): sending there stops.
    Private chats are marked on `users.is_reachable` instead."""

    __tablename__ = "unreachable_chats"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    reason: Mapped[str] = mapped_column(String(300), default="")
    marked_at: Mapped[datetime]
