"""A Telegram user talking to the real Dispatcher in dialog tests.

Text goes through aiogram-dialog's `BotClient`; locations, photos, videos and albums are
built as real `Update`s here, dated by the test's clock (freshness checks use it)."""

import uuid
from datetime import datetime

from aiogram import Bot, Dispatcher
from aiogram.types import (
    Chat,
    Contact,
    Document,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Location,
    Message,
    MessageOriginUser,
    PhotoSize,
    Update,
    User,
    Venue,
    Video,
)
from aiogram_dialog.api.entities import NewMessage, OldMessage
from aiogram_dialog.test_tools import BotClient, MockMessageManager
from aiogram_dialog.test_tools.keyboard import InlineButtonTextLocator

from services.platform.clock import Clock

# Telegram refuses a button whose callback data is longer (BUTTON_DATA_INVALID).
CALLBACK_DATA_MAX_BYTES = 64


class TelegramLimitsMessageManager(MockMessageManager):
    """aiogram-dialog's mock, but a window Telegram would refuse (a button's callback
    data over 64 bytes: the dialog's id, the widget's and the item's) is recorded in
    `refused` and raised, as the bot would get Telegram's refusal."""

    def __init__(self) -> None:
        super().__init__()
        self.refused: list[str] = []

    async def show_message(
        self, bot: Bot, new_message: NewMessage, old_message: OldMessage | None
    ) -> OldMessage:
        markup = new_message.reply_markup
        for row in getattr(markup, "inline_keyboard", None) or []:
            for button in row:
                data = button.callback_data or ""
                if len(data.encode()) > CALLBACK_DATA_MAX_BYTES:
                    self.refused.append(f"{button.text!r}: {data!r}")
                    raise ValueError(f"Telegram would refuse the button {self.refused[-1]}")
        return await super().show_message(bot, new_message, old_message)


class DialogUser(BotClient):
    def __init__(
        self,
        dp: Dispatcher,
        message_manager: MockMessageManager,
        clock: Clock,
        *,
        telegram_id: int,
        first_name: str = "Anna",
        language_code: str | None = "ru",
        bot: Bot | None = None,
    ) -> None:
        super().__init__(dp, user_id=telegram_id, chat_id=telegram_id, bot=bot)
        self.user = User(
            id=telegram_id, is_bot=False, first_name=first_name, language_code=language_code
        )
        self.message_manager = message_manager
        self.clock = clock

    # What the user sees -------------------------------------------------------------
    def screen(self) -> Message:
        """The dialog's latest message to this user."""
        for message in reversed(self.message_manager.sent_messages):
            if message.chat.id == self.chat.id:
                return message
        raise AssertionError(f"user {self.user.id} has received no message")

    def text(self) -> str:
        message = self.screen()
        return message.text or message.caption or ""

    def buttons(self) -> list[str]:
        markup = self.screen().reply_markup
        if markup is None or not hasattr(markup, "inline_keyboard"):
            return []
        return [button.text for row in markup.inline_keyboard for button in row]

    # What the user does --------------------------------------------------------------
    async def press(self, button_text: str) -> None:
        await self.click(self.screen(), InlineButtonTextLocator(button_text))

    async def press_hidden(self, widget_and_item: str) -> None:
        """Press a button of this window that the user is not shown (say, one shown
        before their rights were taken away): the callback data goes onto the message's
        keyboard too, so the press gets past the on-screen check to the permission
        checks behind it."""
        screen = self.screen()
        assert isinstance(screen.reply_markup, InlineKeyboardMarkup)
        shown = screen.reply_markup.inline_keyboard
        intent_id = str(shown[0][0].callback_data).split("\x1d")[0]
        hidden = InlineKeyboardButton(
            text="hidden", callback_data=f"{intent_id}\x1d{widget_and_item}"
        )
        keyboard = InlineKeyboardMarkup(inline_keyboard=[*shown, [hidden]])
        message = screen.model_copy(update={"reply_markup": keyboard})
        await self.dp.feed_update(
            self.bot,
            Update(
                update_id=self._new_update_id(), callback_query=self._new_callback(message, hidden)
            ),
        )

    def _message(self, **content: object) -> Message:
        return Message(
            message_id=self._new_message_id(),
            date=content.pop("date", None) or self.clock.now(),
            chat=Chat(id=self.chat.id, type=self.chat.type),
            from_user=self.user,
            **content,
        )

    async def _feed(self, message: Message) -> None:
        await self.dp.feed_update(
            self.bot, Update(update_id=self._new_update_id(), message=message)
        )

    async def send_location(
        self,
        latitude: float,
        longitude: float,
        *,
        horizontal_accuracy: float | None = None,
        live_period: int | None = None,
        forwarded: bool = False,
        venue: bool = False,
        sent_at: datetime | None = None,
    ) -> Message:
        """Sends a location message; returns it (a live one is then moved with
        `move_live_location`)."""
        location = Location(
            latitude=latitude,
            longitude=longitude,
            horizontal_accuracy=horizontal_accuracy,
            live_period=live_period,
        )
        extra: dict[str, object] = {}
        if forwarded:
            extra["forward_origin"] = MessageOriginUser(
                date=self.clock.now(), sender_user=self.user
            )
        if venue:
            extra["venue"] = Venue(location=location, title="Place", address="Somewhere")
        message = self._message(location=location, date=sent_at, **extra)
        await self._feed(message)
        return message

    async def move_live_location(self, shared: Message, latitude: float, longitude: float) -> None:
        """The next update of the live location `shared`: Telegram edits that message
        with the new position and delivers it as an `edited_message`, now."""
        assert shared.location is not None and shared.location.live_period is not None
        moved = shared.model_copy(
            update={
                "location": Location(
                    latitude=latitude,
                    longitude=longitude,
                    live_period=shared.location.live_period,
                ),
                "edit_date": int(self.clock.now().timestamp()),
            }
        )
        await self.dp.feed_update(
            self.bot, Update(update_id=self._new_update_id(), edited_message=moved)
        )

    async def send_photo(
        self, *, caption: str | None = None, media_group_id: str | None = None
    ) -> str:
        file_id = f"photo-{uuid.uuid4().hex[:12]}"
        sizes = [
            PhotoSize(file_id=f"{file_id}-s", file_unique_id=f"{file_id}-us", width=90, height=90),
            PhotoSize(file_id=file_id, file_unique_id=f"u{file_id}", width=1280, height=960),
        ]
        await self._feed(self._message(photo=sizes, caption=caption, media_group_id=media_group_id))
        return file_id

    async def send_contact(self, phone_number: str, *, user_id: int | None = None) -> None:
        """Shares a contact, as Telegram's contact request button does (the user's own
        unless `user_id` says whose)."""
        contact = Contact(
            phone_number=phone_number,
            first_name=self.user.first_name,
            user_id=self.user.id if user_id is None else user_id,
        )
        await self._feed(self._message(contact=contact))

    async def send_video(self, *, caption: str | None = None) -> str:
        file_id = f"video-{uuid.uuid4().hex[:12]}"
        video = Video(
            file_id=file_id, file_unique_id=f"u{file_id}", width=640, height=480, duration=5
        )
        await self._feed(self._message(video=video, caption=caption))
        return file_id

    async def send_document(self, file_id: str, file_name: str) -> None:
        """A file sent as a document (register its bytes with the fake Telegram server
        first, so the bot can download it)."""
        document = Document(file_id=file_id, file_unique_id=f"u{file_id}", file_name=file_name)
        await self._feed(self._message(document=document))

    def album_updates(self, count: int) -> list[Update]:
        """`count` photo messages of one album, ready to be fed concurrently."""
        group = uuid.uuid4().hex[:8]
        updates = []
        for index in range(count):
            file_id = f"album-{group}-{index}"
            photo = [
                PhotoSize(file_id=file_id, file_unique_id=f"u{file_id}", width=800, height=600)
            ]
            message = self._message(photo=photo, media_group_id=group)
            updates.append(Update(update_id=self._new_update_id(), message=message))
        return updates
