"""Fake Telegram Bot API server for end-to-end tests.

It serves the Bot API over real HTTP on 127.0.0.1, so an unmodified aiogram ``Bot``
(``AiohttpSession(api=TelegramAPIServer.from_base(server.base_url))``) and the webapp
talk to it exactly as they would talk to Telegram. A test injects updates the way a
user would produce them (text, button presses, locations, photos, being added to a
group); they answer the bot's ``getUpdates`` long poll or are POSTed to the webhook
the bot set. The test then reads what the bot did: every API call in order and the
current state of each chat. Errors, blocked users, a bot removed from a group, a group
upgraded to a supergroup and rate limits can be injected.

Only loopback webhooks are accepted, so a test can never make this server send
traffic off the machine.
"""

from __future__ import annotations

import asyncio
import contextlib
import copy
import ipaddress
import json
import math
import re
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from types import TracebackType
from typing import Any, Self, TypeVar
from urllib.parse import urlsplit

import aiohttp
from aiohttp import web

JsonDict = dict[str, Any]
_T = TypeVar("_T")

SECRET_TOKEN_HEADER = "X-Telegram-Bot-Api-Secret-Token"

_MAX_UPLOAD_BYTES = 50 * 1024 * 1024
_SHUTDOWN_GRACE_SECONDS = 1.0
_WEBHOOK_TIMEOUT_SECONDS = 60.0
# Telegram gives up on an update only after "a reasonable amount of attempts" (hours);
# the fake gives up after this long, and says so in `undelivered`.
_REDELIVERY_WINDOW_SECONDS = 120.0
_SUPERGROUP_ID_BOUND = -1_000_000_000_000
_CALLBACK_DATA_MAX_BYTES = 64
_MAX_UPDATES_PER_POLL = 100
_CALLS_IN_DUMP = 25

# Sending methods: counted by the rate limits and refused for blocked chats.
_SENDING_METHODS = frozenset(
    {
        "sendMessage",
        "sendPhoto",
        "sendVideo",
        "sendDocument",
        "sendMediaGroup",
        "sendLocation",
        "copyMessage",
        "forwardMessage",
    }
)
_CHAT_ACTION_METHOD = "sendChatAction"
_ADMIN_RIGHTS = (
    "can_manage_chat",
    "can_delete_messages",
    "can_manage_video_chats",
    "can_restrict_members",
    "can_promote_members",
    "can_change_info",
    "can_invite_users",
    "can_post_stories",
    "can_edit_stories",
    "can_delete_stories",
    "can_send_welcome_messages",
    "can_post_messages",
)

# Parameters that are strings in the Bot API even when their value looks like JSON;
# every other form value is JSON-decoded (numbers, booleans, reply_markup, media...).
_STRING_PARAMS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "url",
        "secret_token",
        "callback_query_id",
        "action",
        "photo",
        "video",
        "document",
        "file_id",
        "inline_message_id",
        "language_code",
    }
)

# Message fields that carry content (copied by copyMessage and forwardMessage).
_CONTENT_KEYS = ("text", "photo", "video", "document", "caption", "location", "venue")
_MEDIA_KEYS = ("photo", "video", "document")

_PHOTO_SIZES = ((90, 90), (1280, 960))
_VIDEO_SIZE = (640, 480)

_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply "
    "markup are exactly the same as a current content and reply markup of the message"
)
_WRONG_FILE = "Bad Request: wrong file identifier/HTTP URL specified"
_GROUP_UPGRADED = "Bad Request: group chat was upgraded to a supergroup chat"
_BOT_KICKED = "Forbidden: bot was kicked from the group chat"
_QUERY_TOO_OLD = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_WEBHOOK_CONFLICT = (
    "Conflict: can't use getUpdates method while webhook is active; "
    "use deleteWebhook to delete the webhook first"
)


@dataclass
class ApiCall:
    """One Bot API request as the server received and answered it."""

    method: str
    params: JsonDict
    at: float
    response: JsonDict | None = None  # the whole JSON body; None while in flight
    error_code: int | None = None

    @property
    def result(self) -> Any:
        """The ``result`` of a successful answer, else None."""
        return None if self.response is None else self.response.get("result")


@dataclass(frozen=True)
class FakeUser:
    """A Telegram user; their private chat with the bot has the same id."""

    id: int
    first_name: str = "Test"
    username: str | None = None
    language_code: str | None = "ru"

    def to_dict(self) -> JsonDict:
        user: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.username is not None:
            user["username"] = self.username
        if self.language_code is not None:
            user["language_code"] = self.language_code
        return user

    def private_chat(self) -> JsonDict:
        chat: JsonDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.username is not None:
            chat["username"] = self.username
        return chat


@dataclass(frozen=True)
class FakeChat:
    """A group or supergroup (negative id)."""

    id: int
    type: str
    title: str

    def to_dict(self) -> JsonDict:
        return {"id": self.id, "type": self.type, "title": self.title}


@dataclass(frozen=True)
class WebhookFailure:
    """An update the webhook receiver did not accept (non-2xx or no answer)."""

    update: JsonDict
    status: int | None
    body: str
    date: int


@dataclass(frozen=True)
class _StoredFile:
    file_id: str
    file_unique_id: str
    file_path: str
    file_name: str
    data: bytes

    def describe(self) -> JsonDict:
        return {
            "file_id": self.file_id,
            "file_unique_id": self.file_unique_id,
            "file_size": len(self.data),
        }


@dataclass(frozen=True)
class _Upload:
    filename: str
    data: bytes


@dataclass
class _FailureRule:
    method: str
    error_code: int
    description: str
    retry_after: int | None
    chat_id: int | None
    remaining: int

    def matches(self, method: str, chat_id: Any) -> bool:
        return self.method == method and self.chat_id in (None, chat_id)


@dataclass
class _DelayRule:
    method: str
    seconds: float
    chat_id: int | None
    remaining: int

    def matches(self, method: str, chat_id: Any) -> bool:
        return self.method == method and self.chat_id in (None, chat_id)


class ApiError(Exception):
    """An error answer of the Bot API."""

    def __init__(
        self,
        error_code: int,
        description: str,
        retry_after: int | None = None,
        migrate_to_chat_id: int | None = None,
    ):
        super().__init__(description)
        self.error_code = error_code
        self.description = description
        self.retry_after = retry_after
        self.migrate_to_chat_id = migrate_to_chat_id

    def body(self) -> JsonDict:
        body: JsonDict = {
            "ok": False,
            "error_code": self.error_code,
            "description": self.description,
        }
        parameters = {
            name: value
            for name, value in (
                ("retry_after", self.retry_after),
                ("migrate_to_chat_id", self.migrate_to_chat_id),
            )
            if value is not None
        }
        if parameters:
            body["parameters"] = parameters
        return body


@dataclass
class _Request:
    """Decoded parameters and uploaded files of one API request."""

    params: JsonDict
    uploads: dict[str, _Upload]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)

    def require(self, key: str) -> Any:
        value = self.params.get(key)
        if value is None or value == "":
            raise ApiError(400, f"Bad Request: {key} is empty")
        return value

    def chat_id(self, key: str = "chat_id") -> int:
        value = self.require(key)
        if not isinstance(value, int):
            raise ApiError(400, "Bad Request: chat not found")
        return value


class _RateLimiter:
    """Sliding-window send counters: overall, per private chat and per group."""

    def __init__(self, global_per_second: int, private_per_second: int, group_per_minute: int):
        self._global = global_per_second
        self._private = private_per_second
        self._group = group_per_minute
        self._windows: dict[object, deque[float]] = defaultdict(deque)

    def acquire(self, chat_id: Any) -> int | None:
        """Count one send; return the seconds to wait instead if a limit is reached."""
        now = time.monotonic()
        limits: list[tuple[object, int, float]] = [("global", self._global, 1.0)]
        if isinstance(chat_id, int):
            if chat_id > 0:
                limits.append((chat_id, self._private, 1.0))
            else:
                limits.append((chat_id, self._group, 60.0))
        wait = max(self._wait(key, limit, window, now) for key, limit, window in limits)
        if wait > 0:
            return max(1, math.ceil(wait))
        for key, _, _ in limits:
            self._windows[key].append(now)
        return None

    def _wait(self, key: object, limit: int, window: float, now: float) -> float:
        sent = self._windows[key]
        while sent and sent[0] <= now - window:
            sent.popleft()
        return 0.0 if len(sent) < limit else sent[0] + window - now


# The tags Telegram's HTML parse mode accepts; anything else is refused, as are unclosed
# or crossed tags (so an unescaped "<script>" from user input fails as it would live).
_HTML_TAGS = frozenset(
    {"a", "b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler"}
    | {"code", "pre", "blockquote", "tg-emoji"}
)
_CANT_PARSE = "Bad Request: can't parse entities"
_MAX_TEXT_LENGTH = 4096
_MAX_CAPTION_LENGTH = 1024


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.open_tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HTML_TAGS:
            raise ApiError(400, f'{_CANT_PARSE}: unsupported start tag "{tag}"')
        self.open_tags.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_tags or self.open_tags[-1] != tag:
            raise ApiError(400, f'{_CANT_PARSE}: unexpected end tag "{tag}"')
        self.open_tags.pop()

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def close(self) -> None:
        super().close()
        if self.open_tags:
            raise ApiError(400, f'{_CANT_PARSE}: no end tag for "{self.open_tags[-1]}"')


def _plain_text(text: str, parse_mode: Any, limit: int = _MAX_TEXT_LENGTH) -> str:
    """The text as Telegram shows it: HTML markup removed and entities unescaped.
    Refused like Telegram does: malformed HTML, empty, or longer than `limit`."""
    plain = text
    if isinstance(parse_mode, str) and parse_mode.upper() == "HTML":
        parser = _HtmlText()
        parser.feed(text)
        parser.close()
        plain = "".join(parser.parts)
    if not plain.strip():
        raise ApiError(400, "Bad Request: message text is empty")
    if len(plain.encode("utf-16-le")) // 2 > limit:
        what = "message caption" if limit < _MAX_TEXT_LENGTH else "message"
        raise ApiError(400, f"Bad Request: {what} is too long")
    return plain


def _decode_param(key: str, value: Any) -> Any:
    if key in _STRING_PARAMS or not isinstance(value, str):
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


async def _read_request(request: web.Request) -> _Request:
    raw: JsonDict = dict(request.query)
    uploads: dict[str, _Upload] = {}
    if request.content_type == "application/json":
        body = await request.json()
        if not isinstance(body, dict):
            raise ApiError(400, "Bad Request: request body must be a JSON object")
        raw.update(body)
    elif request.can_read_body:
        for key, value in (await request.post()).items():
            if isinstance(value, web.FileField):
                uploads[key] = _Upload(value.filename, value.file.read())
            else:
                raw[key] = value
    return _Request({key: _decode_param(key, value) for key, value in raw.items()}, uploads)


def _caption(source: JsonDict) -> JsonDict:
    caption = source.get("caption")
    if not caption:
        return {}
    return {"caption": _plain_text(caption, source.get("parse_mode"), _MAX_CAPTION_LENGTH)}


def _command_entities(text: str) -> JsonDict:
    command = re.match(r"/\S+", text)
    if command is None:
        return {}
    length = len(command.group().encode("utf-16-le")) // 2
    return {"entities": [{"type": "bot_command", "offset": 0, "length": length}]}


def _inline_buttons(message: JsonDict) -> list[JsonDict]:
    markup = message.get("reply_markup") or {}
    return [button for row in markup.get("inline_keyboard", []) for button in row]


def _match_button(message: JsonDict, text: str) -> JsonDict | None:
    buttons = _inline_buttons(message)
    exact = [button for button in buttons if button.get("text") == text]
    partial = [button for button in buttons if text in button.get("text", "")]
    matches = exact or partial
    return matches[0] if matches else None


def _message_text(message: JsonDict) -> str:
    return message.get("text") or message.get("caption") or ""


def _is_loopback_url(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _describe_call(index: int, call: ApiCall) -> str:
    shown = ", ".join(
        f"{key}={_shorten(repr(value))}"
        for key, value in call.params.items()
        if key in ("chat_id", "message_id", "text", "caption", "callback_query_id", "url")
    )
    if call.response is None:
        outcome = "(in flight)"
    elif call.error_code is None:
        outcome = "ok"
    else:
        outcome = f"{call.error_code} {call.response.get('description')}"
    return f"  #{index} {call.method}({shown}) -> {outcome}"


def _shorten(text: str, width: int = 80) -> str:
    return text if len(text) <= width else text[: width - 3] + "..."


Handler = Callable[[_Request], Awaitable[Any]]


class FakeTelegramServer:
    """A Bot API server for one bot token, listening on a random loopback port."""

    def __init__(
        self,
        token: str = "123456:TEST-TOKEN",
        *,
        bot_id: int = 123456,
        bot_username: str = "staffprobot_test_bot",
        enforce_limits: bool = False,
        global_per_second: int = 30,
        private_per_second: int = 1,
        group_per_minute: int = 20,
        redeliver_after_seconds: float | None = None,
        verify_webhook_tls: bool = True,
    ) -> None:
        """`redeliver_after_seconds`: as Telegram does, POST an update the webhook did not
        accept again after that pause, until it is accepted (else it is only recorded in
        `webhook_failures`); one still refused after `_REDELIVERY_WINDOW_SECONDS` is
        given up and kept in `undelivered`. `verify_webhook_tls=False` accepts a
        self-signed webhook."""
        self.token = token
        self._redeliver_after_seconds = redeliver_after_seconds
        self._verify_webhook_tls = verify_webhook_tls
        self.bot_id = bot_id
        self.bot_username = bot_username
        self.base_url = ""
        self.calls: list[ApiCall] = []
        self.webhook_failures: list[WebhookFailure] = []
        self.undelivered: list[JsonDict] = []
        self.too_many_requests = 0
        self._limiter = (
            _RateLimiter(global_per_second, private_per_second, group_per_minute)
            if enforce_limits
            else None
        )
        self._failures: list[_FailureRule] = []
        self._delays: list[_DelayRule] = []
        self._blocked: set[int] = set()
        self._kicked_from: set[int] = set()
        self._migrated: dict[int, int] = {}
        self._users: dict[int, FakeUser] = {}
        self._groups: dict[int, FakeChat] = {}
        # Chats (channels, groups) where the bot has been made an administrator.
        self._bot_admin_in: set[int] = set()
        self._messages: dict[int, dict[int, JsonDict]] = defaultdict(dict)
        self._last_message_id: dict[int, int] = defaultdict(int)
        self._reply_keyboards: dict[int, JsonDict] = {}
        self._files: dict[str, _StoredFile] = {}
        self._files_by_path: dict[str, _StoredFile] = {}
        self._open_callback_queries: set[str] = set()
        self._commands: dict[tuple[str, str], list[JsonDict]] = {}
        self._menu_buttons: dict[int | None, JsonDict] = {}
        self._pending_updates: list[JsonDict] = []
        self._last_update_id = 0
        self._counter = 0
        self._webhook_url: str | None = None
        self._webhook_secret: str | None = None
        self._changed = asyncio.Event()
        self._closing = False
        self._runner: web.AppRunner | None = None
        self._http: aiohttp.ClientSession | None = None
        self._flush_task: asyncio.Task[None] | None = None
        self._methods: dict[str, tuple[str, Handler]] = {
            name.lower(): (name, handler) for name, handler in self._handlers().items()
        }

    # ------------------------------------------------------------------ lifecycle

    async def start(self) -> None:
        app = web.Application(client_max_size=_MAX_UPLOAD_BYTES)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{file_path:.+}", self._handle_file)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=_SHUTDOWN_GRACE_SECONDS)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        port = self._runner.addresses[0][1]
        self.base_url = f"http://127.0.0.1:{port}"
        self._http = aiohttp.ClientSession()

    async def stop(self) -> None:
        self._closing = True
        self._notify()
        if self._flush_task is not None:
            self._flush_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._flush_task
        if self._http is not None:
            await self._http.close()
        if self._runner is not None:
            await self._runner.cleanup()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.stop()

    # ------------------------------------------------------------------ test controls

    def calls_of(self, method: str) -> list[ApiCall]:
        return [call for call in self.calls if call.method == method]

    def fail_next(
        self,
        method: str,
        *,
        error_code: int,
        description: str = "",
        retry_after: int | None = None,
        chat_id: int | None = None,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` (to ``chat_id`` if given) with an error."""
        self._failures.append(
            _FailureRule(
                method=method,
                error_code=error_code,
                description=description or f"Error {error_code}: injected failure",
                retry_after=retry_after,
                chat_id=chat_id,
                remaining=times,
            )
        )

    def delay_next(
        self, method: str, seconds: float, *, chat_id: int | None = None, times: int = 1
    ) -> None:
        """Hold the answer to the next ``times`` calls of ``method`` (to ``chat_id`` if
        given) for ``seconds``: a slow Bot API, so the update being handled takes long."""
        self._delays.append(_DelayRule(method, seconds, chat_id, times))

    async def wait_for_call_in_flight(
        self,
        method: str,
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline for the whole wait, not one call
    ) -> ApiCall:
        """The first call of ``method`` received and not answered yet (e.g. delayed)."""

        def find() -> ApiCall | None:
            return next((c for c in self.calls_of(method) if c.response is None), None)

        return await self._wait_until(find, timeout, f"a {method} call in flight", 0)

    def block_chat(self, chat_id: int) -> None:
        """Make every send to ``chat_id`` fail as if the user blocked the bot."""
        self._blocked.add(chat_id)

    def kick_bot(self, chat_id: int) -> None:
        """The bot was removed from the group: sends there fail with 403 until it is
        added back (``add_bot_to_group``)."""
        self._kicked_from.add(chat_id)

    def upgrade_group(self, group: FakeChat, supergroup_id: int) -> FakeChat:
        """The group became a supergroup with a new id: every send to the old id is
        refused with 400 and ``migrate_to_chat_id``, as Telegram does."""
        if supergroup_id > _SUPERGROUP_ID_BOUND:
            raise ValueError(f"supergroup ids are -100…, got {supergroup_id}")
        self._migrated[group.id] = supergroup_id
        return self.group(supergroup_id, group.title)

    def user(
        self,
        telegram_id: int,
        *,
        first_name: str = "Test",
        username: str | None = None,
        language_code: str | None = "ru",
    ) -> FakeUser:
        user = FakeUser(telegram_id, first_name, username, language_code)
        self._users[telegram_id] = user
        return user

    def group(self, chat_id: int, title: str = "Group") -> FakeChat:
        if chat_id >= 0:
            raise ValueError(f"group chat ids are negative, got {chat_id}")
        kind = "supergroup" if chat_id <= _SUPERGROUP_ID_BOUND else "group"
        group = FakeChat(chat_id, kind, title)
        self._groups[chat_id] = group
        return group

    def make_bot_admin(self, chat_id: int) -> None:
        """The bot becomes an administrator of the chat (getChatMember says so)."""
        self._bot_admin_in.add(chat_id)

    def add_file(self, data: bytes, *, file_unique_id: str | None = None) -> str:
        """Register bytes as a Telegram file; return its file_id."""
        return self._store_file(data, "file.bin", file_unique_id).file_id

    # ------------------------------------------------------------------ injecting updates

    async def send_text(self, user: FakeUser, text: str, *, chat_id: int | None = None) -> JsonDict:
        message = self._user_message(user, chat_id, text=text, **_command_entities(text))
        return await self._inject({"message": message})

    async def press(
        self,
        user: FakeUser,
        button_text: str,
        *,
        message_id: int | None = None,
        chat_id: int | None = None,
    ) -> JsonDict:
        """Press the inline button labelled ``button_text`` (exact label preferred)."""
        chat = user.id if chat_id is None else chat_id
        message, button = self._find_button(chat, button_text, message_id)
        if "callback_data" not in button:
            raise AssertionError(f"button {button.get('text')!r} has no callback_data: {button}")
        return await self._inject_callback(user, message, button["callback_data"])

    async def press_callback(
        self,
        user: FakeUser,
        callback_data: str,
        *,
        message_id: int,
        chat_id: int | None = None,
        answerable: bool = True,
    ) -> JsonDict:
        """Send a callback query with arbitrary data, e.g. stale or crafted.
        `answerable=False`: Telegram refuses its answer, as it does for a press answered
        already or handled too late ("query is too old")."""
        chat = user.id if chat_id is None else chat_id
        message = self._messages[chat].get(message_id) or {
            "chat": self._chat(chat),
            "message_id": message_id,
            "date": 0,  # how Telegram marks an inaccessible message
        }
        return await self._inject_callback(user, message, callback_data, answerable=answerable)

    async def send_location(
        self,
        user: FakeUser,
        latitude: float,
        longitude: float,
        *,
        horizontal_accuracy: float | None = None,
        live_period: int | None = None,
        forwarded: bool = False,
        date: int | None = None,
        venue: bool = False,
    ) -> JsonDict:
        location: JsonDict = {"latitude": latitude, "longitude": longitude}
        if horizontal_accuracy is not None:
            location["horizontal_accuracy"] = horizontal_accuracy
        if live_period is not None:
            location["live_period"] = live_period
        content: JsonDict = {"location": location}
        if venue:
            content["venue"] = {
                "location": location,
                "title": "Test venue",
                "address": "Test address",
            }
        sent_at = int(time.time()) if date is None else date
        if forwarded:
            content |= self._forward_fields(user.to_dict(), sent_at)
        message = self._user_message(user, None, date=sent_at, **content)
        return await self._inject({"message": message})

    async def send_photo(
        self,
        user: FakeUser,
        data: bytes = b"...",
        *,
        caption: str | None = None,
        media_group_id: str | None = None,
    ) -> JsonDict:
        content: JsonDict = {"photo": self._photo_sizes(self._store_file(data, "photo.jpg"))}
        if caption is not None:
            content["caption"] = caption
        if media_group_id is not None:
            content["media_group_id"] = media_group_id
        return await self._inject({"message": self._user_message(user, None, **content)})

    async def send_document(
        self,
        user: FakeUser,
        data: bytes = b"%PDF-1.4 ...",
        *,
        file_name: str = "file.pdf",
        caption: str | None = None,
    ) -> JsonDict:
        stored = self._store_file(data, file_name)
        content: JsonDict = {"document": stored.describe() | {"file_name": file_name}}
        if caption is not None:
            content["caption"] = caption
        return await self._inject({"message": self._user_message(user, None, **content)})

    async def send_update(self, update: JsonDict) -> JsonDict:
        """Deliver a raw update; an update_id is assigned when it has none."""
        if "update_id" in update:
            self._last_update_id = max(self._last_update_id, update["update_id"])
        else:
            update = {"update_id": self._next_update_id(), **update}
        await self._deliver(update)
        return update

    async def add_bot_to_group(self, user: FakeUser, group: FakeChat) -> JsonDict:
        bot = self._bot_user()
        self._kicked_from.discard(group.id)
        return await self._inject(
            {
                "my_chat_member": {
                    "chat": group.to_dict(),
                    "from": user.to_dict(),
                    "date": int(time.time()),
                    "old_chat_member": {"status": "left", "user": bot},
                    "new_chat_member": {"status": "member", "user": bot},
                }
            }
        )

    # ------------------------------------------------------------------ reading what the bot did

    def chat_messages(self, chat_id: int) -> list[JsonDict]:
        """The bot's messages in the chat as they are now, oldest first."""
        stored = self._messages.get(chat_id, {}).values()
        return [copy.deepcopy(m) for m in stored if m["from"]["id"] == self.bot_id]

    def last_message(self, chat_id: int) -> JsonDict | None:
        messages = self.chat_messages(chat_id)
        return messages[-1] if messages else None

    def buttons(self, message: JsonDict) -> list[str]:
        """Inline button labels of a message, row by row."""
        return [button["text"] for button in _inline_buttons(message)]

    def reply_keyboard(self, chat_id: int) -> JsonDict | None:
        """The reply keyboard the bot last showed in the chat, None if removed or never shown."""
        return copy.deepcopy(self._reply_keyboards.get(chat_id))

    async def wait_for_message(
        self,
        chat_id: int,
        *,
        text_contains: str | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline for the whole wait, not one call
        after_call: int = 0,
        matching: Callable[[JsonDict], bool] | None = None,
    ) -> JsonDict:
        """The first message sent or edited in the chat by a call at index >= after_call
        (containing ``text_contains`` and accepted by ``matching`` when given)."""

        def find() -> JsonDict | None:
            for call in self.calls[after_call:]:
                for message in self._messages_of(call):
                    if (
                        message["chat"]["id"] == chat_id
                        and (text_contains is None or text_contains in _message_text(message))
                        and (matching is None or matching(message))
                    ):
                        return message
            return None

        what = f"a message in chat {chat_id} containing {text_contains!r}"
        return await self._wait_until(find, timeout, what, after_call)

    async def wait_for_call(
        self,
        method: str,
        *,
        predicate: Callable[[ApiCall], bool] | None = None,
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline for the whole wait, not one call
        after_call: int = 0,
    ) -> ApiCall:
        """The first answered call of ``method`` at index >= after_call matching ``predicate``."""

        def find() -> ApiCall | None:
            for call in self.calls[after_call:]:
                if (
                    call.method == method
                    and call.response is not None
                    and (predicate is None or predicate(call))
                ):
                    return call
            return None

        return await self._wait_until(find, timeout, f"a {method} call", after_call)

    async def wait_for_request(
        self,
        method: str,
        *,
        timeout: float = 10.0,  # noqa: ASYNC109 - a deadline for the whole wait, not one call
        after_call: int = 0,
    ) -> ApiCall:
        """The first call of ``method`` at index >= after_call, answered or not (a
        long-polling getUpdates is answered only when updates come or its timeout ends)."""

        def find() -> ApiCall | None:
            return next((c for c in self.calls[after_call:] if c.method == method), None)

        return await self._wait_until(find, timeout, f"a {method} request", after_call)

    # ------------------------------------------------------------------ HTTP layer

    async def _handle_api(self, request: web.Request) -> web.Response:
        name, handler = self._methods.get(
            request.match_info["method"].lower(), (request.match_info["method"], None)
        )
        try:
            api_request = await _read_request(request)
        except ApiError as error:
            return web.json_response(error.body(), status=error.error_code)
        except ValueError:
            unparsable = ApiError(400, "Bad Request: can't parse request")
            return web.json_response(unparsable.body(), status=unparsable.error_code)
        call = ApiCall(name, dict(api_request.params), time.monotonic())
        self.calls.append(call)
        self._notify()
        await self._hold_if_delayed(name, api_request.get("chat_id"))
        body = await self._answer(request.match_info["token"], name, handler, api_request)
        call.response = copy.deepcopy(body)
        call.error_code = None if body["ok"] else body["error_code"]
        self._notify()
        return web.json_response(body, status=body.get("error_code", 200))

    async def _answer(
        self, token: str, method: str, handler: Handler | None, request: _Request
    ) -> JsonDict:
        try:
            if token != self.token:
                raise ApiError(401, "Unauthorized")
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            self._check_delivery_allowed(method, request.get("chat_id"))
            return {"ok": True, "result": await handler(request)}
        except ApiError as error:
            if error.error_code == 429:
                self.too_many_requests += 1
            return error.body()
        except (AttributeError, KeyError, TypeError, ValueError) as error:
            return ApiError(400, f"Bad Request: malformed parameters: {error!r}").body()

    async def _hold_if_delayed(self, method: str, chat_id: Any) -> None:
        rule = next((r for r in self._delays if r.matches(method, chat_id)), None)
        if rule is None:
            return
        rule.remaining -= 1
        if rule.remaining <= 0:
            self._delays.remove(rule)
        await asyncio.sleep(rule.seconds)

    def _check_delivery_allowed(self, method: str, chat_id: Any) -> None:
        """Raise the injected failure, blocked-chat or rate-limit error due for this call."""
        rule = next((r for r in self._failures if r.matches(method, chat_id)), None)
        if rule is not None:
            rule.remaining -= 1
            if rule.remaining <= 0:
                self._failures.remove(rule)
            raise ApiError(rule.error_code, rule.description, rule.retry_after)
        is_send = method in _SENDING_METHODS
        if chat_id in self._migrated and (is_send or method == _CHAT_ACTION_METHOD):
            raise ApiError(400, _GROUP_UPGRADED, migrate_to_chat_id=self._migrated[chat_id])
        if chat_id in self._blocked and (is_send or method == _CHAT_ACTION_METHOD):
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        if chat_id in self._kicked_from and (is_send or method == _CHAT_ACTION_METHOD):
            raise ApiError(403, _BOT_KICKED)
        if is_send and self._limiter is not None:
            retry_after = self._limiter.acquire(chat_id)
            if retry_after is not None:
                raise ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after)

    async def _handle_file(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(ApiError(401, "Unauthorized").body(), status=401)
        stored = self._files_by_path.get(request.match_info["file_path"])
        if stored is None:
            return web.json_response(ApiError(404, "Not Found").body(), status=404)
        data = stored.data
        try:
            wanted = request.http_range
        except ValueError:
            return web.Response(status=416, headers={"Content-Range": f"bytes */{len(data)}"})
        if wanted.start is None and wanted.stop is None:
            return web.Response(body=data, content_type="application/octet-stream")
        start, stop, _ = wanted.indices(len(data))
        if start >= stop:
            return web.Response(status=416, headers={"Content-Range": f"bytes */{len(data)}"})
        return web.Response(
            status=206,
            body=data[start:stop],
            content_type="application/octet-stream",
            headers={"Content-Range": f"bytes {start}-{stop - 1}/{len(data)}"},
        )

    # ------------------------------------------------------------------ Bot API methods

    def _handlers(self) -> dict[str, Handler]:
        return {
            "getMe": self._get_me,
            "logOut": self._ok,
            "close": self._ok,
            "getWebhookInfo": self._get_webhook_info,
            "setWebhook": self._set_webhook,
            "deleteWebhook": self._delete_webhook,
            "getUpdates": self._get_updates,
            "sendMessage": self._send_message,
            "sendPhoto": self._send_photo,
            "sendVideo": self._send_video,
            "sendDocument": self._send_document,
            "sendMediaGroup": self._send_media_group,
            "sendLocation": self._send_location,
            "sendChatAction": self._ok,
            "editMessageText": self._edit_message_text,
            "editMessageCaption": self._edit_message_caption,
            "editMessageMedia": self._edit_message_media,
            "editMessageReplyMarkup": self._edit_message_reply_markup,
            "deleteMessage": self._delete_message,
            "deleteMessages": self._delete_messages,
            "answerCallbackQuery": self._answer_callback_query,
            "getFile": self._get_file,
            "setMyCommands": self._set_my_commands,
            "getMyCommands": self._get_my_commands,
            "deleteMyCommands": self._delete_my_commands,
            "setChatMenuButton": self._set_chat_menu_button,
            "getChatMenuButton": self._get_chat_menu_button,
            "getChat": self._get_chat,
            "getChatMember": self._get_chat_member,
            "pinChatMessage": self._pin_chat_message,
            "unpinChatMessage": self._ok,
            "copyMessage": self._copy_message,
            "forwardMessage": self._forward_message,
        }

    async def _ok(self, request: _Request) -> bool:
        return True

    async def _get_me(self, request: _Request) -> JsonDict:
        return self._bot_user() | {
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
        }

    async def _get_webhook_info(self, request: _Request) -> JsonDict:
        info: JsonDict = {
            "url": self._webhook_url or "",
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending_updates),
        }
        if self.webhook_failures:
            last = self.webhook_failures[-1]
            info["last_error_date"] = last.date
            info["last_error_message"] = f"Wrong response from the webhook: {last.status}"
        return info

    async def _set_webhook(self, request: _Request) -> bool:
        url = request.get("url") or ""
        if not url:
            return await self._delete_webhook(request)
        if not _is_loopback_url(url):
            raise ApiError(400, "Bad Request: bad webhook: only loopback URLs are called")
        self._webhook_url = url
        self._webhook_secret = request.get("secret_token")
        if request.get("drop_pending_updates"):
            self._pending_updates.clear()
        elif self._pending_updates and (self._flush_task is None or self._flush_task.done()):
            self._flush_task = asyncio.create_task(self._flush_pending_updates())
        return True

    async def _delete_webhook(self, request: _Request) -> bool:
        self._webhook_url = None
        self._webhook_secret = None
        if request.get("drop_pending_updates"):
            self._pending_updates.clear()
        return True

    async def _get_updates(self, request: _Request) -> list[JsonDict]:
        if self._webhook_url is not None:
            raise ApiError(409, _WEBHOOK_CONFLICT)
        self._confirm_updates(request.get("offset"))
        limit = int(request.get("limit") or _MAX_UPDATES_PER_POLL)
        limit = min(max(limit, 1), _MAX_UPDATES_PER_POLL)
        deadline = time.monotonic() + float(request.get("timeout") or 0)
        while not self._pending_updates and not self._closing:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                break
            await self._wait_for_change(remaining)
        return self._pending_updates[:limit]

    def _confirm_updates(self, offset: Any) -> None:
        if not isinstance(offset, int) or offset == 0:
            return
        if offset < 0:
            del self._pending_updates[:offset]
        else:
            self._pending_updates = [u for u in self._pending_updates if u["update_id"] >= offset]

    async def _send_message(self, request: _Request) -> JsonDict:
        chat_id = request.chat_id()
        text = _plain_text(request.require("text"), request.get("parse_mode"))
        return self._bot_message(chat_id, request.get("reply_markup"), {"text": text})

    async def _send_photo(self, request: _Request) -> JsonDict:
        return self._send_media(request, "photo")

    async def _send_video(self, request: _Request) -> JsonDict:
        return self._send_media(request, "video")

    async def _send_document(self, request: _Request) -> JsonDict:
        return self._send_media(request, "document")

    def _send_media(self, request: _Request, kind: str) -> JsonDict:
        chat_id = request.chat_id()
        source = request.params.get(kind) or (f"attach://{kind}" if kind in request.uploads else "")
        content = self._media_content(kind, source, request.uploads) | _caption(request.params)
        return self._bot_message(chat_id, request.get("reply_markup"), content)

    async def _send_media_group(self, request: _Request) -> list[JsonDict]:
        chat_id = request.chat_id()
        items = request.require("media")
        if not isinstance(items, list) or not 2 <= len(items) <= 10:
            raise ApiError(400, "Bad Request: media group must have 2 to 10 items")
        contents = [
            self._media_content(item.get("type", ""), item.get("media", ""), request.uploads)
            | _caption(item)
            for item in items
        ]
        group_id = str(self._next_counter())
        return [
            self._bot_message(chat_id, None, content | {"media_group_id": group_id})
            for content in contents
        ]

    async def _send_location(self, request: _Request) -> JsonDict:
        chat_id = request.chat_id()
        request.require("latitude")
        request.require("longitude")
        location = {
            key: request.get(key)
            for key in ("latitude", "longitude", "horizontal_accuracy", "live_period")
            if request.get(key) is not None
        }
        return self._bot_message(chat_id, request.get("reply_markup"), {"location": location})

    async def _edit_message_text(self, request: _Request) -> JsonDict:
        message = self._editable_message(request)
        if "text" not in message:
            raise ApiError(400, "Bad Request: there is no text in the message to edit")
        text = _plain_text(request.require("text"), request.get("parse_mode"))
        return self._apply_edit(message, {"text": text}, (), request.get("reply_markup"))

    async def _edit_message_caption(self, request: _Request) -> JsonDict:
        message = self._editable_message(request)
        if "text" in message:
            raise ApiError(400, "Bad Request: there is no caption in the message to edit")
        changes = _caption(request.params)
        return self._apply_edit(message, changes, ("caption",), request.get("reply_markup"))

    async def _edit_message_media(self, request: _Request) -> JsonDict:
        message = self._editable_message(request)
        if "text" in message:
            raise ApiError(400, "Bad Request: there is no media in the message to edit")
        media = request.require("media")
        if not isinstance(media, dict):
            raise ApiError(400, "Bad Request: media must be an InputMedia object")
        changes = self._media_content(
            media.get("type", ""), media.get("media", ""), request.uploads
        ) | _caption(media)
        removed = (*_MEDIA_KEYS, "caption")
        return self._apply_edit(message, changes, removed, request.get("reply_markup"))

    async def _edit_message_reply_markup(self, request: _Request) -> JsonDict:
        message = self._editable_message(request)
        return self._apply_edit(message, {}, (), request.get("reply_markup"))

    async def _delete_message(self, request: _Request) -> bool:
        chat_id = request.chat_id()
        if self._messages[chat_id].pop(request.require("message_id"), None) is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        return True

    async def _delete_messages(self, request: _Request) -> bool:
        chat_id = request.chat_id()
        for message_id in request.require("message_ids"):
            self._messages[chat_id].pop(message_id, None)
        return True

    async def _answer_callback_query(self, request: _Request) -> bool:
        query_id = request.require("callback_query_id")
        if query_id not in self._open_callback_queries:
            raise ApiError(400, _QUERY_TOO_OLD)
        self._open_callback_queries.remove(query_id)
        return True

    async def _get_file(self, request: _Request) -> JsonDict:
        stored = self._files.get(request.require("file_id"))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return stored.describe() | {"file_path": stored.file_path}

    async def _set_my_commands(self, request: _Request) -> bool:
        self._commands[self._commands_key(request)] = request.require("commands")
        return True

    async def _get_my_commands(self, request: _Request) -> list[JsonDict]:
        return self._commands.get(self._commands_key(request), [])

    async def _delete_my_commands(self, request: _Request) -> bool:
        self._commands.pop(self._commands_key(request), None)
        return True

    async def _set_chat_menu_button(self, request: _Request) -> bool:
        button = request.get("menu_button") or {"type": "default"}
        self._menu_buttons[request.get("chat_id")] = button
        return True

    async def _get_chat_menu_button(self, request: _Request) -> JsonDict:
        return self._menu_buttons.get(request.get("chat_id"), {"type": "default"})

    async def _get_chat(self, request: _Request) -> JsonDict:
        return self._chat(request.chat_id()) | {
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_chat_member(self, request: _Request) -> JsonDict:
        self._chat(request.chat_id())
        user_id = request.chat_id("user_id")
        user = self._bot_user() if user_id == self.bot_id else self._known_user(user_id).to_dict()
        if user_id == self.bot_id and request.chat_id() in self._bot_admin_in:
            rights = dict.fromkeys(_ADMIN_RIGHTS, True) | {"is_anonymous": False}
            return {"status": "administrator", "user": user, "can_be_edited": False} | rights
        return {"status": "member", "user": user}

    async def _pin_chat_message(self, request: _Request) -> bool:
        if request.require("message_id") not in self._messages[request.chat_id()]:
            raise ApiError(400, "Bad Request: message to pin not found")
        return True

    async def _copy_message(self, request: _Request) -> JsonDict:
        source = self._source_message(request, "Bad Request: message to copy not found")
        content = {key: source[key] for key in _CONTENT_KEYS if key in source}
        if "caption" in request.params:
            content.pop("caption", None)
            content |= _caption(request.params)
        copied = self._bot_message(request.chat_id(), request.get("reply_markup"), content)
        return {"message_id": copied["message_id"]}

    async def _forward_message(self, request: _Request) -> JsonDict:
        source = self._source_message(request, "Bad Request: message to forward not found")
        content = {key: source[key] for key in _CONTENT_KEYS if key in source}
        content |= self._forward_fields(source["from"], source["date"])
        return self._bot_message(request.chat_id(), None, content)

    # ------------------------------------------------------------------ chats and messages

    def _bot_user(self) -> JsonDict:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "StaffProBot",
            "username": self.bot_username,
        }

    def _known_user(self, user_id: int) -> FakeUser:
        """The registered user, registering a default one for an unknown id."""
        return self._users.get(user_id) or self.user(user_id, first_name=f"User{user_id}")

    def _chat(self, chat_id: int) -> JsonDict:
        if chat_id > 0:
            return self._known_user(chat_id).private_chat()
        return (self._groups.get(chat_id) or self.group(chat_id)).to_dict()

    def _new_message(
        self, chat_id: int, sender: JsonDict, content: JsonDict, date: int | None = None
    ) -> JsonDict:
        self._last_message_id[chat_id] += 1
        message = {
            "message_id": self._last_message_id[chat_id],
            "from": sender,
            "chat": self._chat(chat_id),
            "date": int(time.time()) if date is None else date,
            **content,
        }
        self._messages[chat_id][message["message_id"]] = message
        return message

    def _user_message(
        self, user: FakeUser, chat_id: int | None, date: int | None = None, **content: Any
    ) -> JsonDict:
        chat = user.id if chat_id is None else chat_id
        return copy.deepcopy(self._new_message(chat, user.to_dict(), content, date))

    def _bot_message(self, chat_id: int, markup: Any, content: JsonDict) -> JsonDict:
        """Store a message the bot sent; an inline keyboard goes on the message,
        a reply keyboard (or its removal) is remembered for the chat."""
        _check_inline_keyboard(markup)
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            content = content | {"reply_markup": markup}
        elif isinstance(markup, dict) and "keyboard" in markup:
            self._reply_keyboards[chat_id] = markup
        elif isinstance(markup, dict) and markup.get("remove_keyboard"):
            self._reply_keyboards.pop(chat_id, None)
        return copy.deepcopy(self._new_message(chat_id, self._bot_user(), content))

    def _editable_message(self, request: _Request) -> JsonDict:
        if request.get("inline_message_id"):
            raise ApiError(400, "Bad Request: the fake server has no inline messages")
        message = self._messages[request.chat_id()].get(request.require("message_id"))
        if message is None:
            raise ApiError(400, "Bad Request: message to edit not found")
        if message["from"]["id"] != self.bot_id:
            raise ApiError(400, "Bad Request: message can't be edited")
        return message

    def _apply_edit(
        self, message: JsonDict, changes: JsonDict, removed: tuple[str, ...], markup: Any
    ) -> JsonDict:
        """Replace the stored message by its edited version; refuse a no-op edit."""
        _check_inline_keyboard(markup)
        kept = {
            key: value
            for key, value in message.items()
            if key not in (*removed, "reply_markup", "edit_date")
        }
        edited = kept | changes
        if isinstance(markup, dict) and "inline_keyboard" in markup:
            edited["reply_markup"] = markup
        unchanged = {key: value for key, value in message.items() if key != "edit_date"}
        if edited == unchanged:
            raise ApiError(400, _NOT_MODIFIED)
        edited["edit_date"] = int(time.time())
        self._messages[message["chat"]["id"]][message["message_id"]] = edited
        return copy.deepcopy(edited)

    def _source_message(self, request: _Request, not_found: str) -> JsonDict:
        source = self._messages[request.chat_id("from_chat_id")].get(request.require("message_id"))
        if source is None:
            raise ApiError(400, not_found)
        return source

    def _forward_fields(self, sender: JsonDict, date: int) -> JsonDict:
        return {
            "forward_origin": {"type": "user", "sender_user": sender, "date": date},
            "forward_from": sender,
            "forward_date": date,
        }

    def _commands_key(self, request: _Request) -> tuple[str, str]:
        scope = json.dumps(request.get("scope") or {"type": "default"}, sort_keys=True)
        return scope, request.get("language_code") or ""

    def _find_button(
        self, chat_id: int, text: str, message_id: int | None
    ) -> tuple[JsonDict, JsonDict]:
        if message_id is not None:
            message = self._messages[chat_id].get(message_id)
            if message is None:
                raise AssertionError(f"no message {message_id} in chat {chat_id}")
            candidates = [message]
        else:
            candidates = list(reversed(self.chat_messages(chat_id)))
        for message in candidates:
            button = _match_button(message, text)
            if button is not None:
                return message, button
        visible = {m["message_id"]: self.buttons(m) for m in candidates if _inline_buttons(m)}
        raise AssertionError(
            f"no inline button {text!r} in chat {chat_id}; visible buttons by message: {visible}"
        )

    async def _inject_callback(
        self, user: FakeUser, message: JsonDict, callback_data: str, *, answerable: bool = True
    ) -> JsonDict:
        query_id = str(self._next_counter())
        if answerable:
            self._open_callback_queries.add(query_id)
        return await self._inject(
            {
                "callback_query": {
                    "id": query_id,
                    "from": user.to_dict(),
                    "message": copy.deepcopy(message),
                    "chat_instance": str(message["chat"]["id"]),
                    "data": callback_data,
                }
            }
        )

    def _messages_of(self, call: ApiCall) -> Iterator[JsonDict]:
        """The message dicts a successful call produced, as they were then."""
        if call.error_code is not None or call.response is None:
            return
        result = call.result
        if call.method == "copyMessage":
            copied = self._messages.get(call.params["chat_id"], {}).get(result["message_id"])
            if copied is not None:
                yield copy.deepcopy(copied)
            return
        for item in result if isinstance(result, list) else [result]:
            if isinstance(item, dict) and "message_id" in item and "chat" in item:
                yield item

    # ------------------------------------------------------------------ files

    def _store_file(
        self, data: bytes, file_name: str, file_unique_id: str | None = None
    ) -> _StoredFile:
        number = self._next_counter()
        suffix = file_name.rsplit(".", 1)[1] if "." in file_name else "bin"
        stored = _StoredFile(
            file_id=f"FILE-{number}-{self.bot_id}",
            file_unique_id=file_unique_id or f"UNIQ-{number}",
            file_path=f"files/file_{number}.{suffix}",
            file_name=file_name,
            data=data,
        )
        self._files[stored.file_id] = stored
        self._files_by_path[stored.file_path] = stored
        return stored

    def _resolve_file(self, source: str, uploads: dict[str, _Upload]) -> _StoredFile:
        """A file given as attach://<upload>, an existing file_id or an HTTP URL."""
        if source.startswith("attach://"):
            upload = uploads.get(source.removeprefix("attach://"))
            if upload is None:
                raise ApiError(400, _WRONG_FILE)
            return self._store_file(upload.data, upload.filename)
        if source in self._files:
            return self._files[source]
        if source.startswith(("http://", "https://")):
            return self._store_file(b"", source.rsplit("/", 1)[-1])
        raise ApiError(400, _WRONG_FILE)

    def _media_content(self, kind: str, source: str, uploads: dict[str, _Upload]) -> JsonDict:
        if kind not in _MEDIA_KEYS:
            raise ApiError(400, f"Bad Request: unsupported media type {kind!r}")
        stored = self._resolve_file(source, uploads)
        if kind == "photo":
            return {"photo": self._photo_sizes(stored)}
        if kind == "video":
            width, height = _VIDEO_SIZE
            return {"video": stored.describe() | {"width": width, "height": height, "duration": 1}}
        return {"document": stored.describe() | {"file_name": stored.file_name}}

    def _photo_sizes(self, stored: _StoredFile) -> list[JsonDict]:
        return [
            stored.describe() | {"width": width, "height": height} for width, height in _PHOTO_SIZES
        ]

    # ------------------------------------------------------------------ update delivery

    def _next_counter(self) -> int:
        self._counter += 1
        return self._counter

    def _next_update_id(self) -> int:
        self._last_update_id += 1
        return self._last_update_id

    async def _inject(self, payload: JsonDict) -> JsonDict:
        update = {"update_id": self._next_update_id(), **payload}
        await self._deliver(update)
        return update

    async def _deliver(self, update: JsonDict) -> None:
        """POST the update to the webhook (waiting for its answer), else queue it."""
        if self._webhook_url is None:
            self._pending_updates.append(update)
            self._notify()
            return
        await self._post_to_webhook(self._webhook_url, update)

    async def _post_to_webhook(self, url: str, update: JsonDict) -> None:
        given_up_at = time.monotonic() + _REDELIVERY_WINDOW_SECONDS
        while not await self._webhook_accepts(url, update):
            if self._redeliver_after_seconds is None:
                return
            if time.monotonic() >= given_up_at:
                self.undelivered.append(update)
                return
            await asyncio.sleep(self._redeliver_after_seconds)

    async def _webhook_accepts(self, url: str, update: JsonDict) -> bool:
        """One POST of the update; a failure is recorded in `webhook_failures`."""
        assert self._http is not None, "start() the server first"
        headers = {SECRET_TOKEN_HEADER: self._webhook_secret} if self._webhook_secret else {}
        timeout = aiohttp.ClientTimeout(total=_WEBHOOK_TIMEOUT_SECONDS)
        try:
            async with self._http.post(
                url,
                json=update,
                headers=headers,
                timeout=timeout,
                ssl=self._verify_webhook_tls,
            ) as resp:
                status, body = resp.status, await resp.text()
        except (aiohttp.ClientError, TimeoutError) as error:
            self.webhook_failures.append(
                WebhookFailure(update, None, repr(error), int(time.time()))
            )
            return False
        if not 200 <= status < 300:
            self.webhook_failures.append(WebhookFailure(update, status, body, int(time.time())))
            return False
        return True

    async def _flush_pending_updates(self) -> None:
        """Deliver the updates queued before the webhook was set, as Telegram does."""
        while self._pending_updates and self._webhook_url is not None:
            await self._post_to_webhook(self._webhook_url, self._pending_updates.pop(0))

    # ------------------------------------------------------------------ waiting

    def _notify(self) -> None:
        self._changed.set()
        self._changed = asyncio.Event()

    async def _wait_for_change(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._changed.wait(), seconds)

    async def _wait_until(
        self, probe: Callable[[], _T | None], seconds: float, what: str, after_call: int
    ) -> _T:
        deadline = time.monotonic() + seconds
        while (found := probe()) is None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(
                    f"timed out after {seconds}s waiting for {what}\n{self._dump_calls(after_call)}"
                )
            await self._wait_for_change(remaining)
        return found

    def _dump_calls(self, after_call: int) -> str:
        first = max(after_call, len(self.calls) - _CALLS_IN_DUMP)
        lines = [_describe_call(i, self.calls[i]) for i in range(first, len(self.calls))]
        header = f"API calls from #{first} (of {len(self.calls)}):"
        return "\n".join([header, *lines]) if lines else f"no API calls from #{after_call}"


def _check_inline_keyboard(markup: Any) -> None:
    """Telegram refuses a button whose callback data is empty or over 64 bytes."""
    if not isinstance(markup, dict):
        return
    for row in markup.get("inline_keyboard") or []:
        for button in row:
            data = button.get("callback_data")
            if data is not None and not 1 <= len(data.encode()) <= _CALLBACK_DATA_MAX_BYTES:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
