"""Fake Yandex Geocoder HTTP API for tests: aiohttp on 127.0.0.1, a random port.

Answers in the real Geocoder JSON shape
(`response.GeoObjectCollection.featureMember[].GeoObject` with `Point.pos` as
"longitude latitude" and `metaDataProperty.GeocoderMetaData.text`). What it answers
depends on the query:

- "lon,lat" (reverse geocoding): one address, `REVERSE_ADDRESS`;
- containing "timeout": sleeps `slow_seconds` (past the client's timeout);
- containing "broken": HTTP 500;
- containing "nowhere": no results;
- containing "Ленина" or "Lenina": `SEVERAL_RESULTS` (three cities);
- anything else: one result, `ONE_RESULT`.

A request without `apikey` gets 403, like the real service.
"""

import asyncio
import re
from dataclasses import dataclass
from typing import Any

from aiohttp import web

GEOCODER_PATH = "/1.x/"
STATIC_PATH = "/v1"
_COORDINATES = re.compile(r"^\s*(-?\d+(?:\.\d+)?)\s*,\s*(-?\d+(?:\.\d+)?)\s*$")


@dataclass(frozen=True)
class FakePlace:
    text: str
    latitude: float
    longitude: float


ONE_RESULT = FakePlace("Россия, Москва, Тверская улица, 7", 55.7578, 37.6131)
REVERSE_ADDRESS = "Россия, Москва, улица Арбат, 10"
SEVERAL_RESULTS = (
    FakePlace("Россия, Москва, улица Ленина, 1", 55.6500, 37.7100),
    FakePlace("Россия, Казань, улица Ленина, 1", 55.7900, 49.1200),
    FakePlace("Россия, Новосибирск, улица Ленина, 1", 55.0300, 82.9200),
)


def geo_object(place: FakePlace) -> dict[str, Any]:
    return {
        "GeoObject": {
            "metaDataProperty": {
                "GeocoderMetaData": {
                    "precision": "exact",
                    "text": place.text,
                    "kind": "house",
                    "Address": {"country_code": "RU", "formatted": place.text, "Components": []},
                }
            },
            "name": place.text.split(", ", 2)[-1],
            "description": ", ".join(place.text.split(", ", 2)[:2]),
            "boundedBy": {
                "Envelope": {
                    "lowerCorner": f"{place.longitude - 0.004} {place.latitude - 0.002}",
                    "upperCorner": f"{place.longitude + 0.004} {place.latitude + 0.002}",
                }
            },
            "Point": {"pos": f"{place.longitude} {place.latitude}"},
        }
    }


def geocoder_answer(request_text: str, places: list[FakePlace]) -> dict[str, Any]:
    return {
        "response": {
            "GeoObjectCollection": {
                "metaDataProperty": {
                    "GeocoderResponseMetaData": {
                        "request": request_text,
                        "results": "5",
                        "found": str(len(places)),
                    }
                },
                "featureMember": [geo_object(place) for place in places],
            }
        }
    }


class FakeYandexServer:
    def __init__(self, *, slow_seconds: float = 3.0) -> None:
        self.slow_seconds = slow_seconds
        self.requests: list[dict[str, str]] = []
        self._runner: web.AppRunner | None = None
        self.port = 0

    @property
    def geocoder_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{GEOCODER_PATH}"

    @property
    def static_url(self) -> str:
        return f"http://127.0.0.1:{self.port}{STATIC_PATH}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get(GEOCODER_PATH, self._geocode)
        self._runner = web.AppRunner(app)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        server = site._server
        assert server is not None and server.sockets
        self.port = server.sockets[0].getsockname()[1]

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _geocode(self, request: web.Request) -> web.Response:
        query = dict(request.query)
        self.requests.append(query)
        if not query.get("apikey"):
            return web.json_response({"statusCode": 403, "error": "Forbidden"}, status=403)
        text = query.get("geocode", "")
        coordinates = _COORDINATES.match(text)
        if coordinates:
            longitude, latitude = float(coordinates[1]), float(coordinates[2])
            return web.json_response(
                geocoder_answer(text, [FakePlace(REVERSE_ADDRESS, latitude, longitude)])
            )
        if "timeout" in text:
            await asyncio.sleep(self.slow_seconds)
            return web.json_response(geocoder_answer(text, []))
        if "broken" in text:
            return web.Response(status=500, text="Internal Server Error")
        if "nowhere" in text:
            return web.json_response(geocoder_answer(text, []))
        if "Ленина" in text or "Lenina" in text:
            return web.json_response(geocoder_answer(text, list(SEVERAL_RESULTS)))
        return web.json_response(geocoder_answer(text, [ONE_RESULT]))
