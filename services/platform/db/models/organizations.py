from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import JSON, Numeric, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to


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
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    role: Mapped[MembershipRole] = mapped_column(String(16))
    status: Mapped[MembershipStatus] = mapped_column(String(16), default=MembershipStatus.ACTIVE)
    started_on: Mapped[date | None]
    ended_on: Mapped[date | None]
    created_at: Mapped[CreatedAt]


class Permission(StrEnum):
    """What a manager may do on one object (owners may do everything)."""

    VIEW = "view"
    EDIT_OBJECTS = "edit_objects"
    PLAN = "plan"
    MANAGE_STAFF = "manage_staff"
    VIEW_MONEY = "view_money"
    EDIT_MONEY = "edit_money"


class MembershipObject(Base):
    """An object a member works at (employees) or manages with `permissions` (managers)."""

    __tablename__ = "membership_objects"
    __table_args__ = (UniqueConstraint("membership_id", "object_id"),)

    id: Mapped[IntPk]
    membership_id: Mapped[int] = belongs_to("memberships", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    # Manager permissions as a list of `Permission` values; empty for employees.
    permissions: Mapped[list[str]] = mapped_column(JSON, default=list)


class PayType(StrEnum):
    HOURLY = "hourly"
    SALARY = "salary"
    HOURLY_BONUS = "hourly_bonus"


class ContractTerms(Base):
    """One version of a contract's pay terms; the version in force on a date is the one
    with the latest `effective_from` not after it."""

    __tablename__ = "contract_terms"
    __table_args__ = (UniqueConstraint("membership_id", "effective_from"),)

    id: Mapped[IntPk]
    membership_id: Mapped[int] = belongs_to("memberships", index=True)
    effective_from: Mapped[date]
    # None: the slot's or the object's rate applies.
    hourly_rate: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # How the member is paid (`services.payroll.pay_types`): by the hour; a monthly salary
    # prorated by the days covered (shifts then pay nothing by the hour); or by the hour
    # plus a bonus per shift with every mandatory task done and/or per period.
    pay_type: Mapped[PayType] = mapped_column(String(16), default=PayType.HOURLY)
    monthly_salary: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    shift_bonus: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    period_bonus: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    # The contract's own scheduling limits (None: the organization's) and the weekly hours
    # the auto-scheduler steers towards (None: an even share).
    max_day_hours: Mapped[int | None]
    max_week_hours: Mapped[int | None]
    max_consecutive_days: Mapped[int | None]
    target_week_hours: Mapped[int | None]
    created_at: Mapped[CreatedAt]
