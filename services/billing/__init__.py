"""Billing: subscriptions and payments through YooKassa, renewal reminders and expiry."""
