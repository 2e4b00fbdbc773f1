"""Announcements (C22): owners and managers post a message (text, optional photo or
file) to all staff or the staff of chosen objects, optionally asking for "✅ Got it";
delivery goes through the outbox and the rate-limited notifier, one notification per
recipient (dedup keys); the author sees who has read it; unread ones stay on the
employee's home until acknowledged."""
