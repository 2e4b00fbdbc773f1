from enum import StrEnum

from sqlalchemy import BigInteger, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to


class MediaContext(StrEnum):
    """What a piece of media proves; the kinds an owner sets a storage mode for."""

    TASK_PROOF = "task_proof"
    CANCELLATION_DOCUMENT = "cancellation_document"
    EMPLOYEE_DOCUMENT = "employee_document"


class MediaType(StrEnum):
    PHOTO = "photo"
    VIDEO = "video"
    DOCUMENT = "document"


class StorageMode(StrEnum):
    """Where an organization keeps a kind of media: only in Telegram (the file_id), in
    our object storage, or in both."""

    TELEGRAM = "telegram"
    STORAGE = "storage"
    BOTH = "both"


class Media(Base):
    """One stored copy of a file. In mode `both` a file has two rows: the Telegram one
    (key = file_id) and the object storage one (key = object name)."""

    __tablename__ = "media"
    __table_args__ = (
        UniqueConstraint("flow_id", "provider", "key"),
        Index("ix_media_key", "key"),
        Index("ix_media_context", "context", "context_id"),
    )

    id: Mapped[IntPk]
    key: Mapped[str] = mapped_column(String(512))
    provider: Mapped[str] = mapped_column(String(16))
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    object_id: Mapped[int | None] = refers_to("objects", index=True)
    context: Mapped[MediaContext] = mapped_column(String(32))
    # The shift task of a task proof; the planned shift of a cancellation document; the
    # employee (membership) of an employee document.
    context_id: Mapped[int] = mapped_column(BigInteger)
    # The orchestrator flow that collected it: one row per file and provider per flow.
    flow_id: Mapped[str] = mapped_column(String(32))
    uploader_user_id: Mapped[int | None] = refers_to("users", index=True)
    media_type: Mapped[MediaType] = mapped_column(String(16))
    content_type: Mapped[str] = mapped_column(String(128))
    size: Mapped[int | None] = mapped_column(BigInteger)
    # SHA-256 (hex) of the bytes, when they passed through us (object storage).
    checksum: Mapped[str | None] = mapped_column(String(64))
    telegram_file_id: Mapped[str | None] = mapped_column(String(256))
    telegram_file_unique_id: Mapped[str | None] = mapped_column(String(128))
    position: Mapped[int] = mapped_column(default=0)
    created_at: Mapped[CreatedAt]


class OrganizationMediaSetting(Base):
    """The owner's storage mode for one kind of media; no row means `telegram`."""

    __tablename__ = "organization_media_settings"

    organization_id: Mapped[int] = belongs_to("organizations", primary_key=True)
    context: Mapped[MediaContext] = mapped_column(String(32), primary_key=True)
    mode: Mapped[StorageMode] = mapped_column(String(16), default=StorageMode.TELEGRAM)
