"""Shift exchange: open places, give-aways, swaps, planners' approvals, and the jobs
that announce open places and lapse stale requests."""
