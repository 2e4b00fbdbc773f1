"""Hiring (C17): an object's vacancy (its link, QR picture and channel post), candidates'
applications in chat, interviews, rejection and hiring into staff, the pipeline per
object and its reminders."""
