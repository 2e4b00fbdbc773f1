"""Why a place stays empty: for every person who may work at its object, the hard rule
that keeps them off it given the schedule found (pure), and the sentence the manager
reads ("Tue 18:00–23:00 Kiosk North: 3 people may work here: Anna is on vacation, …"),
plain text (the dialog escapes it when it shows it)."""

from collections.abc import Mapping
from dataclasses import dataclass

from services.planning.work_rules import (
    Person,
    Place,
    Problem,
    Reason,
    Refusal,
    hours_text,
    place_refusal,
    schedule_refusal,
)
from services.platform.i18n import Translator
from services.platform.local_time import local_hhmm

# A chat message holds at most 4096 characters: a few reasons per place are enough.
REASONS_SHOWN = 4


@dataclass(frozen=True)
class EmptyPlace:
    place: Place
    # Everyone who may work at the object, each with what keeps them off (None: nothing
    # did, the solver ran out of time before it could prove the place stays empty).
    candidates: tuple[tuple[Person, Refusal | None], ...]


def why_empty(problem: Problem, assignment: Mapping[int, int]) -> list[EmptyPlace]:
    """Every place the schedule leaves empty, with each candidate's reason."""
    taken: dict[int, list[Place]] = {}
    places = {place.index: place for place in problem.places}
    for index, user_id in assignment.items():
        taken.setdefault(user_id, []).append(places[index])
    empty = []
    for place in problem.places:
        if place.index in assignment:
            continue
        candidates = []
        for person in problem.people:
            if place.work.object_id not in person.objects:
                continue
            refusal = place_refusal(person, place, problem)
            if refusal is None:
                others = [*person.booked, *(p.work for p in taken.get(person.user_id, []))]
                refusal = schedule_refusal(place.work, others, problem.rules_for(person))
            candidates.append((person, refusal))
        empty.append(EmptyPlace(place, tuple(candidates)))
    return empty


def refusal_text(
    i18n: Translator, person: Person, refusal: Refusal | None, names: Mapping[int, str]
) -> str:
    if refusal is None:
        return i18n("autoschedule-why-free", name=person.name)
    params: dict[str, str | int] = {"name": person.name, "detail": refusal.detail or "none"}
    if refusal.other is not None:
        params["object"] = names.get(refusal.other.object_id, "")
        params["day"] = i18n.short_day(refusal.other.work_date)
        params["start"] = local_hhmm(refusal.other.starts_at, refusal.other.zone)
        params["end"] = local_hhmm(refusal.other.ends_at, refusal.other.zone)
    if refusal.reason is Reason.CONSECUTIVE_DAYS:
        params["days"], params["limit"] = refusal.reached, refusal.limit
    else:
        params["hours"], params["limit"] = hours_text(refusal.reached), hours_text(refusal.limit)
    return i18n(f"autoschedule-why-{refusal.reason.value}", **params)


def empty_place_text(i18n: Translator, empty: EmptyPlace, names: Mapping[int, str]) -> str:
    """One line: when and where, how many may work there, and why each does not."""
    work = empty.place.work
    head = i18n(
        "autoschedule-empty-place",
        day=i18n.short_day(work.work_date),
        start=local_hhmm(work.starts_at, work.zone),
        end=local_hhmm(work.ends_at, work.zone),
        object=names.get(work.object_id, ""),
        count=len(empty.candidates),
    )
    reasons = [
        refusal_text(i18n, person, refusal, names)
        for person, refusal in empty.candidates[:REASONS_SHOWN]
    ]
    if len(empty.candidates) > REASONS_SHOWN:
        reasons.append(i18n("autoschedule-more", count=len(empty.candidates) - REASONS_SHOWN))
    return head + (": " + ", ".join(reasons) if reasons else "")
