from datetime import datetime

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, belongs_to


class ReportChatCode(Base):
    """A one-time code that binds a Telegram group to an object as its report chat:
    the owner gets it in the object card and sends `/bind <code>` in the group."""

    __tablename__ = "report_chat_codes"

    id: Mapped[IntPk]
    code: Mapped[str] = mapped_column(String(32), unique=True)
    object_id: Mapped[int] = belongs_to("objects", index=True)
    issued_by_user_id: Mapped[int] = belongs_to("users")
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    created_at: Mapped[CreatedAt]
