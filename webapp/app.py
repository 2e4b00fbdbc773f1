"""FastAPI application factory. In webhook mode the webapp also hosts the bot."""

import time
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import structlog
from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bot.runtime import BotRuntime, announce_commands, open_runtime
from bot.webhook import WebhookFeed
from services.platform.config import BotMode, Settings
from services.platform.db.session import create_engine, create_session_factory
from services.platform.errors import DomainError
from services.platform.observability.metrics import HTTP_LATENCY, HTTP_REQUESTS
from services.platform.redis import create_redis
from webapp.errors import domain_error_answer
from webapp.miniapp import (
    availability,
    board,
    home,
    object_map,
    open_shifts,
    pages,
    payslip,
    proofs,
    reports,
    schedule,
    today,
)
from webapp.routes import calendar_feed, guide, health, media, telegram_webhook, yookassa_webhook
from webapp.security_headers import SecurityHeaders

log = structlog.get_logger("webapp")

# The Mini App's requests and YooKassa's notifications are a few kilobytes at most; a
# longer body is 413 and not read further (the Telegram webhook has its own limit).
MAX_BODY_BYTES = 64 * 1024


async def _start_webhook(runtime: BotRuntime, settings: Settings) -> None:
    await announce_commands(runtime.bot, settings)
    url = f"{settings.webapp_base_url}{telegram_webhook.WEBHOOK_PATH}"
    await runtime.bot.set_webhook(
        url=url,
        secret_token=settings.webhook_secret.get_secret_value(),
        allowed_updates=runtime.dispatcher.resolve_used_update_types(),
    )
    log.info("webapp.webhook_set", url=url)


def create_app(settings: Settings) -> FastAPI:
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if settings.bot_mode == BotMode.WEBHOOK:
            runtime = await open_runtime(settings)
            app.state.bot_runtime = runtime
            app.state.webhook_feed = WebhookFeed(
                runtime.dispatcher, runtime.bot, runtime.redis, settings.namespace
            )
            app.state.engine, app.state.redis = runtime.engine, runtime.redis
            await _start_webhook(runtime, settings)
        else:
            app.state.engine = create_engine(settings.effective_database_url)
            app.state.redis = create_redis(settings)
        app.state.session_factory = create_session_factory(app.state.engine)
        try:
            yield
        finally:
            if settings.bot_mode == BotMode.WEBHOOK:
                await app.state.bot_runtime.close()
            else:
                if app.state.redis is not None:
                    await app.state.redis.aclose()
                await app.state.engine.dispose()

    app = FastAPI(
        title="StaffProBot",
        lifespan=lifespan,
        openapi_url="/openapi.json" if settings.webapp_api_docs else None,
        docs_url="/docs" if settings.webapp_api_docs else None,
        redoc_url=None,
        max_body_size=MAX_BODY_BYTES,
    )
    app.state.settings = settings
    app.add_middleware(RequestObservation)
    app.add_middleware(SecurityHeaders, https=settings.webapp_base_url.startswith("https://"))
    app.add_exception_handler(DomainError, domain_error_answer)
    for routes in (
        *(health, telegram_webhook, yookassa_webhook, media, guide, calendar_feed),
        *(home, board, schedule, open_shifts, object_map, reports, payslip, proofs, today),
        *(availability, pages),
    ):
        app.include_router(routes.router)
    app.mount("/app/static", pages.static_files, name="miniapp-static")
    return app


class RequestObservation:
    """Pure ASGI middleware (no task and no copies of the answer's body per request, as
    Starlette's `BaseHTTPMiddleware` makes): a request id bound to the log context, the
    request counted and timed by route, and one access log line."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        structlog.contextvars.clear_contextvars()
        request_id = Headers(scope=scope).get("X-Request-Id") or uuid.uuid4().hex
        structlog.contextvars.bind_contextvars(request_id=request_id)
        status = 500
        started = time.perf_counter()

        async def send_observed(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        await self.app(scope, receive, send_observed)
        seconds = time.perf_counter() - started
        route = getattr(scope.get("route"), "path", "unmatched")
        method = scope["method"]
        HTTP_REQUESTS.labels(route=route, method=method, status=status).inc()
        HTTP_LATENCY.labels(route=route).observe(seconds)
        # The access log: one line per request, by route (no ids, query strings or headers).
        log.info(
            "webapp.request",
            method=method,
            route=route,
            status=status,
            duration_ms=round(seconds * 1000, 1),
        )
