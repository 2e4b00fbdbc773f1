"""The week's free places filled by OR-Tools CP-SAT, within the hard rules of
`services.planning.work_rules`, with the goals met in a strict order.

The goals are solved in stages, each keeping the best value of the ones before
(lexicographic): 1 fill as many places as possible; 2 the fewest minutes over the weekly
overtime threshold; 3 the lowest cost; 4 hours closest to each person's target (or an
even share), and then the most "preferred" places — in stage 4 one minute away from the
target weighs more than all preferred places together (`GOALS` shows the weights)."""

import time
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from services.availability.rules import VerdictKind
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

NUM_WORKERS = 2
DEFAULT_TIME_LIMIT_S = 8.0
FILL_SHARE = 0.6
REPAIR_ROUNDS = 3

if TYPE_CHECKING:
    from ortools.sat.python import cp_model


@dataclass(frozen=True)
class Goal:
    key: str
    stage: int
    weight: str  # how it counts within its stage, shown to the owner


GOALS = (
    Goal("fill", 1, "1 per place"),
    Goal("overtime", 2, "1 per minute over the threshold"),
    Goal("cost", 3, "1 per kopeck"),
    Goal("fairness", 4, "places + 1 per minute away from the target"),
    Goal("preferences", 4, "1 per preferred place"),
)


@dataclass(frozen=True)
class Solution:
    assignment: dict[int, int]  # place index → user id
    filled: int
    places: int
    fill_proven_best: bool
    fill_bound: int  # no schedule fills more places (the solver's proof, or who may take each)
    fill_gap: float  # relative gap between the fill found and that bound
    stages_optimal: tuple[bool, ...]
    overtime_minutes: int
    cost: Decimal
    solve_seconds: float


def interchangeable(problem: Problem) -> dict[int, list[Place]]:
    """Places that are the same for everyone (the seats of one slot: object, times and
    rates alike), under the index of the first: the model takes a person once per group
    and fills up to the group's size, so it never tries the seats' permutations."""
    groups: dict[int, list[Place]] = {}
    first_of: dict[tuple[object, ...], int] = {}
    for place in problem.places:
        work = place.work
        key = (work.object_id, work.starts_at, work.ends_at, place.slot_rate, place.object_rate)
        groups.setdefault(first_of.setdefault(key, place.index), []).append(place)
    return groups


class _Model:
    def __init__(self, problem: Problem) -> None:
        # Loaded by the first solve: OR-Tools (with numpy and pandas) costs a process ~65 MiB.
        from ortools.sat.python import cp_model

        self.problem = problem
        self.model = cp_model.CpModel()
        self.people = {person.user_id: person for person in problem.people}
        self.eligible = eligible_people(problem)
        self.groups = interchangeable(problem)
        # x[first index of a group, user id]: the person takes one of the group's places.
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        for index in self.groups:
            for person in self.eligible[index]:
                self.x[index, person.user_id] = self.model.new_bool_var("")
        # Worked-day indicators with the assignments that make them 1 (for complete hints).
        self.day_vars: list[tuple[cp_model.IntVar, list[tuple[int, int]]]] = []
        by_group: dict[int, list[cp_model.IntVar]] = defaultdict(list)
        self.by_person: dict[int, list[Place]] = defaultdict(list)
        for (index, user_id), var in self.x.items():
            by_group[index].append(var)
            self.by_person[user_id].append(self.groups[index][0])
        for index, variables in by_group.items():
            self.model.add(sum(variables) <= len(self.groups[index]))
        # No schedule fills more places than those someone may take.
        self.fill_bound = sum(min(len(v), len(self.groups[i])) for i, v in by_group.items())
        for user_id, candidates in self.by_person.items():
            self._one_person(self.people[user_id], candidates)

    def values_of(self, assignment: Mapping[int, int]) -> dict[tuple[int, int], bool]:
        """The variables' values of a schedule (place index → user id)."""
        group_of = {p.index: first for first, group in self.groups.items() for p in group}
        taken = {(group_of[index], user_id) for index, user_id in assignment.items()}
        return {key: key in taken for key in self.x}

    def assignment_of(self, values: Mapping[tuple[int, int], bool]) -> dict[int, int]:
        """The schedule of the variables' values: each group's people on its places."""
        chosen: dict[int, list[int]] = defaultdict(list)
        for (index, user_id), value in values.items():
            if value:
                chosen[index].append(user_id)
        return {
            place.index: user_id
            for index, people in chosen.items()
            for place, user_id in zip(self.groups[index], sorted(people), strict=False)
        }

    def hint(self, values: Mapping[tuple[int, int], bool]) -> None:
        """Start the next search from these assignments (and the days they work)."""
        self.model.clear_hints()
        for key, var in self.x.items():
            self.model.add_hint(var, values[key])
        for day_var, keys in self.day_vars:
            self.model.add_hint(day_var, any(values[key] for key in keys))

    def var(self, place: Place, person: Person) -> "cp_model.IntVar":
        return self.x[place.index, person.user_id]

    def _one_person(self, person: Person, candidates: list[Place]) -> None:
        problem, model = self.problem, self.model
        rest = timedelta(minutes=problem.limits.min_rest_minutes)
        ordered = sorted(candidates, key=lambda place: place.work.starts_at)
        # Shifts held apart by the rest form an interval graph: its cliques are the
        # places whose [start, end + rest) holds one place's start.
        cliques = set()
        active: list[Place] = []
        for later in ordered:
            start = later.work.starts_at
            active = [p for p in active if start < p.work.ends_at + rest]
            active.append(later)
            if len(active) > 1:
                cliques.add(frozenset(p.index for p in active))
        for clique in cliques:
            model.add_at_most_one(self.x[index, person.user_id] for index in clique)
        # Travel longer than the rest: the few pairs the cliques do not cover.
        longest = timedelta(minutes=max(problem.travel_minutes.values(), default=0))
        if longest > rest:
            for i, first in enumerate(ordered):
                for second in ordered[i + 1 :]:
                    if second.work.starts_at >= first.work.ends_at + longest:
                        break
                    if second.work.starts_at >= first.work.ends_at + rest and clash(
                        first.work, second.work, problem.limits, problem.travel_minutes
                    ):
                        model.add_bool_or(
                            [self.var(first, person).Not(), self.var(second, person).Not()]
                        )
        limits = problem.limits_of(person)
        by_day: dict[date, list[Place]] = defaultdict(list)
        for place in ordered:
            by_day[place.work.work_date].append(place)
        for day, places in by_day.items():
            booked = sum(w.minutes for w in person.booked if w.work_date == day)
            model.add(
                sum(p.work.minutes * self.var(p, person) for p in places)
                <= limits.max_day_minutes - booked
            )
        model.add(self.week_total(person, ordered) <= limits.max_week_minutes)
        self._consecutive_days(person, by_day)

    def week_total(self, person: Person, candidates: list[Place]) -> "cp_model.LinearExprT":
        booked = week_minutes(person.booked, self.problem.week)
        return booked + sum(p.work.minutes * self.var(p, person) for p in candidates)

    def _consecutive_days(self, person: Person, by_day: dict[date, list[Place]]) -> None:
        limit = self.problem.limits_of(person).max_consecutive_days
        booked_days = {w.work_date for w in person.booked}
        worked: dict[date, cp_model.LinearExprT] = {day: 1 for day in booked_days}
        for day, places in by_day.items():
            if day in booked_days:
                continue
            day_var = self.model.new_bool_var("")
            for place in places:
                self.model.add_implication(self.var(place, person), day_var)
            self.day_vars.append((day_var, [(p.index, person.user_id) for p in places]))
            worked[day] = day_var
        window_starts = {
            day - timedelta(days=back)
            for day in by_day
            if day not in booked_days
            for back in range(limit + 1)
        }
        for first in window_starts:
            window = [first + timedelta(days=k) for k in range(limit + 1)]
            self.model.add(sum(worked.get(d, 0) for d in window) <= limit)


def solve(problem: Problem, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Solution:
    """The best schedule found within `time_limit_s` (2 workers), goals in `GOALS` order."""
    from ortools.sat.python import cp_model  # as in `_Model`: loaded by the first solve

    started = time.monotonic()
    built = _Model(problem)
    model = built.model
    filled = sum(built.x.values())
    overtime = []
    cost = []
    deviation = []
    preferred = []
    even_target = _even_target_minutes(problem)
    for user_id, candidates in built.by_person.items():
        person = built.people[user_id]
        total = built.week_total(person, candidates)
        extra = model.new_int_var(0, 7 * 24 * 60, "")
        model.add(extra >= total - problem.limits.overtime_week_minutes)
        overtime.append(extra)
        target = person.target_minutes if person.target_minutes is not None else even_target
        away = model.new_int_var(0, 7 * 24 * 60, "")
        model.add(away >= total - target)
        model.add(away >= target - total)
        deviation.append(away)
        for place in candidates:
            var = built.var(place, person)
            cost.append(int(cost_of(person, place) * 100) * var)
            if person.verdict(place).kind is VerdictKind.PREFERRED:
                preferred.append(var)
    preference_weight = len(preferred) + 1
    stages = [
        (filled, True),
        (sum(overtime), False),
        (sum(cost), False),
        (preference_weight * sum(deviation) - sum(preferred), False),
    ]
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = NUM_WORKERS
    optimal: list[bool] = []
    fill_bound = float(built.fill_bound)
    first = greedy(problem, built.eligible)
    values = built.values_of(first)
    built.hint(values)
    # Never less than the greedy start: what the solver finds is at least as good.
    if first:
        model.add(filled >= len(first))
    for number, (objective, maximize) in enumerate(stages):
        remaining = time_limit_s - (time.monotonic() - started)
        if number > 0 and remaining <= 0.05:
            break
        # Filling gets most of the time; the goals after it share what is left evenly.
        share = FILL_SHARE if number == 0 else 1 / (len(stages) - number)
        solver.parameters.max_time_in_seconds = max(remaining * share, 0.05)
        if maximize:
            model.maximize(objective)
        else:
            model.minimize(objective)
        status = solver.solve(model)
        if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
            if number == 0:
                optimal.append(False)
                continue  # the greedy start stands; the later goals may still improve it
            break
        optimal.append(status == cp_model.OPTIMAL)
        found = round(solver.objective_value)
        if number == 0:
            fill_bound = min(fill_bound, solver.best_objective_bound)
        values = {key: solver.boolean_value(var) for key, var in built.x.items()}
        built.hint(values)
        model.add(objective >= found if maximize else objective <= found)
    assignment = built.assignment_of(values)
    fill_gap = 0.0 if fill_bound <= 0 else max(0.0, (fill_bound - len(assignment)) / fill_bound)
    if fill_gap == 0.0:
        optimal[:1] = [True]
    return _solution(
        problem, assignment, optimal, int(fill_bound), fill_gap, time.monotonic() - started
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


def greedy(problem: Problem, eligible: Mapping[int, list[Person]] | None = None) -> dict[int, int]:
    """A first schedule, place by place in time order, each to the person the hard rules
    allow with the fewest hours so far (then the cheapest), so that nobody's week fills
    up early; then `repair`. The solver's starting point, and its answer if it finds
    nothing better in time."""
    eligible = eligible if eligible is not None else eligible_people(problem)
    assignment: dict[int, int] = {}
    taken: dict[int, list[Place]] = defaultdict(list)
    for place in sorted(problem.places, key=lambda p: p.work.starts_at):
        allowed = [
            person for person in eligible[place.index] if _fits(problem, person, place, taken)
        ]
        if allowed:
            person = min(
                allowed,
                key=lambda p: (sum(q.work.minutes for q in taken[p.user_id]), cost_of(p, place)),
            )
            assignment[place.index] = person.user_id
            taken[person.user_id].append(place)
    return repair(problem, eligible, assignment, taken)


def repair(
    problem: Problem,
    eligible: Mapping[int, list[Person]],
    assignment: dict[int, int],
    taken: dict[int, list[Place]],
) -> dict[int, int]:
    """Fill empty places by moving one place on: an empty place goes to someone whom a
    single place of theirs keeps off it, when another person can take that place as
    their schedule stands. Repeated while it fills more (a few rounds)."""
    for _ in range(REPAIR_ROUNDS):
        filled = len(assignment)
        for place in problem.places:
            if place.index not in assignment:
                _move_one_on(problem, eligible, assignment, taken, place)
        if len(assignment) == filled:
            break
    return assignment


def _move_one_on(
    problem: Problem,
    eligible: Mapping[int, list[Person]],
    assignment: dict[int, int],
    taken: dict[int, list[Place]],
    place: Place,
) -> None:
    for person in eligible[place.index]:
        for blocking in list(taken[person.user_id]):
            others = [p for p in taken[person.user_id] if p is not blocking]
            if not _fits(problem, person, place, {person.user_id: others}):
                continue
            for other in eligible[blocking.index]:
                if other.user_id != person.user_id and _fits(problem, other, blocking, taken):
                    taken[person.user_id] = [*others, place]
                    taken[other.user_id].append(blocking)
                    assignment[place.index] = person.user_id
                    assignment[blocking.index] = other.user_id
                    return


def _fits(problem: Problem, person: Person, place: Place, taken: Mapping[int, list[Place]]) -> bool:
    others = [*person.booked, *(p.work for p in taken.get(person.user_id, ()))]
    return schedule_refusal(place.work, others, problem.rules_for(person)) is None


def _even_target_minutes(problem: Problem) -> int:
    if not problem.people:
        return 0
    booked = sum(week_minutes(person.booked, problem.week) for person in problem.people)
    places = sum(place.work.minutes for place in problem.places)
    return (booked + places) // len(problem.people)


def _solution(
    problem: Problem,
    assignment: dict[int, int],
    optimal: list[bool],
    fill_bound: int,
    fill_gap: float,
    seconds: float,
) -> Solution:
    people = {person.user_id: person for person in problem.people}
    places = {place.index: place for place in problem.places}
    cost = sum(
        (cost_of(people[user_id], places[index]) for index, user_id in assignment.items()),
        Decimal("0.00"),
    )
    overtime = 0
    for person in problem.people:
        mine = [places[i].work for i, user_id in assignment.items() if user_id == person.user_id]
        total = week_minutes([*person.booked, *mine], problem.week)
        overtime += max(0, total - problem.limits.overtime_week_minutes)
    return Solution(
        assignment=assignment,
        filled=len(assignment),
        places=len(problem.places),
        fill_proven_best=bool(optimal) and optimal[0],
        fill_bound=max(fill_bound, len(assignment)),
        fill_gap=fill_gap,
        stages_optimal=tuple(optimal),
        overtime_minutes=overtime,
        cost=cost,
        solve_seconds=seconds,
    )
