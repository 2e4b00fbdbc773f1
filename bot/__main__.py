"""`python -m bot`: the bot in polling mode (development and the embedded default)."""

import asyncio

import structlog
from prometheus_client import start_http_server

from bot.runtime import announce_commands, open_runtime
from services.platform.config import get_settings
from services.platform.observability.logging import configure_logging

log = structlog.get_logger("bot")


async def main() -> None:
    settings = get_settings()
    configure_logging(settings)
    if settings.bot_metrics_port:
        start_http_server(settings.bot_metrics_port)
    runtime = await open_runtime(settings)
    try:
        await announce_commands(runtime.bot, settings)
        await runtime.bot.delete_webhook(drop_pending_updates=False)
        log.info("bot.polling_started")
        # SIGTERM/SIGINT stop polling; updates already taken are finished in close().
        await runtime.dispatcher.start_polling(
            runtime.bot, handle_signals=True, close_bot_session=False
        )
    finally:
        await runtime.close()
        log.info("bot.stopped")


if __name__ == "__main__":
    asyncio.run(main())
