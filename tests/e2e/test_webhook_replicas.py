"""Two real webapp processes in webhook mode behind a round-robin balancer, sharing
PostgreSQL and Redis, as in production: an update Telegram delivers twice is answered
once, and a user's updates are answered in the order they were sent even when they
reach different replicas out of order."""

import asyncio
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TEST_BOT_TOKEN
from tests.fakes.telegram_server import FakeTelegramServer, FakeUser
from tests.support import services as real
from tests.support.balancer import RoundRobinBalancer
from tests.support.processes import (
    bot_process_env,
    command_update,
    running_processes,
    start_process,
    wait_until_healthy,
    webhook_env,
)
from tests.support.services import free_port

SETTINGS_TITLE = "Настройки"
MENU_GREETING = "Здравствуйте"


@pytest.fixture(scope="module")
def namespace() -> str:
    return real.new_namespace()


@pytest.fixture(scope="module")
async def telegram() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(TEST_BOT_TOKEN) as server:
        yield server


@pytest.fixture(scope="module")
async def balancer(
    telegram: FakeTelegramServer,
    database_url: str,
    namespace: str,
    engine: AsyncEngine,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[RoundRobinBalancer]:
    """The two replicas behind the balancer serve every test of this module (a replica
    takes seconds to start); each test talks as its own user."""
    await real.truncate_all(engine)
    bot_env = bot_process_env(telegram, database_url, namespace)
    workdir = tmp_path_factory.mktemp("replicas")
    ports = [free_port(), free_port()]
    upstreams = [f"http://127.0.0.1:{port}" for port in ports]
    async with running_processes() as replicas, RoundRobinBalancer(upstreams) as balancer:
        for index, port in enumerate(ports):
            env = webhook_env(bot_env, port, "replicas-secret", balancer.base_url)
            replicas.append(start_process(f"webapp-{index + 1}", ["-m", "webapp"], env, workdir))
        for port, process in zip(ports, replicas, strict=True):
            await wait_until_healthy(port, process)
        first = await telegram.wait_for_call("setWebhook", timeout=30)
        await telegram.wait_for_call(
            "setWebhook", after_call=telegram.calls.index(first) + 1, timeout=30
        )
        yield balancer


async def user_at_the_menu(telegram: FakeTelegramServer, telegram_id: int, name: str) -> FakeUser:
    user = telegram.user(telegram_id, first_name=name)
    await telegram.send_text(user, "/start")
    await telegram.wait_for_message(user.id, text_contains=MENU_GREETING)
    return user


def replies_since(telegram: FakeTelegramServer, chat_id: int, mark: int) -> list[str]:
    """What the user saw arrive, in order: "settings" or "menu" per new message."""
    replies = []
    for call in telegram.calls[mark:]:
        if call.method == "sendMessage" and call.params.get("chat_id") == chat_id:
            text = call.params.get("text", "")
            replies.append(
                "settings" if SETTINGS_TITLE in text else "menu" if MENU_GREETING in text else text
            )
    return replies


async def test_an_update_delivered_twice_is_answered_once(
    telegram: FakeTelegramServer, balancer: RoundRobinBalancer
) -> None:
    olga = await user_at_the_menu(telegram, 7001, "Olga")

    mark = len(telegram.calls)
    repeated = command_update(50_000, olga, "/settings")
    # Telegram repeats an update it got no answer for; here both replicas get it at once.
    await asyncio.gather(telegram.send_update(repeated), telegram.send_update(repeated))
    await telegram.send_update(repeated)
    await telegram.send_text(olga, "/menu")
    await telegram.wait_for_message(olga.id, text_contains=MENU_GREETING, after_call=mark)

    assert replies_since(telegram, olga.id, mark) == ["settings", "menu"]
    assert telegram.webhook_failures == []
    assert all(count >= 2 for count in balancer.served.values())


async def test_one_users_updates_are_answered_in_order_across_replicas(
    telegram: FakeTelegramServer, balancer: RoundRobinBalancer
) -> None:
    ivan = await user_at_the_menu(telegram, 7002, "Ivan")

    mark = len(telegram.calls)
    telegram.delay_next("sendMessage", 1.5, chat_id=ivan.id)
    slow = asyncio.create_task(telegram.send_text(ivan, "/settings"))
    await telegram.wait_for_call_in_flight("sendMessage")
    # While the first update is slow, the next six arrive in reverse order, alternating
    # between the two replicas (round robin).
    base = 60_000
    commands = {base + n: "/menu" if n % 2 else "/settings" for n in range(1, 7)}
    later = []
    for update_id in sorted(commands, reverse=True):
        later.append(
            asyncio.create_task(
                telegram.send_update(command_update(update_id, ivan, commands[update_id]))
            )
        )
        await asyncio.sleep(0.05)
    await asyncio.gather(slow, *later)

    expected = ["settings"] + [
        "menu" if commands[update_id] == "/menu" else "settings" for update_id in sorted(commands)
    ]
    assert replies_since(telegram, ivan.id, mark) == expected
    assert telegram.webhook_failures == []
