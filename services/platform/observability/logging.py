"""structlog configuration: one JSON line per event, with the context ids bound by
middlewares (update id, user id, handler, request id) through contextvars."""

import logging
import sys

import structlog

from services.platform.config import LogFormat


def configure_logging(log_format: LogFormat = LogFormat.JSON, level: str = "INFO") -> None:
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.StackInfoRenderer(),
    ]
    renderer: structlog.types.Processor
    if log_format == LogFormat.CONSOLE:
        renderer = structlog.dev.ConsoleRenderer()
    else:
        shared.append(structlog.processors.format_exc_info)
        renderer = structlog.processors.JSONRenderer()

    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
    # Records of libraries (aiogram, uvicorn, sqlalchemy) go through the same renderer.
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # Our middlewares log each update and request once, and each process logs its own
    # start and stop in one line: the libraries' lines for these would only repeat them.
    # aiogram's polling says "Received SIGTERM signal" as a warning, hence errors only.
    for noisy, quiet_below in (
        ("aiogram.event", logging.WARNING),
        ("uvicorn.access", logging.WARNING),
        ("uvicorn.error", logging.WARNING),
        ("aiogram.dispatcher", logging.ERROR),
    ):
        logging.getLogger(noisy).setLevel(quiet_below)
