"""Telegram process wiring: Dispatcher factory, storage, middlewares, /start, errors."""
