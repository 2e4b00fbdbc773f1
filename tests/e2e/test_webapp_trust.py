"""The real webapp process (`python -m webapp`): what it writes down and whom it believes.
No secret appears in its log, at any level, after a webhook run with media from the Bot
API, an address looked up on the Yandex geocoder (once failing) and a YooKassa
notification; `X-Forwarded-For` is believed from no peer but the configured proxy, not even
from loopback."""

import os
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from services.platform.clock import SystemClock
from services.platform.db.models import Media, MediaContext, MediaType
from services.platform.db.session import SessionFactory
from tests.e2e.test_owner_setup_process import _press_and_wait
from tests.fakes.telegram_server import FakeTelegramServer
from tests.fakes.yandex_server import FakeYandexServer
from tests.fakes.yookassa_server import FakeYookassaServer
from tests.support.media import MediaCast, seed_media_cast
from tests.support.processes import (
    COLD_START_SECONDS,
    start_process,
    wait_until_healthy,
    webhook_env,
)
from tests.support.services import free_port
from tests.support.webapp import signed_header
from tests.webapp.test_yookassa_webhook import YOOKASSA_IP, notification

WEBHOOK_SECRET = "webhook-secret-of-the-log-test-5c1d"
KEYS = {
    "YANDEX_GEOCODER_KEY": "geocoder-key-7f3a9e21-4b5c-4d6e-8f90",
    "YANDEX_STATIC_KEY": "static-key-2b8c4d6e-8f90-1a2b-3c4d",
    "YANDEX_MAPS_JS_KEY": "maps-js-key-9e8d7c6b-5a4f-3e2d-1c0b",
    "OPENAI_API_KEY": "sk-openai-key-of-the-log-test-0a1b2c3d",
    "MINIO_SECRET_KEY": "minio-secret-of-the-log-test-4e5f6a7b",
}


@pytest.fixture
async def yandex() -> AsyncIterator[FakeYandexServer]:
    server = FakeYandexServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def yookassa() -> AsyncIterator[FakeYookassaServer]:
    async with FakeYookassaServer(secret_key="yookassa-secret-of-the-log-test-8c9d") as server:
        yield server


async def telegram_file_to_view(
    session_factory: SessionFactory, telegram: FakeTelegramServer, cast: MediaCast
) -> str:
    """A proof photo kept in Telegram, which the cast's owner may view."""
    file_id = telegram.add_file(os.urandom(300_000))
    async with session_factory() as session:
        session.add(
            Media(
                key=file_id,
                provider="telegram",
                organization_id=cast.organization_id,
                object_id=cast.object_id,
                context=MediaContext.TASK_PROOF,
                context_id=1,
                flow_id="log-test",
                uploader_user_id=cast.employee.id,
                media_type=MediaType.PHOTO,
                content_type="image/jpeg",
                size=300_000,
            )
        )
        await session.commit()
    return file_id


async def test_no_secret_reaches_the_log_of_a_webhook_run_at_debug_level(
    telegram: FakeTelegramServer,
    yandex: FakeYandexServer,
    yookassa: FakeYookassaServer,
    bot_env,
    processes,
    tmp_path: Path,
    session_factory: SessionFactory,
    clock,
) -> None:
    cast = await seed_media_cast(session_factory, clock)
    file_id = await telegram_file_to_view(session_factory, telegram, cast)
    port = free_port()
    env = webhook_env(bot_env, port, WEBHOOK_SECRET) | KEYS
    env |= {
        "LOG_LEVEL": "DEBUG",
        "YANDEX_GEOCODER_URL": yandex.geocoder_url,
        "YANDEX_STATIC_URL": yandex.static_url,
        "YOOKASSA_SHOP_ID": yookassa.shop_id,
        "YOOKASSA_SECRET_KEY": yookassa.secret_key,
        "YOOKASSA_API_URL": yookassa.api_url,
        "YOOKASSA_TRUSTED_IPS": "127.0.0.1",
    }
    webapp = start_process("webapp", ["-m", "webapp"], env, tmp_path)
    processes.append(webapp)
    await telegram.wait_for_call("setWebhook", timeout=COLD_START_SECONDS)
    await wait_until_healthy(port, webapp)

    olga = telegram.user(cast.owner.telegram_id, first_name="Olga", language_code="ru")
    await telegram.send_text(olga, "/start")
    await _press_and_wait(telegram, olga, "🏪 Объекты", "➕ Добавить объект")
    await telegram.press(olga, "➕ Добавить объект")
    await telegram.wait_for_message(olga.id, text_contains="Как называется объект")
    await telegram.send_text(olga, "Склад")
    await telegram.wait_for_message(olga.id, text_contains="Где находится «Склад»")
    await telegram.send_text(olga, "broken street 1")
    await telegram.wait_for_message(olga.id, text_contains="Сервис карт сейчас не отвечает")
    await telegram.send_text(olga, "Тверская 7")
    await telegram.wait_for_message(olga.id, text_contains="Это он?")
    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
        viewer = signed_header(cast.owner, SystemClock())  # the process runs on real time
        photo = await http.get(f"/api/media/{file_id}", headers=viewer)
        part = await http.get(f"/api/media/{file_id}", headers=viewer | {"Range": "bytes=0-9"})
        paid = await http.post(
            "/webhooks/yookassa", json=notification("payment.succeeded", "no-such-payment")
        )
    await webapp.stop()

    assert (photo.status_code, part.status_code, paid.status_code) == (200, 206, 200)
    assert len(yandex.requests) == 2
    log = webapp.output()
    assert '"level": "debug"' in log
    secrets = {
        "BOT_TOKEN": telegram.token,
        "WEBHOOK_SECRET": WEBHOOK_SECRET,
        "YOOKASSA_SECRET_KEY": yookassa.secret_key,
        **KEYS,
    }
    leaked = {
        name: [line[:300] for line in log.splitlines() if secret in line][:3]
        for name, secret in secrets.items()
        if secret in log
    }
    assert leaked == {}


async def test_x_forwarded_for_from_loopback_is_not_believed_without_a_trusted_proxy(
    yookassa: FakeYookassaServer, bot_env, processes, tmp_path: Path
) -> None:
    port = free_port()
    env = bot_env | {
        "WEBAPP_HOST": "127.0.0.1",
        "WEBAPP_PORT": str(port),
        "YOOKASSA_SHOP_ID": yookassa.shop_id,
        "YOOKASSA_SECRET_KEY": yookassa.secret_key,
        "YOOKASSA_API_URL": yookassa.api_url,
        "YOOKASSA_TRUSTED_PROXY": "",
    }
    webapp = start_process("webapp", ["-m", "webapp"], env, tmp_path)
    processes.append(webapp)
    await wait_until_healthy(port, webapp)

    async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
        forged = await http.post(
            "/webhooks/yookassa",
            json=notification("payment.succeeded", "no-such-payment"),
            headers={"X-Forwarded-For": YOOKASSA_IP, "X-Real-IP": YOOKASSA_IP},
        )

    assert forged.status_code == 403
    assert yookassa.fetched == []
