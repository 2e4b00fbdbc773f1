"""Settings → notifications: which kinds a user receives, reminder lead time, quiet hours."""
