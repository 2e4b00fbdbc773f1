"""Hiring (C17): vacancies of objects, opened by candidates as `…?start=job_<code>`, and
their applications through interview to hire or rejection.

A candidate has at most one live application (`new` or `interview`) per object, held by
a partial unique index; a candidate blocked by an organization cannot apply to it again.
"""

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class Vacancy(Base):
    """An object's vacancy: what the job is and on what terms. One per object; closing
    it stops new applications (the link says so), reopening keeps the link."""

    __tablename__ = "vacancies"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    object_id: Mapped[int] = belongs_to("objects", unique=True)
    code: Mapped[str] = mapped_column(String(64), unique=True)
    position: Mapped[str] = mapped_column(String(128))
    pay: Mapped[str] = mapped_column(String(256))
    schedule: Mapped[str] = mapped_column(String(256))
    address: Mapped[str] = mapped_column(String(256))
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    is_open: Mapped[bool] = mapped_column(default=True)
    created_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class ApplicationStatus(StrEnum):
    NEW = "new"
    INTERVIEW = "interview"
    HIRED = "hired"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"


LIVE_APPLICATION_STATUSES = (ApplicationStatus.NEW, ApplicationStatus.INTERVIEW)
_LIVE_SQL = "status IN ('new', 'interview')"


class InterviewAnswer(StrEnum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    ANOTHER_TIME = "another_time"


class JobApplication(Base):
    """A candidate's application to an object's vacancy. `touched_at` is the last time
    someone who hires acted on it (None: untouched, the 48-hour reminder is due)."""

    __tablename__ = "job_applications"
    __table_args__ = (
        Index(
            "uq_job_applications_live_candidate_object",
            "object_id",
            "candidate_user_id",
            unique=True,
            postgresql_where=text(_LIVE_SQL),
            sqlite_where=text(_LIVE_SQL),
        ),
        Index("ix_job_applications_status_created", "status", "created_at"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    vacancy_id: Mapped[int] = belongs_to("vacancies", index=True)
    candidate_user_id: Mapped[int] = belongs_to("users", index=True)
    name: Mapped[str] = mapped_column(String(128))
    phone: Mapped[str] = mapped_column(String(32))
    experience: Mapped[str] = mapped_column(String(1000))
    availability: Mapped[str] = mapped_column(String(500))
    photo_file_id: Mapped[str | None] = mapped_column(String(256))
    # The candidate agreed that the hiring side sees their ratings from other organizations.
    shares_ratings: Mapped[bool] = mapped_column(default=False)
    status: Mapped[ApplicationStatus] = mapped_column(String(16), default=ApplicationStatus.NEW)
    interview_at: Mapped[datetime | None]
    interview_online: Mapped[bool] = mapped_column(default=False)
    interview_place: Mapped[str] = mapped_column(String(256), default="")
    interview_note: Mapped[str] = mapped_column(String(500), default="")
    interview_answer: Mapped[InterviewAnswer | None] = mapped_column(String(16))
    reject_reason: Mapped[str] = mapped_column(Text, default="")
    touched_at: Mapped[datetime | None]
    decided_by_user_id: Mapped[int | None] = refers_to("users")
    decided_at: Mapped[datetime | None]
    created_at: Mapped[datetime]


class HiringBlock(Base):
    """A person an organization does not want to hear from again as a candidate."""

    __tablename__ = "hiring_blocks"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    blocked_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]
