from datetime import date, datetime
from enum import StrEnum

from sqlalchemy import BigInteger, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class DocumentKind(Base):
    """A document the organization requires from its employees (a passport, a medical
    book…), at every object or only at the objects listed in `document_kind_objects`."""

    __tablename__ = "document_kinds"
    __table_args__ = (UniqueConstraint("organization_id", "title"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    title: Mapped[str] = mapped_column(String(128))
    has_expiry: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[CreatedAt]


class DocumentKindObject(Base):
    """An object that requires the kind; a kind without rows is required everywhere."""

    __tablename__ = "document_kind_objects"
    __table_args__ = (UniqueConstraint("kind_id", "object_id"),)

    id: Mapped[IntPk]
    kind_id: Mapped[int] = belongs_to("document_kinds", index=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)


class EmployeeDocumentStatus(StrEnum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    REPLACED = "replaced"  # an approved document a newer approved one took over from


class EmployeeDocument(Base):
    """One upload of a required document by an employee: its files are the media of
    `flow_id` (context `employee_document`, context_id = this row's id)."""

    __tablename__ = "employee_documents"
    __table_args__ = (
        Index("ix_employee_documents_member_kind", "membership_id", "kind_id"),
        Index("ix_employee_documents_expires_on", "expires_on"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    kind_id: Mapped[int] = belongs_to("document_kinds")
    membership_id: Mapped[int] = belongs_to("memberships")
    flow_id: Mapped[str] = mapped_column(String(32))
    expires_on: Mapped[date | None]
    status: Mapped[EmployeeDocumentStatus] = mapped_column(
        String(16), default=EmployeeDocumentStatus.PENDING
    )
    reject_reason: Mapped[str | None] = mapped_column(String(500))
    reviewed_by_user_id: Mapped[int | None] = refers_to("users")
    reviewed_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]


class DocumentSettings(Base):
    """How long a dismissed employee's documents are kept; no row means the default."""

    __tablename__ = "document_settings"

    organization_id: Mapped[int] = belongs_to("organizations", primary_key=True)
    retention_days: Mapped[int] = mapped_column(default=90)


class DocumentView(Base):
    """Who opened which document file and when (kept after the file is deleted)."""

    __tablename__ = "document_views"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    viewer_user_id: Mapped[int | None] = refers_to("users", index=True)
    media_id: Mapped[int] = mapped_column(BigInteger, index=True)
    media_key: Mapped[str] = mapped_column(String(512))
    viewed_at: Mapped[datetime]
