"""Declarative base, naming convention and column types shared by every model."""

from datetime import UTC, datetime
from decimal import Decimal
from typing import Annotated, Any

from sqlalchemy import BigInteger, DateTime, ForeignKey, Integer, MetaData, Numeric, func
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, MappedColumn, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """A `timestamptz` that only accepts aware datetimes and always returns UTC.

    SQLite keeps no offset, so values are normalised to UTC on the way in and marked
    UTC on the way out; naive datetimes are a bug and are refused.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


# SQLite only auto-increments INTEGER PRIMARY KEY, PostgreSQL gets BIGINT identities.
BigId = BigInteger().with_variant(Integer(), "sqlite")

IntPk = Annotated[int, mapped_column(BigId, primary_key=True, autoincrement=True)]
Money = Annotated[Decimal, mapped_column(Numeric(12, 2))]
# CURRENT_TIMESTAMP is understood by PostgreSQL and SQLite alike (both in UTC).
CreatedAt = Annotated[datetime, mapped_column(server_default=func.current_timestamp())]


def belongs_to(
    table: str, *, index: bool | None = None, unique: bool | None = None, primary_key: bool = False
) -> MappedColumn[Any]:
    """The id of the `table` row this row belongs to: deleted with it (ON DELETE CASCADE)."""
    return mapped_column(
        BigId,
        ForeignKey(f"{table}.id", ondelete="CASCADE"),
        index=index,
        unique=unique,
        primary_key=primary_key,
    )


def refers_to(
    table: str, *, index: bool | None = None, unique: bool | None = None
) -> MappedColumn[Any]:
    """The id of a `table` row this row outlives: NULL once that row is deleted."""
    return mapped_column(
        BigId, ForeignKey(f"{table}.id", ondelete="SET NULL"), index=index, unique=unique
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime(), Decimal: Numeric(12, 2)}
