"""The notifier: delivers outbox notifications to Telegram, each exactly once.

For each queued id it reads the outbox row (the source of truth), skips what is already
final or no longer true (`STILL_CURRENT`: a reminder of a shift since moved), renders
`notify-<kind>` in the recipient's language and sends it under Telegram's limits
(`rate_limit.py`). The row is locked while it is sent, so a duplicate delivery
of the same id waits and then finds it sent; a Redis mark written the moment Telegram
accepted the message covers a crash before the database commit.

A notification about an organization is skipped for a user who is no longer its active
member (dismissed).

A notification whose payload lists `media` (kind, file_id pairs) is sent as an album
with the text as its caption, under the same limits and outcomes.

Outcomes: 429 → the whole sender pauses for `retry_after`, then the message is sent;
403 → the user (or group) is marked unreachable and the row skipped; a group upgraded to
a supergroup → its new id is stored (`chats.follow_chat_migration`) and the message is
sent there; network errors and 5xx → the row goes back to the outbox with a backoff
delay, and after `max_attempts` it fails (dead-lettered, counted). One recipient's
failure never touches another message.
"""

import asyncio
import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

import structlog
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.enums import ParseMode
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.integrations.telegram_albums import send_files
from services.notify.chats import (
    follow_chat_migration,
    is_chat_unreachable,
    mark_chat_reachable,
    mark_chat_unreachable,
)
from services.notify.outbox import (
    DEFAULT_TIMEZONE,
    SHIFT_REMINDER,
    kind_of,
    money_amounts,
    notification_args,
)
from services.notify.reminders import reminder_is_current
from services.notify.settings import get_preferences, is_active_member, quiet_hours_end
from services.platform.clock import Clock
from services.platform.config import NotifierSettings, Settings
from services.platform.db.models import MediaType, Organization, OutboxMessage, OutboxStatus, User
from services.platform.db.session import SessionFactory
from services.platform.i18n import translator_for
from services.platform.observability.metrics import (
    NOTIFICATIONS_DEAD_LETTERED,
    NOTIFICATIONS_DEFERRED,
    NOTIFICATIONS_RETRIED,
    NOTIFICATIONS_SENT,
    NOTIFICATIONS_SKIPPED,
    NOTIFICATIONS_THROTTLED,
)
from services.platform.queue.rate_limit import (
    SEND_TIMEOUT_SECONDS,
    SendLimiter,
    SentMarks,
    Slot,
    SlotWait,
)

FINAL_STATUSES = frozenset({OutboxStatus.SENT, OutboxStatus.SKIPPED, OutboxStatus.FAILED})
# A chat whose own limit asks for a longer wait gives its worker back: the message goes
# back to the outbox until then, and other chats' messages go on.
DEFER_CHAT_WAIT_SECONDS = 3.0
# Before a message that failed unexpectedly is handed back to the queue.
REQUEUE_PAUSE_SECONDS = 1.0
# Kinds whose cause may change between queueing and sending, with the check that the
# message still tells the truth (else it is skipped as outdated).
STILL_CURRENT: dict[str, Callable[[AsyncSession, OutboxMessage], Awaitable[bool]]] = {
    SHIFT_REMINDER.name: reminder_is_current,
}

log = structlog.get_logger("notifier")


class NotifierStopping(Exception):
    """The worker is stopping: a message still waiting for a slot goes back to the queue."""


class Outcome(StrEnum):
    SENT = "sent"
    ALREADY_DONE = "already_done"
    NOT_DUE = "not_due"
    SKIPPED = "skipped"
    DEFERRED = "deferred"
    RETRY_SCHEDULED = "retry_scheduled"
    FAILED = "failed"


@dataclass(frozen=True)
class Rendered:
    chat_id: int
    text: str
    reply_markup: InlineKeyboardMarkup | None
    media: list[tuple[MediaType, str]]


def create_sender_bot(settings: Settings) -> Bot:
    """The worker's Bot: same API base and parse mode as the bot process."""
    session = AiohttpSession(
        api=TelegramAPIServer.from_base(settings.telegram_api_base), timeout=SEND_TIMEOUT_SECONDS
    )
    return Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML),
    )


def render_buttons(
    buttons: list[dict[str, str] | list[dict[str, str]]], language: str, bot_username: str
) -> InlineKeyboardMarkup | None:
    """`{text_key, url}` or `{text_key, start_payload}` → one inline URL button a row (a
    list of them → one row of buttons, like the 1–5 of a rating); start payloads become
    deep links that open the right dialog window."""
    translator = translator_for(language)
    rows = []
    for entry in buttons:
        row = entry if isinstance(entry, list) else [entry]
        rows.append(
            [
                InlineKeyboardButton(
                    text=translator.get(button["text_key"]),
                    url=button.get("url")
                    or f"https://t.me/{bot_username}?start={button['start_payload']}",
                )
                for button in row
            ]
        )
    return InlineKeyboardMarkup(inline_keyboard=rows) if rows else None


class Notifier:
    def __init__(
        self,
        *,
        session_factory: SessionFactory,
        bot: Bot,
        limiter: SendLimiter,
        marks: SentMarks,
        clock: Clock,
        settings: NotifierSettings,
        default_language: str = "ru",
    ) -> None:
        self._session_factory = session_factory
        self._bot = bot
        self._limiter = limiter
        self._marks = marks
        self._clock = clock
        self._settings = settings
        self._default_language = default_language
        self._bot_username: str | None = None
        self._in_flight = 0
        self._stopping = False
        self._slot_lock = asyncio.Lock()
        self._idle = asyncio.Event()
        self._idle.set()

    async def handle(self, body: bytes) -> None:
        """Queue handler: deliver one message. An unexpected error (the database away)
        hands it back to the queue after a pause; the message is not lost."""
        self._in_flight += 1
        self._idle.clear()
        try:
            outbox_id = int(json.loads(body)["id"])
            try:
                await self.deliver(outbox_id)
            except NotifierStopping:
                raise
            except Exception:
                log.exception("notifier.delivery_error", outbox_id=outbox_id)
                await asyncio.sleep(REQUEUE_PAUSE_SECONDS)
                raise
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._idle.set()

    def stop(self) -> None:
        """Messages being sent finish; those still waiting for a slot are handed back."""
        self._stopping = True

    async def wait_idle(self, grace_seconds: float) -> None:
        """Wait until the messages being handled are finished (graceful shutdown)."""
        try:
            await asyncio.wait_for(self._idle.wait(), grace_seconds)
        except TimeoutError:
            log.warning("notifier.shutdown_with_messages_in_flight", count=self._in_flight)

    async def deliver(self, outbox_id: int) -> Outcome:
        while True:
            prepared = await self._prepare(outbox_id)
            if isinstance(prepared, Outcome):
                return prepared
            outcome = await self._send(outbox_id, prepared)
            if outcome is not None:
                return outcome
            # 429: the sender paused; the message is sent again once the pause is over.
            # Or the group moved to a new id: the message is sent there.

    async def _prepare(self, outbox_id: int) -> Rendered | Outcome:
        """Decide from the row whether and what to send; records skips and deferrals."""
        async with self._session_factory() as session, session.begin():
            row = await session.get(OutboxMessage, outbox_id)
            if row is None or row.status in FINAL_STATUSES:
                return Outcome.ALREADY_DONE
            now = self._clock.now()
            if row.not_before > now:
                # An old copy of a message that was rescheduled: the relay sends it later.
                return Outcome.NOT_DUE
            if await self._marks.was_sent(outbox_id):
                self._finish(row, OutboxStatus.SENT, now)
                return Outcome.ALREADY_DONE
            is_current = STILL_CURRENT.get(row.kind)
            if is_current is not None and not await is_current(session, row):
                return self._skip(row, "outdated", now)
            kind = kind_of(row.kind)
            language = str(row.payload.get("language") or self._default_language)
            if row.recipient_user_id is not None:
                user = await session.get(User, row.recipient_user_id)
                if user is None or not user.is_reachable:
                    return self._skip(row, "unreachable", now)
                if row.organization_id is not None and not await is_active_member(
                    session, user.id, row.organization_id
                ):
                    return self._skip(row, "not_a_member", now)
                language = user.language
                preferences = await get_preferences(session, user.id)
                if kind.optional and kind.name in preferences.muted_kinds:
                    return self._skip(row, "muted", now)
                if not kind.urgent:
                    zone = ZoneInfo(
                        user.timezone or row.payload.get("timezone") or DEFAULT_TIMEZONE
                    )
                    quiet_end = quiet_hours_end(
                        now, zone, preferences.quiet_hours_start, preferences.quiet_hours_end
                    )
                    if quiet_end is not None:
                        return self._defer(row, quiet_end, "quiet_hours")
                chat_id = user.telegram_id
            else:
                assert row.chat_id is not None
                chat_id = row.chat_id
                if await is_chat_unreachable(session, chat_id):
                    return self._skip(row, "unreachable", now)
            return await self._render(session, row, chat_id, language)

    async def _render(
        self, session: AsyncSession, row: OutboxMessage, chat_id: int, language: str
    ) -> Rendered:
        translator = translator_for(language, await _currency_of(session, row))
        text = translator.get(f"notify-{row.kind}", **notification_args(row.payload, translator))
        markup = None
        buttons = row.payload.get("buttons")
        if buttons:
            if self._bot_username is None:
                self._bot_username = (await self._bot.me()).username or ""
            markup = render_buttons(buttons, language, self._bot_username)
        media = [(MediaType(kind), file_id) for kind, file_id in row.payload.get("media", [])]
        return Rendered(chat_id, text, markup, media)

    async def _wait_for_slot(self, chat_id: int) -> Slot | datetime:
        """Wait for a sending slot; a chat over its own limit for long gives the moment to
        come back instead. One message of this process at a time asks for a slot, so
        that waiting costs no polling."""
        while True:
            async with self._slot_lock:
                while isinstance(got := await self._limiter.try_acquire(chat_id), SlotWait):
                    if self._stopping:
                        raise NotifierStopping
                    if got.chat_limited:
                        break
                    await asyncio.sleep(got.seconds)
                else:
                    return got
            # Only this chat is busy: let other chats' messages take slots meanwhile.
            if got.seconds > DEFER_CHAT_WAIT_SECONDS:
                return self._clock.now() + timedelta(seconds=got.seconds)
            await asyncio.sleep(got.seconds)

    async def _send(self, outbox_id: int, rendered: Rendered) -> Outcome | None:
        """Lock the row, take a sending slot, send; None means "send again" (throttled,
        or the chat moved). The slot is taken last so that the send leaves right after it,
        and the limiter learns when the answer came."""
        async with self._session_factory() as session, session.begin():
            statement = select(OutboxMessage).where(OutboxMessage.id == outbox_id)
            if session.get_bind().dialect.name == "postgresql":
                statement = statement.with_for_update()
            row = (await session.scalars(statement)).one()
            if row.status in FINAL_STATUSES:
                return Outcome.ALREADY_DONE
            slot = await self._wait_for_slot(rendered.chat_id)
            if isinstance(slot, datetime):
                return self._defer(row, slot, "chat_limit")
            try:
                await self._transmit(rendered, slot)
                await self._marks.mark_sent(outbox_id)
            except TelegramRetryAfter as error:
                NOTIFICATIONS_THROTTLED.labels(row.kind).inc()
                log.warning("notifier.throttled", retry_after=error.retry_after, kind=row.kind)
                await self._limiter.pause_all(error.retry_after)
                return None
            except TelegramMigrateToChat as error:
                if row.chat_id is None:  # only groups migrate
                    return self._dead_letter(row, error.message)
                log.info("notifier.chat_migrated", old=row.chat_id, new=error.migrate_to_chat_id)
                await follow_chat_migration(session, row.chat_id, error.migrate_to_chat_id)
                row.chat_id = error.migrate_to_chat_id
                return None
            except TelegramForbiddenError as error:
                await self._mark_unreachable(session, row, rendered.chat_id, error.message)
                return self._skip(row, "unreachable", self._clock.now(), error.message)
            except TelegramBadRequest as error:
                return self._dead_letter(row, error.message)
            except (TelegramServerError, TelegramNetworkError, TimeoutError) as error:
                return self._retry_later(row, str(error))
            if row.chat_id is not None:
                await mark_chat_reachable(session, row.chat_id)
            self._finish(row, OutboxStatus.SENT, self._clock.now())
            row.attempts += 1
            NOTIFICATIONS_SENT.labels(row.kind).inc()
            return Outcome.SENT

    async def _transmit(self, rendered: Rendered, slot: Slot) -> None:
        try:
            if rendered.media:
                await send_files(self._bot, rendered.chat_id, rendered.media, rendered.text)
            else:
                await self._bot.send_message(
                    rendered.chat_id, rendered.text, reply_markup=rendered.reply_markup
                )
        finally:
            # Counted by Telegram's limits until this answer (`rate_limit.py`).
            await self._limiter.answered(slot)

    async def _mark_unreachable(
        self, session: AsyncSession, row: OutboxMessage, chat_id: int, reason: str
    ) -> None:
        if row.recipient_user_id is not None:
            await session.execute(
                update(User).where(User.id == row.recipient_user_id).values(is_reachable=False)
            )
        else:
            await mark_chat_unreachable(session, chat_id, reason, self._clock.now())
        log.info("notifier.unreachable", chat_id=chat_id, reason=reason)

    def _finish(self, row: OutboxMessage, status: OutboxStatus, now: datetime) -> None:
        row.status = status
        if status == OutboxStatus.SENT:
            row.sent_at = now

    def _skip(
        self, row: OutboxMessage, reason: str, now: datetime, detail: str | None = None
    ) -> Outcome:
        self._finish(row, OutboxStatus.SKIPPED, now)
        row.last_error = (detail or reason)[:500]
        NOTIFICATIONS_SKIPPED.labels(row.kind, reason).inc()
        return Outcome.SKIPPED

    def _defer(self, row: OutboxMessage, until: datetime, reason: str) -> Outcome:
        row.status = OutboxStatus.PENDING
        row.not_before = until
        NOTIFICATIONS_DEFERRED.labels(row.kind, reason).inc()
        return Outcome.DEFERRED

    def _retry_later(self, row: OutboxMessage, error: str) -> Outcome:
        row.attempts += 1
        row.last_error = error[:500]
        if row.attempts >= self._settings.max_attempts:
            return self._dead_letter(row, error)
        backoff = self._settings.retry_base_seconds * 2 ** (row.attempts - 1)
        row.status = OutboxStatus.PENDING
        row.not_before = self._clock.now() + timedelta(seconds=backoff)
        NOTIFICATIONS_RETRIED.labels(row.kind).inc()
        log.warning("notifier.retry_scheduled", outbox_id=row.id, attempts=row.attempts)
        return Outcome.RETRY_SCHEDULED

    def _dead_letter(self, row: OutboxMessage, error: str) -> Outcome:
        row.status = OutboxStatus.FAILED
        row.last_error = error[:500]
        NOTIFICATIONS_DEAD_LETTERED.labels(row.kind).inc()
        log.error("notifier.dead_lettered", outbox_id=row.id, kind=row.kind, error=error)
        return Outcome.FAILED


async def _currency_of(session: AsyncSession, row: OutboxMessage) -> str | None:
    """The currency the message's amounts are written in: the payload's own (a payment
    names it), else the organization's; looked up only for a message with amounts."""
    if "currency" in row.payload:
        return str(row.payload["currency"])
    if row.organization_id is None or not money_amounts(row.payload):
        return None
    organization = await session.get(Organization, row.organization_id)
    return organization.currency if organization is not None else None
