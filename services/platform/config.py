"""One place for configuration: environment variables and `.env`, grouped by concern.

Empty service URLs select the embedded default (SQLite, in-memory dialog storage,
in-process queue, Telegram media storage), so one command starts the product.
"""

from enum import StrEnum
from functools import lru_cache
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

DEFAULT_SQLITE_URL = "sqlite+aiosqlite:///./staffprobot.sqlite3"


class _Group(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")


class BotMode(StrEnum):
    POLLING = "polling"
    WEBHOOK = "webhook"


class LogFormat(StrEnum):
    JSON = "json"
    CONSOLE = "console"


class MediaProvider(StrEnum):
    TELEGRAM = "telegram"
    MINIO = "minio"
    S3 = "s3"


class MinioSettings(_Group):
    model_config = SettingsConfigDict(env_prefix="MINIO_", env_file=".env", extra="ignore")

    endpoint: str = ""
    access_key: str = ""
    secret_key: SecretStr = SecretStr("")
    bucket: str = "staffprobot-media"
    secure: bool = False
    region: str = "us-east-1"


class YookassaSettings(_Group):
    model_config = SettingsConfigDict(env_prefix="YOOKASSA_", env_file=".env", extra="ignore")

    shop_id: str = ""
    secret_key: SecretStr = SecretStr("")
    api_url: str = "https://api.yookassa.ru/v3"
    # A whole call (connecting included): a hung API never holds a user or a job longer.
    timeout_seconds: float = 10.0
    trusted_ips: str = (
        "185.71.76.0/27,185.71.77.0/27,77.75.153.0/25,77.75.156.11,77.75.156.35,"
        "77.75.154.128/25,2a02:5180::/32"
    )
    trusted_proxy: str = ""


class OpenAISettings(_Group):
    model_config = SettingsConfigDict(env_prefix="OPENAI_", env_file=".env", extra="ignore")

    api_key: SecretStr = SecretStr("")
    base_url: str = "https://api.openai.com/v1"
    model: str = "gpt-4o-mini"
    timeout_seconds: float = 30.0


class YandexSettings(_Group):
    model_config = SettingsConfigDict(env_prefix="YANDEX_", env_file=".env", extra="ignore")

    geocoder_key: SecretStr = SecretStr("")
    geocoder_url: str = "https://geocode-maps.yandex.ru/1.x/"
    static_key: SecretStr = SecretStr("")
    static_url: str = "https://static-maps.yandex.ru/v1"
    maps_js_key: SecretStr = SecretStr("")
    timeout_seconds: float = 5.0


class NotifierSettings(_Group):
    """Telegram's sending limits and the delivery policy of the notifier (C9)."""

    model_config = SettingsConfigDict(env_prefix="NOTIFY_", env_file=".env", extra="ignore")

    global_per_second: int = 30
    private_per_second: int = 1
    group_per_minute: int = 20
    # Added to every limit window, for clocks that tick at slightly different rates (the
    # network's jitter is covered otherwise: a send counts until its answer came).
    limit_margin_ms: int = 5
    concurrency: int = 16
    max_attempts: int = 5
    retry_base_seconds: float = 2.0
    relay_batch_size: int = 200
    relay_interval_seconds: float = 0.5
    scheduler_interval_seconds: float = 30.0
    # Reminders due at the same minute are spread over this many seconds before it.
    reminder_spread_seconds: int = 120
    sent_marker_ttl_seconds: int = 7 * 24 * 3600


class Settings(_Group):
    bot_token: SecretStr = SecretStr("")
    bot_mode: BotMode = BotMode.POLLING
    telegram_api_base: str = "https://api.telegram.org"
    database_url: str = ""
    redis_url: str = ""
    rabbitmq_url: str = ""
    # Prefix of Redis keys and RabbitMQ names, so several installations (or test runs)
    # can share one Redis and one broker.
    namespace: str = "staffprobot"
    webapp_base_url: str = "http://127.0.0.1:8080"
    webapp_host: str = "127.0.0.1"
    webapp_port: int = 8080
    webhook_secret: SecretStr = SecretStr("")
    media_storage_provider: MediaProvider = MediaProvider.TELEGRAM
    # Behind our Nginx (deploy/nginx/): its internal location that fetches a file from
    # object storage, e.g. `/_staffprobot_media/`. The media proxy checks the viewer and
    # hands the download to Nginx (`X-Accel-Redirect`); empty: the webapp streams it.
    media_accel_redirect: str = ""
    superadmin_ids: Annotated[list[int], NoDecode] = Field(default_factory=list)
    default_language: str = "ru"
    log_format: LogFormat = LogFormat.JSON
    log_level: str = "INFO"
    redis_max_connections: int = 200
    redis_pool_timeout_seconds: float = 20.0
    # Updates one user may send per 10 s; a flood past it is dropped (bot.flood).
    flood_limit: int = 30
    # How long the Mini App accepts Telegram's initData after it was signed; after that
    # the page asks the user to open it again from the bot.
    init_data_max_age_seconds: int = 3600
    # /docs and /openapi.json of the webapp, for development only.
    webapp_api_docs: bool = False
    # Prometheus exporters of the processes that serve no HTTP themselves (0 = off), on
    # loopback unless a scraper elsewhere needs them (0.0.0.0 in the compose stack).
    metrics_host: str = "127.0.0.1"
    bot_metrics_port: int = 9101
    worker_metrics_port: int = 9102
    # How long a starting process retries PostgreSQL, Redis and RabbitMQ before exiting.
    startup_wait_seconds: float = 120.0

    minio: MinioSettings = Field(default_factory=MinioSettings)
    yookassa: YookassaSettings = Field(default_factory=YookassaSettings)
    openai: OpenAISettings = Field(default_factory=OpenAISettings)
    yandex: YandexSettings = Field(default_factory=YandexSettings)
    notifier: NotifierSettings = Field(default_factory=NotifierSettings)

    # Auto-scheduling (issue 23): the solver's time limit for "Fill the week", shown to
    # the manager with the result.
    autoschedule_time_limit_s: float = Field(default=8.0, gt=0, le=60)

    @field_validator("media_accel_redirect")
    @classmethod
    def _internal_location(cls, value: str) -> str:
        if value and not (value.startswith("/") and value.endswith("/")):
            raise ValueError("a location path of our Nginx, e.g. /_staffprobot_media/")
        return value

    @field_validator("superadmin_ids", mode="before")
    @classmethod
    def _split_ids(cls, value: object) -> object:
        if isinstance(value, str):
            return [int(part) for part in value.replace(";", ",").split(",") if part.strip()]
        if isinstance(value, int):
            return [value]
        return value

    @property
    def effective_database_url(self) -> str:
        return self.database_url or DEFAULT_SQLITE_URL

    @property
    def is_embedded(self) -> bool:
        return not (self.database_url or self.redis_url or self.rabbitmq_url)


def configured_secrets(settings: BaseSettings) -> list[str]:
    """The values of every non-empty `SecretStr` setting, of every group."""
    secrets: list[str] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if isinstance(value, SecretStr) and value.get_secret_value():
            secrets.append(value.get_secret_value())
        elif isinstance(value, BaseSettings):
            secrets.extend(configured_secrets(value))
    return secrets


@lru_cache
def get_settings() -> Settings:
    return Settings()
