"""One place that turns configuration into a media storage client."""

from services.media_storage.base import MediaStorageClient
from services.media_storage.telegram_client import TelegramMediaStorageClient
from services.platform.config import MediaProvider, Settings, get_settings


def telegram_storage_client(settings: Settings) -> TelegramMediaStorageClient:
    return TelegramMediaStorageClient(
        settings.bot_token.get_secret_value(), settings.telegram_api_base
    )


def get_media_storage_client(
    provider_override: MediaProvider | str | None = None, *, settings: Settings | None = None
) -> MediaStorageClient:
    """The client of `provider_override`, else of `MEDIA_STORAGE_PROVIDER` (`telegram` by
    default: it needs no extra server). `minio` and `s3` read the `MINIO_*` variables."""
    settings = settings or get_settings()
    provider = MediaProvider(provider_override or settings.media_storage_provider)
    telegram = telegram_storage_client(settings)
    if provider == MediaProvider.TELEGRAM:
        return telegram
    # Loaded only where S3 is configured: the minio SDK is start-up time and memory that
    # the default Telegram storage does not need.
    from services.media_storage.s3_client import S3MediaStorageClient

    return S3MediaStorageClient(
        endpoint=settings.minio.endpoint,
        access_key=settings.minio.access_key,
        secret_key=settings.minio.secret_key.get_secret_value(),
        bucket=settings.minio.bucket,
        secure=settings.minio.secure,
        region=settings.minio.region,
        telegram=telegram,
        provider=provider.value,
    )
