"""Each process tells Prometheus how many of its database connections are in use and
how many its pool may open: all of them in use means requests wait (an alert)."""

from prometheus_client import REGISTRY

from services.platform.db.session import create_engine


def in_use() -> float:
    return REGISTRY.get_sample_value("staffprobot_db_connections_in_use") or 0.0


async def test_connections_in_use_are_measured_against_the_pool_capacity(
    database_url: str,
) -> None:
    engine = create_engine(database_url, pool_size=2)  # two kept, one more on demand
    before = in_use()
    try:
        async with engine.connect(), engine.connect():
            assert in_use() == before + 2
            assert REGISTRY.get_sample_value("staffprobot_db_pool_capacity") == 3
        assert in_use() == before
    finally:
        await engine.dispose()
