"""The offline timezone-of-a-location lookup and the offset labels."""

from datetime import UTC, datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.places.timezones import (
    COMMON_TIMEZONES,
    REFERENCE_CITIES,
    timezone_for_location,
    utc_offset_label,
)
from services.platform.errors import InvalidInput


@pytest.mark.parametrize(
    ("latitude", "longitude", "zone"),
    [
        (55.7512, 37.6184, "Europe/Moscow"),  # Kremlin
        (43.5855, 39.7231, "Europe/Moscow"),  # Sochi
        (54.7104, 20.4522, "Europe/Kaliningrad"),
        (53.1959, 50.1002, "Europe/Samara"),
        (56.8389, 60.6057, "Asia/Yekaterinburg"),
        (55.0084, 82.9357, "Asia/Novosibirsk"),
        (52.2870, 104.3050, "Asia/Irkutsk"),
        (43.1155, 131.8855, "Asia/Vladivostok"),
        (53.0452, 158.6483, "Asia/Kamchatka"),
        (53.9006, 27.5590, "Europe/Minsk"),
        (43.2220, 76.8512, "Asia/Almaty"),
        (41.2995, 69.2401, "Asia/Tashkent"),
    ],
)
def test_zone_of_a_pin_is_the_zone_of_the_nearest_city(
    latitude: float, longitude: float, zone: str
) -> None:
    assert timezone_for_location(latitude, longitude) == zone


@pytest.mark.parametrize(
    ("latitude", "longitude"),
    [(0.0, 0.0), (-33.87, 151.21), (40.71, -74.0), (91.0, 10.0), (10.0, 181.0)],
)
def test_a_pin_far_from_every_reference_city_is_refused(latitude: float, longitude: float) -> None:
    with pytest.raises(InvalidInput) as refusal:
        timezone_for_location(latitude, longitude)
    assert refusal.value.params["reason"] == "far-location"


@given(st.sampled_from(REFERENCE_CITIES))
def test_every_reference_city_maps_to_its_own_zone(city) -> None:  # type: ignore[no-untyped-def]
    assert timezone_for_location(city.latitude, city.longitude) == city.timezone


@given(
    st.floats(min_value=-90, max_value=90, allow_nan=False),
    st.floats(min_value=-180, max_value=180, allow_nan=False),
)
def test_any_valid_point_gets_a_known_zone_or_a_clear_refusal(
    latitude: float, longitude: float
) -> None:
    zones = {city.timezone for city in REFERENCE_CITIES}
    try:
        assert timezone_for_location(latitude, longitude) in zones
    except InvalidInput as refusal:
        assert refusal.params["reason"] == "far-location"


def test_offset_labels_follow_the_zone_at_that_moment() -> None:
    winter = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
    summer = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)
    assert utc_offset_label("Europe/Moscow", winter) == "+3"
    assert utc_offset_label("Asia/Kamchatka", winter) == "+12"
    assert utc_offset_label("Asia/Kolkata", winter) == "+5:30"
    assert utc_offset_label("America/New_York", winter) == "-5"
    assert utc_offset_label("America/New_York", summer) == "-4"
    assert len(set(COMMON_TIMEZONES)) == len(COMMON_TIMEZONES)
