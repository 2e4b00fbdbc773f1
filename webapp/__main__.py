"""`python -m webapp`: the FastAPI webapp under uvicorn (and the bot in webhook mode)."""

import uvicorn

from services.config import get_settings
from services.observability.logging import configure_logging
from webapp.app import create_app


def main() -> None:
    settings = get_settings()
    configure_logging(settings.log_format, settings.log_level)
    uvicorn.run(
        create_app(settings),
        host=settings.webapp_host,
        port=settings.webapp_port,
        log_config=None,
        proxy_headers=True,
        timeout_graceful_shutdown=20,
    )


if __name__ == "__main__":
    main()
