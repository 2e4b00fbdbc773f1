from datetime import date

from sqlalchemy import BigInteger, String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base, CreatedAt, IntPk, refers_to


class User(Base):
    """A person known to the bot. `id` is ours; `telegram_id` is Telegram's, never mixed."""

    __tablename__ = "users"

    id: Mapped[IntPk]
    telegram_id: Mapped[int] = mapped_column(BigInteger, unique=True)
    first_name: Mapped[str] = mapped_column(String(128), default="")
    last_name: Mapped[str | None] = mapped_column(String(128))
    username: Mapped[str | None] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8), default="ru")
    timezone: Mapped[str | None] = mapped_column(String(64))
    # The organization the user chose to act in when they belong to several.
    active_organization_id: Mapped[int | None] = refers_to("organizations")
    # False once Telegram answers 403 (bot blocked, account deleted): sending stops.
    is_reachable: Mapped[bool] = mapped_column(default=True)
    # Optional; managers see upcoming birthdays in their daily summary.
    birthday: Mapped[date | None]
    created_at: Mapped[CreatedAt]

    @property
    def display_name(self) -> str:
        return display_name_of(self.first_name, self.last_name, self.username, self.telegram_id)


def display_name_of(
    first_name: str, last_name: str | None, username: str | None, telegram_id: int
) -> str:
    """How a person is named to others: their name, else @username, else the Telegram id.
    For queries that read these columns without loading `User` rows."""
    return " ".join(part for part in (first_name, last_name) if part) or (
        f"@{username}" if username else str(telegram_id)
    )
