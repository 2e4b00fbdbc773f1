"""Scheduling: filling a week's free places automatically (a CP-SAT model over plain
data), the hard rules every assignment must keep, why a place stays empty, drafts the
manager reviews and publishes, and labor cost against the objects' sales."""
