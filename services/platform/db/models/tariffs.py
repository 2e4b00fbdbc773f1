from decimal import Decimal

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from services.platform.db.base import Base


class Tariff(Base):
    """A subscription plan, as data (seeded by a migration, editable by superadmins).
    `None` in a limit means unlimited."""

    __tablename__ = "tariffs"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    title: Mapped[str] = mapped_column(String(64))
    max_objects: Mapped[int | None]
    max_employees: Mapped[int | None]
    storage_modes_allowed: Mapped[bool] = mapped_column(default=False)
    ai_insights_per_day: Mapped[int] = mapped_column(default=0)
    monthly_price: Mapped[Decimal]
    yearly_price: Mapped[Decimal]
    sort_order: Mapped[int] = mapped_column(default=0)
