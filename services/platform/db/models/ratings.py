"""Ratings and reviews (C18): a manager's rating of a finished shift (of the employee
who worked it) and an employee's review of an object, with moderation and one appeal.

One rating per shift, one review per author and object (a new one replaces it).
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import CheckConstraint, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class ReviewKind(StrEnum):
    SHIFT = "shift"  # a manager rates the employee's finished shift
    OBJECT = "object"  # an employee reviews the workplace


class ReviewStatus(StrEnum):
    PUBLISHED = "published"
    HELD = "held"  # waits for moderation (a phone number, a link or an insult)
    REJECTED = "rejected"  # the moderator refused it
    OVERTURNED = "overturned"  # removed on appeal


class AppealStatus(StrEnum):
    PENDING = "pending"
    UPHELD = "upheld"  # the review is removed
    DISMISSED = "dismissed"  # the review stays


_OBJECT_REVIEW = "kind = 'object'"


class Review(Base):
    __tablename__ = "reviews"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score_range"),
        Index(
            "uq_reviews_object_author",
            "object_id",
            "author_user_id",
            unique=True,
            postgresql_where=text(_OBJECT_REVIEW),
            sqlite_where=text(_OBJECT_REVIEW),
        ),
        Index("ix_reviews_subject_status", "subject_user_id", "status"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    kind: Mapped[ReviewKind] = mapped_column(String(16))
    object_id: Mapped[int] = belongs_to("objects", index=True)
    shift_id: Mapped[int | None] = belongs_to("shifts", unique=True)
    # The employee a shift rating is about; None for a review of an object.
    subject_user_id: Mapped[int | None] = belongs_to("users")
    author_user_id: Mapped[int | None] = refers_to("users")
    score: Mapped[int]
    comment: Mapped[str] = mapped_column(String(1000), default="")
    anonymous: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ReviewStatus] = mapped_column(String(16))
    moderated_by_user_id: Mapped[int | None] = refers_to("users")
    moderated_at: Mapped[datetime | None]
    appeal_status: Mapped[AppealStatus | None] = mapped_column(String(16))
    appeal_comment: Mapped[str] = mapped_column(String(1000), default="")
    appealed_at: Mapped[datetime | None]
    appeal_decided_by_user_id: Mapped[int | None] = refers_to("users")
    appeal_decided_at: Mapped[datetime | None]
    # When it was written (the weight of a rating fades from here).
    rated_at: Mapped[datetime]
    created_at: Mapped[CreatedAt]
