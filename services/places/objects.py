"""Objects (C2): the locations where shifts happen — create, view, edit, archive, and
the Telegram group that receives an object's reports.

Who may do what: only owners create objects; owners, and managers holding
`edit_objects` on the object, edit it and bind its report chat; `view` is enough to
see it. Checked here on every call, whatever the UI shows.
"""

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from enum import StrEnum

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from services.integrations.yandex import GeocodingFailed, YandexGeocoder
from services.orgs.organizations import acting_actor
from services.orgs.tariffs import LimitedResource, ensure_within_limit
from services.platform.clock import Clock
from services.platform.db.models import Organization, Permission, ReportChatCode, User, WorkObject
from services.platform.db.models.objects import MAX_GEOFENCE_RADIUS_M, MIN_GEOFENCE_RADIUS_M
from services.platform.errors import DomainError, InvalidInput, NotFound, PermissionDenied
from services.platform.validation import (
    MAX_ADDRESS_LENGTH,
    Quantity,
    clean_name,
    clean_text,
    parse_money,
    parse_opening_hours,
    parse_whole_number,
    validate_timezone,
)
from services.staff.permissions import (
    Actor,
    actor_in,
    object_permissions,
    objects_with_permission,
    require_object_permission,
    require_owner,
)

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
MAX_HOURLY_RATE = Decimal("100000.00")
MAX_FINE_PER_MINUTE = Decimal("10000.00")
MAX_GRACE_MINUTES = 240
MAX_AUTO_CLOSE_GRACE_MINUTES = 720
MAX_EARLY_ARRIVAL_MINUTES = 240
MAX_NOT_CLOCKED_IN_ALERT_MINUTES = 240
MAX_SHIFT_HOURS = 24
REPORT_CHAT_CODE_TTL = timedelta(hours=24)


class ReportChatCodeInvalid(DomainError):
    """The `/bind` code is unknown, already used or expired."""

    code = "report-chat-code-invalid"


class ObjectField(StrEnum):
    """Fields set from typed text."""

    NAME = "name"
    RADIUS = "radius"
    TIMEZONE = "timezone"
    BASE_RATE = "base_rate"
    LATE_GRACE = "late_grace"
    LATE_FINE = "late_fine"
    AUTO_CLOSE_GRACE = "auto_close_grace"
    EARLY_ARRIVAL = "early_arrival"
    NOT_CLOCKED_IN_ALERT = "not_clocked_in_alert"
    MAX_SHIFT_LENGTH = "max_shift_hours"
    REQUIRED_BREAK_AFTER = "required_break_after_hours"
    REQUIRED_BREAK = "required_break_minutes"


class ObjectFlag(StrEnum):
    """Yes/no settings; the value is the column name."""

    PAY_EARLY_ARRIVAL = "pay_early_arrival"
    REQUIRE_LIVE_LOCATION = "require_live_location"
    CHECK_LOCATION_ON_CLOSE = "check_location_on_close"
    ALLOW_SPONTANEOUS_SHIFTS = "allow_spontaneous_shifts"
    ALLOW_SELF_BOOKING = "allow_self_booking"
    EXCHANGE_NEEDS_APPROVAL = "exchange_needs_approval"
    BREAKS_PAID = "breaks_paid"


# Settings only the owner changes (a manager must not waive their own approval).
OWNER_FLAGS = frozenset({ObjectFlag.EXCHANGE_NEEDS_APPROVAL})


@dataclass(frozen=True)
class Place:
    """Where an object is: coordinates and the address to show (may be empty)."""

    latitude: float
    longitude: float
    address: str = ""


@dataclass(frozen=True)
class ObjectView:
    work_object: WorkObject
    can_edit: bool
    is_owner: bool


# --------------------------------------------------------------------------- places


def _checked_place(place: Place) -> Place:
    if not (-90 <= place.latitude <= 90 and -180 <= place.longitude <= 180):
        raise InvalidInput(field="location", reason="bad-coordinates")
    address = place.address.strip()[:MAX_ADDRESS_LENGTH]
    return Place(place.latitude, place.longitude, address)


async def place_from_pin(geocoder: YandexGeocoder, latitude: float, longitude: float) -> Place:
    """A location pin as a place; its address is looked up when the geocoder is set up,
    and simply left empty when it is not or does not answer (the pin is enough)."""
    address = ""
    if geocoder.is_configured:
        try:
            address = await geocoder.address_at(latitude, longitude)
        except GeocodingFailed:
            address = ""
    return _checked_place(Place(latitude, longitude, address))


async def places_for_address(geocoder: YandexGeocoder, raw_address: str | None) -> list[Place]:
    """Places matching a typed address, best first. `GeocodingFailed` when nothing is
    found, the service fails or is not set up: the user sends a location instead."""
    query = clean_text(raw_address, field="address", max_length=MAX_ADDRESS_LENGTH)
    found = await geocoder.search(query)
    return [_checked_place(Place(item.latitude, item.longitude, item.text)) for item in found]


# --------------------------------------------------------------------------- reading


async def visible_objects(session: AsyncSession, user: User) -> tuple[Actor, list[WorkObject]]:
    """Active objects of the user's current organization that they may see: all of
    them for owners, those with `view` or `edit_objects` for managers."""
    actor = await acting_actor(session, user)
    seen = await objects_with_permission(session, actor, Permission.VIEW)
    editable = await objects_with_permission(session, actor, Permission.EDIT_OBJECTS)
    by_id = {o.id: o for o in [*seen, *editable]}
    return actor, sorted(by_id.values(), key=lambda o: (o.name.lower(), o.id))


async def view_object(session: AsyncSession, user: User, object_id: int) -> ObjectView:
    """The object, for a member holding `view` or `edit_objects` on it."""
    work_object, actor = await _object_and_actor(session, user, object_id)
    granted = await object_permissions(session, actor, object_id)
    if not granted & {Permission.VIEW.value, Permission.EDIT_OBJECTS.value}:
        raise PermissionDenied()
    return ObjectView(work_object, Permission.EDIT_OBJECTS.value in granted, actor.is_owner)


async def _object_and_actor(
    session: AsyncSession, user: User, object_id: int, *, lock: bool = False
) -> tuple[WorkObject, Actor]:
    query = select(WorkObject).where(WorkObject.id == object_id)
    if lock:
        query = query.with_for_update()
    work_object = await session.scalar(query)
    if work_object is None or work_object.archived:
        raise NotFound()
    try:
        actor = await actor_in(session, user.id, work_object.organization_id)
    except PermissionDenied as error:
        raise NotFound() from error  # another organization's object does not exist for them
    return work_object, actor


async def _editable_object(
    session: AsyncSession, user: User, object_id: int, *, owner_only: bool = False
) -> WorkObject:
    work_object, actor = await _object_and_actor(session, user, object_id, lock=True)
    await require_object_permission(session, actor, object_id, Permission.EDIT_OBJECTS)
    if owner_only:
        require_owner(actor)
    return work_object


# --------------------------------------------------------------------------- creating


def clean_object_name(raw: str | None) -> str:
    return clean_name(raw)


async def check_can_add_object(session: AsyncSession, user: User) -> int:
    """The current organization's id if its owner may add one more object now (the
    tariff allows it); raises `PermissionDenied` or `TariffLimitReached`."""
    actor = await acting_actor(session, user)
    require_owner(actor)
    await ensure_within_limit(session, actor.organization_id, LimitedResource.OBJECTS)
    return actor.organization_id


async def create_object(
    session: AsyncSession, user: User, organization_id: int, *, name: str, place: Place
) -> WorkObject:
    """Create an object in the organization (owners only). The tariff's object limit is
    checked in this same transaction, with the organization row locked, so two
    concurrent creations cannot both pass. The timezone is the organization's."""
    actor = await actor_in(session, user.id, organization_id)
    require_owner(actor)
    clean = _checked_place(place)
    object_name = clean_name(name)
    await ensure_within_limit(session, organization_id, LimitedResource.OBJECTS)
    organization = await session.get(Organization, organization_id)
    if organization is None:
        raise NotFound()
    work_object = WorkObject(
        organization_id=organization_id,
        name=object_name,
        address=clean.address,
        latitude=clean.latitude,
        longitude=clean.longitude,
        timezone=organization.timezone,
        opening_hours={},
    )
    session.add(work_object)
    await session.flush()
    return work_object


# --------------------------------------------------------------------------- editing


_PARSERS: dict[ObjectField, Callable[[str | None], object]] = {
    ObjectField.NAME: clean_name,
    ObjectField.RADIUS: lambda raw: parse_whole_number(
        raw,
        field="radius",
        quantity=Quantity.METRES,
        minimum=MIN_GEOFENCE_RADIUS_M,
        maximum=MAX_GEOFENCE_RADIUS_M,
    ),
    ObjectField.TIMEZONE: validate_timezone,
    ObjectField.BASE_RATE: lambda raw: parse_money(raw, field="base_rate", maximum=MAX_HOURLY_RATE),
    ObjectField.LATE_FINE: lambda raw: parse_money(
        raw, field="late_fine", maximum=MAX_FINE_PER_MINUTE
    ),
    ObjectField.LATE_GRACE: lambda raw: parse_whole_number(
        raw, field="late_grace", quantity=Quantity.MINUTES, minimum=0, maximum=MAX_GRACE_MINUTES
    ),
    ObjectField.AUTO_CLOSE_GRACE: lambda raw: parse_whole_number(
        raw,
        field="auto_close_grace",
        quantity=Quantity.MINUTES,
        minimum=0,
        maximum=MAX_AUTO_CLOSE_GRACE_MINUTES,
    ),
    ObjectField.EARLY_ARRIVAL: lambda raw: parse_whole_number(
        raw,
        field="early_arrival",
        quantity=Quantity.MINUTES,
        minimum=0,
        maximum=MAX_EARLY_ARRIVAL_MINUTES,
    ),
    ObjectField.NOT_CLOCKED_IN_ALERT: lambda raw: parse_whole_number(
        raw,
        field="not_clocked_in_alert",
        quantity=Quantity.MINUTES,
        minimum=1,
        maximum=MAX_NOT_CLOCKED_IN_ALERT_MINUTES,
    ),
    ObjectField.MAX_SHIFT_LENGTH: lambda raw: parse_whole_number(
        raw, field="max_shift_hours", quantity=Quantity.HOURS, minimum=1, maximum=MAX_SHIFT_HOURS
    ),
    ObjectField.REQUIRED_BREAK_AFTER: lambda raw: parse_whole_number(
        raw, field="required_break_after_hours", quantity=Quantity.HOURS, minimum=0, maximum=24
    ),
    ObjectField.REQUIRED_BREAK: lambda raw: parse_whole_number(
        raw, field="required_break_minutes", quantity=Quantity.MINUTES, minimum=5, maximum=120
    ),
}

_COLUMN_OF_FIELD = {
    ObjectField.NAME: "name",
    ObjectField.RADIUS: "geofence_radius_m",
    ObjectField.TIMEZONE: "timezone",
    ObjectField.BASE_RATE: "base_hourly_rate",
    ObjectField.LATE_GRACE: "late_grace_minutes",
    ObjectField.LATE_FINE: "late_fine_per_minute",
    ObjectField.AUTO_CLOSE_GRACE: "auto_close_grace_minutes",
    ObjectField.EARLY_ARRIVAL: "early_arrival_minutes",
    ObjectField.NOT_CLOCKED_IN_ALERT: "not_clocked_in_alert_minutes",
    ObjectField.MAX_SHIFT_LENGTH: "max_shift_hours",
    ObjectField.REQUIRED_BREAK_AFTER: "required_break_after_hours",
    ObjectField.REQUIRED_BREAK: "required_break_minutes",
}


async def set_object_field(
    session: AsyncSession, user: User, object_id: int, field: ObjectField, raw: str | None
) -> WorkObject:
    """Set one field from what the user typed. Limits: radius 30–5000 m; grace and
    early-arrival minutes 0–240 (auto-close grace 0–720, the "not clocked in" alert
    1–240); the maximum shift length 1–24 hours; hourly rate up to 100 000 ₽
    and fine per minute up to 10 000 ₽, never negative, kopecks at most."""
    value = _PARSERS[field](raw)
    work_object = await _editable_object(session, user, object_id)
    setattr(work_object, _COLUMN_OF_FIELD[field], value)
    await session.flush()
    return work_object


async def toggle_object_flag(
    session: AsyncSession, user: User, object_id: int, flag: ObjectFlag
) -> WorkObject:
    work_object = await _editable_object(session, user, object_id, owner_only=flag in OWNER_FLAGS)
    setattr(work_object, flag.value, not getattr(work_object, flag.value))
    await session.flush()
    return work_object


async def move_object(
    session: AsyncSession, user: User, object_id: int, place: Place
) -> WorkObject:
    """New coordinates and address (from a pin or a confirmed geocoded address)."""
    clean = _checked_place(place)
    work_object = await _editable_object(session, user, object_id)
    work_object.latitude, work_object.longitude = clean.latitude, clean.longitude
    work_object.address = clean.address
    await session.flush()
    return work_object


def _weekday(weekday: str) -> str:
    if weekday not in WEEKDAYS:
        raise InvalidInput(field="weekday")
    return weekday


async def set_opening_hours(
    session: AsyncSession, user: User, object_id: int, weekday: str, raw: str | None
) -> WorkObject:
    """Opening hours of one weekday from text like `09:00-21:00`."""
    opens, closes = parse_opening_hours(raw)
    day = _weekday(weekday)
    work_object = await _editable_object(session, user, object_id)
    work_object.opening_hours = {**work_object.opening_hours, day: [opens, closes]}
    await session.flush()
    return work_object


async def close_on_weekday(
    session: AsyncSession, user: User, object_id: int, weekday: str
) -> WorkObject:
    day = _weekday(weekday)
    work_object = await _editable_object(session, user, object_id)
    work_object.opening_hours = {
        key: value for key, value in work_object.opening_hours.items() if key != day
    }
    await session.flush()
    return work_object


async def copy_hours_to_every_day(
    session: AsyncSession, user: User, object_id: int, weekday: str
) -> WorkObject:
    """Every weekday gets the hours of `weekday` (closed if it is closed)."""
    day = _weekday(weekday)
    work_object = await _editable_object(session, user, object_id)
    hours = work_object.opening_hours.get(day)
    work_object.opening_hours = {} if hours is None else {d: list(hours) for d in WEEKDAYS}
    await session.flush()
    return work_object


async def archive_object(session: AsyncSession, user: User, object_id: int) -> WorkObject:
    """Archived objects leave every list and stop counting against the tariff; their
    shifts and payroll history stay."""
    work_object = await _editable_object(session, user, object_id)
    work_object.archived = True
    await session.flush()
    return work_object


# --------------------------------------------------------------------------- report chat


async def issue_report_chat_code(
    session: AsyncSession, user: User, object_id: int, clock: Clock
) -> ReportChatCode:
    """A fresh one-time code for binding a group to the object (the object's earlier
    unused codes stop working). Valid for 24 hours."""
    work_object = await _editable_object(session, user, object_id)
    await session.execute(
        update(ReportChatCode)
        .where(ReportChatCode.object_id == work_object.id, ReportChatCode.used_at.is_(None))
        .values(expires_at=clock.now())
    )
    code = ReportChatCode(
        code=secrets.token_urlsafe(9),
        object_id=work_object.id,
        issued_by_user_id=user.id,
        expires_at=clock.now() + REPORT_CHAT_CODE_TTL,
    )
    session.add(code)
    await session.flush()
    return code


async def bind_report_chat(
    session: AsyncSession, user: User | None, code: str, chat_id: int, clock: Clock
) -> WorkObject:
    """`/bind <code>` sent in a group: the group becomes the object's report chat. The
    code works once, until it expires, and only for someone who may edit the object."""
    if user is None:
        raise PermissionDenied()
    row = await session.scalar(
        select(ReportChatCode).where(ReportChatCode.code == code.strip()).with_for_update()
    )
    if row is None or row.used_at is not None or row.expires_at <= clock.now():
        raise ReportChatCodeInvalid()
    work_object = await _editable_object(session, user, row.object_id)
    work_object.report_chat_id = chat_id
    row.used_at = clock.now()
    await session.flush()
    return work_object


async def unbind_report_chat(session: AsyncSession, user: User, object_id: int) -> WorkObject:
    work_object = await _editable_object(session, user, object_id)
    work_object.report_chat_id = None
    await session.flush()
    return work_object


async def forget_report_chat(session: AsyncSession, chat_id: int) -> None:
    """The bot left or was removed from a group: no object reports there any more."""
    await session.execute(
        update(WorkObject).where(WorkObject.report_chat_id == chat_id).values(report_chat_id=None)
    )
