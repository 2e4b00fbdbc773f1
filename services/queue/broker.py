"""Publishing and consuming messages by routing key.

RabbitMQ: one durable topic exchange per namespace, durable queues, persistent messages,
publisher confirms, a robust connection that reconnects by itself. The in-process
broker keeps the same semantics inside one process (the embedded default).
"""

import asyncio
from collections import defaultdict
from collections.abc import Awaitable, Callable
from typing import Protocol

import aio_pika
import structlog
from aio_pika.abc import AbstractIncomingMessage, AbstractRobustConnection

from services.config import Settings

MessageHandler = Callable[[bytes], Awaitable[None]]
log = structlog.get_logger("queue")


class Broker(Protocol):
    async def publish(self, routing_key: str, body: bytes) -> None: ...

    async def consume(self, queue: str, routing_key: str, handler: MessageHandler) -> None: ...

    async def close(self) -> None: ...


class RabbitBroker:
    def __init__(self, connection: AbstractRobustConnection, namespace: str, prefetch: int) -> None:
        self._connection = connection
        self._namespace = namespace
        self._prefetch = prefetch
        self._channel: aio_pika.abc.AbstractRobustChannel | None = None
        self._exchange: aio_pika.abc.AbstractExchange | None = None

    @classmethod
    async def connect(cls, url: str, namespace: str, prefetch: int = 32) -> "RabbitBroker":
        connection = await aio_pika.connect_robust(url)
        broker = cls(connection, namespace, prefetch)
        await broker._open()
        return broker

    async def _open(self) -> None:
        channel = await self._connection.channel(publisher_confirms=True)
        await channel.set_qos(prefetch_count=self._prefetch)
        self._exchange = await channel.declare_exchange(
            self._namespace, aio_pika.ExchangeType.TOPIC, durable=True
        )
        self._channel = channel

    def _name(self, queue: str) -> str:
        return f"{self._namespace}.{queue}"

    async def publish(self, routing_key: str, body: bytes) -> None:
        assert self._exchange is not None
        message = aio_pika.Message(body, delivery_mode=aio_pika.DeliveryMode.PERSISTENT)
        # With publisher confirms this returns only once the broker has the message.
        await self._exchange.publish(message, routing_key=routing_key)

    async def consume(self, queue: str, routing_key: str, handler: MessageHandler) -> None:
        assert self._channel is not None and self._exchange is not None
        declared = await self._channel.declare_queue(self._name(queue), durable=True)
        await declared.bind(self._exchange, routing_key=routing_key)

        async def on_message(message: AbstractIncomingMessage) -> None:
            # Acknowledged only after the handler finished: a crash means redelivery.
            async with message.process(requeue=True):
                await handler(message.body)

        await declared.consume(on_message)

    async def close(self) -> None:
        await self._connection.close()


class InProcessBroker:
    """Queues inside one process for the embedded default; messages do not survive a
    restart, which is what "embedded" accepts."""

    def __init__(self) -> None:
        self._queues: dict[str, asyncio.Queue[bytes]] = {}
        self._bindings: dict[str, list[str]] = defaultdict(list)
        self._tasks: list[asyncio.Task[None]] = []

    async def publish(self, routing_key: str, body: bytes) -> None:
        for queue in self._bindings.get(routing_key, []):
            await self._queues[queue].put(body)

    async def consume(self, queue: str, routing_key: str, handler: MessageHandler) -> None:
        messages = self._queues.setdefault(queue, asyncio.Queue())
        self._bindings[routing_key].append(queue)

        async def pump() -> None:
            while True:
                body = await messages.get()
                try:
                    await handler(body)
                except Exception:  # one bad message must not stop the queue
                    log.exception("queue.handler_failed", queue=queue)

        self._tasks.append(asyncio.create_task(pump()))

    async def close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)


async def connect_broker(settings: Settings) -> Broker:
    if settings.rabbitmq_url:
        return await RabbitBroker.connect(settings.rabbitmq_url, settings.namespace)
    return InProcessBroker()
