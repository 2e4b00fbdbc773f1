"""The Yandex Geocoder client over real HTTP against the fake geocoder, and static map
URLs."""

from collections.abc import AsyncIterator
from urllib.parse import parse_qs, urlsplit

import pytest

from services.integrations.yandex import (
    GeocodingFailed,
    YandexGeocoder,
    geofence_outline,
    static_map_url,
)
from services.places.timezones import great_circle_km
from services.platform.config import YandexSettings
from tests.fakes.yandex_server import ONE_RESULT, REVERSE_ADDRESS, SEVERAL_RESULTS, FakeYandexServer


@pytest.fixture
async def yandex() -> AsyncIterator[FakeYandexServer]:
    server = FakeYandexServer(slow_seconds=2.0)
    await server.start()
    yield server
    await server.stop()


def _settings(server: FakeYandexServer, key: str = "geo-key") -> YandexSettings:
    return YandexSettings(
        _env_file=None,  # type: ignore[call-arg]
        geocoder_url=server.geocoder_url,
        geocoder_key=key,
        timeout_seconds=0.5,
    )


async def test_one_address(yandex: FakeYandexServer) -> None:
    found = await YandexGeocoder(_settings(yandex), language="en").search("Тверская 7")
    assert [(f.text, f.latitude, f.longitude) for f in found] == [
        (ONE_RESULT.text, ONE_RESULT.latitude, ONE_RESULT.longitude)
    ]
    request = yandex.requests[-1]
    assert request["format"] == "json" and request["lang"] == "en_US"
    assert request["apikey"] == "geo-key" and request["geocode"] == "Тверская 7"


async def test_several_addresses_keep_their_order(yandex: FakeYandexServer) -> None:
    found = await YandexGeocoder(_settings(yandex)).search("улица Ленина 1")
    assert [f.text for f in found] == [place.text for place in SEVERAL_RESULTS]
    assert yandex.requests[-1]["lang"] == "ru_RU"


async def test_reverse_geocoding_sends_longitude_first(yandex: FakeYandexServer) -> None:
    address = await YandexGeocoder(_settings(yandex)).address_at(55.75, 37.61)
    assert address == REVERSE_ADDRESS
    assert yandex.requests[-1]["geocode"] == "37.610000,55.750000"


@pytest.mark.parametrize(
    ("query", "reason"),
    [("nowhere street", "not-found"), ("timeout street", "unavailable"), ("broken", "unavailable")],
)
async def test_failures_become_a_domain_error(
    yandex: FakeYandexServer, query: str, reason: str
) -> None:
    with pytest.raises(GeocodingFailed) as failure:
        await YandexGeocoder(_settings(yandex)).search(query)
    assert failure.value.params == {"reason": reason}


async def test_without_a_key_nothing_is_requested(yandex: FakeYandexServer) -> None:
    with pytest.raises(GeocodingFailed) as failure:
        await YandexGeocoder(_settings(yandex, key="")).search("Тверская 7")
    assert failure.value.params == {"reason": "not-configured"}
    assert yandex.requests == []


async def test_unreachable_server_is_unavailable() -> None:
    settings = YandexSettings(
        _env_file=None,  # type: ignore[call-arg]
        geocoder_url="http://127.0.0.1:9/1.x/",
        geocoder_key="k",
        timeout_seconds=0.5,
    )
    with pytest.raises(GeocodingFailed) as failure:
        await YandexGeocoder(settings).search("Тверская 7")
    assert failure.value.params == {"reason": "unavailable"}


def test_static_map_url_draws_the_geofence() -> None:
    settings = YandexSettings(
        _env_file=None,  # type: ignore[call-arg]
        static_url="https://static-maps.example/v1",
        static_key="static-key",
    )
    url = static_map_url(settings, 55.75, 37.61, 150, "en")
    assert url is not None
    parts = urlsplit(url)
    query = parse_qs(parts.query)
    assert f"{parts.scheme}://{parts.netloc}{parts.path}" == "https://static-maps.example/v1"
    assert query["apikey"] == ["static-key"] and query["lang"] == ["en_US"]
    assert query["ll"] == ["37.610000,55.750000"]
    assert query["pl"][0].startswith("c:")
    no_key = YandexSettings(_env_file=None)  # type: ignore[call-arg]
    assert static_map_url(no_key, 55.75, 37.61, 150, "ru") is None


@pytest.mark.parametrize("radius", [30, 150, 5000])
def test_geofence_outline_is_a_closed_circle_of_the_radius(radius: int) -> None:
    outline = geofence_outline(55.75, 37.61, radius)
    assert outline[0] == outline[-1]
    for longitude, latitude in outline:
        assert great_circle_km(55.75, 37.61, latitude, longitude) * 1000 == pytest.approx(
            radius, rel=0.02
        )
