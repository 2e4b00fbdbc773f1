"""Dialog fuzzing: random button presses, forged callback data, texts, commands,
locations, photos and documents fed to the real Dispatcher through the fake Telegram
server, with hypothesis choosing them.

The Dispatcher runs in this process behind a small webhook endpoint: the fake server
posts each update and waits until it is handled, so every reply of the bot (dialog
windows, error texts, callback answers) is a real Bot API call the fake server checks
(HTML well-formed, lengths) and records. Every example is checked for:
- no error reaching the global error handler, other than an outdated screen;
- every text and button of the bot localized: no raw catalogue key, no Fluent
  placeable left (`{ $`), no apology for an unexpected error.
"""

import asyncio
import re
import string
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.types import ErrorEvent, Update
from aiogram_dialog.api.exceptions import OutdatedIntent, UnknownIntent, UnknownState
from aiohttp import web
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from bot.middlewares import ButtonNotOnScreen
from services.platform.clock import ManualClock
from services.platform.db.models import User
from services.platform.db.session import SessionFactory
from services.platform.errors import DomainError
from services.platform.i18n import catalogue_keys, translator_for
from tests.fakes.telegram_server import FakeTelegramServer, FakeUser, JsonDict

# What the error handlers answer by design: a stale screen, and a refusal told to the user.
ANSWERED_ERRORS = (UnknownIntent, OutdatedIntent, UnknownState, ButtonNotOnScreen, DomainError)
# aiogram-dialog's callback data: "<intent id>\x1d<widget id>[:<item id>]".
INTENT_SEPARATOR = "\x1d"
CATALOGUE_KEYS = frozenset(catalogue_keys("ru") | catalogue_keys("en"))
_KEY_TOKEN = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
APOLOGIES = tuple(
    translator_for(language).get("common-something-went-wrong") for language in ("ru", "en")
)
# Refusals of Telegram that mean the bot built a broken message (not a harmless no-op
# edit or a late callback answer).
BROKEN_MESSAGE = ("can't parse entities", "too long", "text is empty")

NASTY_TEXTS = (
    "'; DROP TABLE users; --",
    "1 OR 1=1",
    "Robert'); DELETE FROM shifts WHERE ('1'='1",
    "<script>alert('x')</script>",
    "<b>жирный</b> & <i>курсив</i>",
    "</b><a href='javascript:alert(1)'>ссылка</a>",
    "{ $user_name } {$amount} %s %(x)s {0}",
    "error-not-found",
    "‮RTL override‬ 👩‍👩‍👧‍👦 🏳️‍🌈 ZWJ",
    "0",
    "-1",
    "99999999999999999999",
    "1e309",
    "NaN",
    "25:61",
    "31.02.2026",
    "  ",
    "/start",
    "/start inv_AAAAAAAAAA",
    "/start approve_999999",
    "/start payslip_abc",
    "/menu",
    "/settings",
    "/admin",
)
_TEXT_ALPHABET = st.characters(exclude_categories=("Cs", "Cc"))


def _texts() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(_TEXT_ALPHABET, min_size=1, max_size=40),
        st.sampled_from(NASTY_TEXTS),
        st.integers(1000, 4096).map(lambda n: ("Длинный текст " * 300)[:n]),
        st.integers(-(10**6), 10**9).map(str),
        st.decimals(allow_nan=False, allow_infinity=False, places=2).map(str),
    )


def _callback_payloads() -> st.SearchStrategy[str]:
    return st.one_of(
        st.text(string.printable, max_size=20),
        st.integers(-(2**63), 2**63).map(str),
        st.sampled_from(("", "0", "-1", "abc", "9" * 30, "__", "None", "'", "<b>")),
    )


@dataclass(frozen=True)
class Action:
    kind: str
    value: Any = None


def actions() -> st.SearchStrategy[list[Action]]:
    one = st.one_of(
        st.integers(0, 40).map(lambda n: Action("press", n)),
        st.integers(0, 40).map(lambda n: Action("press", n)),
        st.integers(0, 40).map(lambda n: Action("reply_button", n)),
        st.tuples(st.integers(0, 40), _callback_payloads()).map(lambda v: Action("forge", v)),
        st.text(string.printable, max_size=64).map(lambda v: Action("callback", v)),
        _texts().map(lambda v: Action("text", v)),
        st.tuples(
            st.floats(-90, 90),
            st.floats(-180, 180),
            st.one_of(st.none(), st.floats(0, 1500)),
            st.one_of(st.none(), st.sampled_from((60, 900, 86400))),
        ).map(lambda v: Action("location", v)),
        st.just((55.7539, 37.6208)).map(lambda v: Action("location", (*v, 10.0, None))),
        st.one_of(st.none(), _texts()).map(lambda v: Action("photo", v)),
        st.sampled_from(("report.pdf", "фото.jpg", "<x>.txt", "a" * 200)).map(
            lambda v: Action("document", v)
        ),
    )
    return st.lists(one, min_size=1, max_size=6)


@dataclass
class FuzzFindings:
    errors: list[str] = field(default_factory=list)
    unlocalized: list[str] = field(default_factory=list)

    def clear(self) -> None:
        self.errors.clear()
        self.unlocalized.clear()


class InProcessWebhook:
    """The Dispatcher behind a loopback webhook the fake Telegram server posts to; an
    update is answered once handled, so the fake server's call returns after it."""

    def __init__(self, dispatcher: Dispatcher, bot: Bot, telegram: FakeTelegramServer) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.telegram = telegram
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_post("/hook", self._handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", 0).start()
        port = self._runner.addresses[0][1]
        await self.bot.set_webhook(f"http://127.0.0.1:{port}/hook")

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _handle(self, request: web.Request) -> web.Response:
        update = Update.model_validate(await request.json(), context={"bot": self.bot})
        await self.dispatcher.feed_update(self.bot, update)
        return web.Response()


@contextmanager
def record_errors(dispatcher: Dispatcher, findings: FuzzFindings) -> Iterator[None]:
    """Every error that reaches the global error handler, except an outdated screen
    (forged or stale callback data) and a domain error (a refusal the user is told), is a
    finding (while in the `with` block: the Dispatcher is shared by every test)."""

    async def recorder(
        handler: Callable[[ErrorEvent, dict[str, Any]], Awaitable[Any]],
        event: ErrorEvent,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event.exception, ANSWERED_ERRORS):
            findings.errors.append(f"{type(event.exception).__name__}: {event.exception}")
        return await handler(event, data)

    dispatcher.errors.outer_middleware(recorder)
    try:
        yield
    finally:
        dispatcher.errors.outer_middleware.unregister(recorder)


def unlocalized_fragments(text: str, sent: set[str]) -> list[str]:
    """Raw catalogue keys, Fluent placeables or the apology in a bot text; keys that the
    user typed themselves (echoed back) do not count."""
    found = [
        token
        for token in _KEY_TOKEN.findall(text)
        if token in CATALOGUE_KEYS and not any(token in mine for mine in sent)
    ]
    if re.search(r"\{\s*\$", text) and not any(re.search(r"\{\s*\$", mine) for mine in sent):
        found.append("{ $")
    found += [apology for apology in APOLOGIES if apology in text]
    return found


def _bot_texts(call_params: dict[str, Any]) -> list[str]:
    texts = [
        str(call_params[key]) for key in ("text", "caption") if call_params.get(key) is not None
    ]
    markup = call_params.get("reply_markup")
    if isinstance(markup, dict):
        for row in markup.get("inline_keyboard", []) + markup.get("keyboard", []):
            texts += [str(button.get("text", "")) for button in row]
    return texts


class DialogFuzzer:
    """Drives one user through random actions, starting each example at an entry: the
    main menu (/start) and then the menu button `entry` (if any; of several, the one the
    menu shows: an example may have opened the shift the next one would open).

    Every example starts from the user's settings as the first example found them (their
    language, the organization they act in), so none depends on what the examples before
    it did: one that switched to English must not leave the next one looking for the
    Russian menu."""

    def __init__(
        self,
        telegram: FakeTelegramServer,
        session_factory: SessionFactory,
        user: FakeUser,
        clock: ManualClock,
        findings: FuzzFindings,
        entry: str | tuple[str, ...] | None,
        *,
        next_user: Callable[[], FakeUser] | None = None,
    ) -> None:
        """`next_user`, when given, makes every example start with a new user: a newcomer
        who founded a business in one example is an owner in the next."""
        self.telegram = telegram
        self.session_factory = session_factory
        self.user = user
        self.next_user = next_user
        self.clock = clock
        self.findings = findings
        self.entry = (entry,) if isinstance(entry, str) else entry
        self.examples = 0
        self.updates = 0
        self._sent: set[str] = set()
        self._first_settings: dict[int, tuple[str, int | None]] = {}

    async def run_example(self, steps: list[Action]) -> None:
        self.examples += 1
        self.findings.clear()
        self._sent.clear()
        if self.next_user is not None:
            self.user = self.next_user()
        await self._restore_first_settings()
        first_call = len(self.telegram.calls)
        await self._send_text("/start")
        if self.entry is not None:
            await self._press_label(*self.entry)
        for step in steps:
            await self._act(step)
        self._check(first_call, steps)

    def _check(self, first_call: int, steps: list[Action]) -> None:
        for call in self.telegram.calls[first_call:]:
            for text in _bot_texts(call.params):
                self.findings.unlocalized += unlocalized_fragments(text, self._sent)
            description = str((call.response or {}).get("description", ""))
            if call.error_code is not None and any(b in description for b in BROKEN_MESSAGE):
                self.findings.errors.append(f"{call.method} refused: {description}")
        self.findings.errors += [repr(failure) for failure in self.telegram.webhook_failures]
        self.telegram.webhook_failures.clear()
        assert not self.findings.errors, (steps, self.findings.errors)
        assert not self.findings.unlocalized, (steps, self.findings.unlocalized)

    async def _restore_first_settings(self) -> None:
        async with self.session_factory() as session, session.begin():
            user = await session.scalar(select(User).where(User.telegram_id == self.user.id))
            if user is None:
                return
            first = self._first_settings.setdefault(
                user.telegram_id, (user.language, user.active_organization_id)
            )
            user.language, user.active_organization_id = first

    # Actions ---------------------------------------------------------------------
    async def _act(self, step: Action) -> None:
        self.updates += 1
        kind, value = step.kind, step.value
        if kind == "press":
            await self._press_nth(value)
        elif kind == "reply_button":
            await self._press_reply_button(value)
        elif kind == "forge":
            await self._forge(*value)
        elif kind == "callback":
            await self._callback(value)
        elif kind == "text":
            await self._send_text(value)
        elif kind == "location":
            latitude, longitude, accuracy, live_period = value
            await self.telegram.send_location(
                self.user,
                latitude,
                longitude,
                horizontal_accuracy=accuracy,
                live_period=live_period,
                date=int(self.clock.now().timestamp()),
            )
        elif kind == "photo":
            if value is not None:
                self._sent.add(value)
            await self.telegram.send_photo(self.user, b"\xff\xd8\xff fake jpeg", caption=value)
        elif kind == "document":
            self._sent.add(value)
            await self.telegram.send_document(self.user, file_name=value)

    async def _send_text(self, text: str) -> None:
        self._sent.add(text)
        await self.telegram.send_text(self.user, text)

    def _callback_buttons(self) -> tuple[JsonDict | None, list[JsonDict]]:
        """The newest bot message with callback buttons, and those buttons."""
        for message in reversed(self.telegram.chat_messages(self.user.id)):
            rows = (message.get("reply_markup") or {}).get("inline_keyboard", [])
            buttons = [button for row in rows for button in row if "callback_data" in button]
            if buttons:
                return message, buttons
        return None, []

    async def _press_label(self, *labels: str) -> None:
        """The first of `labels` that the newest message shows."""
        message, buttons = self._callback_buttons()
        assert message is not None, "no buttons to start the dialog from"
        by_label = {button["text"]: button for button in buttons}
        label = next(label for label in labels if label in by_label)
        await self._press(message, by_label[label]["callback_data"])

    async def _press_nth(self, index: int) -> None:
        message, buttons = self._callback_buttons()
        if message is not None:
            await self._press(message, buttons[index % len(buttons)]["callback_data"])

    async def _press_reply_button(self, index: int) -> None:
        keyboard = self.telegram.reply_keyboard(self.user.id)
        labels = [button["text"] for row in (keyboard or {}).get("keyboard", []) for button in row]
        if labels:
            await self._send_text(labels[index % len(labels)])

    async def _forge(self, index: int, payload: str) -> None:
        """A real button's data with its item replaced: a valid screen and widget, an
        item id of the attacker's choice."""
        message, buttons = self._callback_buttons()
        if message is None:
            return
        data = buttons[index % len(buttons)]["callback_data"]
        prefix = data.rsplit(":", 1)[0] if ":" in data else data
        forged = f"{prefix}:{payload}".encode()[:64].decode(errors="ignore")
        self._sent.add(forged)
        await self._press(message, forged)

    async def _callback(self, data: str) -> None:
        message, _ = self._callback_buttons()
        if message is not None:
            self._sent.add(data)
            await self._press(message, data)

    async def _press(self, message: JsonDict, data: str) -> None:
        await self.telegram.press_callback(self.user, data, message_id=message["message_id"])


async def fuzz(fuzzer: DialogFuzzer, max_examples: int) -> int:
    """Run hypothesis (in a worker thread: it drives its examples synchronously) with
    every example executed on this event loop; returns how many examples ran."""
    loop = asyncio.get_running_loop()

    @settings(
        max_examples=max_examples,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(actions())
    def example(steps: list[Action]) -> None:
        asyncio.run_coroutine_threadsafe(fuzzer.run_example(steps), loop).result()

    await asyncio.to_thread(example)
    return fuzzer.examples
