"""Shift tasks: templates on objects and slots, tasks attached to a shift, proof photos,
review by managers, and the reminders of unfinished tasks."""
