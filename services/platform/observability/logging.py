"""structlog configuration: one JSON line per event, with the context ids bound by
middlewares (update id, user id, handler, request id) through contextvars.

Every configured secret (bot token, webhook secret, API keys) is blanked out of every
line, whatever logged it: a safety net behind the rule that no secret is logged."""

import logging
import re
import sys
from collections.abc import Iterable
from typing import Any
from urllib.parse import quote

import structlog

from services.platform.config import LogFormat, Settings, configured_secrets

REDACTED = "[secret]"
# Shorter values are no real secrets (test settings) and would blank out ordinary words.
_MIN_SECRET_LENGTH = 8


def secret_redactor(secrets: Iterable[str]) -> structlog.types.Processor:
    """The last step of rendering: the line with each secret, as written or as
    percent-encoded in a URL, replaced by `REDACTED`."""
    forms = {
        form
        for secret in secrets
        if len(secret) >= _MIN_SECRET_LENGTH
        for form in (secret, quote(secret, safe=""))
    }
    pattern = re.compile("|".join(re.escape(form) for form in sorted(forms, key=len, reverse=True)))

    def redact(_logger: Any, _method: str, line: Any) -> Any:
        return pattern.sub(REDACTED, line) if forms else line

    return redact


def _shared_processors(log_format: LogFormat) -> list[structlog.types.Processor]:
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    if log_format == LogFormat.JSON:
        shared.append(structlog.processors.format_exc_info)
    return shared


def line_formatter(settings: Settings) -> logging.Formatter:
    """Renders every record, ours and the libraries' (aiogram, uvicorn, sqlalchemy), as
    one line in the configured format, without secrets."""
    renderer: structlog.types.Processor = (
        structlog.dev.ConsoleRenderer()
        if settings.log_format == LogFormat.CONSOLE
        else structlog.processors.JSONRenderer()
    )
    return structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=_shared_processors(settings.log_format),
        processors=[
            structlog.stdlib.ProcessorFormatter.remove_processors_meta,
            renderer,
            secret_redactor(configured_secrets(settings)),
        ],
    )


def configure_logging(settings: Settings) -> None:
    structlog.configure(
        processors=[
            *_shared_processors(settings.log_format),
            structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
        ],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(line_formatter(settings))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(settings.log_level.upper())
    # Our middlewares log each update and request once, and each process logs its own
    # start and stop in one line: the libraries' lines for these would only repeat them.
    # aiogram's polling says "Received SIGTERM signal" as a warning, hence errors only.
    # httpx logs every request's URL at INFO: the Bot API's carry the bot token.
    for noisy, quiet_below in (
        ("aiogram.event", logging.WARNING),
        ("uvicorn.access", logging.WARNING),
        ("uvicorn.error", logging.WARNING),
        ("httpx", logging.WARNING),
        ("aiogram.dispatcher", logging.ERROR),
    ):
        logging.getLogger(noisy).setLevel(quiet_below)
