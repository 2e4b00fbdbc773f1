"""The hard rules of who may work what, pure (no I/O), on plain data: who may take a
place at all, which two shifts of one person can coexist (overlap, travel between
objects, rest), and the day, week and consecutive-day limits (the organization's,
overridden by a contract's own). One set for everyone: planning's placement checks
(assigning, booking, moving, exchange) refuse with them, the auto-scheduler builds its
model from them, and `hard_violations` re-checks a finished schedule with them,
independently of the solver."""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from functools import cache, cached_property
from zoneinfo import ZoneInfo

from services.availability.rules import AVAILABLE, Verdict, VerdictKind
from services.payroll.rules import frozen_rate, pay_for
from services.platform.db.models.availability import AvailabilityKind
from services.platform.local_time import local_today, monday_of


@dataclass(frozen=True)
class Limits:
    """The organization's limits (in minutes); `overtime_week_minutes` is a goal, the
    others are hard rules."""

    min_rest_minutes: int = 11 * 60
    max_day_minutes: int = 12 * 60
    max_week_minutes: int = 48 * 60
    max_consecutive_days: int = 6
    overtime_week_minutes: int = 40 * 60

    def with_contract(
        self, day_hours: int | None, week_hours: int | None, consecutive_days: int | None
    ) -> "Limits":
        """The limits for one person: their contract's own where it sets them."""
        return replace(
            self,
            max_day_minutes=self.max_day_minutes if day_hours is None else day_hours * 60,
            max_week_minutes=self.max_week_minutes if week_hours is None else week_hours * 60,
            max_consecutive_days=(
                self.max_consecutive_days if consecutive_days is None else consecutive_days
            ),
        )


@dataclass(frozen=True)
class WorkRules:
    """The hard rules in force for one person: their limits and the travel time (minutes)
    to or from each object (between two objects the longer counts)."""

    limits: Limits = Limits()
    travel_minutes: Mapping[int, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Work:
    """A piece of work on a person's calendar: a free place or a shift already planned."""

    object_id: int
    starts_at: datetime
    ends_at: datetime
    zone: ZoneInfo

    @cached_property
    def minutes(self) -> int:
        return int((self.ends_at - self.starts_at).total_seconds() // 60)

    @cached_property
    def work_date(self) -> date:
        """The local date of the start in the object's timezone (payroll's work date)."""
        return local_today(self.starts_at, self.zone)


@dataclass(frozen=True)
class Place:
    """One free seat of a planned slot."""

    index: int
    slot_id: int
    work: Work
    object_rate: Decimal
    slot_rate: Decimal | None = None


@dataclass(frozen=True)
class Person:
    user_id: int
    name: str
    objects: frozenset[int]
    contract_rate: Decimal | None = None
    booked: tuple[Work, ...] = ()
    # Weekly target from the contract; None spreads the week's hours evenly.
    target_minutes: int | None = None
    # The organization's limits with the contract's own (None: the organization's).
    limits: Limits | None = None
    # Availability per place index; a place not listed is available.
    verdicts: Mapping[int, Verdict] = field(default_factory=dict)

    def verdict(self, place: Place) -> Verdict:
        return self.verdicts.get(place.index, AVAILABLE)


@dataclass(frozen=True)
class Problem:
    week: tuple[date, ...]  # the seven local dates being filled, Monday first
    places: tuple[Place, ...]
    people: tuple[Person, ...]
    limits: Limits = Limits()
    # Travel time (minutes) to or from each object; between two objects the longer counts.
    travel_minutes: Mapping[int, int] = field(default_factory=dict)

    def limits_of(self, person: Person) -> Limits:
        return person.limits if person.limits is not None else self.limits

    def rules_for(self, person: Person) -> WorkRules:
        return WorkRules(self.limits_of(person), self.travel_minutes)


class Reason(StrEnum):
    NOT_ON_OBJECT = "not_on_object"
    TIME_OFF = "time_off"
    UNAVAILABLE = "unavailable"
    OVERLAP = "overlap"
    TRAVEL = "travel"
    REST = "rest"
    DAY_HOURS = "day_hours"
    WEEK_HOURS = "week_hours"
    CONSECUTIVE_DAYS = "consecutive_days"


@dataclass(frozen=True)
class Refusal:
    """Why a person may not take a piece of work; `other` is the shift it clashes with,
    `reached` the minutes (or days in a row) the person would reach, `limit` the most
    allowed."""

    reason: Reason
    detail: str = ""
    other: Work | None = None
    reached: int = 0
    limit: int = 0


def hourly_rate(person: Person, place: Place) -> Decimal:
    """The rate by payroll's priority: contract, else slot, else object."""
    return frozen_rate(person.contract_rate, place.slot_rate, place.object_rate).hourly_rate


def cost_of(person: Person, place: Place) -> Decimal:
    return pay_for(place.work.minutes, hourly_rate(person, place))


def travel_minutes_between(a: Work, b: Work, travel: Mapping[int, int]) -> int:
    """The travel time between the objects of two shifts (none within one object)."""
    if a.object_id == b.object_id:
        return 0
    return max(travel.get(a.object_id, 0), travel.get(b.object_id, 0))


def clash(a: Work, b: Work, limits: Limits, travel: Mapping[int, int]) -> Reason | None:
    """Why one person cannot do both pieces of work, or None when they can: they overlap,
    or less than the minimum rest (or the travel time, when longer) lies between them."""
    first, second = (a, b) if a.starts_at <= b.starts_at else (b, a)
    if second.starts_at < first.ends_at:
        return Reason.OVERLAP
    gap = (second.starts_at - first.ends_at).total_seconds() / 60
    travel_gap = travel_minutes_between(a, b, travel)
    if gap >= max(limits.min_rest_minutes, travel_gap):
        return None
    return Reason.TRAVEL if gap < travel_gap else Reason.REST


def availability_refusal(verdict: Verdict) -> Refusal | None:
    """Approved time off (detail: its kind) or unavailability (detail: the window the
    person is available in that day, empty when not at all)."""
    if verdict.kind is VerdictKind.TIME_OFF:
        return Refusal(Reason.TIME_OFF, verdict.time_off.kind if verdict.time_off else "")
    if verdict.kind is VerdictKind.UNAVAILABLE:
        rule = verdict.rule
        window = rule.window if rule and rule.kind is not AvailabilityKind.UNAVAILABLE else None
        return Refusal(Reason.UNAVAILABLE, f"{window[0]:%H:%M}–{window[1]:%H:%M}" if window else "")
    return None


def longest_run_through(days: set[date], day: date) -> int:
    """The number of consecutive worked days around `day` (itself counted)."""
    before = 0
    while day - timedelta(days=before + 1) in days:
        before += 1
    after = 0
    while day + timedelta(days=after + 1) in days:
        after += 1
    return before + 1 + after


def schedule_refusal(
    work: Work,
    others: Sequence[Work],
    rules: WorkRules,
    *,
    kept_days: Iterable[date] | None = None,
) -> Refusal | None:
    """Why `work` cannot join a person's other shifts: a clash with one of them, too many
    hours that day or that week (Monday to Sunday, local dates), or too many days in a
    row. A day already worked by a kept shift (`kept_days`, by default every other
    shift's day) adds no day to a run."""
    limits = rules.limits
    for other in sorted(others, key=lambda shift: shift.starts_at):
        reason = clash(work, other, limits, rules.travel_minutes)
        if reason is not None:
            return Refusal(reason, other=other)
    day_total = work.minutes + sum(o.minutes for o in others if o.work_date == work.work_date)
    if day_total > limits.max_day_minutes:
        return Refusal(Reason.DAY_HOURS, reached=day_total, limit=limits.max_day_minutes)
    week_total = work.minutes + week_minutes(others, week_of(work.work_date))
    if week_total > limits.max_week_minutes:
        return Refusal(Reason.WEEK_HOURS, reached=week_total, limit=limits.max_week_minutes)
    days = {o.work_date for o in others}
    kept = days if kept_days is None else set(kept_days)
    if work.work_date not in kept:
        run = longest_run_through(days | {work.work_date}, work.work_date)
        if run > limits.max_consecutive_days:
            return Refusal(Reason.CONSECUTIVE_DAYS, reached=run, limit=limits.max_consecutive_days)
    return None


def place_refusal(person: Person, place: Place, problem: Problem) -> Refusal | None:
    """Why the person may not take the place even alone (beside their booked shifts)."""
    if place.work.object_id not in person.objects:
        return Refusal(Reason.NOT_ON_OBJECT)
    refusal = availability_refusal(person.verdict(place))
    if refusal is not None:
        return refusal
    return schedule_refusal(place.work, person.booked, problem.rules_for(person))


@dataclass(frozen=True)
class Violation:
    place_index: int
    user_id: int
    refusal: Refusal


def hard_violations(problem: Problem, assignment: Mapping[int, int]) -> list[Violation]:
    """Every broken hard rule of a schedule (place index → user id), found by re-checking
    each assignment against the person's booked shifts and their other assignments."""
    people = {person.user_id: person for person in problem.people}
    places = {place.index: place for place in problem.places}
    by_person: dict[int, list[Place]] = {}
    for index, user_id in assignment.items():
        by_person.setdefault(user_id, []).append(places[index])
    violations = []
    for user_id, taken in by_person.items():
        person = people[user_id]
        for place in taken:
            refusal = place_refusal(person, place, problem)
            if refusal is None:
                others = [*person.booked, *(p.work for p in taken if p is not place)]
                refusal = schedule_refusal(
                    place.work,
                    others,
                    problem.rules_for(person),
                    kept_days={w.work_date for w in person.booked},
                )
            if refusal is not None:
                violations.append(Violation(place.index, user_id, refusal))
    return violations


def hours_text(minutes: int) -> str:
    """Whole hours as "40", others with one decimal as "7.5"."""
    return str(minutes // 60) if minutes % 60 == 0 else f"{minutes / 60:.1f}"


@cache
def week_of(day: date) -> tuple[date, ...]:
    """The seven local dates, Monday first, of the week holding `day`."""
    monday = monday_of(day)
    return tuple(monday + timedelta(days=n) for n in range(7))


def week_minutes(works: Iterable[Work], week: Sequence[date]) -> int:
    return sum(work.minutes for work in works if work.work_date in week)
