"""Telegram messages → the media orchestrator's items, and albums sent by file_id."""

import structlog
from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import InputMediaDocument, InputMediaPhoto, InputMediaVideo, Message
from aiogram_dialog import DialogManager

from services.media_orchestrator import IncomingMedia, MediaOrchestrator
from services.platform.db.models import Media, MediaType

log = structlog.get_logger(__name__)

InputMedia = InputMediaPhoto | InputMediaVideo | InputMediaDocument


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


def _input_media(media_type: MediaType, file_id: str, caption: str | None) -> InputMedia:
    if media_type == MediaType.PHOTO:
        return InputMediaPhoto(media=file_id, caption=caption)
    if media_type == MediaType.VIDEO:
        return InputMediaVideo(media=file_id, caption=caption)
    return InputMediaDocument(media=file_id, caption=caption)


async def send_album(
    bot: Bot, chat_id: int, items: list[tuple[MediaType, str]], caption: str
) -> bool:
    """Send files (by file_id) as one album with the caption on the first; False when
    Telegram refuses (the bot was removed from the chat, …): the proof is kept anyway."""
    try:
        if len(items) == 1:
            await _send_one(bot, chat_id, items[0], caption)
        else:
            media = [
                _input_media(media_type, file_id, caption if position == 0 else None)
                for position, (media_type, file_id) in enumerate(items)
            ]
            await bot.send_media_group(chat_id, media=media)  # type: ignore[arg-type]
    except TelegramAPIError as error:
        log.warning("media.album_not_sent", chat_id=chat_id, error=str(error))
        return False
    return True


async def _send_one(bot: Bot, chat_id: int, item: tuple[MediaType, str], caption: str) -> None:
    """An album needs 2–10 items: one file goes as a single message."""
    media_type, file_id = item
    if media_type == MediaType.PHOTO:
        await bot.send_photo(chat_id, photo=file_id, caption=caption)
    elif media_type == MediaType.VIDEO:
        await bot.send_video(chat_id, video=file_id, caption=caption)
    else:
        await bot.send_document(chat_id, document=file_id, caption=caption)
