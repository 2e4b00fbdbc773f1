"""Self-test of the fake Telegram Bot API server, driven by a real aiogram Bot over HTTP."""

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramRetryAfter,
    TelegramServerError,
    TelegramUnauthorizedError,
)
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    InaccessibleMessage,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InputMediaDocument,
    InputMediaPhoto,
    KeyboardButton,
    MenuButtonWebApp,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    Update,
    WebAppInfo,
)
from aiohttp import web

from tests.fakes.telegram_server import SECRET_TOKEN_HEADER, FakeTelegramServer

pytestmark = pytest.mark.asyncio

TOKEN = "123456:TEST-TOKEN"
USER_ID = 1001


def make_bot(server: FakeTelegramServer, token: str = TOKEN) -> Bot:
    return Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(server.base_url)))


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegramServer]:
    async with FakeTelegramServer(TOKEN) as server:
        yield server


@pytest.fixture
async def api_bot(fake: FakeTelegramServer) -> AsyncIterator[Bot]:
    bot = make_bot(fake)
    yield bot
    await bot.session.close()


def keyboard(*labels: str) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=label, callback_data=label.lower())] for label in labels
        ]
    )


class WebhookReceiver:
    """A tiny aiohttp app standing in for the bot's webhook endpoint."""

    def __init__(self, status: int = 200) -> None:
        self.status = status
        self.updates: list[dict] = []
        self.secrets: list[str | None] = []
        self.arrived = asyncio.Event()
        self.url = ""
        app = web.Application()
        app.router.add_post("/webhook", self._receive)
        self._runner = web.AppRunner(app, access_log=None)

    async def _receive(self, request: web.Request) -> web.Response:
        self.updates.append(await request.json())
        self.secrets.append(request.headers.get(SECRET_TOKEN_HEADER))
        self.arrived.set()
        return web.Response(status=self.status, text="handled")

    async def __aenter__(self) -> "WebhookReceiver":
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        self.url = f"http://127.0.0.1:{self._runner.addresses[0][1]}/webhook"
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self._runner.cleanup()


async def test_get_me_wrong_token_and_unknown_method(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    me = await api_bot.get_me()
    assert (me.id, me.username, me.is_bot) == (123456, "staffprobot_test_bot", True)

    intruder = make_bot(fake, token="999:WRONG")
    with pytest.raises(TelegramUnauthorizedError):
        await intruder.get_me()
    await intruder.session.close()

    async with aiohttp.ClientSession() as http:
        async with http.post(f"{fake.base_url}/bot{TOKEN}/noSuchMethod") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found: method not found",
            }
        async with http.get(f"{fake.base_url}/bot{TOKEN}/getMe") as response:
            assert (await response.json())["result"]["username"] == "staffprobot_test_bot"
    assert [call.error_code for call in fake.calls_of("noSuchMethod")] == [404]
    assert [call.method for call in fake.calls] == ["getMe", "getMe", "noSuchMethod", "getMe"]


async def test_send_message_state_and_reply_keyboard(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    fake.user(USER_ID, first_name="Anna", username="anna")
    first = await api_bot.send_message(
        USER_ID,
        "<b>Hello</b> &amp; welcome",
        parse_mode="HTML",
        reply_markup=keyboard("Yes", "No"),
    )
    assert first.text == "Hello & welcome"
    assert first.from_user is not None and first.from_user.id == fake.bot_id
    assert (first.chat.type, first.chat.first_name) == ("private", "Anna")
    assert abs(first.date.timestamp() - time.time()) < 5

    second = await api_bot.send_message(
        USER_ID,
        "Share location",
        reply_markup=ReplyKeyboardMarkup(
            keyboard=[[KeyboardButton(text="Send", request_location=True)]]
        ),
    )
    assert second.message_id == first.message_id + 1
    assert second.reply_markup is None
    assert fake.reply_keyboard(USER_ID)["keyboard"][0][0]["request_location"] is True

    await api_bot.send_message(USER_ID, "Thanks", reply_markup=ReplyKeyboardRemove())
    assert fake.reply_keyboard(USER_ID) is None

    messages = fake.chat_messages(USER_ID)
    assert [m["text"] for m in messages] == ["Hello & welcome", "Share location", "Thanks"]
    assert fake.buttons(messages[0]) == ["Yes", "No"]
    assert fake.last_message(USER_ID)["text"] == "Thanks"
    assert fake.last_message(42) is None

    params = fake.calls_of("sendMessage")[0].params
    assert params["chat_id"] == USER_ID
    assert params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "yes"


async def test_json_and_form_encoded_requests(fake: FakeTelegramServer) -> None:
    url = f"{fake.base_url}/bot{TOKEN}/sendMessage"
    markup = {"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}
    async with aiohttp.ClientSession() as http:
        async with http.post(
            url, json={"chat_id": USER_ID, "text": "123", "reply_markup": markup}
        ) as response:
            assert (await response.json())["result"]["text"] == "123"
        form = {"chat_id": str(USER_ID), "text": "true", "reply_markup": '{"inline_keyboard": []}'}
        async with http.post(url, data=form) as response:
            assert (await response.json())["result"]["text"] == "true"
    first, second = fake.chat_messages(USER_ID)
    assert first["reply_markup"] == markup
    assert second["reply_markup"] == {"inline_keyboard": []}


async def test_edit_delete_and_not_modified(fake: FakeTelegramServer, api_bot: Bot) -> None:
    sent = await api_bot.send_message(USER_ID, "Shift 1", reply_markup=keyboard("Open"))
    mark = len(fake.calls)
    await api_bot.edit_message_text(
        "Shift 1 <i>opened</i>",
        chat_id=USER_ID,
        message_id=sent.message_id,
        parse_mode="HTML",
        reply_markup=keyboard("Close"),
    )
    edited = await fake.wait_for_message(USER_ID, text_contains="opened", after_call=mark)
    assert edited["text"] == "Shift 1 opened"
    assert "edit_date" in edited
    assert fake.buttons(fake.last_message(USER_ID)) == ["Close"]

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await api_bot.edit_message_text(
            "Shift 1 opened",
            chat_id=USER_ID,
            message_id=sent.message_id,
            reply_markup=keyboard("Close"),
        )
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await api_bot.edit_message_text("x", chat_id=USER_ID, message_id=999)

    await api_bot.edit_message_reply_markup(chat_id=USER_ID, message_id=sent.message_id)
    assert fake.buttons(fake.last_message(USER_ID)) == []

    assert await api_bot.delete_message(USER_ID, sent.message_id)
    assert fake.chat_messages(USER_ID) == []
    with pytest.raises(TelegramBadRequest, match="message to delete not found"):
        await api_bot.delete_message(USER_ID, sent.message_id)


async def test_a_button_with_callback_data_over_64_bytes_is_refused(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    def markup(data: str) -> InlineKeyboardMarkup:
        button = InlineKeyboardButton(text="Open", callback_data=data)
        return InlineKeyboardMarkup(inline_keyboard=[[button]])

    sent = await api_bot.send_message(USER_ID, "Shift", reply_markup=markup("ё" * 32))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await api_bot.send_message(USER_ID, "Shift", reply_markup=markup("x" * 65))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await api_bot.edit_message_reply_markup(
            chat_id=USER_ID, message_id=sent.message_id, reply_markup=markup("ё" * 33)
        )


async def test_press_buttons_and_answer_callbacks(fake: FakeTelegramServer, api_bot: Bot) -> None:
    user = fake.user(USER_ID)
    older = await api_bot.send_message(USER_ID, "Old menu", reply_markup=keyboard("Report"))
    menu = await api_bot.send_message(USER_ID, "Menu", reply_markup=keyboard("Yes all", "Yes"))

    update = await fake.press(user, "Yes")
    query = Update.model_validate(update, context={"bot": api_bot}).callback_query
    assert query is not None
    assert (query.data, query.from_user.id) == ("yes", USER_ID)
    assert isinstance(query.message, Message) and query.message.message_id == menu.message_id

    assert (await fake.press(user, "all"))["callback_query"]["data"] == "yes all"
    report = await fake.press(user, "Report")
    assert report["callback_query"]["message"]["message_id"] == older.message_id
    pinned = await fake.press(user, "Yes", message_id=menu.message_id)
    assert pinned["callback_query"]["data"] == "yes"

    with pytest.raises(AssertionError, match="Yes all"):
        await fake.press(user, "Missing")

    received = await api_bot.get_updates()
    assert [u.callback_query.data for u in received] == ["yes", "yes all", "report", "yes"]
    assert len({u.callback_query.id for u in received}) == 4
    assert await api_bot.answer_callback_query(received[0].callback_query.id, text="ok")
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await api_bot.answer_callback_query(received[0].callback_query.id)

    stale = await fake.press_callback(user, "shift:42", message_id=777)
    stale_query = Update.model_validate(stale, context={"bot": api_bot}).callback_query
    assert stale_query.data == "shift:42"
    assert isinstance(stale_query.message, InaccessibleMessage)
    assert stale_query.message.message_id == 777


async def test_get_updates_long_poll_and_offset(fake: FakeTelegramServer, api_bot: Bot) -> None:
    user = fake.user(USER_ID, language_code="uz")
    poll = asyncio.create_task(api_bot.get_updates(timeout=5))
    await asyncio.sleep(0.3)
    assert not poll.done()

    started = time.monotonic()
    injected = await fake.send_text(user, "/start invite42")
    received = await asyncio.wait_for(poll, 2)
    assert time.monotonic() - started < 1
    message = received[0].message
    assert received[0].update_id == injected["update_id"]
    assert message.text == "/start invite42"
    assert message.from_user.language_code == "uz"
    assert [(e.type, e.offset, e.length) for e in message.entities] == [("bot_command", 0, 6)]

    await fake.send_text(user, "second")
    again = await api_bot.get_updates(offset=received[-1].update_id + 1, timeout=0)
    assert [u.message.text for u in again] == ["second"]
    assert again[0].message.message_id == message.message_id + 1
    assert await api_bot.get_updates(offset=again[-1].update_id + 1, timeout=0) == []


async def test_dispatcher_polling_round_trip(fake: FakeTelegramServer, api_bot: Bot) -> None:
    user = fake.user(USER_ID)
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {message.text}")

    polling = asyncio.create_task(
        dispatcher.start_polling(api_bot, handle_signals=False, polling_timeout=1)
    )
    mark = len(fake.calls)
    await fake.send_text(user, "hi")
    reply = await fake.wait_for_message(USER_ID, text_contains="echo: hi", after_call=mark)
    assert reply["chat"]["id"] == USER_ID
    await dispatcher.stop_polling()
    await polling


async def test_webhook_delivery_secret_failures_and_concurrency(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    user = fake.user(USER_ID)
    async with WebhookReceiver() as receiver:
        assert await api_bot.set_webhook(receiver.url, secret_token="s3cret")
        assert (await api_bot.get_webhook_info()).url == receiver.url

        update = await fake.send_text(user, "hello")
        assert receiver.updates == [update]
        assert receiver.secrets == ["s3cret"]

        with pytest.raises(TelegramConflictError):
            await api_bot.get_updates()

        await asyncio.gather(*(fake.send_text(user, f"m{i}") for i in range(300)))
        assert len({u["update_id"] for u in receiver.updates}) == 301
        assert fake.webhook_failures == []

        receiver.status = 500
        failed = await fake.send_text(user, "boom")
        assert [(f.update, f.status, f.body) for f in fake.webhook_failures] == [
            (failed, 500, "handled")
        ]
        assert "500" in (await api_bot.get_webhook_info()).last_error_message
        assert len(receiver.updates) == 302

    with pytest.raises(TelegramBadRequest, match="bad webhook"):
        await api_bot.set_webhook("https://example.com/webhook")

    assert await api_bot.delete_webhook()
    await fake.send_text(user, "polling again")
    assert [u.message.text for u in await api_bot.get_updates()] == ["polling again"]


async def test_updates_queued_before_webhook_are_delivered(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    user = fake.user(USER_ID)
    queued = await fake.send_text(user, "early")
    async with WebhookReceiver() as receiver:
        await api_bot.set_webhook(receiver.url)
        await asyncio.wait_for(receiver.arrived.wait(), 5)
        assert receiver.updates == [queued]
        assert receiver.secrets == [None]


async def test_user_photo_get_file_download_and_range(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    user = fake.user(USER_ID)
    data = b"\x89PNG proof photo bytes"
    update = await fake.send_photo(user, data, caption="proof", media_group_id="album1")
    message = Update.model_validate(update, context={"bot": api_bot}).message
    assert (message.caption, message.media_group_id, len(message.photo)) == ("proof", "album1", 2)
    assert message.photo[0].width < message.photo[-1].width

    file = await api_bot.get_file(message.photo[-1].file_id)
    assert file.file_size == len(data)
    assert (await api_bot.download_file(file.file_path)).read() == data
    assert (await api_bot.download(message.photo[0])).read() == data

    file_url = f"{fake.base_url}/file/bot{TOKEN}/{file.file_path}"
    async with aiohttp.ClientSession() as http:
        async with http.get(file_url, headers={"Range": "bytes=1-4"}) as response:
            assert response.status == 206
            assert await response.read() == data[1:5]
            assert response.headers["Content-Range"] == f"bytes 1-4/{len(data)}"
        async with http.get(file_url, headers={"Range": "bytes=-5"}) as response:
            assert (response.status, await response.read()) == (206, data[-5:])
        async with http.get(file_url.replace(TOKEN, "1:BAD")) as response:
            assert response.status == 401
        async with http.get(f"{fake.base_url}/file/bot{TOKEN}/files/none") as response:
            assert response.status == 404

    file_id = fake.add_file(b"seeded", file_unique_id="seed-1")
    seeded = await api_bot.get_file(file_id)
    assert seeded.file_unique_id == "seed-1"
    assert (await api_bot.download_file(seeded.file_path)).read() == b"seeded"
    with pytest.raises(TelegramBadRequest, match="invalid file_id"):
        await api_bot.get_file("nope")


async def test_multipart_uploads_and_file_id_reuse(fake: FakeTelegramServer, api_bot: Bot) -> None:
    photo = await api_bot.send_photo(
        USER_ID,
        BufferedInputFile(b"image-bytes", filename="shift.jpg"),
        caption="<i>Report</i>",
        parse_mode="HTML",
        reply_markup=keyboard("Approve"),
    )
    assert photo.caption == "Report"
    assert fake.calls_of("sendPhoto")[0].params["photo"].startswith("attach://")
    assert (await api_bot.download(photo.photo[-1])).read() == b"image-bytes"
    assert fake.buttons(fake.last_message(USER_ID)) == ["Approve"]

    resent = await api_bot.send_photo(USER_ID, photo.photo[-1].file_id)
    assert resent.photo[-1].file_id == photo.photo[-1].file_id

    document = await api_bot.send_document(
        USER_ID, BufferedInputFile(b"xlsx-bytes", filename="payroll.xlsx")
    )
    assert document.document.file_name == "payroll.xlsx"
    assert (await api_bot.download(document.document)).read() == b"xlsx-bytes"

    video = await api_bot.send_video(USER_ID, BufferedInputFile(b"mp4", filename="clip.mp4"))
    assert video.video.file_size == 3

    with pytest.raises(TelegramBadRequest, match="wrong file identifier"):
        await api_bot.send_photo(USER_ID, "unknown-file-id")


async def test_send_media_group_and_edit_media(fake: FakeTelegramServer, api_bot: Bot) -> None:
    album = await api_bot.send_media_group(
        USER_ID,
        [
            InputMediaPhoto(media=BufferedInputFile(b"one", "1.jpg"), caption="first"),
            InputMediaPhoto(media=BufferedInputFile(b"two", "2.jpg")),
        ],
    )
    assert [m.caption for m in album] == ["first", None]
    assert album[0].media_group_id == album[1].media_group_id is not None
    assert (await api_bot.download(album[1].photo[-1])).read() == b"two"
    assert len(fake.chat_messages(USER_ID)) == 2
    album_call = await fake.wait_for_message(USER_ID, text_contains="first")
    assert album_call["message_id"] == album[0].message_id

    with pytest.raises(TelegramBadRequest, match="2 to 10"):
        await api_bot.send_media_group(USER_ID, [InputMediaPhoto(media=album[0].photo[-1].file_id)])

    captioned = await api_bot.edit_message_caption(
        chat_id=USER_ID, message_id=album[0].message_id, caption="renamed"
    )
    assert captioned.caption == "renamed"
    replaced = await api_bot.edit_message_media(
        InputMediaDocument(media=BufferedInputFile(b"pdf", "act.pdf"), caption="act"),
        chat_id=USER_ID,
        message_id=album[0].message_id,
    )
    assert (replaced.photo, replaced.document.file_name, replaced.caption) == (
        None,
        "act.pdf",
        "act",
    )
    text_message = await api_bot.send_message(USER_ID, "plain")
    with pytest.raises(TelegramBadRequest, match="no caption"):
        await api_bot.edit_message_caption(
            chat_id=USER_ID, message_id=text_message.message_id, caption="x"
        )


async def test_fail_next_and_blocked_chat(fake: FakeTelegramServer, api_bot: Bot) -> None:
    fake.fail_next("sendMessage", error_code=500, description="Internal Server Error")
    with pytest.raises(TelegramServerError):
        await api_bot.send_message(USER_ID, "first")
    assert (await api_bot.send_message(USER_ID, "second")).text == "second"

    fake.fail_next(
        "sendMessage", error_code=400, description="Bad Request: nope", chat_id=7, times=2
    )
    assert await api_bot.send_message(USER_ID, "other chat unaffected")
    for _ in range(2):
        with pytest.raises(TelegramBadRequest, match="nope"):
            await api_bot.send_message(7, "x")
    assert await api_bot.send_message(7, "recovered")

    fake.fail_next("sendMessage", error_code=429, description="Too Many Requests", retry_after=3)
    with pytest.raises(TelegramRetryAfter) as retry:
        await api_bot.send_message(USER_ID, "limited")
    assert retry.value.retry_after == 3
    assert fake.too_many_requests == 1

    fake.block_chat(USER_ID)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await api_bot.send_message(USER_ID, "hello?")
    with pytest.raises(TelegramForbiddenError):
        await api_bot.send_chat_action(USER_ID, "typing")
    assert await api_bot.send_message(7, "others still fine")
    assert [c.error_code for c in fake.calls_of("sendMessage")] == [
        500,
        None,
        None,
        400,
        400,
        None,
        429,
        403,
        None,
    ]


async def test_limits_per_private_chat_group_and_global() -> None:
    async with FakeTelegramServer(
        TOKEN, enforce_limits=True, global_per_second=3, private_per_second=1, group_per_minute=2
    ) as server:
        bot = make_bot(server)
        await bot.send_message(USER_ID, "one")
        with pytest.raises(TelegramRetryAfter) as private_retry:
            await bot.send_message(USER_ID, "two")
        assert private_retry.value.retry_after == 1
        assert await bot.send_chat_action(USER_ID, "typing")

        await bot.send_message(-100, "g1")
        await bot.send_message(-100, "g2")
        with pytest.raises(TelegramRetryAfter) as global_retry:
            await bot.send_message(2002, "third chat")
        assert global_retry.value.retry_after == 1

        await asyncio.sleep(1.05)
        with pytest.raises(TelegramRetryAfter) as group_retry:
            await bot.send_message(-100, "g3")
        assert 55 <= group_retry.value.retry_after <= 60
        assert (await bot.send_message(USER_ID, "two again")).text == "two again"
        assert server.too_many_requests == 3
        response = server.calls_of("sendMessage")[1].response
        assert response["description"] == "Too Many Requests: retry after 1"
        assert response["parameters"] == {"retry_after": 1}
        await bot.session.close()


async def test_location_updates_validate_as_aiogram_messages(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    user = fake.user(USER_ID)

    def parse(update: dict) -> Message:
        return Update.model_validate(update, context={"bot": api_bot}).message

    plain = parse(await fake.send_location(user, 55.75, 37.61, horizontal_accuracy=12.5))
    assert (plain.location.latitude, plain.location.horizontal_accuracy) == (55.75, 12.5)
    assert plain.forward_origin is None and plain.venue is None

    live = parse(await fake.send_location(user, 55.0, 37.0, live_period=900))
    assert live.location.live_period == 900

    forwarded = parse(await fake.send_location(user, 1.0, 2.0, forwarded=True, date=1_700_000_000))
    assert forwarded.forward_origin.type == "user"
    assert forwarded.forward_origin.sender_user.id == USER_ID
    assert forwarded.forward_date.timestamp() == 1_700_000_000
    assert forwarded.date.timestamp() == 1_700_000_000

    venue = parse(await fake.send_location(user, 3.0, 4.0, venue=True))
    assert (venue.venue.location.latitude, venue.location.longitude) == (3.0, 4.0)

    sent = await api_bot.send_location(USER_ID, latitude=10.0, longitude=20.0)
    assert (sent.location.latitude, sent.location.longitude) == (10.0, 20.0)


async def test_groups_chats_commands_and_message_copies(
    fake: FakeTelegramServer, api_bot: Bot
) -> None:
    user = fake.user(USER_ID, first_name="Oleg")
    group = fake.group(-100500, "Night shift")
    joined = Update.model_validate(
        await fake.add_bot_to_group(user, group), context={"bot": api_bot}
    )
    assert joined.my_chat_member.new_chat_member.status == "member"
    assert joined.my_chat_member.chat.title == "Night shift"

    in_group = await fake.send_text(user, "/report@staffprobot_test_bot", chat_id=group.id)
    assert in_group["message"]["chat"]["type"] == "group"
    assert fake.chat_messages(group.id) == []

    assert (await api_bot.get_chat(group.id)).title == "Night shift"
    assert (await api_bot.get_chat(USER_ID)).first_name == "Oleg"
    member = await api_bot.get_chat_member(group.id, USER_ID)
    assert (member.status, member.user.id) == ("member", USER_ID)

    commands = [BotCommand(command="start", description="Start")]
    assert await api_bot.set_my_commands(commands)
    assert [(c.command, c.description) for c in await api_bot.get_my_commands()] == [
        ("start", "Start")
    ]
    assert await api_bot.delete_my_commands()
    assert await api_bot.get_my_commands() == []

    menu = MenuButtonWebApp(text="Open", web_app=WebAppInfo(url="https://example.com/app"))
    assert await api_bot.set_chat_menu_button(chat_id=USER_ID, menu_button=menu)
    assert (await api_bot.get_chat_menu_button(chat_id=USER_ID)).text == "Open"
    assert (await api_bot.get_chat_menu_button()).type == "default"

    original = await api_bot.send_message(USER_ID, "Payroll ready")
    assert await api_bot.pin_chat_message(USER_ID, original.message_id)
    assert await api_bot.unpin_chat_message(USER_ID)
    copied = await api_bot.copy_message(group.id, USER_ID, original.message_id)
    mark = len(fake.calls) - 1
    assert (await fake.wait_for_message(group.id, after_call=mark))["text"] == "Payroll ready"
    assert fake.last_message(group.id)["message_id"] == copied.message_id
    forwarded = await api_bot.forward_message(group.id, USER_ID, original.message_id)
    assert forwarded.forward_origin.date == original.date

    assert await api_bot.delete_messages(group.id, [copied.message_id, forwarded.message_id])
    assert fake.chat_messages(group.id) == []
    assert await api_bot.send_chat_action(group.id, "typing")
    assert await api_bot.log_out()
    assert await api_bot.close()


async def test_waiting_helpers(fake: FakeTelegramServer, api_bot: Bot) -> None:
    waiting = asyncio.create_task(
        fake.wait_for_call("sendMessage", predicate=lambda c: c.params["text"] == "late")
    )
    await api_bot.send_message(USER_ID, "early")
    await asyncio.sleep(0.05)
    assert not waiting.done()
    await api_bot.send_message(USER_ID, "late")
    call = await asyncio.wait_for(waiting, 2)
    assert call.result["text"] == "late"
    assert call.at <= time.monotonic()

    with pytest.raises(TimeoutError, match=r"sendMessage\(chat_id=1001, text='late'\) -> ok"):
        await fake.wait_for_message(USER_ID, text_contains="never", timeout=0.2)
    mark = len(fake.calls)
    with pytest.raises(TimeoutError, match="no API calls from #2"):
        await fake.wait_for_message(USER_ID, timeout=0.1, after_call=mark)
