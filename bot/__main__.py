"""`python -m bot`: the bot in polling mode (development and the embedded default)."""

import gc

if __name__ == "__main__":
    # No collection while the process starts: what it builds (aiogram's ~600 models, the
    # dialogs) lives to the end, and walking it ~6 times cost 1–2 s of the start. It
    # resumes once started (services.platform.startup.spare_startup_objects_from_gc).
    gc.disable()

import asyncio
import sys

import structlog
from aiogram.exceptions import TelegramUnauthorizedError
from prometheus_client import start_http_server

from bot.runtime import announce_commands, open_runtime
from services.platform.config import get_settings
from services.platform.observability.logging import configure_logging
from services.platform.startup import spare_startup_objects_from_gc

log = structlog.get_logger("bot")


async def main() -> int:
    """Poll until SIGTERM or SIGINT; the exit status (1 when Telegram refuses the token)."""
    settings = get_settings()
    configure_logging(settings)
    if settings.bot_metrics_port:
        start_http_server(settings.bot_metrics_port, addr=settings.metrics_host)
    runtime = await open_runtime(settings)
    spare_startup_objects_from_gc()
    try:
        await announce_commands(runtime.bot, settings)
        await runtime.bot.delete_webhook(drop_pending_updates=False)
        log.info("bot.polling_started")
        # SIGTERM/SIGINT stop polling; updates already taken are finished in close().
        await runtime.dispatcher.start_polling(
            runtime.bot, handle_signals=True, close_bot_session=False
        )
    except TelegramUnauthorizedError as error:
        # Revoked or mistyped: no retry can help, and a traceback would hide the cause.
        log.error(f"BOT_TOKEN was refused by Telegram: {error.message}")
        return 1
    finally:
        await runtime.close()
        log.info("bot.stopped")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
