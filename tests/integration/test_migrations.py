"""Alembic migrations build the schema from nothing on PostgreSQL and SQLite, and they
describe exactly the models (autogenerate finds no difference)."""

import asyncio
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Connection

from services.db.models import Base
from services.db.session import create_engine
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
