"""Production's path for Telegram's updates: our Nginx (deploy/nginx/, Debian's nginx
with TLS) in front of two webapp processes in webhook mode sharing PostgreSQL and Redis.

- A rolling upgrade, each replica stopped (SIGTERM) and started again after the other,
  during a burst of updates from many users, loses no update and answers none twice:
  Telegram delivers again what got no 2xx answer, as the fake server does here.
- Each answer through Nginx carries every security header once, and bodies over the
  route's limit are refused by Nginx itself (413)."""

import asyncio
import itertools
from collections import defaultdict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from tests.conftest import TEST_BOT_TOKEN
from tests.e2e.test_webhook_replicas import command_update, replies_since, user_at_the_menu
from tests.fakes.telegram_server import FakeTelegramServer, FakeUser
from tests.support import services as real
from tests.support.nginx import RunningNginx, nginx_in_front_of
from tests.support.processes import (
    RunningProcess,
    bot_process_env,
    running_processes,
    start_process,
    wait_until_healthy,
    webhook_env,
)
from tests.support.services import free_port
from webapp.security_headers import CONTENT_SECURITY_POLICY

SECRET = "nginx-secret"
USERS = 6
# Between one user's updates, as a person taps: the burst keeps both replicas busy without
# starving the starting one of the machine's cores.
TAP_INTERVAL_SECONDS = 0.2
# Each user keeps sending this many updates after both replicas were restarted.
UPDATES_AFTER_THE_UPGRADE = 2
SECURITY_HEADERS = (
    "Strict-Transport-Security",
    "X-Content-Type-Options",
    "Content-Security-Policy",
)


@dataclass
class Stack:
    telegram: FakeTelegramServer
    nginx: RunningNginx
    env: dict[str, str]
    workdir: Path
    ports: list[int]
    replicas: list[RunningProcess]
    stopped: list[RunningProcess] = field(default_factory=list)

    async def start_replica(self, index: int, generation: int) -> None:
        port = self.ports[index]
        env = webhook_env(self.env, port, SECRET, self.nginx.https_url)
        name = f"webapp-{index + 1}-v{generation}"
        process = start_process(name, ["-m", "webapp"], env, self.workdir)
        self.replicas.append(process)
        await wait_until_healthy(port, process)

    async def restart_replica(self, index: int) -> None:
        """SIGTERM (the process drains its requests), then the next release starts."""
        old = next(p for p in self.replicas if p.name.startswith(f"webapp-{index + 1}-"))
        assert await old.stop() == 0, old.output()[-3000:]
        self.replicas.remove(old)
        self.stopped.append(old)
        await self.start_replica(index, generation=2)


@pytest.fixture(scope="module")
def namespace() -> str:
    return real.new_namespace()


@pytest.fixture(scope="module")
async def stack(
    database_url: str,
    namespace: str,
    engine: AsyncEngine,
    tmp_path_factory: pytest.TempPathFactory,
) -> AsyncIterator[Stack]:
    await real.truncate_all(engine)
    telegram = FakeTelegramServer(
        TEST_BOT_TOKEN, redeliver_after_seconds=0.2, verify_webhook_tls=False
    )
    ports = [free_port(), free_port()]
    workdir = tmp_path_factory.mktemp("behind-nginx")
    async with (
        telegram,
        running_processes() as replicas,
        nginx_in_front_of(workdir, ports) as nginx,
    ):
        # Each user taps again as soon as answered, faster than a person: no flood limit.
        env = {**bot_process_env(telegram, database_url, namespace), "FLOOD_LIMIT": "100000"}
        stack = Stack(telegram, nginx, env, workdir, ports, replicas)
        await asyncio.gather(stack.start_replica(0, 1), stack.start_replica(1, 1))
        first = await telegram.wait_for_call("setWebhook", timeout=30)
        await telegram.wait_for_call(
            "setWebhook", after_call=telegram.calls.index(first) + 1, timeout=30
        )
        yield stack
        for process in stack.stopped:
            print(f"----- {process.name} output -----\n{process.output()[-6000:]}")


async def test_a_rolling_restart_during_a_burst_loses_no_update_and_answers_none_twice(
    stack: Stack,
) -> None:
    telegram = stack.telegram
    users = await asyncio.gather(
        *(user_at_the_menu(telegram, 8_100 + n, f"User{n}") for n in range(USERS))
    )
    mark = len(telegram.calls)
    sent: dict[int, list[str]] = defaultdict(list)
    update_ids = itertools.count(700_000)
    upgraded = asyncio.Event()
    during_upgrade = 0

    async def keep_talking(user: FakeUser) -> None:
        nonlocal during_upgrade
        after = 0
        while after < UPDATES_AFTER_THE_UPGRADE:
            kind = "settings" if len(sent[user.id]) % 2 == 0 else "menu"
            sent[user.id].append(kind)
            await telegram.send_update(command_update(next(update_ids), user, f"/{kind}"))
            await asyncio.sleep(TAP_INTERVAL_SECONDS)
            if upgraded.is_set():
                after += 1
            else:
                during_upgrade += 1

    talking = [asyncio.create_task(keep_talking(user)) for user in users]
    try:
        await stack.restart_replica(0)
        await stack.restart_replica(1)
    finally:
        upgraded.set()
        await asyncio.gather(*talking)

    assert not telegram.undelivered, "refused for longer than Telegram would retry"
    for user in users:
        assert replies_since(telegram, user.id, mark) == sent[user.id], user.first_name
    assert during_upgrade >= 2 * USERS  # the restarts happened under load
    refused = [
        failure for failure in telegram.webhook_failures if failure.update["update_id"] >= 700_000
    ]
    print(
        f"\n[rolling upgrade] {sum(map(len, sent.values()))} updates from {USERS} users, "
        f"{during_upgrade} during the restarts, {len(refused)} deliveries refused and repeated"
    )


async def test_answers_through_nginx_carry_each_security_header_once(stack: Stack) -> None:
    async with httpx.AsyncClient(base_url=stack.nginx.https_url, verify=False) as client:
        page = await client.get("/app/")
        refused_by_nginx = await client.get("/metrics")
        redirect = await httpx.AsyncClient().get(f"{stack.nginx.http_url}/app/")

    assert page.status_code == 200 and refused_by_nginx.status_code == 404
    for answer in (page, refused_by_nginx):
        for header in SECURITY_HEADERS:
            assert len(answer.headers.get_list(header)) == 1, (answer.url, header)
        assert answer.headers["Strict-Transport-Security"] == "max-age=31536000"
        assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert page.headers["Content-Security-Policy"] == CONTENT_SECURITY_POLICY
    assert refused_by_nginx.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert redirect.status_code == 301
    assert redirect.headers["Location"].startswith("https://")


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("/webhooks/telegram", 1024 * 1024),
        ("/webhooks/yookassa", 64 * 1024),
        ("/api/media/session", 64 * 1024),
    ],
)
async def test_nginx_refuses_bodies_over_the_limit_of_their_route(
    stack: Stack, path: str, limit: int
) -> None:
    async with httpx.AsyncClient(base_url=stack.nginx.https_url, verify=False) as client:
        too_long = await client.post(path, content=b"x" * (limit + 1))
        at_limit = await client.post(path, content=b"x" * limit)

    assert too_long.status_code == 413
    assert too_long.headers["X-Content-Type-Options"] == "nosniff"
    assert at_limit.status_code != 413  # the webapp answers (refuses what it is not)
