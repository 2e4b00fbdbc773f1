"""Notifications are written to the outbox in the caller's transaction; the pipeline
(relay → RabbitMQ → notifier) delivers them. `dedup_key` makes a cause notify once."""

from datetime import datetime
from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from services.db.models import OutboxMessage, OutboxStatus


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
    values = {
        "kind": kind,
        "dedup_key": dedup_key,
        "recipient_user_id": recipient_user_id,
        "chat_id": chat_id,
        "payload": payload or {},
        "status": OutboxStatus.PENDING,
        "not_before": not_before,
        "attempts": 0,
    }
    dialect = session.bind.dialect.name if session.bind is not None else "postgresql"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    statement = (
        insert(OutboxMessage).values(**values).on_conflict_do_nothing(index_elements=["dedup_key"])
    )
    await session.execute(statement)
