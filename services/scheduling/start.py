"""The start of a week's filling, before CP-SAT: a greedy schedule (guided by the LP
relaxation's choices when given), empty places filled along chains of moves, and needless
overtime moved or swapped away. Each step keeps every hard rule of
`services.planning.work_rules` and never lowers the fill."""

import time
from collections import defaultdict
from collections.abc import Callable, Mapping

from services.planning.work_rules import (
    Person,
    Place,
    Problem,
    clash,
    cost_of,
    place_refusal,
    schedule_refusal,
    week_minutes,
)


def eligible_people(problem: Problem) -> dict[int, list[Person]]:
    """Per place index, the people who may take it beside their planned shifts."""
    return {
        place.index: [
            p
            for p in problem.people
            if place.work.object_id in p.objects and place_refusal(p, place, problem) is None
        ]
        for place in problem.places
    }


def greedy(
    problem: Problem,
    eligible: Mapping[int, list[Person]] | None = None,
    liking: "Callable[[Place, Person], float] | None" = None,
    deadline: float | None = None,
) -> dict[int, int]:
    """A first schedule, place by place in time order, each to the person the hard rules
    allow whom `liking` ranks first (the LP relaxation's share, when given), then with the
    fewest hours so far (then the cheapest), so that nobody's week fills up early; then
    `repair`. The solver's starting point, and its answer if it finds nothing better in
    time."""
    eligible = eligible if eligible is not None else eligible_people(problem)
    assignment: dict[int, int] = {}
    taken: dict[int, list[Place]] = defaultdict(list)
    for place in sorted(problem.places, key=lambda p: p.work.starts_at):
        allowed = [
            person for person in eligible[place.index] if fits(problem, person, place, taken)
        ]
        if allowed:
            person = min(
                allowed,
                key=lambda p: (
                    -liking(place, p) if liking is not None else 0.0,
                    sum(q.work.minutes for q in taken[p.user_id]),
                    cost_of(p, place),
                ),
            )
            assignment[place.index] = person.user_id
            taken[person.user_id].append(place)
    return repair(problem, eligible, assignment, taken, deadline)


def repair(
    problem: Problem,
    eligible: Mapping[int, list[Person]],
    assignment: dict[int, int],
    taken: dict[int, list[Place]],
    deadline: float | None = None,
) -> dict[int, int]:
    """Fill empty places along chains of moves, as augmenting paths do for a matching: an
    empty place goes to a person who gives up at most one place of theirs for it, that
    place to another person who gives up at most one, and so on until someone takes the
    last place beside their schedule. Each person moves once in a chain; searched
    breadth first from all empty places at once, repeated while a chain is found (and
    the deadline, if any, has not passed)."""
    places = {place.index: place for place in problem.places}
    options = _GiveUpOptions(problem, taken)
    while deadline is None or time.monotonic() < deadline:
        chain = _shortest_chain(eligible, assignment, places, options)
        if chain is None:
            break
        for place, person, given_up in chain:
            mine = taken[person.user_id]
            if given_up is not None:
                mine.remove(given_up)
            mine.append(place)
            assignment[place.index] = person.user_id
    return assignment


def _shortest_chain(
    eligible: Mapping[int, list[Person]],
    assignment: dict[int, int],
    places: Mapping[int, Place],
    options: "_GiveUpOptions",
) -> list[tuple[Place, Person, Place | None]] | None:
    """The moves (place, the person who takes it, the place they give up) of a shortest
    chain that fills one more place, or None."""
    # Per reached place: how it was reached (the place whose taker gives it up, and who).
    came_from: dict[int, tuple[int, Person] | None] = {
        index: None for index in places if index not in assignment
    }
    frontier = list(came_from)
    while frontier:
        following = []
        for index in frontier:
            place = places[index]
            movers = set()
            step: int | None = index
            while step is not None and came_from[step] is not None:
                step, mover = came_from[step]  # type: ignore[misc]
                movers.add(mover.user_id)
            for person in eligible[index]:
                if person.user_id in movers or assignment.get(index) == person.user_id:
                    continue
                for given_up in options.of(person, place):
                    if given_up is None:
                        return _moves(came_from, places, index, person, None)
                    if given_up.index not in came_from:
                        came_from[given_up.index] = (index, person)
                        following.append(given_up.index)
        frontier = following
    return None


class _GiveUpOptions:
    """What a person would give up to take a place (`of`), kept while their schedule
    stays the same: a chain changes only the schedules of the people it moves."""

    def __init__(self, problem: Problem, taken: Mapping[int, list[Place]]) -> None:
        self.problem = problem
        self.taken = taken
        self.known: dict[tuple[int, int], tuple[frozenset[int], list[Place | None]]] = {}

    def of(self, person: Person, place: Place) -> list[Place | None]:
        """[None] when the person can take the place beside their schedule, else the
        places of theirs each of which, given up, lets them take it."""
        mine = self.taken.get(person.user_id, [])
        schedule = frozenset(p.index for p in mine)
        known = self.known.get((person.user_id, place.index))
        if known is not None and known[0] == schedule:
            return known[1]
        problem = self.problem
        if fits(problem, person, place, self.taken):
            found: list[Place | None] = [None]
        else:
            rules = problem.rules_for(person)
            clashing = [
                p for p in mine if clash(p.work, place.work, rules.limits, rules.travel_minutes)
            ]
            # Two shifts it clashes with: giving up one is not enough.
            found = [
                other
                for other in ((clashing or mine) if len(clashing) < 2 else ())
                if fits(
                    problem, person, place, {person.user_id: [p for p in mine if p is not other]}
                )
            ]
        self.known[person.user_id, place.index] = (schedule, found)
        return found


def _moves(
    came_from: Mapping[int, tuple[int, Person] | None],
    places: Mapping[int, Place],
    index: int,
    person: Person,
    given_up: Place | None,
) -> list[tuple[Place, Person, Place | None]]:
    moves = [(places[index], person, given_up)]
    while (reached := came_from[index]) is not None:
        previous, mover = reached
        moves.append((places[previous], mover, places[index]))
        index = previous
    return moves


def less_overtime(
    problem: Problem,
    eligible: Mapping[int, list[Person]],
    assignment: dict[int, int],
    deadline: float | None = None,
) -> dict[int, int]:
    """The same places filled with fewer minutes over the weekly overtime threshold: a
    place of a person over it moves to someone the rules allow, or two people swap a
    place each, while that lowers the week's overtime (the start rounded from the LP
    fills as many places, but with no regard to overtime)."""
    threshold = problem.limits.overtime_week_minutes
    places = {place.index: place for place in problem.places}
    people = {person.user_id: person for person in problem.people}
    may_take = {index: {p.user_id for p in eligible[index]} for index in eligible}
    taken: dict[int, list[Place]] = defaultdict(list)
    for index, user_id in assignment.items():
        taken[user_id].append(places[index])
    total = {
        person.user_id: week_minutes(person.booked, problem.week)
        + sum(p.work.minutes for p in taken[person.user_id])
        for person in problem.people
    }

    def over(minutes: int) -> int:
        return max(0, minutes - threshold)

    def gain(changes: Mapping[int, int]) -> int:
        """The overtime saved when each person's week changes by so many minutes."""
        return sum(over(total[u]) - over(total[u] + change) for u, change in changes.items())

    def fits_without(person: Person, place: Place, given_up: Place | None) -> bool:
        mine = [p for p in taken[person.user_id] if p is not given_up]
        return fits(problem, person, place, {person.user_id: mine})

    def move(place: Place, giver: int, taker: int) -> None:
        taken[giver].remove(place)
        taken[taker].append(place)
        total[giver] -= place.work.minutes
        total[taker] += place.work.minutes
        assignment[place.index] = taker

    improved = True
    # One sweep at least (milliseconds on a small organization's week, 0.3 s on the chain).
    while improved:
        improved = False
        for user_id in sorted(total, key=lambda u: -total[u]):
            if total[user_id] <= threshold:
                break
            for place in list(taken[user_id]):
                minutes = place.work.minutes
                for other in eligible[place.index]:
                    taker = other.user_id
                    if taker == user_id:
                        continue
                    if gain({user_id: -minutes, taker: minutes}) > 0 and fits_without(
                        other, place, None
                    ):
                        move(place, user_id, taker)
                        improved = True
                        break
                    swapped = next(
                        (
                            mine
                            for mine in taken[taker]
                            if user_id in may_take[mine.index]
                            and gain(
                                {
                                    user_id: mine.work.minutes - minutes,
                                    taker: minutes - mine.work.minutes,
                                }
                            )
                            > 0
                            and fits_without(other, place, mine)
                            and fits_without(people[user_id], mine, place)
                        ),
                        None,
                    )
                    if swapped is not None:
                        move(place, user_id, taker)
                        move(swapped, taker, user_id)
                        improved = True
                        break
                if total[user_id] <= threshold:
                    break
        if deadline is not None and time.monotonic() >= deadline:
            break
    return assignment


def fits(problem: Problem, person: Person, place: Place, taken: Mapping[int, list[Place]]) -> bool:
    others = [*person.booked, *(p.work for p in taken.get(person.user_id, ()))]
    return schedule_refusal(place.work, others, problem.rules_for(person)) is None
