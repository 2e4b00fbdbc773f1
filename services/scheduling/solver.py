"""The week's free places filled by OR-Tools CP-SAT, within the hard rules of
`services.planning.work_rules`, with the goals met in a strict order.

The goals are solved in stages, each keeping the best value of the ones before
(lexicographic): 1 fill as many places as possible; 2 the fewest minutes over the weekly
overtime threshold; 3 the lowest cost; 4 hours closest to each person's target (or an
even share), and then the most "preferred" places — in stage 4 one minute away from the
target weighs more than all preferred places together (`GOALS` shows the weights)."""

import math
import random
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
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
    week_minutes,
)
from services.scheduling.start import eligible_people, greedy, less_overtime

NUM_WORKERS = 2
DEFAULT_TIME_LIMIT_S = 8.0
SMALL_ORGANIZATION_PEOPLE = 30
SMALL_TIME_LIMIT_S = 2.0
FILL_SHARE = 0.6
# Kept from the limit for what follows the last search (CP-SAT overshoots a little too).
MARGIN_S = 0.15
# Presolve without the searches for dominated constraints, probing and symmetries: on
# the whole week they took seconds, so that a later goal's stage stopped still in
# presolve (UNKNOWN) and kept nothing of its time.
STAGE_PARAMETERS: dict[str, object] = {
    "presolve_inclusion_work_limit": 0,
    "cp_model_probing_level": 0,
    "symmetry_level": 0,
}
# Neighbourhoods re-solved when the start falls short of the LP's bound: people, the
# seconds each may take, and how often one starts at any empty place rather than one
# whose seats the LP fills more.
NEIGHBOURHOOD_PEOPLE = 20
NEIGHBOURHOOD_SECONDS = 0.5
ANY_EMPTY_PLACE = 0.5


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
    def __init__(
        self, problem: Problem, eligible: Mapping[int, list[Person]] | None = None
    ) -> None:
        # Loaded by the first solve: OR-Tools (with numpy and pandas) costs a process ~65 MiB.
        from ortools.sat.python import cp_model

        self.problem = problem
        self.model = cp_model.CpModel()
        self.people = {person.user_id: person for person in problem.people}
        self.eligible = eligible if eligible is not None else eligible_people(problem)
        self.groups = interchangeable(problem)
        # x[first index of a group, user id]: the person takes one of the group's places.
        self.x: dict[tuple[int, int], cp_model.IntVar] = {}
        for index in self.groups:
            for person in self.eligible[index]:
                self.x[index, person.user_id] = self.model.new_bool_var("")
        # Worked-day indicators with the assignments that make them 1 (for complete hints).
        self.day_vars: list[tuple[cp_model.IntVar, list[tuple[int, int]]]] = []
        # Variables whose value follows from the assignments (for complete hints).
        self.derived: list[
            tuple[cp_model.IntVar, Callable[[Mapping[tuple[int, int], bool]], int]]
        ] = []
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
        for var, value_of in self.derived:
            self.model.add_hint(var, value_of(values))

    def minutes_of(
        self, person: Person, candidates: list[Place]
    ) -> Callable[[Mapping[tuple[int, int], bool]], int]:
        """The person's minutes in the week for the variables' values."""
        booked = week_minutes(person.booked, self.problem.week)
        keys = [((p.index, person.user_id), p.work.minutes) for p in candidates]
        return lambda values: booked + sum(m for key, m in keys if values[key])

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

    def _pairwise_clash(self, places: list[Place]) -> bool:
        """Whether no two of the places fit one person's day for the rest between them
        (or overlap): then the rest cliques already allow one of them at most."""
        rest = timedelta(minutes=self.problem.limits.min_rest_minutes)
        latest_start = max(p.work.starts_at for p in places)
        return all(latest_start < p.work.ends_at + rest for p in places)

    def _consecutive_days(self, person: Person, by_day: dict[date, list[Place]]) -> None:
        limit = self.problem.limits_of(person).max_consecutive_days
        booked_days = {w.work_date for w in person.booked}
        worked: dict[date, cp_model.LinearExprT] = {day: 1 for day in booked_days}
        for day, places in by_day.items():
            if day in booked_days:
                continue
            taken = [self.var(place, person) for place in places]
            if self._pairwise_clash(places):
                # At most one of them: the day is worked when their sum is 1 (an
                # indicator per place, `x <= day`, lets the LP count half a day for two
                # half places, and so ignore the limit).
                worked[day] = sum(taken)
                continue
            day_var = self.model.new_bool_var("")
            for var in taken:
                self.model.add_implication(var, day_var)
            self.model.add(sum(taken) <= len(taken) * day_var)
            self.day_vars.append((day_var, [(p.index, person.user_id) for p in places]))
            worked[day] = day_var
        window_starts = {
            day - timedelta(days=back)
            for day in by_day
            if day not in booked_days
            for back in range(limit + 1)
        }
        for first in sorted(window_starts):  # (a set of dates: its order varies by run)
            window = [first + timedelta(days=k) for k in range(limit + 1)]
            self.model.add(sum(worked.get(d, 0) for d in window) <= limit)


def time_limit_for(problem: Problem, configured_s: float) -> float:
    """The limit a week is solved within (and the manager is told): a small
    organization's at most `SMALL_TIME_LIMIT_S`, so that it is answered at once; its
    fill is proven best well within that (the goals after it take what is left)."""
    if len(problem.people) <= SMALL_ORGANIZATION_PEOPLE:
        return min(configured_s, SMALL_TIME_LIMIT_S)
    return configured_s


def solve(problem: Problem, time_limit_s: float = DEFAULT_TIME_LIMIT_S) -> Solution:
    """The best schedule found within `time_limit_s` (2 workers), goals in `GOALS` order."""
    from ortools.sat.python import cp_model  # as in `_Model`: loaded by the first solve

    started = time.monotonic()
    built = _Model(problem)
    model = built.model
    filled = sum(built.x.values())
    fill_bound = built.fill_bound
    # The LP of the rules alone (before the goals' variables): its bound, then a start
    # rounded from its choices; it knows which people the places need most.
    # All of it within the fill's share of the limit (on a busy machine too).
    deadline = started + (time_limit_s - MARGIN_S) * FILL_SHARE
    relaxation = _fill_relaxation(built, deadline)
    if relaxation is None:
        first = greedy(problem, built.eligible, deadline=deadline)
    else:
        fill_bound = min(fill_bound, relaxation.bound)
        first = greedy(problem, built.eligible, relaxation.liking(built), deadline)
        if len(first) < fill_bound:
            first = _improve(problem, built, first, relaxation, fill_bound, deadline)
    first = less_overtime(problem, built.eligible, first, started + time_limit_s - MARGIN_S)
    overtime = []
    cost = []
    deviation = []
    preferred = []
    even_target = _even_target_minutes(problem)
    for user_id, candidates in built.by_person.items():
        person = built.people[user_id]
        total = built.week_total(person, candidates)
        threshold = problem.limits.overtime_week_minutes
        extra = model.new_int_var(0, 7 * 24 * 60, "")
        model.add(extra >= total - threshold)
        overtime.append(extra)
        target = person.target_minutes if person.target_minutes is not None else even_target
        away = model.new_int_var(0, 7 * 24 * 60, "")
        model.add(away >= total - target)
        model.add(away >= target - total)
        deviation.append(away)
        # Hinted too: a hint without them leaves CP-SAT to find a fullest schedule anew.
        minutes = built.minutes_of(person, candidates)
        built.derived.append((extra, _above(minutes, threshold)))
        built.derived.append((away, _away_from(minutes, target)))
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
    for name, value in STAGE_PARAMETERS.items():
        setattr(solver.parameters, name, value)
    optimal: list[bool] = []
    values = built.values_of(first)
    built.hint(values)
    # Never less than the start: what the solver finds is at least as good.
    if first:
        model.add(filled >= len(first))
    for number, (objective, maximize) in enumerate(stages):
        remaining = time_limit_s - MARGIN_S - (time.monotonic() - started)
        if number > 0 and remaining <= 0.05:
            break
        if number == 0 and len(first) >= fill_bound:
            optimal.append(True)  # the relaxation proves that no schedule fills more
            continue
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
            fill_bound = min(fill_bound, math.floor(solver.best_objective_bound + 1e-6))
        values = {key: solver.boolean_value(var) for key, var in built.x.items()}
        built.hint(values)
        model.add(objective >= found if maximize else objective <= found)
    assignment = built.assignment_of(values)
    fill_bound = max(fill_bound, len(assignment))
    fill_gap = 0.0 if fill_bound <= 0 else (fill_bound - len(assignment)) / fill_bound
    if fill_gap == 0.0:
        optimal[:1] = [True]
    return _solution(
        problem, assignment, optimal, int(fill_bound), fill_gap, time.monotonic() - started
    )


@dataclass(frozen=True)
class _Relaxation:
    bound: int  # no schedule fills more places
    taken: dict[tuple[int, int], float]  # the LP's share of each x[group, user id]

    def liking(self, built: _Model) -> Callable[[Place, Person], float]:
        group_of = {p.index: first for first, group in built.groups.items() for p in group}
        # Rounded: shares the LP leaves alike stay alike for the other criteria.
        return lambda place, person: round(
            self.taken.get((group_of[place.index], person.user_id), 0.0), 3
        )


def _fill_relaxation(built: _Model, deadline: float) -> _Relaxation | None:
    """The linear relaxation of the model as built (every variable between its bounds,
    constraints CP-SAT would only enforce on a condition left out, so it only widens),
    maximizing the places filled, by GLOP. Its optimum bounds the fill from above: often
    tight here, and CP-SAT's own LP reaches it only after seconds of cuts."""
    from ortools.linear_solver import pywraplp

    lp = pywraplp.Solver.CreateSolver("GLOP")
    proto = built.model.proto
    columns = [
        lp.NumVar(float(v.domain[0]), float(v.domain[len(v.domain) - 1]), "")
        for v in proto.variables
    ]

    infinity = lp.infinity()

    def row(low: float, high: float, terms: "Iterable[tuple[int, int]]") -> None:
        # Literal `ref` is column `ref`, or 1 - column `-ref - 1` when negative.
        constant = 0
        coefficients: dict[int, int] = defaultdict(int)
        for ref, coefficient in terms:
            if ref >= 0:
                coefficients[ref] += coefficient
            else:
                constant += coefficient
                coefficients[-ref - 1] -= coefficient
        constraint = lp.Constraint(low - constant, high - constant)
        for column, coefficient in coefficients.items():
            constraint.SetCoefficient(columns[column], coefficient)

    for constraint in proto.constraints:
        enforced = list(constraint.enforcement_literal)
        if constraint.has_at_most_one() and not enforced:
            row(-infinity, 1, ((ref, 1) for ref in constraint.at_most_one.literals))
        elif constraint.has_bool_or() and not enforced:
            row(1, infinity, ((ref, 1) for ref in constraint.bool_or.literals))
        elif constraint.has_bool_and() and len(enforced) == 1:
            for ref in constraint.bool_and.literals:
                row(0, infinity, ((ref, 1), (enforced[0], -1)))
        elif constraint.has_linear() and not enforced:
            linear = constraint.linear
            # (`[-1]` reads 0 from these protos' lists)
            low, high = linear.domain[0], linear.domain[len(linear.domain) - 1]
            row(
                low if low > -(2**62) else -infinity,
                high if high < 2**62 else infinity,
                zip(linear.vars, linear.coeffs, strict=True),
            )
    objective = lp.Objective()
    for var in built.x.values():
        objective.SetCoefficient(columns[var.index], 1)
    objective.SetMaximization()
    lp.SetTimeLimit(max(1, int((deadline - time.monotonic()) * 1000)))
    if lp.Solve() != pywraplp.Solver.OPTIMAL:
        return None
    # A whole number of places: the LP's value rounded down (within its tolerance).
    bound = math.floor(lp.Objective().Value() + 1e-6)
    taken = {key: columns[var.index].solution_value() for key, var in built.x.items()}
    return _Relaxation(bound, taken)


def _improve(
    problem: Problem,
    built: _Model,
    assignment: dict[int, int],
    relaxation: _Relaxation,
    bound: int,
    deadline: float,
) -> dict[int, int]:
    """Fill more places by re-solving small neighbourhoods exactly (the others' schedules
    kept), until the relaxation's bound or the deadline: an empty place the LP fills, the
    people the LP puts there, the people who could take their places, and so on."""
    rng = random.Random(0)
    group_of = {p.index: first for first, group in built.groups.items() for p in group}
    while len(assignment) < bound and time.monotonic() < deadline:
        seats: dict[int, int] = defaultdict(int)
        for index in assignment:
            seats[group_of[index]] += 1
        lp_seats: dict[int, float] = defaultdict(float)
        for (group, _), share in relaxation.taken.items():
            lp_seats[group] += share
        empty = [i for i in group_of if i not in assignment]
        promising = [i for i in empty if lp_seats[group_of[i]] > seats[group_of[i]] + 1e-6]
        start = rng.choice(empty if rng.random() < ANY_EMPTY_PLACE else (promising or empty))
        better = _resolve_around(
            problem, built, assignment, relaxation, group_of, start, rng, deadline
        )
        if better is not None:
            assignment = better
    return assignment


def _resolve_around(
    problem: Problem,
    built: _Model,
    assignment: dict[int, int],
    relaxation: _Relaxation,
    group_of: Mapping[int, int],
    start: int,
    rng: random.Random,
    deadline: float,
) -> dict[int, int] | None:
    """The schedule with the places of up to `NEIGHBOURHOOD_PEOPLE` people around `start`
    (and the empty places they may take) re-solved by CP-SAT, when it fills more."""
    from ortools.sat.python import cp_model

    held: dict[int, list[int]] = defaultdict(list)
    for index, user_id in assignment.items():
        held[user_id].append(index)
    chosen: dict[int, Person] = {}
    share = relaxation.taken

    def lp_wants(index: int, person: Person) -> float:
        return share.get((group_of[index], person.user_id), 0.0)

    # First the LP's way: the people it puts on the place, then the places they hold
    # that it gives to others (as along an augmenting path); then anyone eligible.
    for guided in (True, False):
        queue = [start]
        for index in queue:  # grows while read: breadth first
            candidates = [p for p in built.eligible[index] if p.user_id not in chosen]
            if guided:
                candidates = [p for p in candidates if lp_wants(index, p) > 1e-6]
            rng.shuffle(candidates)
            candidates.sort(key=lambda p: -lp_wants(index, p))
            for person in candidates[: NEIGHBOURHOOD_PEOPLE - len(chosen)]:
                chosen[person.user_id] = person
                queue.extend(
                    i for i in held[person.user_id] if not guided or lp_wants(i, person) < 1 - 1e-6
                )
            if len(chosen) >= NEIGHBOURHOOD_PEOPLE:
                break
        if len(chosen) >= NEIGHBOURHOOD_PEOPLE:
            break
    indexes = {i for user_id in chosen for i in held[user_id]}
    indexes |= {
        i
        for i in group_of
        if i not in assignment and any(p.user_id in chosen for p in built.eligible[i])
    }
    places = tuple(p for p in problem.places if p.index in indexes)
    sub = Problem(
        problem.week, places, tuple(chosen.values()), problem.limits, problem.travel_minutes
    )
    eligible = {i: [p for p in built.eligible[i] if p.user_id in chosen] for i in indexes}
    part = _Model(sub, eligible)
    current = {i: u for i, u in assignment.items() if i in indexes}
    part.hint(part.values_of(current))
    part.model.maximize(sum(part.x.values()))
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1  # small: one search, no portfolio
    solver.parameters.max_time_in_seconds = max(
        0.05, min(NEIGHBOURHOOD_SECONDS, deadline - time.monotonic())
    )
    status = solver.solve(part.model)
    if status not in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        return None
    if round(solver.objective_value) <= len(current):
        return None
    found = part.assignment_of({key: solver.boolean_value(var) for key, var in part.x.items()})
    return {**{i: u for i, u in assignment.items() if i not in indexes}, **found}


Values = Mapping[tuple[int, int], bool]


def _above(minutes: Callable[[Values], int], threshold: int) -> Callable[[Values], int]:
    return lambda values: max(0, minutes(values) - threshold)


def _away_from(minutes: Callable[[Values], int], target: int) -> Callable[[Values], int]:
    return lambda values: abs(minutes(values) - target)


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
