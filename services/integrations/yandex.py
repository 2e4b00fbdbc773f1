"""Yandex Maps: the Geocoder HTTP API (address → coordinates and back) and Static API
map pictures.

Base URLs and keys come from settings (`YANDEX_GEOCODER_URL`, `YANDEX_GEOCODER_KEY`,
`YANDEX_STATIC_URL`, `YANDEX_STATIC_KEY`), so tests talk to a local server. Both APIs take
the key only as the `apikey` query parameter, so no request URL is ever logged. Timeouts,
HTTP errors and odd answers become `GeocodingFailed` with a reason the user can act on
("send a location instead"), never a crash.
"""

import math
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import structlog

from services.platform.config import YandexSettings
from services.platform.errors import DomainError
from services.platform.outgoing_http import shared_tls_context

log = structlog.get_logger(__name__)

MAX_RESULTS = 5
# Yandex Maps for people (a link to open), not an API: it needs no key.
MAPS_URL = "https://yandex.ru/maps/"
_LOCALES = {"ru": "ru_RU", "en": "en_US"}
_GEOFENCE_POINTS = 36
_METRES_PER_DEGREE_LATITUDE = 111_320.0


class GeocodingFailed(DomainError):
    """Reasons: `not-found` (nothing matches), `unavailable` (timeout, HTTP error, bad
    answer), `not-configured` (no geocoder key)."""

    code = "geocoding-failed"


@dataclass(frozen=True)
class FoundAddress:
    text: str
    latitude: float
    longitude: float


def yandex_locale(language: str) -> str:
    return _LOCALES.get(language, _LOCALES["ru"])


class YandexGeocoder:
    """Forward and reverse geocoding in the user's language."""

    def __init__(self, settings: YandexSettings, *, language: str = "ru") -> None:
        self._settings = settings
        self._language = language

    @property
    def is_configured(self) -> bool:
        return bool(self._settings.geocoder_key.get_secret_value())

    async def search(self, query: str) -> list[FoundAddress]:
        """Addresses matching `query`, best first (at most `MAX_RESULTS`)."""
        found = await self._request(query)
        if not found:
            raise GeocodingFailed(reason="not-found")
        return found

    async def address_at(self, latitude: float, longitude: float) -> str:
        """The address of a point (the nearest house or street)."""
        found = await self._request(f"{longitude:.6f},{latitude:.6f}")
        if not found:
            raise GeocodingFailed(reason="not-found")
        return found[0].text

    async def _request(self, geocode: str) -> list[FoundAddress]:
        if not self.is_configured:
            raise GeocodingFailed(reason="not-configured")
        import httpx  # loaded by the first call: the bot's first update needs no httpx

        params = {
            "apikey": self._settings.geocoder_key.get_secret_value(),
            "geocode": geocode,
            "format": "json",
            "lang": yandex_locale(self._language),
            "results": str(MAX_RESULTS),
        }
        try:
            async with httpx.AsyncClient(
                timeout=self._settings.timeout_seconds, verify=shared_tls_context()
            ) as client:
                response = await client.get(self._settings.geocoder_url, params=params)
            response.raise_for_status()
            return _parse_geocoder_answer(response.json())
        except httpx.TimeoutException as error:
            log.warning("yandex.geocoder_timeout", error=type(error).__name__)
            raise GeocodingFailed(reason="unavailable") from error
        except httpx.HTTPStatusError as error:
            # Not the error itself: its message has the URL, and so the key.
            log.warning("yandex.geocoder_failed", status=error.response.status_code)
            raise GeocodingFailed(reason="unavailable") from error
        except (httpx.HTTPError, ValueError) as error:
            log.warning("yandex.geocoder_failed", error=repr(error))
            raise GeocodingFailed(reason="unavailable") from error


def _parse_geocoder_answer(body: Any) -> list[FoundAddress]:
    """`response.GeoObjectCollection.featureMember[].GeoObject`: `Point.pos` is
    "longitude latitude", `metaDataProperty.GeocoderMetaData.text` the full address."""
    try:
        members = body["response"]["GeoObjectCollection"]["featureMember"]
        found = []
        for member in members:
            geo_object = member["GeoObject"]
            longitude, latitude = (float(part) for part in geo_object["Point"]["pos"].split())
            text = geo_object["metaDataProperty"]["GeocoderMetaData"]["text"]
            found.append(FoundAddress(str(text), latitude, longitude))
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"unexpected geocoder answer: {error!r}") from error
    return found[:MAX_RESULTS]


def geofence_outline(
    latitude: float, longitude: float, radius_m: int, points: int = _GEOFENCE_POINTS
) -> list[tuple[float, float]]:
    """A closed polygon (longitude, latitude pairs) approximating the geofence circle."""
    lat_step = radius_m / _METRES_PER_DEGREE_LATITUDE
    lon_step = radius_m / (
        _METRES_PER_DEGREE_LATITUDE * max(math.cos(math.radians(latitude)), 0.01)
    )
    outline = [
        (
            longitude + lon_step * math.cos(2 * math.pi * index / points),
            latitude + lat_step * math.sin(2 * math.pi * index / points),
        )
        for index in range(points)
    ]
    return [*outline, outline[0]]


def _zoom_for_radius(radius_m: int) -> int:
    """A zoom at which the whole geofence fits a 650×450 picture."""
    zoom = 17
    while zoom > 8 and radius_m > 150 * 2 ** (17 - zoom):
        zoom -= 1
    return zoom


def static_map_url(
    settings: YandexSettings, latitude: float, longitude: float, radius_m: int, language: str
) -> str | None:
    """A Static API picture of the object with its geofence drawn, or None without a key."""
    key = settings.static_key.get_secret_value()
    if not key:
        return None
    outline = ",".join(
        f"{lon:.6f},{lat:.6f}" for lon, lat in geofence_outline(latitude, longitude, radius_m)
    )
    params = {
        "apikey": key,
        "ll": f"{longitude:.6f},{latitude:.6f}",
        "z": str(_zoom_for_radius(radius_m)),
        "size": "650,450",
        "lang": yandex_locale(language),
        "pt": f"{longitude:.6f},{latitude:.6f},pm2rdm",
        "pl": f"c:1E88E5CC,f:1E88E533,w:3,{outline}",
    }
    return f"{settings.static_url}?{urlencode(params, safe=',:')}"


def maps_link(latitude: float | None, longitude: float | None, address: str) -> str | None:
    """A Yandex Maps link that opens the place in the app or the browser (no key needed):
    the pin where coordinates are known, else a search for the address."""
    if latitude is not None and longitude is not None:
        point = f"{longitude:.6f},{latitude:.6f}"
        return f"{MAPS_URL}?{urlencode({'pt': point, 'z': '17', 'l': 'map'}, safe=',')}"
    if address:
        return f"{MAPS_URL}?{urlencode({'text': address})}"
    return None
