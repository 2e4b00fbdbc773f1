"""The outbox relay: moves due notifications from the outbox table to the queue.

A batch is claimed with `SELECT … FOR UPDATE SKIP LOCKED` (several relays share the
work), published with publisher confirms, and marked published in the same
transaction. A crash after publishing and before the commit leaves the rows pending:
they are published again, and the notifier's dedup makes that harmless. The claim
holds the rows (on SQLite the whole database) until the commit, so a notifier that
delivers a message at once records it sent only after it was marked published, never
before (that mark would then hide the sending: the row stuck `published`, and sent
again after a restart).
"""

import asyncio
import json
from collections.abc import Sequence
from datetime import timedelta

import structlog
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.platform.clock import Clock
from services.platform.db.models import OutboxMessage, OutboxStatus
from services.platform.db.session import SessionFactory
from services.platform.observability.metrics import (
    NOTIFICATIONS_PUBLISHED,
    OUTBOX_DUE,
    OUTBOX_LAG,
    OUTBOX_OLDEST_DUE,
)
from services.platform.queue.broker import Broker

NOTIFICATIONS_QUEUE = "notifications"
NOTIFICATIONS_ROUTING = "notify.#"
# Pause after a failed pass (broker or database away) before trying again.
RELAY_ERROR_PAUSE_SECONDS = 2.0
# A row published this long ago and still not final lost its message (the in-process
# queue of a restarted embedded worker): it is published again.
STALE_PUBLISHED_AFTER = timedelta(minutes=15)
STALE_SWEEP_INTERVAL_SECONDS = 60.0

log = structlog.get_logger("relay")


def routing_key(kind: str) -> str:
    return f"notify.{kind}"


def message_body(row: OutboxMessage) -> bytes:
    return json.dumps({"id": row.id, "kind": row.kind, "dedup_key": row.dedup_key}).encode()


class OutboxRelay:
    def __init__(
        self, session_factory: SessionFactory, broker: Broker, clock: Clock, batch_size: int
    ) -> None:
        self._session_factory = session_factory
        self._broker = broker
        self._clock = clock
        self._batch_size = batch_size

    async def claim_due(self, session: AsyncSession) -> Sequence[OutboxMessage]:
        """Lock up to one batch of due pending rows that no other relay holds."""
        statement = (
            select(OutboxMessage)
            .where(
                OutboxMessage.status == OutboxStatus.PENDING,
                OutboxMessage.not_before <= self._clock.now(),
            )
            .order_by(OutboxMessage.not_before, OutboxMessage.id)
            .limit(self._batch_size)
            .with_for_update(skip_locked=True)
        )
        return (await session.scalars(statement)).all()

    async def publish(self, rows: Sequence[OutboxMessage]) -> None:
        """Publish every row; returns once the broker confirmed them all."""
        await asyncio.gather(
            *(self._broker.publish(routing_key(row.kind), message_body(row)) for row in rows)
        )

    async def mark_published(self, session: AsyncSession, rows: Sequence[OutboxMessage]) -> None:
        now = self._clock.now()
        await session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id.in_([row.id for row in rows]))
            .values(status=OutboxStatus.PUBLISHED, published_at=now)
        )
        for row in rows:
            NOTIFICATIONS_PUBLISHED.labels(row.kind).inc()
            OUTBOX_LAG.labels(row.kind).observe(max(0.0, (now - row.not_before).total_seconds()))

    async def relay_once(self) -> int:
        """One batch: claim, publish, mark. Returns how many rows were published."""
        async with self._session_factory() as session, session.begin():
            rows = await self.claim_due(session)
            if rows:
                await self.publish(rows)
                await self.mark_published(session, rows)
        return len(rows)

    async def republish_stale(self) -> int:
        """Put rows whose message was lost back to pending; returns how many."""
        async with self._session_factory() as session, session.begin():
            result = await session.execute(
                update(OutboxMessage)
                .where(
                    OutboxMessage.status == OutboxStatus.PUBLISHED,
                    OutboxMessage.published_at < self._clock.now() - STALE_PUBLISHED_AFTER,
                )
                .values(status=OutboxStatus.PENDING)
            )
        count: int = result.rowcount  # type: ignore[attr-defined]
        if count:
            log.warning("relay.stale_published_requeued", count=count)
        return count

    async def measure_backlog(self) -> None:
        """The due rows not yet published, and how long the oldest due notification not
        yet sent (published or not) has waited: minutes mean the worker is stuck."""
        now = self._clock.now()
        due = OutboxMessage.not_before <= now
        async with self._session_factory() as session:
            count = await session.scalar(
                select(func.count()).where(OutboxMessage.status == OutboxStatus.PENDING, due)
            )
            oldest = await session.scalar(
                select(func.min(OutboxMessage.not_before)).where(
                    OutboxMessage.status.in_((OutboxStatus.PENDING, OutboxStatus.PUBLISHED)), due
                )
            )
        OUTBOX_DUE.set(count or 0)
        OUTBOX_OLDEST_DUE.set((now - oldest).total_seconds() if oldest else 0)

    async def run(self, stop: asyncio.Event, interval_seconds: float) -> None:
        """Relay until `stop` is set; full batches are followed at once by the next."""
        loop = asyncio.get_running_loop()
        next_sweep = loop.time()
        while not stop.is_set():
            try:
                if loop.time() >= next_sweep:
                    await self.republish_stale()
                    next_sweep = loop.time() + STALE_SWEEP_INTERVAL_SECONDS
                published = await self.relay_once()
            except Exception:  # the broker or the database is away: rows stay pending
                log.exception("relay.pass_failed")
                await _sleep_unless(stop, RELAY_ERROR_PAUSE_SECONDS)
                continue
            if published < self._batch_size:
                await _sleep_unless(stop, interval_seconds)


async def _sleep_unless(stop: asyncio.Event, seconds: float) -> None:
    try:
        await asyncio.wait_for(stop.wait(), seconds)
    except TimeoutError:
        return
