"""Location checks of clock-in: haversine distance, the geofence with accuracy slack,
and the anti-spoofing refusals (forwarded, stale, venue, static pin where live needed)."""

import math
from datetime import UTC, datetime, timedelta

from hypothesis import example, given
from hypothesis import strategies as st

from services.places.geo import (
    Geofence,
    LocationRefusal,
    LocationReport,
    allowed_distance_m,
    check_location,
    haversine_m,
)

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
CAFE = (55.7539, 37.6208)  # Red Square, Moscow
FENCE = Geofence(latitude=CAFE[0], longitude=CAFE[1], radius_m=150)

latitudes = st.floats(min_value=-89.0, max_value=89.0, allow_nan=False)
longitudes = st.floats(min_value=-180.0, max_value=180.0, allow_nan=False)


def north_of(point: tuple[float, float], metres: float) -> tuple[float, float]:
    """A point `metres` due north (along a meridian the haversine distance is exact)."""
    return point[0] + math.degrees(metres / 6_371_008.8), point[1]


def report(point: tuple[float, float], **overrides: object) -> LocationReport:
    values: dict[str, object] = {"latitude": point[0], "longitude": point[1], "sent_at": NOW}
    values.update(overrides)
    return LocationReport(**values)  # type: ignore[arg-type]


def test_one_degree_of_latitude_is_about_111_km() -> None:
    assert abs(haversine_m(0, 0, 1, 0) - 111_195) < 1


def test_moscow_to_saint_petersburg() -> None:
    distance = haversine_m(55.7558, 37.6173, 59.9343, 30.3351)
    assert 630_000 < distance < 640_000


@given(latitudes, longitudes, latitudes, longitudes)
def test_haversine_is_symmetric_and_non_negative(a, b, c, d) -> None:
    assert haversine_m(a, b, c, d) >= 0
    assert math.isclose(haversine_m(a, b, c, d), haversine_m(c, d, a, b), abs_tol=1e-6)


@given(latitudes, longitudes)
def test_haversine_of_a_point_to_itself_is_zero(a, b) -> None:
    assert haversine_m(a, b, a, b) == 0


@given(latitudes, longitudes, latitudes, longitudes, latitudes, longitudes)
@example(0.0, 180.0, 0.0, 0.015625, 0.0, 0.0)
def test_haversine_triangle_inequality(a, b, c, d, e, f) -> None:
    # Floating point: near antipodal points the two sides of a point on the great circle
    # add up to the whole within a few micrometres at 20,000 km (hypothesis found one at
    # 3.5 µm), so the tolerance is relative (1e-12, a 20 µm at most) on top of 1 µm.
    through = haversine_m(a, b, c, d) + haversine_m(c, d, e, f)
    assert haversine_m(a, b, e, f) <= through * (1 + 1e-12) + 1e-6


def test_inside_the_fence_is_accepted() -> None:
    verdict = check_location(report(north_of(CAFE, 100)), FENCE, NOW)
    assert verdict.accepted
    assert verdict.distance_m is not None and abs(verdict.distance_m - 100) < 0.5


def test_outside_the_fence_is_refused_with_distance_and_allowance() -> None:
    verdict = check_location(report(north_of(CAFE, 850)), FENCE, NOW)
    assert verdict.refusal == LocationRefusal.TOO_FAR
    assert verdict.distance_m is not None and round(verdict.distance_m) == 850
    assert verdict.allowed_m == 150


def test_accuracy_gives_slack_up_to_50_metres() -> None:
    just_outside = north_of(CAFE, 190)
    assert check_location(report(just_outside, horizontal_accuracy=45), FENCE, NOW).accepted
    refused = check_location(report(just_outside, horizontal_accuracy=30), FENCE, NOW)
    assert refused.refusal == LocationRefusal.TOO_FAR
    # A poor fix does not widen the fence past 50 m.
    far = check_location(report(north_of(CAFE, 230), horizontal_accuracy=1500), FENCE, NOW)
    assert far.refusal == LocationRefusal.TOO_FAR and far.allowed_m == 200


def test_forwarded_location_is_refused_even_inside() -> None:
    verdict = check_location(report(CAFE, forwarded=True), FENCE, NOW)
    assert verdict.refusal == LocationRefusal.FORWARDED


def test_venue_is_refused() -> None:
    assert check_location(report(CAFE, venue=True), FENCE, NOW).refusal == LocationRefusal.VENUE


def test_location_older_than_120_seconds_is_stale() -> None:
    fresh = report(CAFE, sent_at=NOW - timedelta(seconds=120))
    stale = report(CAFE, sent_at=NOW - timedelta(seconds=121))
    assert check_location(fresh, FENCE, NOW).accepted
    assert check_location(stale, FENCE, NOW).refusal == LocationRefusal.STALE


def test_static_pin_refused_where_live_location_is_required() -> None:
    live_only = Geofence(CAFE[0], CAFE[1], 150, require_live=True)
    assert check_location(report(CAFE), live_only, NOW).refusal == LocationRefusal.NOT_LIVE
    assert check_location(report(CAFE, live_period=900), live_only, NOW).accepted


def test_object_without_coordinates_cannot_check() -> None:
    verdict = check_location(report(CAFE), Geofence(None, None, 150), NOW)
    assert verdict.refusal == LocationRefusal.NO_FENCE and verdict.distance_m is None


@given(
    distance=st.floats(min_value=0, max_value=2_000),
    radius=st.integers(min_value=30, max_value=5_000),
    accuracy=st.one_of(st.none(), st.floats(min_value=0, max_value=5_000)),
)
def test_fresh_first_hand_point_is_accepted_exactly_inside_radius_plus_slack(
    distance, radius, accuracy
) -> None:
    point = north_of(CAFE, distance)
    fence = Geofence(CAFE[0], CAFE[1], radius)
    verdict = check_location(report(point, horizontal_accuracy=accuracy), fence, NOW)
    allowed = radius + min(accuracy or 0, 50)
    assert verdict.allowed_m == allowed_distance_m(radius, accuracy) == allowed
    assert verdict.distance_m is not None
    assert verdict.accepted == (verdict.distance_m <= allowed)
    if abs(distance - allowed) > 0.01:
        assert verdict.accepted == (distance <= allowed)
