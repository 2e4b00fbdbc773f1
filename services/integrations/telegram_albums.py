"""Files sent to a chat by their Telegram file_id: two to ten as one album with the
caption on the first, a single one as a plain photo, video or document message.
Telegram's refusals are raised as aiogram's errors; the caller decides what they mean."""

from aiogram import Bot
from aiogram.types import InputMediaDocument, InputMediaPhoto, InputMediaVideo

from services.platform.db.models import MediaType

InputMedia = InputMediaPhoto | InputMediaVideo | InputMediaDocument


def _input_media(media_type: MediaType, file_id: str, caption: str | None) -> InputMedia:
    if media_type == MediaType.PHOTO:
        return InputMediaPhoto(media=file_id, caption=caption)
    if media_type == MediaType.VIDEO:
        return InputMediaVideo(media=file_id, caption=caption)
    return InputMediaDocument(media=file_id, caption=caption)


async def send_files(
    bot: Bot, chat_id: int, items: list[tuple[MediaType, str]], caption: str
) -> None:
    if len(items) == 1:
        await _send_one(bot, chat_id, items[0], caption)
        return
    media = [
        _input_media(media_type, file_id, caption if position == 0 else None)
        for position, (media_type, file_id) in enumerate(items)
    ]
    await bot.send_media_group(chat_id, media=media)  # type: ignore[arg-type]


async def _send_one(bot: Bot, chat_id: int, item: tuple[MediaType, str], caption: str) -> None:
    """An album needs 2–10 items: one file goes as a single message."""
    media_type, file_id = item
    if media_type == MediaType.PHOTO:
        await bot.send_photo(chat_id, photo=file_id, caption=caption)
    elif media_type == MediaType.VIDEO:
        await bot.send_video(chat_id, video=file_id, caption=caption)
    else:
        await bot.send_document(chat_id, document=file_id, caption=caption)
