"""/healthz, /readyz, /metrics, the user guides and the Telegram webhook of the webapp."""

import pytest
import structlog
from aiogram.types import Update

from services.platform.config import Settings
from tests.fakes.telegram_server import SECRET_TOKEN_HEADER, FakeTelegramServer
from tests.webapp.conftest import running_app


def _start_update(update_id: int, telegram_id: int, language: str = "ru") -> dict:
    user = {"id": telegram_id, "is_bot": False, "first_name": "Oleg", "language_code": language}
    return {
        "update_id": update_id,
        "message": {
            "message_id": 1,
            "date": 1_700_000_000,
            "chat": {"id": telegram_id, "type": "private"},
            "from": user,
            "text": "/start",
            "entities": [{"type": "bot_command", "offset": 0, "length": 6}],
        },
    }


async def test_healthz_answers_without_dependencies(settings: Settings) -> None:
    async with running_app(settings) as (_, client):
        response = await client.get("/healthz")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


async def test_the_guides_that_help_links_to_are_served(settings: Settings) -> None:
    async with running_app(settings) as (_, client):
        owner = await client.get("/guide/owner")
        employee = await client.get("/guide/employee")
        unknown = await client.get("/guide/secrets")
    assert owner.status_code == 200 and owner.headers["content-type"].startswith("text/plain")
    assert "руководство владельца" in owner.text and "сотрудника" in employee.text
    assert employee.status_code == 200
    assert unknown.status_code == 404


async def test_readyz_reports_every_dependency(settings: Settings, session_factory) -> None:
    async with running_app(settings) as (_, client):
        response = await client.get("/readyz")
    assert response.status_code == 200
    assert response.json()["checks"] == {"database": "ok", "redis": "ok", "rabbitmq": "ok"}


async def test_readyz_is_503_and_names_redis_when_redis_is_down(settings: Settings) -> None:
    broken = settings.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"})
    async with running_app(broken) as (_, client):
        response = await client.get("/readyz")
    assert response.status_code == 503
    checks = response.json()["checks"]
    assert checks["redis"].startswith("error")
    assert checks["database"] == "ok" and checks["rabbitmq"] == "ok"


async def test_webhook_refuses_requests_without_the_secret(
    settings: Settings, telegram: FakeTelegramServer, session_factory
) -> None:
    webhook = settings.model_copy(update={"bot_mode": "webhook"})
    async with running_app(webhook) as (_, client):
        missing = await client.post("/webhooks/telegram", json=_start_update(1, 7001))
        wrong = await client.post(
            "/webhooks/telegram",
            json=_start_update(2, 7001),
            headers={SECRET_TOKEN_HEADER: "guess"},
        )
    assert missing.status_code == 403 and wrong.status_code == 403
    assert telegram.calls_of("sendMessage") == []


async def test_webhook_update_is_handled_and_counted_in_metrics(
    settings: Settings, telegram: FakeTelegramServer, session_factory
) -> None:
    webhook = settings.model_copy(update={"bot_mode": "webhook"})
    secret = {SECRET_TOKEN_HEADER: settings.webhook_secret.get_secret_value()}
    async with running_app(webhook) as (_, client):
        set_webhook = telegram.calls_of("setWebhook")
        assert set_webhook and set_webhook[-1].params["url"].endswith("/webhooks/telegram")
        response = await client.post(
            "/webhooks/telegram", json=_start_update(10, 7002, "en"), headers=secret
        )
        metrics = (await client.get("/metrics")).text

    assert response.status_code == 200
    menu = telegram.last_message(7002)
    assert menu is not None and "Hello, Oleg" in menu["text"]
    assert 'staffprobot_handler_calls_total{handler="start"}' in metrics
    assert 'staffprobot_updates_total{outcome="handled",update_type="message"}' in metrics


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"\xff\xfe",
        b"[1, 2]",
        b"null",
        b'{"message": {"text": "no update_id"}}',
        b'{"update_id": "seven"}',
        b'{"update_id": 7, "message": {"message_id": "x", "chat": 5}}',
        b'{"update_id": 7}',
    ],
    ids=["not-json", "not-utf8", "a-list", "null", "no-id", "bad-id", "bad-message", "no-event"],
)
async def test_webhook_refuses_a_body_that_is_no_telegram_update_with_400_and_one_log_line(
    settings: Settings, telegram: FakeTelegramServer, session_factory, body: bytes
) -> None:
    webhook = settings.model_copy(update={"bot_mode": "webhook"})
    secret = {SECRET_TOKEN_HEADER: settings.webhook_secret.get_secret_value()}
    async with running_app(webhook) as (_, client):
        with structlog.testing.capture_logs() as logs:
            response = await client.post("/webhooks/telegram", content=body, headers=secret)

    assert response.status_code == 400
    # One warning, besides the access log's line for the request.
    assert [
        (line["event"], line["log_level"]) for line in logs if line["event"] != "webapp.request"
    ] == [("webhook.bad_update", "warning")]
    assert not any("exc_info" in line for line in logs)
    assert telegram.calls_of("sendMessage") == []


def test_update_fixture_is_a_valid_telegram_update() -> None:
    assert Update.model_validate(_start_update(1, 1)).message.text == "/start"


async def test_a_5_mb_webhook_update_is_refused_unread(
    settings: Settings, telegram: FakeTelegramServer, session_factory
) -> None:
    webhook = settings.model_copy(update={"bot_mode": "webhook"})
    secret = {SECRET_TOKEN_HEADER: settings.webhook_secret.get_secret_value()}
    update = _start_update(11, 7003)
    update["message"]["text"] = "/start " + "x" * 5_000_000
    async with running_app(webhook) as (_, client):
        response = await client.post("/webhooks/telegram", json=update, headers=secret)

    assert response.status_code == 413
    assert telegram.last_message(7003) is None


@pytest.mark.parametrize("path", ["/openapi.json", "/docs"])
async def test_the_api_description_is_served_only_when_asked_for(
    settings: Settings, path: str
) -> None:
    async with running_app(settings) as (_, production):
        hidden = await production.get(path)
    async with running_app(settings.model_copy(update={"webapp_api_docs": True})) as (_, dev):
        shown = await dev.get(path)

    assert hidden.status_code == 404
    assert shown.status_code == 200
