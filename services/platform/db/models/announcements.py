"""Announcements (C22): an owner's or manager's message to all staff or the staff of
chosen objects, with an optional "✅ Got it"; the recipients are fixed when it is posted,
each with the moment they acknowledged it."""

from datetime import datetime

from sqlalchemy import JSON, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class Announcement(Base):
    __tablename__ = "announcements"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    author_user_id: Mapped[int | None] = refers_to("users")
    text: Mapped[str] = mapped_column(String(4000))
    # A Telegram file: ("photo" | "document", file id); none for a text announcement.
    media_type: Mapped[str | None] = mapped_column(String(16))
    media_file_id: Mapped[str | None] = mapped_column(String(256))
    needs_ack: Mapped[bool] = mapped_column(default=True)
    # The objects whose staff it is for; empty: all staff.
    object_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # The author's request: a repeated "Send" posts once.
    request_key: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[CreatedAt]


class AnnouncementRecipient(Base):
    __tablename__ = "announcement_recipients"

    announcement_id: Mapped[int] = belongs_to("announcements", primary_key=True)
    user_id: Mapped[int] = belongs_to("users", primary_key=True, index=True)
    acknowledged_at: Mapped[datetime | None]
