"""The message queue between processes: RabbitMQ (aio-pika) in production, an
in-process queue in the embedded default. Both offer the same small interface; the send
limiter paces what goes out to Telegram."""
