"""Timezones people in Russia and the CIS pick from, and the zone of a location pin.

The zone of a location is the zone of the nearest reference city, worked out offline
(no external service). It is meant for Russia and its neighbours; a point far from
every reference city is refused so the user picks the zone from the list instead.
"""

import math
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from services.platform.errors import InvalidInput

# Offered as buttons, west to east; anything else can be typed as an IANA name.
COMMON_TIMEZONES: tuple[str, ...] = (
    "Europe/Kaliningrad",
    "Europe/Moscow",
    "Europe/Samara",
    "Asia/Yekaterinburg",
    "Asia/Omsk",
    "Asia/Novosibirsk",
    "Asia/Krasnoyarsk",
    "Asia/Irkutsk",
    "Asia/Yakutsk",
    "Asia/Vladivostok",
    "Asia/Magadan",
    "Asia/Kamchatka",
    "Europe/Minsk",
    "Asia/Almaty",
    "Asia/Tashkent",
)

# A location farther than this from every reference city is not guessed.
MAX_DISTANCE_KM = 1200.0
_EARTH_RADIUS_KM = 6371.0


@dataclass(frozen=True)
class ReferenceCity:
    name: str
    latitude: float
    longitude: float
    timezone: str


REFERENCE_CITIES: tuple[ReferenceCity, ...] = (
    ReferenceCity("Kaliningrad", 54.71, 20.51, "Europe/Kaliningrad"),
    ReferenceCity("Moscow", 55.76, 37.62, "Europe/Moscow"),
    ReferenceCity("Saint Petersburg", 59.94, 30.31, "Europe/Moscow"),
    ReferenceCity("Murmansk", 68.97, 33.08, "Europe/Moscow"),
    ReferenceCity("Arkhangelsk", 64.54, 40.54, "Europe/Moscow"),
    ReferenceCity("Syktyvkar", 61.67, 50.84, "Europe/Moscow"),
    ReferenceCity("Nizhny Novgorod", 56.33, 44.00, "Europe/Moscow"),
    ReferenceCity("Kazan", 55.79, 49.12, "Europe/Moscow"),
    ReferenceCity("Kirov", 58.60, 49.66, "Europe/Kirov"),
    ReferenceCity("Rostov-on-Don", 47.24, 39.71, "Europe/Moscow"),
    ReferenceCity("Krasnodar", 45.04, 38.98, "Europe/Moscow"),
    ReferenceCity("Volgograd", 48.71, 44.51, "Europe/Volgograd"),
    ReferenceCity("Saratov", 51.53, 46.03, "Europe/Saratov"),
    ReferenceCity("Astrakhan", 46.35, 48.04, "Europe/Astrakhan"),
    ReferenceCity("Ulyanovsk", 54.31, 48.40, "Europe/Ulyanovsk"),
    ReferenceCity("Samara", 53.20, 50.15, "Europe/Samara"),
    ReferenceCity("Izhevsk", 56.85, 53.20, "Europe/Samara"),
    ReferenceCity("Ufa", 54.74, 55.97, "Asia/Yekaterinburg"),
    ReferenceCity("Perm", 58.01, 56.25, "Asia/Yekaterinburg"),
    ReferenceCity("Orenburg", 51.77, 55.10, "Asia/Yekaterinburg"),
    ReferenceCity("Yekaterinburg", 56.84, 60.61, "Asia/Yekaterinburg"),
    ReferenceCity("Chelyabinsk", 55.16, 61.40, "Asia/Yekaterinburg"),
    ReferenceCity("Tyumen", 57.15, 65.53, "Asia/Yekaterinburg"),
    ReferenceCity("Surgut", 61.25, 73.40, "Asia/Yekaterinburg"),
    ReferenceCity("Omsk", 54.99, 73.37, "Asia/Omsk"),
    ReferenceCity("Novosibirsk", 55.03, 82.92, "Asia/Novosibirsk"),
    ReferenceCity("Barnaul", 53.35, 83.78, "Asia/Barnaul"),
    ReferenceCity("Tomsk", 56.50, 84.97, "Asia/Tomsk"),
    ReferenceCity("Novokuznetsk", 53.76, 87.12, "Asia/Novokuznetsk"),
    ReferenceCity("Krasnoyarsk", 56.01, 92.87, "Asia/Krasnoyarsk"),
    ReferenceCity("Norilsk", 69.35, 88.20, "Asia/Krasnoyarsk"),
    ReferenceCity("Irkutsk", 52.29, 104.28, "Asia/Irkutsk"),
    ReferenceCity("Ulan-Ude", 51.83, 107.58, "Asia/Irkutsk"),
    ReferenceCity("Chita", 52.03, 113.50, "Asia/Chita"),
    ReferenceCity("Yakutsk", 62.03, 129.73, "Asia/Yakutsk"),
    ReferenceCity("Blagoveshchensk", 50.27, 127.53, "Asia/Yakutsk"),
    ReferenceCity("Khabarovsk", 48.48, 135.08, "Asia/Vladivostok"),
    ReferenceCity("Vladivostok", 43.12, 131.89, "Asia/Vladivostok"),
    ReferenceCity("Yuzhno-Sakhalinsk", 46.96, 142.73, "Asia/Sakhalin"),
    ReferenceCity("Magadan", 59.56, 150.80, "Asia/Magadan"),
    ReferenceCity("Petropavlovsk-Kamchatsky", 53.02, 158.65, "Asia/Kamchatka"),
    ReferenceCity("Anadyr", 64.73, 177.50, "Asia/Anadyr"),
    ReferenceCity("Minsk", 53.90, 27.56, "Europe/Minsk"),
    ReferenceCity("Chisinau", 47.01, 28.86, "Europe/Chisinau"),
    ReferenceCity("Tbilisi", 41.72, 44.79, "Asia/Tbilisi"),
    ReferenceCity("Yerevan", 40.18, 44.51, "Asia/Yerevan"),
    ReferenceCity("Baku", 40.41, 49.87, "Asia/Baku"),
    ReferenceCity("Almaty", 43.24, 76.89, "Asia/Almaty"),
    ReferenceCity("Astana", 51.17, 71.45, "Asia/Almaty"),
    ReferenceCity("Aktobe", 50.28, 57.17, "Asia/Aqtobe"),
    ReferenceCity("Atyrau", 47.10, 51.92, "Asia/Atyrau"),
    ReferenceCity("Tashkent", 41.30, 69.24, "Asia/Tashkent"),
    ReferenceCity("Samarkand", 39.65, 66.96, "Asia/Samarkand"),
    ReferenceCity("Bishkek", 42.87, 74.59, "Asia/Bishkek"),
    ReferenceCity("Dushanbe", 38.56, 68.77, "Asia/Dushanbe"),
    ReferenceCity("Ashgabat", 37.95, 58.38, "Asia/Ashgabat"),
    # Neighbours, so that a pin just across a border is not given a CIS zone.
    ReferenceCity("Helsinki", 60.17, 24.94, "Europe/Helsinki"),
    ReferenceCity("Tallinn", 59.44, 24.75, "Europe/Tallinn"),
    ReferenceCity("Riga", 56.95, 24.11, "Europe/Riga"),
    ReferenceCity("Vilnius", 54.69, 25.28, "Europe/Vilnius"),
    ReferenceCity("Warsaw", 52.23, 21.01, "Europe/Warsaw"),
    ReferenceCity("Ulaanbaatar", 47.89, 106.91, "Asia/Ulaanbaatar"),
    ReferenceCity("Harbin", 45.80, 126.53, "Asia/Shanghai"),
)


def great_circle_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Distance between two points on the Earth's surface (haversine), in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    d_phi = phi2 - phi1
    d_lambda = math.radians(lon2 - lon1)
    a = math.sin(d_phi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(d_lambda / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def nearest_city(latitude: float, longitude: float) -> tuple[ReferenceCity, float]:
    """The reference city nearest to the point and its distance in kilometres."""
    return min(
        (
            (city, great_circle_km(latitude, longitude, city.latitude, city.longitude))
            for city in REFERENCE_CITIES
        ),
        key=lambda pair: pair[1],
    )


def timezone_for_location(latitude: float, longitude: float) -> str:
    """The IANA zone of a location pin: the zone of the nearest reference city.
    Refused (`InvalidInput`, reason `far-location`) when no reference city is near."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InvalidInput(field="location", reason="far-location")
    city, distance = nearest_city(latitude, longitude)
    if distance > MAX_DISTANCE_KM:
        raise InvalidInput(field="location", reason="far-location")
    return city.timezone


def utc_offset_label(timezone: str, moment: datetime) -> str:
    """`+3`, `+5:30`, `-4`: the zone's offset at `moment`, as shown next to a zone name."""
    offset = moment.astimezone(ZoneInfo(timezone)).utcoffset()
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"{sign}{hours}" + (f":{rest:02d}" if rest else "")
