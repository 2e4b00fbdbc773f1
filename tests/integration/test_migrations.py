"""Alembic migrations build the schema from nothing on PostgreSQL and SQLite, and they
describe exactly the models (autogenerate finds no difference)."""

import asyncio
from datetime import UTC, date, datetime, time
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import (
    JSON,
    Boolean,
    Connection,
    Date,
    DateTime,
    Integer,
    MetaData,
    Numeric,
    Table,
    Time,
    text,
)

from services.platform.db.models import Base
from services.platform.db.session import create_engine
from tests.support.services import alembic_upgrade, create_test_database, drop_test_database


def _differences(connection: Connection) -> list:
    context = MigrationContext.configure(connection, opts={"compare_type": True})
    return compare_metadata(context, Base.metadata)


async def _assert_matches_models(url: str) -> None:
    engine = create_engine(url)
    try:
        async with engine.connect() as connection:
            differences = await connection.run_sync(_differences)
    finally:
        await engine.dispose()
    assert differences == []


async def test_empty_postgresql_is_migrated_to_the_models() -> None:
    url = await create_test_database()
    try:
        await _assert_matches_models(url)
    finally:
        await drop_test_database(url)


async def test_empty_sqlite_is_migrated_to_the_models(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    await asyncio.to_thread(alembic_upgrade, url)
    await _assert_matches_models(url)


def _filled(table: Table, **values: object) -> dict[str, object]:
    """`values` plus a placeholder for every other required column of the table."""
    placeholders = {Integer: 1, Boolean: False, Numeric: 0, JSON: [], Date: date(2026, 3, 3)}
    row = dict(values)
    for column in table.columns:
        if column.name in row or column.nullable or column.server_default is not None:
            continue
        if column.primary_key:
            continue
        python_type = next(
            (value for kind, value in placeholders.items() if isinstance(column.type, kind)), None
        )
        if isinstance(column.type, DateTime):
            python_type = datetime(2026, 3, 3, 9, tzinfo=UTC)
        elif isinstance(column.type, Time):
            python_type = time(9)
        row[column.name] = python_type if python_type is not None else "x"
    return row


def _seed_a_cancellation_with_photos(connection: Connection) -> None:
    meta = MetaData()
    meta.reflect(connection)
    tables = meta.tables
    for name, values in (
        ("users", {"id": 1, "telegram_id": 11}),
        ("organizations", {"id": 1}),
        ("objects", {"id": 1, "organization_id": 1, "geofence_radius_m": 150}),
        (
            "time_slots",
            {
                "id": 1,
                "object_id": 1,
                "starts_at": datetime(2026, 3, 3, 6, tzinfo=UTC),
                "ends_at": datetime(2026, 3, 3, 15, tzinfo=UTC),
            },
        ),
        ("memberships", {"id": 1, "organization_id": 1, "user_id": 1}),
        (
            "planned_shifts",
            {"id": 7, "slot_id": 1, "object_id": 1, "membership_id": 1, "user_id": 1},
        ),
        (
            "shift_cancellations",
            {
                "id": 3,
                "planned_shift_id": 7,
                "organization_id": 1,
                "cancelled_by_user_id": 1,
                "document_file_ids": ["photo-a", "photo-b"],
            },
        ),
    ):
        connection.execute(tables[name].insert().values(_filled(tables[name], **values)))


def _documents_after_upgrade(connection: Connection) -> tuple[str | None, list[tuple]]:
    flow_id = connection.scalar(text("SELECT document_flow_id FROM shift_cancellations"))
    rows = connection.execute(
        text(
            "SELECT key, provider, context, context_id, uploader_user_id, object_id, position "
            "FROM media WHERE flow_id = :flow ORDER BY position"
        ),
        {"flow": flow_id},
    ).all()
    return flow_id, [tuple(row) for row in rows]


async def test_cancellation_photos_become_media_rows(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'documents.sqlite3'}"
    await asyncio.to_thread(alembic_upgrade, url, "0011")
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_seed_a_cancellation_with_photos)
        await asyncio.to_thread(alembic_upgrade, url)
        async with engine.connect() as connection:
            flow_id, rows = await connection.run_sync(_documents_after_upgrade)
    finally:
        await engine.dispose()

    assert flow_id is not None
    assert rows == [
        ("photo-a", "telegram", "cancellation_document", 7, 1, 1, 0),
        ("photo-b", "telegram", "cancellation_document", 7, 1, 1, 1),
    ]
