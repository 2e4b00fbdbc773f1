"""Notifications: the outbox every domain writes to, each user's notification
settings, the relay from the outbox to the queue, the notifier that sends to Telegram,
and the shift reminders."""
