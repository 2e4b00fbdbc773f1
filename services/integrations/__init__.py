"""Thin typed adapters to the outside world, each configurable by base URL."""
