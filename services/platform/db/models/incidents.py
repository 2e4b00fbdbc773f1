"""Incidents on employees that may move money, and employees' requests for money back
(expense compensation and other requests), each with a history of who did what.

An incident's deduction is owed while its status is chargeable (accepted, upheld, or
lapsed after the employee's answer window): the ledger is settled from the status, so
whatever happens twice moves money once (`services.incidents.money`)."""

from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, BigId, CreatedAt, IntPk, belongs_to, refers_to


class IncidentStatus(StrEnum):
    AWAITING = "awaiting"  # the employee has not answered yet
    ACCEPTED = "accepted"  # the employee agreed
    DISPUTED = "disputed"  # the employee disputed: a manager decides
    UPHELD = "upheld"  # decided against the employee
    CANCELLED = "cancelled"  # decided in the employee's favour (or withdrawn)
    LAPSED = "lapsed"  # the answer window passed without an answer


CHARGEABLE_STATUSES = (IncidentStatus.ACCEPTED, IncidentStatus.UPHELD, IncidentStatus.LAPSED)


class IncidentKind(Base):
    """A kind of incident an organization records. The defaults (damage, shortage,
    violation) have a `code` and are titled in the reader's language; an owner's own
    kinds have a title."""

    __tablename__ = "incident_kinds"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    code: Mapped[str | None] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(100), default="")
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[CreatedAt]


class Incident(Base):
    __tablename__ = "incidents"
    __table_args__ = (
        CheckConstraint("amount >= 0", name="amount_not_negative"),
        Index("ix_incidents_status_answer_by", "status", "answer_by"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    object_id: Mapped[int | None] = refers_to("objects")
    user_id: Mapped[int] = belongs_to("users", index=True)
    membership_id: Mapped[int] = belongs_to("memberships")
    shift_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("shifts.id", ondelete="SET NULL")
    )
    kind_id: Mapped[int] = belongs_to("incident_kinds")
    description: Mapped[str] = mapped_column(String(1000))
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    photo_file_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    status: Mapped[IncidentStatus] = mapped_column(String(16), default=IncidentStatus.AWAITING)
    # The end of the employee's window to accept or dispute.
    answer_by: Mapped[datetime]
    dispute_comment: Mapped[str] = mapped_column(String(1000), default="")
    dispute_photo_file_ids: Mapped[list[str]] = mapped_column(JSON, default=list)
    decision_comment: Mapped[str] = mapped_column(String(1000), default="")
    # The organization's local date on which the deduction became due: its pay period.
    charge_date: Mapped[date | None]
    created_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class RequestKind(StrEnum):
    EXPENSE = "expense"  # items of the owner's product list × quantity × price
    OTHER = "other"  # anything else, with an amount


class RequestStatus(StrEnum):
    REQUESTED = "requested"
    APPROVED = "approved"
    DECLINED = "declined"


class ExpenseProduct(Base):
    """An item of the owner's product list that employees may claim back."""

    __tablename__ = "expense_products"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    title: Mapped[str] = mapped_column(String(100))
    price: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    archived: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[CreatedAt]


class EmployeeRequest(Base):
    """An employee's request for money: `items` are `{title, quantity, price}` copied
    from the product list when it was filed (prices may change later)."""

    __tablename__ = "employee_requests"
    __table_args__ = (CheckConstraint("amount > 0", name="amount_positive"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    object_id: Mapped[int | None] = refers_to("objects")
    user_id: Mapped[int] = belongs_to("users", index=True)
    membership_id: Mapped[int] = belongs_to("memberships")
    kind: Mapped[RequestKind] = mapped_column(String(16))
    items: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    amount: Mapped[Decimal] = mapped_column(Numeric(12, 2))
    comment: Mapped[str] = mapped_column(String(1000), default="")
    receipt_file_id: Mapped[str | None] = mapped_column(String(256))
    status: Mapped[RequestStatus] = mapped_column(String(16), default=RequestStatus.REQUESTED)
    decision_comment: Mapped[str] = mapped_column(String(1000), default="")
    charge_date: Mapped[date | None]
    created_at: Mapped[CreatedAt]


class CaseEvent(Base):
    """One step in the history of an incident or a request: who (none for the
    scheduler), when, what, and their comment."""

    __tablename__ = "case_events"
    __table_args__ = (Index("ix_case_events_case", "incident_id", "request_id"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    incident_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("incidents.id", ondelete="CASCADE")
    )
    request_id: Mapped[int | None] = mapped_column(
        BigId, ForeignKey("employee_requests.id", ondelete="CASCADE")
    )
    actor_user_id: Mapped[int | None] = refers_to("users")
    action: Mapped[str] = mapped_column(String(24))
    comment: Mapped[str] = mapped_column(String(1000), default="")
    amount: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    created_at: Mapped[CreatedAt]
