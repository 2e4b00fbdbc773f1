"""Employee documents: the documents an organization requires (at every object or at
chosen ones), the employees' uploads (files kept by the owner's storage mode for
employee documents), their review, expiry reminders, the check that an expired document
blocks booking, the log of every view and the deletion of a dismissed employee's
documents after the owner's retention period."""
