"""Organizations: creation and settings, tariffs and their limits, invite links, and
the superadmin's platform administration."""
