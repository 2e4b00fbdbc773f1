"""Private PostgreSQL, Redis and RabbitMQ servers that a chaos test may restart (the
shared ones serve other runs), and the end-to-end process fixtures."""

import asyncio
import shutil
from collections.abc import AsyncIterator, Iterator

import pytest

from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from tests.e2e.conftest import bot_env, processes  # noqa: F401 - fixtures shared with e2e
from tests.support.private_services import (
    PrivatePostgres,
    PrivateRabbitMQ,
    PrivateRedis,
    private_workdir,
)
from tests.support.services import alembic_upgrade


@pytest.fixture
async def private_postgres() -> AsyncIterator[PrivatePostgres]:
    """A running private cluster whose `postgres` database is migrated to head."""
    server = PrivatePostgres(private_workdir("postgres"))
    try:
        await asyncio.to_thread(server.init)
        await asyncio.to_thread(server.start)
        await asyncio.to_thread(alembic_upgrade, server.url)
        yield server
    finally:
        await asyncio.to_thread(server.stop_if_running)
        shutil.rmtree(server.workdir, ignore_errors=True)


@pytest.fixture
async def private_session_factory(
    private_postgres: PrivatePostgres,
) -> AsyncIterator[SessionFactory]:
    engine = create_engine(private_postgres.url)
    yield create_session_factory(engine)
    await engine.dispose()


@pytest.fixture
def private_redis() -> Iterator[PrivateRedis]:
    server = PrivateRedis(private_workdir("redis"))
    try:
        server.start()
        yield server
    finally:
        server.stop()
        shutil.rmtree(server.workdir, ignore_errors=True)


@pytest.fixture
async def private_rabbitmq() -> AsyncIterator[PrivateRabbitMQ]:
    server = PrivateRabbitMQ(private_workdir("rabbitmq"))
    try:
        await asyncio.to_thread(server.start)
        yield server
    finally:
        await asyncio.to_thread(server.stop)
        shutil.rmtree(server.workdir, ignore_errors=True)
