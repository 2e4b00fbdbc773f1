"""Telegram messages → the media orchestrator's items, and albums sent by file_id."""

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message
from aiogram_dialog import DialogManager

from services.integrations.telegram_albums import send_files
from services.media_orchestrator import IncomingMedia, MediaOrchestrator
from services.platform.db.models import Media, MediaType

log = structlog.get_logger(__name__)


def orchestrator_of(manager: DialogManager) -> MediaOrchestrator:
    """The process's media orchestrator (flows in its Redis or memory, files in its
    storage), made once with the Dispatcher."""
    orchestrator: MediaOrchestrator = manager.middleware_data["media_orchestrator"]
    return orchestrator


def album_items(files: list[Media]) -> list[tuple[MediaType, str]]:
    """Stored files as an album re-sent by file_id (every row keeps the Telegram one)."""
    return [(media.media_type, media.telegram_file_id or media.key) for media in files]


def incoming_media(message: Message) -> IncomingMedia | None:
    """The file of a photo (its largest size), video or document message."""
    if message.photo:
        largest = message.photo[-1]
        return IncomingMedia(
            largest.file_id, largest.file_unique_id, MediaType.PHOTO, size=largest.file_size
        )
    if message.video:
        video = message.video
        return IncomingMedia(
            video.file_id,
            video.file_unique_id,
            MediaType.VIDEO,
            size=video.file_size,
            content_type=video.mime_type,
            file_name=video.file_name,
        )
    if message.document:
        document = message.document
        return IncomingMedia(
            document.file_id,
            document.file_unique_id,
            MediaType.DOCUMENT,
            size=document.file_size,
            content_type=document.mime_type,
            file_name=document.file_name,
        )
    return None


async def send_album(
    bot: Bot, chat_id: int, items: list[tuple[MediaType, str]], caption: str
) -> None:
    """Show stored files (by file_id) to the user who asked for them, as one album with
    the caption on the first; a refusal by Telegram is logged and the dialog goes on."""
    try:
        await send_files(bot, chat_id, items, caption)
    except TelegramAPIError as error:
        log.warning("media.album_not_sent", chat_id=chat_id, error=str(error))
