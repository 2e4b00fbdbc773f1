"""Widgets and helpers shared by every dialog."""
