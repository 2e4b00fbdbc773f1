from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, Numeric, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to, refers_to
from services.platform.db.models.organizations import MembershipRole


class Invite(Base):
    """An invitation to join an organization as an employee or a manager, opened as the
    deep link `…?start=inv_<code>`. It joins people until it is revoked, expires or has
    been used `max_uses` times."""

    __tablename__ = "invites"
    __table_args__ = (
        CheckConstraint("max_uses >= 1", name="max_uses_positive"),
        CheckConstraint("uses >= 0 AND uses <= max_uses", name="uses_within_max"),
    )

    id: Mapped[IntPk]
    organization_id: Mapped[int] = belongs_to("organizations", index=True)
    created_by_user_id: Mapped[int | None] = refers_to("users")
    code: Mapped[str] = mapped_column(String(64), unique=True)
    role: Mapped[MembershipRole] = mapped_column(String(16))
    object_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    # Manager permissions given on every invited object; empty for employees.
    permissions: Mapped[list[str]] = mapped_column(JSON, default=list)
    # None: the slot's or the object's rate applies.
    hourly_rate: Mapped[Decimal | None] = mapped_column(Numeric(12, 2))
    max_uses: Mapped[int] = mapped_column(default=1)
    uses: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]
