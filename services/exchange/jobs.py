"""Scheduled jobs of the shift exchange."""

from services.exchange.exchange import announce_open_places_job, lapse_exchanges_job
from services.platform.scheduler import ScheduledJob

JOBS = [
    ScheduledJob("exchange_lapse", lapse_exchanges_job),
    ScheduledJob("exchange_announce_open_places", announce_open_places_job),
]
