"""The auto-scheduler on small hand-made weeks with known best answers, the reasons it
gives for empty places, and random chains that must never break a hard rule."""

from dataclasses import replace
from datetime import time
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from services.availability.rules import PREFERRED
from services.planning.work_rules import Limits, Person, Problem, Reason, hard_violations
from services.platform.i18n import translator_for
from services.scheduling.explain import empty_place_text, why_empty
from services.scheduling.solver import solve, time_limit_for
from services.scheduling.start import eligible_people, greedy, less_overtime
from tests.support.scheduling import (
    WEEK,
    ChainSpec,
    place_at,
    random_chain,
    time_off,
    unavailable,
    work_at,
)

MON, TUE, WED, THU, FRI, SAT, SUN = WEEK
KIOSK, CAFE = 1, 2
NAMES = {KIOSK: "Kiosk North", CAFE: "Cafe"}


def person(user_id: int, name: str, **fields: object) -> Person:
    return Person(user_id, name, frozenset({KIOSK}), **fields)  # type: ignore[arg-type]


def week(places, people, **fields) -> Problem:  # type: ignore[no-untyped-def]
    return Problem(WEEK, tuple(places), tuple(people), **fields)


def test_every_place_is_filled_by_the_cheapest_rule_abiding_people() -> None:
    places = [
        place_at(0, KIOSK, MON, time(8), time(16)),
        place_at(1, KIOSK, TUE, time(8), time(16)),
    ]
    anna = person(1, "Anna", contract_rate=Decimal("400"))
    boris = person(2, "Boris", contract_rate=Decimal("250"))
    solution = solve(week(places, [anna, boris]))
    assert solution.assignment == {0: 2, 1: 2}
    assert solution.fill_proven_best
    assert solution.cost == Decimal("4000.00")


def test_a_place_that_would_cut_the_rest_stays_empty_and_says_why() -> None:
    evening = place_at(0, KIOSK, MON, time(16), time(23))
    morning = place_at(1, KIOSK, TUE, time(8), time(16))
    problem = week([evening, morning], [person(1, "Anna")])
    solution = solve(problem)
    assert solution.filled == 1 and solution.fill_proven_best
    [empty] = why_empty(problem, solution.assignment)
    [(_, refusal)] = empty.candidates
    assert refusal is not None and refusal.reason is Reason.REST


def test_the_solver_fills_more_than_taking_places_in_time_order() -> None:
    # Anna alone can do the long Monday or both short shifts inside it; two places win.
    long = place_at(0, KIOSK, MON, time(8), time(20))
    morning = place_at(1, KIOSK, MON, time(9), time(12))
    afternoon = place_at(2, KIOSK, MON, time(14), time(18))
    problem = week(
        [long, morning, afternoon], [person(1, "Anna")], limits=Limits(min_rest_minutes=0)
    )
    assert len(greedy(problem)) == 1
    assert solve(problem).assignment == {1: 1, 2: 1}
    problem = replace(problem, limits=Limits(min_rest_minutes=11 * 60))
    assert solve(problem).filled == 1


def test_an_empty_place_is_filled_along_a_chain_of_moves() -> None:
    # In time order Boris (cheapest) takes 08-16 and Vera 09-15; 10-22 only Vera may
    # take: she moves there, Boris to 09-15 and Anna to 08-16.
    places = [
        place_at(0, KIOSK, MON, time(8), time(16)),
        place_at(1, KIOSK, MON, time(9), time(15)),
        place_at(2, KIOSK, MON, time(10), time(22)),
    ]
    anna = person(
        1, "Anna", contract_rate=Decimal("400"), verdicts={1: unavailable(MON), 2: unavailable(MON)}
    )
    boris = person(2, "Boris", contract_rate=Decimal("250"), verdicts={2: unavailable(MON)})
    vera = person(3, "Vera", contract_rate=Decimal("300"), verdicts={0: unavailable(MON)})
    problem = week(places, [anna, boris, vera])
    assert greedy(problem) == {0: 1, 1: 2, 2: 3}


def test_two_half_places_do_not_make_a_day_count_half() -> None:
    # Anna may work one day in a row: Monday or Tuesday, one place of the two each day.
    places = [
        place_at(n, KIOSK, day, start, end)
        for n, (day, (start, end)) in enumerate(
            (day, hours)
            for day in (MON, TUE)
            for hours in ((time(8), time(16)), (time(9), time(15)))
        )
    ]
    anna = person(1, "Anna", limits=Limits().with_contract(None, None, 1))
    solution = solve(week(places, [anna]))
    assert (solution.filled, solution.fill_bound) == (1, 1) and solution.fill_proven_best


@pytest.mark.parametrize("seed", [1, 2])
def test_a_small_organizations_week_is_filled_as_fully_as_possible(seed: int) -> None:
    problem = random_chain(ChainSpec(objects=3, employees=30, places=120, seed=seed))
    solution = solve(problem, time_limit_s=2)
    assert solution.fill_proven_best and solution.fill_bound == solution.filled
    assert solution.overtime_minutes == 0  # (the start rounded from the LP had 27 h and 7 h)
    assert hard_violations(problem, solution.assignment) == []


@pytest.mark.parametrize(("people", "limit_s"), [(30, 2.0), (31, 8.0)])
def test_a_small_organization_is_answered_within_two_seconds(people: int, limit_s: float) -> None:
    staff = [person(n, f"P{n}") for n in range(1, people + 1)]
    assert time_limit_for(week([], staff), 8.0) == limit_s


@pytest.mark.parametrize(
    ("anna", "reason"),
    [
        (person(1, "Anna", verdicts={0: time_off(TUE)}), Reason.TIME_OFF),
        (
            person(1, "Anna", verdicts={0: unavailable(TUE, (time(9), time(17)))}),
            Reason.UNAVAILABLE,
        ),
        (
            person(1, "Anna", booked=tuple(work_at(KIOSK, d, time(8), time(20)) for d in WEEK[3:])),
            Reason.WEEK_HOURS,
        ),
        (
            person(1, "Anna", booked=tuple(work_at(CAFE, d, time(6), time(8)) for d in WEEK[2:])),
            Reason.CONSECUTIVE_DAYS,
        ),
        (person(1, "Anna", booked=(work_at(CAFE, TUE, time(17), time(20)),)), Reason.OVERLAP),
        (Person(1, "Anna", frozenset({CAFE})), Reason.NOT_ON_OBJECT),
    ],
)
def test_a_place_nobody_may_take_stays_empty_with_the_reason(anna: Person, reason: Reason) -> None:
    place = place_at(0, KIOSK, TUE, time(18), time(23))
    limits = Limits(max_week_minutes=48 * 60, max_consecutive_days=5, min_rest_minutes=60)
    problem = week([place], [anna], limits=limits)
    solution = solve(problem)
    assert solution.filled == 0 and solution.fill_proven_best
    [empty] = why_empty(problem, solution.assignment)
    if reason is Reason.NOT_ON_OBJECT:
        assert empty.candidates == ()
    else:
        assert [refusal.reason for _, refusal in empty.candidates if refusal] == [reason]


def test_travel_between_objects_keeps_the_shifts_apart() -> None:
    anna = Person(
        1, "Anna", frozenset({KIOSK, CAFE}), booked=(work_at(CAFE, MON, time(8), time(12)),)
    )
    place = place_at(0, KIOSK, MON, time(12, 30), time(16))
    limits = Limits(min_rest_minutes=0)
    assert solve(week([place], [anna], limits=limits, travel_minutes={KIOSK: 60})).filled == 0
    assert solve(week([place], [anna], limits=limits, travel_minutes={KIOSK: 30})).filled == 1


def test_overtime_weighs_more_than_cost() -> None:
    anna = person(
        1,
        "Anna",
        contract_rate=Decimal("200"),
        booked=tuple(work_at(KIOSK, d, time(8), time(17)) for d in WEEK[:4]),
    )
    boris = person(2, "Boris", contract_rate=Decimal("300"))
    place = place_at(0, KIOSK, SAT, time(8), time(16))
    solution = solve(week([place], [anna, boris]))
    assert solution.assignment == {0: 2}
    assert solution.overtime_minutes == 0


def test_the_fullest_week_without_overtime_is_kept_when_no_time_is_left_for_the_goals() -> None:
    # Anna (cheaper, 36 h booked) or Boris fill Friday alike; with Anna she works 44 h.
    # The limit leaves no time for the goals after the fill: the start itself has to
    # give the place to Boris.
    anna = person(
        1,
        "Anna",
        contract_rate=Decimal("200"),
        booked=tuple(work_at(KIOSK, d, time(8), time(17)) for d in WEEK[:4]),
    )
    boris = person(2, "Boris", contract_rate=Decimal("300"))
    solution = solve(week([place_at(0, KIOSK, FRI, time(8), time(16))], [anna, boris]), 0.2)
    assert solution.filled == 1 and solution.fill_proven_best
    assert solution.assignment == {0: 2} and solution.overtime_minutes == 0


def test_two_people_swap_shifts_to_stay_under_the_overtime_threshold() -> None:
    # Friday's two shifts clash: Anna (36 h booked) holds the long one (44 h), Boris
    # (32 h booked) the short one. Given to Boris alone, the long one would put him at
    # 44 h; swapped, both work 40 h.
    long = place_at(0, KIOSK, FRI, time(8), time(16))
    short = place_at(1, KIOSK, FRI, time(9), time(13))
    anna = person(1, "Anna", booked=tuple(work_at(KIOSK, d, time(8), time(17)) for d in WEEK[:4]))
    boris = person(2, "Boris", booked=tuple(work_at(KIOSK, d, time(8), time(16)) for d in WEEK[:4]))
    problem = week([long, short], [anna, boris])
    assert less_overtime(problem, eligible_people(problem), {0: 1, 1: 2}) == {0: 2, 1: 1}


def test_hours_are_spread_evenly_and_then_preferences_decide() -> None:
    places = [place_at(n, KIOSK, day, time(8), time(16)) for n, day in enumerate(WEEK[:4])]
    anna = person(1, "Anna")
    boris = person(2, "Boris", verdicts={0: PREFERRED, 1: PREFERRED})
    solution = solve(week(places, [anna, boris]))
    assert sorted(solution.assignment.values()) == [1, 1, 2, 2]
    assert solution.assignment[0] == solution.assignment[1] == 2


def test_the_targets_from_contracts_win_over_an_even_share() -> None:
    places = [place_at(n, KIOSK, day, time(8), time(16)) for n, day in enumerate(WEEK[:4])]
    anna = person(1, "Anna", target_minutes=8 * 60)
    boris = person(2, "Boris", target_minutes=24 * 60)
    assert sorted(solve(week(places, [anna, boris])).assignment.values()) == [1, 2, 2, 2]


def test_a_contracts_own_limits_change_the_answer() -> None:
    # Anna is cheaper; the organization lets her work both days, her contract one day a
    # row and 8 hours a week: Boris takes the other day, and so do the rules for manual
    # planning (`schedule_refusal`) and the validator.
    places = [
        place_at(0, KIOSK, MON, time(8), time(16)),
        place_at(1, KIOSK, TUE, time(8), time(16)),
    ]
    anna = person(1, "Anna", contract_rate=Decimal("250"))
    boris = person(2, "Boris", contract_rate=Decimal("400"))
    assert solve(week(places, [anna, boris])).assignment == {0: 1, 1: 1}
    for own in (Limits().with_contract(None, 8, None), Limits().with_contract(None, None, 1)):
        limited = replace(anna, limits=own)
        problem = week(places, [limited, boris])
        solution = solve(problem)
        assert sorted(solution.assignment.values()) == [1, 2] and solution.fill_proven_best
        assert hard_violations(problem, {0: 1, 1: 1})
        assert not hard_violations(problem, solution.assignment)


def test_a_contracts_day_limit_keeps_a_long_shift_from_a_person() -> None:
    long = place_at(0, KIOSK, MON, time(8), time(20))
    anna = person(1, "Anna", limits=Limits().with_contract(10, None, None))
    problem = week([long], [anna])
    assert solve(problem).filled == 0
    [empty] = why_empty(problem, {})
    [(_, refusal)] = empty.candidates
    assert refusal is not None and refusal.reason is Reason.DAY_HOURS
    assert (refusal.reached, refusal.limit) == (12 * 60, 10 * 60)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "en",
            "Tue, 3 Mar 18:00–23:00 Kiosk North: 3 people may work here: Anna is on vacation, "
            "Boris would work 53 h this week (at most 48), Vera is available only 09:00–17:00",
        ),
        (
            "ru",
            "вт, 3 мар. 18:00–23:00 Kiosk North: здесь могут работать 3 человека: Anna в отпуске, "
            "у Boris было бы 53 ч за неделю (можно не больше 48), Vera может только 09:00–17:00",
        ),
    ],
)
def test_the_reasons_read_as_a_sentence(language: str, expected: str) -> None:
    place = place_at(0, KIOSK, TUE, time(18), time(23))
    booked = tuple(work_at(KIOSK, d, time(8), time(20)) for d in WEEK[3:])
    people = [
        person(1, "Anna", verdicts={0: time_off(TUE)}),
        person(2, "Boris", booked=booked),
        person(3, "Vera", verdicts={0: unavailable(TUE, (time(9), time(17)))}),
    ]
    problem = week([place], people)
    [empty] = why_empty(problem, solve(problem).assignment)
    assert empty_place_text(translator_for(language), empty, NAMES) == expected


def test_the_validator_finds_a_broken_rule() -> None:
    evening = place_at(0, KIOSK, MON, time(16), time(23))
    morning = place_at(1, KIOSK, TUE, time(8), time(16))
    problem = week([evening, morning], [person(1, "Anna")])
    [first, second] = hard_violations(problem, {0: 1, 1: 1})
    assert first.refusal.reason is second.refusal.reason is Reason.REST


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    seed=st.integers(0, 10_000),
    employees=st.integers(1, 12),
    places=st.integers(1, 40),
    rest_hours=st.integers(0, 12),
    max_days=st.integers(1, 6),
)
def test_random_weeks_never_break_a_hard_rule(
    seed: int, employees: int, places: int, rest_hours: int, max_days: int
) -> None:
    limits = Limits(
        min_rest_minutes=rest_hours * 60,
        max_day_minutes=12 * 60,
        max_week_minutes=30 * 60,
        max_consecutive_days=max_days,
    )
    spec = ChainSpec(objects=3, employees=employees, places=places, seed=seed)
    problem = random_chain(spec, limits)
    assert hard_violations(problem, greedy(problem)) == []
    solution = solve(problem, time_limit_s=3)
    assert hard_violations(problem, solution.assignment) == []
    assert solution.filled >= len(greedy(problem)) or not solution.fill_proven_best


def test_a_place_many_could_take_lists_a_few_reasons_and_counts_the_rest() -> None:
    place = place_at(0, KIOSK, TUE, time(18), time(23))
    people = [person(n, f"P{n}", verdicts={0: time_off(TUE)}) for n in range(1, 7)]
    problem = week([place], people)
    [empty] = why_empty(problem, {})
    text = empty_place_text(translator_for("en"), empty, NAMES)
    assert text.endswith("P4 is on vacation, …and 2 more")
    assert "6 people may work here" in text
