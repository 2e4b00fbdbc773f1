"""Location checks of clock-in and clock-out (pure: no database, no clock of its own).

A location is accepted when it is fresh, first-hand (not forwarded), a point rather than
a venue picked from a list, live where the object demands it, and inside the geofence:
distance <= radius + min(horizontal accuracy, 50 m).
"""

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

EARTH_RADIUS_M = 6_371_008.8
MAX_ACCURACY_SLACK_M = 50.0
MAX_LOCATION_AGE = timedelta(seconds=120)


def haversine_m(latitude1: float, longitude1: float, latitude2: float, longitude2: float) -> float:
    """Great-circle distance in metres between two points given in degrees."""
    phi1, phi2 = math.radians(latitude1), math.radians(latitude2)
    delta_phi = phi2 - phi1
    delta_lambda = math.radians(longitude2 - longitude1)
    a = (
        math.sin(delta_phi / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(delta_lambda / 2) ** 2
    )
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(a)))


class LocationRefusal(StrEnum):
    """Why a location was not accepted; each has its own message (`clock-refused-<code>`)."""

    FORWARDED = "forwarded"
    VENUE = "venue"
    STALE = "stale"
    NOT_LIVE = "not-live"
    NO_FENCE = "no-fence"
    TOO_FAR = "too-far"


@dataclass(frozen=True)
class LocationReport:
    """A location message as Telegram delivered it."""

    latitude: float
    longitude: float
    sent_at: datetime
    horizontal_accuracy: float | None = None
    live_period: int | None = None
    forwarded: bool = False
    venue: bool = False

    @property
    def is_live(self) -> bool:
        return self.live_period is not None


@dataclass(frozen=True)
class Geofence:
    """The object's circle; no centre when the owner has not set the object's location."""

    latitude: float | None
    longitude: float | None
    radius_m: int
    require_live: bool = False


@dataclass(frozen=True)
class LocationVerdict:
    refusal: LocationRefusal | None
    distance_m: float | None
    allowed_m: float
    radius_m: int

    @property
    def accepted(self) -> bool:
        return self.refusal is None


def allowed_distance_m(radius_m: float, horizontal_accuracy: float | None) -> float:
    """The radius plus the device's stated inaccuracy, the latter counted up to 50 m."""
    slack = min(max(horizontal_accuracy or 0.0, 0.0), MAX_ACCURACY_SLACK_M)
    return radius_m + slack


def check_location(report: LocationReport, fence: Geofence, now: datetime) -> LocationVerdict:
    """Accept or refuse `report` against `fence` at `now`. The distance is measured even
    for refused reports, so that every attempt can be audited with it."""
    allowed = allowed_distance_m(fence.radius_m, report.horizontal_accuracy)
    distance = (
        haversine_m(report.latitude, report.longitude, fence.latitude, fence.longitude)
        if fence.latitude is not None and fence.longitude is not None
        else None
    )
    refusal: LocationRefusal | None = None
    if report.forwarded:
        refusal = LocationRefusal.FORWARDED
    elif report.venue:
        refusal = LocationRefusal.VENUE
    elif now - report.sent_at > MAX_LOCATION_AGE:
        refusal = LocationRefusal.STALE
    elif fence.require_live and not report.is_live:
        refusal = LocationRefusal.NOT_LIVE
    elif distance is None:
        refusal = LocationRefusal.NO_FENCE
    elif distance > allowed:
        refusal = LocationRefusal.TOO_FAR
    return LocationVerdict(
        refusal=refusal, distance_m=distance, allowed_m=allowed, radius_m=fence.radius_m
    )
