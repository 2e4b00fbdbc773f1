"""Shared fixtures: real PostgreSQL, Redis, RabbitMQ and S3-compatible storage, the fake
Telegram Bot API, a movable clock, and the real Dispatcher for dialog tests.

`session_factory` is PostgreSQL's; a test parametrized with `ON_BOTH_DATABASES` runs on
PostgreSQL and again on the embedded default's SQLite file (migrated the same way)."""

import asyncio
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime

import pytest
from aiogram import Bot, Dispatcher
from aiogram_dialog.test_tools import MockMessageManager
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.factory import create_bot
from services.platform.clock import ManualClock
from services.platform.config import Settings
from services.platform.db.session import SessionFactory, create_engine, create_session_factory
from services.platform.redis import create_redis
from tests.fakes.telegram_server import FakeTelegramServer
from tests.support import services as real
from tests.support.dialogs import TelegramLimitsMessageManager
from tests.support.dispatcher import SharedDispatcher
from tests.support.parallel import make_scheduler, starting_processes_first

TEST_BOT_TOKEN = "123456:TEST-TOKEN"


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log: object) -> object:
    return make_scheduler(config, log)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    starting_processes_first(items)


def make_settings(**overrides: object) -> Settings:
    """Settings for a test: nothing read from the developer's `.env`."""
    values: dict[str, object] = {
        "bot_token": TEST_BOT_TOKEN,
        "log_format": "console",
        "bot_metrics_port": 0,
        "worker_metrics_port": 0,
        "webhook_secret": "test-webhook-secret",
        # Dialog tests click faster than any person; tests/e2e/test_webhook_flood.py
        # checks the flood limit on a real process with the default.
        "flood_limit": 10_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@pytest.fixture(scope="session")
async def database_url() -> AsyncIterator[str]:
    url = await real.create_test_database()
    yield url
    await real.drop_test_database(url)


@pytest.fixture(scope="session")
async def engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    engine = create_engine(database_url)
    yield engine
    await engine.dispose()


@pytest.fixture(scope="session")
async def sqlite_engine(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[AsyncEngine]:
    """The embedded default's database: a SQLite file, migrated with Alembic."""
    url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('sqlite') / 'staffprobot.sqlite3'}"
    await asyncio.to_thread(real.alembic_upgrade, url)
    engine = create_engine(url)
    yield engine
    await engine.dispose()


ON_BOTH_DATABASES = pytest.mark.parametrize(
    "database_engine", ["postgresql", "sqlite"], indirect=True
)


@pytest.fixture
def database_engine(request: pytest.FixtureRequest) -> AsyncEngine:
    """PostgreSQL's engine, or SQLite's in a test marked `ON_BOTH_DATABASES`."""
    on_sqlite = getattr(request, "param", "postgresql") == "sqlite"
    engine: AsyncEngine = request.getfixturevalue("sqlite_engine" if on_sqlite else "engine")
    return engine


@pytest.fixture
async def session_factory(database_engine: AsyncEngine) -> AsyncIterator[SessionFactory]:
    """A clean database for each test (reference data kept)."""
    await real.truncate_all(database_engine)
    yield create_session_factory(database_engine)


@pytest.fixture
async def session(session_factory: SessionFactory) -> AsyncIterator[AsyncSession]:
    async with session_factory() as session:
        yield session


@pytest.fixture
def namespace() -> str:
    return real.new_namespace()


@pytest.fixture
async def redis(namespace: str) -> AsyncIterator[Redis]:
    client = create_redis(make_settings(redis_url=real.REDIS_URL))
    assert client is not None
    yield client
    # Redis holds every run's keys: SCAN's default of 10 keys a call made this hundreds of calls.
    keys = [key async for key in client.scan_iter(match=f"{namespace}:*", count=1000)]
    if keys:
        await client.delete(*keys)
    await client.aclose()


@pytest.fixture(scope="session")
def s3_endpoint() -> Iterator[str]:
    with real.s3_server() as endpoint:
        yield endpoint


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock(datetime(2026, 3, 2, 9, 0, tzinfo=UTC))


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    server = FakeTelegramServer(TEST_BOT_TOKEN)
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
def settings(database_url: str, namespace: str, telegram: FakeTelegramServer) -> Settings:
    return make_settings(
        database_url=database_url,
        redis_url=real.REDIS_URL,
        rabbitmq_url=real.RABBITMQ_URL,
        namespace=namespace,
        telegram_api_base=telegram.base_url,
    )


@pytest.fixture
async def bot(settings: Settings) -> AsyncIterator[Bot]:
    bot = create_bot(settings)
    yield bot
    # Not `bot.session.close()`: that then waits 250 ms for TLS connections to wind down,
    # after every test, and the fake server speaks plain HTTP.
    await (await bot.session.create_session()).close()


@pytest.fixture
def message_manager() -> Iterator[MockMessageManager]:
    manager = TelegramLimitsMessageManager()
    yield manager
    assert not manager.refused, "windows Telegram would refuse"


@pytest.fixture(scope="session")
def shared_dispatcher(engine: AsyncEngine) -> SharedDispatcher:
    return SharedDispatcher(make_settings(), create_session_factory(engine))


@pytest.fixture
def dispatcher(
    request: pytest.FixtureRequest,
    shared_dispatcher: SharedDispatcher,
    settings: Settings,
    session_factory: SessionFactory,
    clock: ManualClock,
    message_manager: MockMessageManager,
) -> Dispatcher:
    """The real Dispatcher with every dialog and the test database, its dialog state and
    media flows in Redis; in memory, as in the embedded default, for a test parametrized
    with `indirect` "memory"."""
    in_memory = getattr(request, "param", "redis") == "memory"
    redis: Redis | None = None if in_memory else request.getfixturevalue("redis")
    return shared_dispatcher.bind(
        settings=settings,
        session_factory=session_factory,
        clock=clock,
        redis=redis,
        message_manager=message_manager,
    )
