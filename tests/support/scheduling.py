"""Builders for scheduling problems: hand-made weeks for unit tests and seeded random
chains of objects for property tests and the bench."""

import random
from dataclasses import dataclass
from datetime import date, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from services.availability.rules import (
    PREFERRED,
    DayRule,
    TimeOffSpan,
    Verdict,
    VerdictKind,
)
from services.planning.work_rules import Limits, Person, Place, Problem, Work
from services.platform.db.models.availability import AvailabilityKind, TimeOffKind
from services.platform.local_time import slot_instants

MONDAY = date(2026, 3, 2)
WEEK = tuple(MONDAY + timedelta(days=n) for n in range(7))
MOSCOW = ZoneInfo("Europe/Moscow")
SHIFT_TIMES = (
    (time(8), time(16)),
    (time(9), time(15)),
    (time(16), time(23)),
    (time(18), time(23)),
    (time(10), time(22)),
    (time(22), time(6)),
)


def work_at(object_id: int, day: date, start: time, end: time, zone: ZoneInfo = MOSCOW) -> Work:
    starts_at, ends_at = slot_instants(day, start, end, zone)
    return Work(object_id, starts_at, ends_at, zone)


def place_at(
    index: int,
    object_id: int,
    day: date,
    start: time,
    end: time,
    *,
    rate: str = "300",
    zone: ZoneInfo = MOSCOW,
) -> Place:
    return Place(index, index, work_at(object_id, day, start, end, zone), Decimal(rate))


def time_off(day: date, kind: TimeOffKind = TimeOffKind.VACATION) -> Verdict:
    return Verdict(VerdictKind.TIME_OFF, time_off=TimeOffSpan(kind, day, day))


def unavailable(day: date, window: tuple[time, time] | None = None) -> Verdict:
    """Unavailable that day, or available only in `window`."""
    rule = (
        DayRule(AvailabilityKind.AVAILABLE, *window)
        if window
        else DayRule(AvailabilityKind.UNAVAILABLE)
    )
    return Verdict(VerdictKind.UNAVAILABLE, day=day, rule=rule)


@dataclass(frozen=True)
class ChainSpec:
    objects: int = 10
    employees: int = 120
    places: int = 600
    seed: int = 1
    zones: tuple[str, ...] = ("Europe/Moscow", "Asia/Yekaterinburg")


def random_chain(spec: ChainSpec, limits: Limits | None = None) -> Problem:
    """A chain of objects with `spec.places` free places in one week (several places of
    one object, day and time are the seats of one slot); employees work at
    one to three objects, with random unavailable days, preferred days, time off and a
    few shifts already planned."""
    rng = random.Random(spec.seed)
    zones = {o: ZoneInfo(spec.zones[o % len(spec.zones)]) for o in range(1, spec.objects + 1)}
    rates = {o: str(rng.choice((250, 300, 350))) for o in zones}
    places = []
    for index in range(spec.places):
        object_id = rng.randint(1, spec.objects)
        start, end = rng.choice(SHIFT_TIMES)
        day = rng.choice(WEEK)
        places.append(
            place_at(
                index, object_id, day, start, end, rate=rates[object_id], zone=zones[object_id]
            )
        )
    people = []
    for user_id in range(1, spec.employees + 1):
        objects = frozenset(rng.sample(range(1, spec.objects + 1), rng.randint(1, 3)))
        off_days = set(rng.sample(WEEK, rng.randint(0, 2)))
        away = set(rng.sample(WEEK, 3)) if rng.random() < 0.1 else set()
        liked = set(rng.sample(WEEK, 2))
        verdicts = {}
        for place in places:
            day = place.work.work_date
            if day in away:
                verdicts[place.index] = time_off(day)
            elif day in off_days:
                verdicts[place.index] = unavailable(day)
            elif day in liked:
                verdicts[place.index] = PREFERRED
        booked = ()
        if rng.random() < 0.2:
            object_id = rng.choice(sorted(objects))
            start, end = rng.choice(SHIFT_TIMES)
            booked = (work_at(object_id, rng.choice(WEEK), start, end, zones[object_id]),)
        people.append(
            Person(
                user_id=user_id,
                name=f"Person {user_id}",
                objects=objects,
                contract_rate=Decimal(rng.choice((280, 320))) if rng.random() < 0.3 else None,
                booked=booked,
                target_minutes=rng.choice((None, 20 * 60, 40 * 60)),
                verdicts=verdicts,
            )
        )
    travel = {o: rng.choice((0, 0, 30, 720)) for o in zones}
    return Problem(WEEK, tuple(places), tuple(people), limits or Limits(), travel)
