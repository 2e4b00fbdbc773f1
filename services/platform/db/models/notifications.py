from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to


class OutboxStatus(StrEnum):
    PENDING = "pending"
    PUBLISHED = "published"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


class OutboxMessage(Base):
    """A notification to deliver, written in the transaction of the change that causes
    it; `dedup_key` is unique so the same cause never notifies twice."""

    __tablename__ = "outbox"
    __table_args__ = (Index("ix_outbox_due", "status", "not_before"),)

    id: Mapped[IntPk]
    dedup_key: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(64))
    # Exactly one of the two: a user (rendered in their language) or a group chat.
    recipient_user_id: Mapped[int | None] = belongs_to("users")
    chat_id: Mapped[int | None] = mapped_column(BigInteger)
    # The organization it is about: a user who is no longer its member is not sent it.
    organization_id: Mapped[int | None] = belongs_to("organizations")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[OutboxStatus] = mapped_column(String(16), default=OutboxStatus.PENDING)
    not_before: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(500))
    published_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]
