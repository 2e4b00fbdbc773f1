"""Planning: time slots, templates, bookings and assignments, planned shifts,
cancellations with their documents and fines, and the planning settings."""
