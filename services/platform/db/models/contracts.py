"""Contract templates with versions, contracts made from them for one member, their
history, and their signing with a simple electronic signature in chat."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, BigInteger, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class TemplateKind(StrEnum):
    CONTRACT = "contract"
    # The agreement on using a simple electronic signature, accepted once per organization.
    ESIGN_AGREEMENT = "esign_agreement"


class ContractTemplate(Base):
    __tablename__ = "contract_templates"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    kind: Mapped[TemplateKind] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(128))
    created_at: Mapped[CreatedAt]


class ContractTemplateVersion(Base):
    """One text of a template; a change makes the next `number`, earlier texts stay."""

    __tablename__ = "contract_template_versions"
    __table_args__ = (UniqueConstraint("template_id", "number"),)

    id: Mapped[IntPk]
    template_id: Mapped[int] = belongs_to("contract_templates", index=True)
    number: Mapped[int]
    body: Mapped[str] = mapped_column(Text)
    created_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class ContractStatus(StrEnum):
    DRAFT = "draft"
    SENT = "sent"
    SIGNED = "signed"


class Contract(Base):
    """A document made from one template version for one member. Its PDF is fixed once
    sent: a change of terms makes a new contract, never an edit of a sent one."""

    __tablename__ = "contracts"

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    membership_id: Mapped[int] = belongs_to("memberships", index=True)
    template_version_id: Mapped[int] = belongs_to("contract_template_versions", index=True)
    status: Mapped[ContractStatus] = mapped_column(String(16), default=ContractStatus.DRAFT)
    starts_on: Mapped[date]
    # After this date the member is planned on no shift; reminders come before it (the
    # reminder job's scan is bounded by this index).
    ends_on: Mapped[date | None] = mapped_column(index=True)
    # The filled fields, as shown in the document (`{contract.rate}` → "350,00 ₽").
    values: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    document_pdf: Mapped[bytes] = mapped_column(LargeBinary)
    document_sha256: Mapped[str] = mapped_column(String(64))
    # The signed copy: the document's pages and a last page with the signature facts.
    signed_pdf: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_by_user_id: Mapped[int | None] = refers_to("users")
    created_at: Mapped[CreatedAt]


class ContractEvent(Base):
    """The history of a contract: made, sent, signed, changed, ended."""

    __tablename__ = "contract_events"

    id: Mapped[IntPk]
    contract_id: Mapped[int] = belongs_to("contracts", index=True)
    kind: Mapped[str] = mapped_column(String(24))
    details: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actor_user_id: Mapped[int | None] = refers_to("users")
    happened_at: Mapped[datetime]


class SigningCode(Base):
    """A one-time code sent in its own message; only its hash is kept."""

    __tablename__ = "contract_signing_codes"

    id: Mapped[IntPk]
    contract_id: Mapped[int] = belongs_to("contracts", index=True)
    user_id: Mapped[int] = belongs_to("users")
    code_hash: Mapped[str] = mapped_column(String(64))
    message_id: Mapped[int] = mapped_column(BigInteger)
    expires_at: Mapped[datetime]
    attempts: Mapped[int] = mapped_column(default=0)
    used_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]


class ContractSignature(Base):
    """The employee's simple electronic signature of one contract: at most one."""

    __tablename__ = "contract_signatures"

    id: Mapped[IntPk]
    contract_id: Mapped[int] = belongs_to("contracts", unique=True)
    user_id: Mapped[int] = belongs_to("users")
    telegram_user_id: Mapped[int] = mapped_column(BigInteger)
    document_sha256: Mapped[str] = mapped_column(String(64))
    template_version_id: Mapped[int] = belongs_to("contract_template_versions")
    code_message_id: Mapped[int] = mapped_column(BigInteger)
    signed_at: Mapped[datetime]


class EsignAgreement(Base):
    """A member's acceptance of the organization's simple-e-signature agreement."""

    __tablename__ = "esign_agreements"
    __table_args__ = (UniqueConstraint("organization_id", "user_id"),)

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    user_id: Mapped[int] = belongs_to("users", index=True)
    template_version_id: Mapped[int] = belongs_to("contract_template_versions")
    telegram_user_id: Mapped[int] = mapped_column(BigInteger)
    accepted_at: Mapped[datetime]
