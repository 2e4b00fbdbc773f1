"""Notifications are written to the outbox in the caller's transaction; the pipeline
(relay → RabbitMQ → notifier) delivers them. `dedup_key` makes a cause notify once."""

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.db.models import OutboxMessage, OutboxStatus


@dataclass(frozen=True)
class NotificationKind:
    """How a kind of notification is delivered. `optional` kinds can be switched off by
    the user (settings dialog); non-`urgent` kinds wait for the end of quiet hours."""

    name: str
    optional: bool = True
    urgent: bool = False


NOTIFICATION_KINDS: dict[str, NotificationKind] = {}
# Quiet hours of a user without a timezone of their own are read in this zone.
DEFAULT_TIMEZONE = "Europe/Moscow"


def register_kind(name: str, *, optional: bool = True, urgent: bool = False) -> NotificationKind:
    """Declare a kind so that users can choose it in the settings dialog (its label is
    the locale key `notify-kind-<name>`). Unregistered kinds are always delivered at once."""
    kind = NotificationKind(name, optional=optional, urgent=urgent)
    NOTIFICATION_KINDS[name] = kind
    return kind


def kind_of(name: str) -> NotificationKind:
    return NOTIFICATION_KINDS.get(name) or NotificationKind(name, optional=False, urgent=True)


SHIFT_REMINDER = register_kind("shift_reminder", urgent=True)
NOT_CLOCKED_IN = register_kind("not_clocked_in", urgent=True)
DAILY_SUMMARY = register_kind("daily_summary")


async def notify(
    session: AsyncSession,
    *,
    kind: str,
    dedup_key: str,
    not_before: datetime,
    payload: dict[str, Any] | None = None,
    recipient_user_id: int | None = None,
    chat_id: int | None = None,
) -> None:
    """Queue a notification of `kind` (its text is the locale key `notify-<kind>` with
    `payload` as variables). A second call with the same `dedup_key` does nothing."""
    if (recipient_user_id is None) == (chat_id is None):
        raise ValueError("a notification goes to exactly one user or one chat")
    await _insert_outbox(
        session, [_outbox_row(kind, dedup_key, not_before, payload, recipient_user_id, chat_id)]
    )


@dataclass(frozen=True)
class UserNotification:
    """One notification of a batch: its recipient, dedup key and variables."""

    recipient_user_id: int
    dedup_key: str
    payload: dict[str, Any]


async def notify_many(
    session: AsyncSession,
    *,
    kind: str,
    not_before: datetime,
    notifications: list[UserNotification],
) -> None:
    """`notify` for many users in one statement (e.g. every payslip of a closed period):
    the number of statements does not grow with the number of recipients."""
    if notifications:
        await _insert_outbox(
            session,
            [
                _outbox_row(kind, n.dedup_key, not_before, n.payload, n.recipient_user_id, None)
                for n in notifications
            ],
        )


def _outbox_row(
    kind: str,
    dedup_key: str,
    not_before: datetime,
    payload: dict[str, Any] | None,
    recipient_user_id: int | None,
    chat_id: int | None,
) -> dict[str, Any]:
    return {
        "kind": kind,
        "dedup_key": dedup_key,
        "recipient_user_id": recipient_user_id,
        "chat_id": chat_id,
        "payload": payload or {},
        "status": OutboxStatus.PENDING,
        "not_before": not_before,
        "attempts": 0,
    }


async def _insert_outbox(session: AsyncSession, rows: list[dict[str, Any]]) -> None:
    dialect = session.bind.dialect.name if session.bind is not None else "postgresql"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(OutboxMessage).values(rows).on_conflict_do_nothing(index_elements=["dedup_key"])
    )
    await session.execute(statement)
