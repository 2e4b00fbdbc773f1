from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.db.base import Base, BigId, CreatedAt, IntPk


class Organization(Base):
    __tablename__ = "organizations"

    id: Mapped[IntPk]
    name: Mapped[str] = mapped_column(String(128))
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Moscow")
    currency: Mapped[str] = mapped_column(String(3), default="RUB")
    language: Mapped[str] = mapped_column(String(8), default="ru")
    tariff_code: Mapped[str] = mapped_column(String(32), default="free")
    subscription_expires_at: Mapped[datetime | None]
    short_notice_hours: Mapped[int] = mapped_column(default=24)
    created_at: Mapped[CreatedAt]


class MembershipRole(StrEnum):
    OWNER = "owner"
    MANAGER = "manager"
    EMPLOYEE = "employee"


class MembershipStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


class Membership(Base):
    """A user's place in an organization: owner, manager or employee (the contract)."""

    __tablename__ = "memberships"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("organizations.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int] = mapped_column(
        BigId, ForeignKey("users.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[MembershipRole] = mapped_column(String(16))
    status: Mapped[MembershipStatus] = mapped_column(String(16), default=MembershipStatus.ACTIVE)
    started_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    created_at: Mapped[CreatedAt]
