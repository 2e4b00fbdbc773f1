"""Attendance: clock-in with the geofence check, approvals of refused attempts,
clock-out, manual and automatic closing, and the alerts for people not clocked in."""
