"""The object map's JSON (`/api/miniapp/objects`): the objects the planner sees with their
geofences, and the Yandex Maps key and language."""

from typing import Any

from services.places.objects import visible_objects
from webapp.auth import CurrentUser
from webapp.dependencies import SessionDep, SettingsDep
from webapp.miniapp.context import PlannerDep, api_router

router = api_router()

YANDEX_LANGUAGES = {"ru": "ru_RU", "en": "en_US"}


@router.get("/objects")
async def objects(
    user: CurrentUser, actor: PlannerDep, session: SessionDep, settings: SettingsDep
) -> dict[str, Any]:
    """The objects the caller sees, with their geofences, and the maps key if any."""
    _, found = await visible_objects(session, user)
    return {
        "maps_js_key": settings.yandex.maps_js_key.get_secret_value(),
        "maps_language": YANDEX_LANGUAGES.get(user.language, "ru_RU"),
        "objects": [
            {
                "id": o.id,
                "name": o.name,
                "address": o.address,
                "latitude": o.latitude,
                "longitude": o.longitude,
                "radius_m": o.geofence_radius_m,
            }
            for o in found
        ],
    }
