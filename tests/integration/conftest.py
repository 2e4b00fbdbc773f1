from collections.abc import AsyncIterator

import pytest
from aiogram import Bot
from redis.asyncio import Redis

from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory
from tests.support.notifications import Pipeline, rabbit_pipeline, remove_rabbit_pipeline


@pytest.fixture
async def pipeline(
    settings: Settings, session_factory: SessionFactory, bot: Bot, redis: Redis, clock: ManualClock
) -> AsyncIterator[Pipeline]:
    """The notification pipeline over this test's RabbitMQ namespace (not yet consuming)."""
    pipeline = await rabbit_pipeline(settings, session_factory, bot, redis, clock)
    yield pipeline
    await remove_rabbit_pipeline(pipeline)
