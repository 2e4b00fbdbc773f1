"""Publishing and consuming messages by routing key.

RabbitMQ: one durable topic exchange per namespace, durable queues, persistent messages,
publisher confirms, a robust connection that reconnects by itself (and re-declares its
queues and consumers). The in-process broker keeps the same interface inside one
process (the embedded default).
"""

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Protocol

import aio_pika
import structlog
from aio_pika.abc import (
    AbstractIncomingMessage,
    AbstractRobustChannel,
    AbstractRobustConnection,
    AbstractRobustExchange,
    AbstractRobustQueue,
)

from services.platform.config import Settings

MessageHandler = Callable[[bytes], Awaitable[None]]
PUBLISH_TIMEOUT_SECONDS = 10.0
# How long a question to the broker waits for a lost connection to be restored.
RECONNECT_WAIT_SECONDS = 10.0
# What aio-pika raises when the channel went away under a call.
CHANNEL_LOST = (aio_pika.exceptions.AMQPError, aio_pika.exceptions.ChannelInvalidStateError)
log = structlog.get_logger("queue")


class Broker(Protocol):
    async def publish(self, routing_key: str, body: bytes) -> None: ...

    async def declare(self, queue: str, routing_key: str) -> None: ...

    async def consume(self, queue: str, routing_key: str, handler: MessageHandler) -> None: ...

    async def stop_consuming(self) -> None: ...

    async def queue_depth(self, queue: str) -> int: ...

    async def close(self) -> None: ...


class RabbitBroker:
    def __init__(self, connection: AbstractRobustConnection, namespace: str, prefetch: int) -> None:
        self._connection = connection
        self._namespace = namespace
        self._prefetch = prefetch
        self._channel: AbstractRobustChannel | None = None
        self._exchange: AbstractRobustExchange | None = None
        self._consumers: dict[str, tuple[AbstractRobustQueue, str]] = {}
        self._handling: set[asyncio.Task[None]] = set()

    @classmethod
    async def connect(cls, url: str, namespace: str, prefetch: int = 32) -> "RabbitBroker":
        # The connection name lets operators (and tests) find this process's connections.
        connection = await aio_pika.connect_robust(
            url, client_properties={"connection_name": namespace}
        )
        broker = cls(connection, namespace, prefetch)
        await broker._open()
        return broker

    async def _open(self) -> None:
        # An unroutable message (no queue bound yet) raises instead of vanishing.
        channel = await self._connection.channel(publisher_confirms=True, on_return_raises=True)
        await channel.set_qos(prefetch_count=self._prefetch)
        self._exchange = await channel.declare_exchange(
            self._namespace, aio_pika.ExchangeType.TOPIC, durable=True
        )
        self._channel = channel  # type: ignore[assignment]

    def _name(self, queue: str) -> str:
        return f"{self._namespace}.{queue}"

    async def publish(self, routing_key: str, body: bytes) -> None:
        assert self._exchange is not None
        message = aio_pika.Message(body, delivery_mode=aio_pika.DeliveryMode.PERSISTENT)
        # With publisher confirms this returns only once the broker has the message.
        await self._exchange.publish(
            message, routing_key=routing_key, timeout=PUBLISH_TIMEOUT_SECONDS
        )

    async def declare(self, queue: str, routing_key: str) -> None:
        """Create the durable queue and its binding so that messages published before
        any consumer runs are kept."""
        await self._declare(queue, routing_key)

    async def _declare(self, queue: str, routing_key: str) -> AbstractRobustQueue:
        assert self._channel is not None and self._exchange is not None
        declared = await self._channel.declare_queue(self._name(queue), durable=True)
        await declared.bind(self._exchange, routing_key=routing_key)
        return declared  # type: ignore[return-value]

    async def consume(self, queue: str, routing_key: str, handler: MessageHandler) -> None:
        declared = await self._declare(queue, routing_key)

        async def on_message(message: AbstractIncomingMessage) -> None:
            # Acknowledged only after the handler finished: a crash means redelivery.
            # The handler runs in a task of its own: a closing channel interrupts the
            # tasks it started, and a message Telegram already accepted must still be
            # recorded as sent (its redelivery then finds it done).
            handling = asyncio.create_task(handler(message.body))
            self._handling.add(handling)
            handling.add_done_callback(self._handled)
            try:
                await asyncio.shield(handling)
            except Exception as error:  # handed back to the queue; the handler logged why
                await _settle(message.reject(requeue=True), queue, type(error).__name__)
                return
            await _settle(message.ack(), queue, "ack")

        tag = await declared.consume(on_message)
        self._consumers[queue] = (declared, tag)  # type: ignore[assignment]

    def _handled(self, handling: asyncio.Task[None]) -> None:
        self._handling.discard(handling)
        if not handling.cancelled():
            handling.exception()  # already logged by the handler, or seen by on_message

    async def stop_consuming(self) -> None:
        """No new deliveries; messages already delivered finish (or are redelivered)."""
        for queue, (declared, tag) in self._consumers.items():
            # Forgotten first, so a reconnection does not bring the consumer back; with
            # the connection lost the server has dropped it already.
            try:
                await declared.cancel(tag)
            except CHANNEL_LOST:
                log.warning("queue.cancel_on_lost_connection", queue=queue)
        self._consumers.clear()

    async def queue_depth(self, queue: str) -> int:
        """Messages ready in the queue, as the server counts them now. Asked on the
        underlying channel: a robust channel answers a passive declare of a queue it knows
        from its cache, with the count seen when that queue was first declared."""
        assert self._channel is not None
        # After a lost connection, wait until the channel is reopened, not just the connection.
        await asyncio.wait_for(self._channel.ready(), RECONNECT_WAIT_SECONDS)
        channel = await self._channel.get_underlay_channel()
        declared = await channel.queue_declare(self._name(queue), passive=True)
        return declared.message_count or 0

    async def delete_topology(self, queues: list[str]) -> None:
        """Remove the namespace's queues and exchange (test runs and uninstalls)."""
        assert self._channel is not None
        for queue in queues:
            await self._channel.queue_delete(self._name(queue))
        await self._channel.exchange_delete(self._namespace)

    async def close(self) -> None:
        await self._connection.close()


async def _settle(settling: Awaitable[None], queue: str, outcome: str) -> None:
    """Ack or reject; on a connection lost meanwhile the broker redelivers by itself."""
    try:
        await settling
    except CHANNEL_LOST:
        log.warning("queue.settle_failed", queue=queue, outcome=outcome)


class InProcessBroker:
    """Queues inside one process for the embedded default; messages do not survive a
    restart, which is what "embedded" accepts."""

    def __init__(self, concurrency: int = 16) -> None:
        self._queues: dict[str, asyncio.Queue[bytes]] = {}
        self._bindings: dict[str, list[str]] = defaultdict(list)
        self._pumps: list[asyncio.Task[None]] = []
        self._busy: set[asyncio.Task[None]] = set()
        self._stopping = False
        self._concurrency = concurrency

    @staticmethod
    def _matches(pattern: str, routing_key: str) -> bool:
        # The topic patterns we use: exact keys or a prefix followed by ".#".
        if pattern.endswith(".#"):
            return routing_key.startswith(pattern[:-1]) or routing_key == pattern[:-2]
        return pattern == routing_key

    async def declare(self, queue: str, routing_key: str) -> None:
        self._queues.setdefault(queue, asyncio.Queue())
        if queue not in self._bindings[routing_key]:
            self._bindings[routing_key].append(queue)

    async def publish(self, routing_key: str, body: bytes) -> None:
        for pattern, queues in self._bindings.items():
            if self._matches(pattern, routing_key):
                for queue in queues:
                    await self._queues[queue].put(body)

    async def consume(self, queue: str, routing_key: str, handler: MessageHandler) -> None:
        await self.declare(queue, routing_key)
        messages = self._queues[queue]

        async def pump() -> None:
            while not self._stopping:
                body = await messages.get()
                task = asyncio.current_task()
                self._busy.add(task)  # type: ignore[arg-type]
                try:
                    await handler(body)
                except Exception:  # handed back, as RabbitMQ does; the queue goes on
                    log.exception("queue.handler_failed", queue=queue)
                    messages.put_nowait(body)
                finally:
                    self._busy.discard(task)  # type: ignore[arg-type]

        self._pumps += [asyncio.create_task(pump()) for _ in range(self._concurrency)]

    async def stop_consuming(self) -> None:
        """Idle consumers stop at once; busy ones finish their current message."""
        self._stopping = True
        for task in self._pumps:
            if task not in self._busy:
                task.cancel()
        await asyncio.gather(*self._pumps, return_exceptions=True)
        self._pumps.clear()

    async def queue_depth(self, queue: str) -> int:
        messages = self._queues.get(queue)
        return messages.qsize() if messages is not None else 0

    async def close(self) -> None:
        await self.stop_consuming()


async def connect_broker(settings: Settings) -> Broker:
    if settings.rabbitmq_url:
        return await RabbitBroker.connect(
            settings.rabbitmq_url, settings.namespace, prefetch=settings.notifier.concurrency
        )
    return InProcessBroker(concurrency=settings.notifier.concurrency)
