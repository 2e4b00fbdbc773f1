"""Bench (prints figures, asserts nothing): filling a week with the CP-SAT solver.

A seeded chain of 10 objects, 120 employees with varied availability, time off and
shifts already planned, and 600 free places in one week (`tests/support/scheduling.py`),
then a small organization (30 people). Every assignment is re-validated independently
of the solver with the hard rules (`hard_violations`).

    .venv/bin/python -m tests.bench.bench_autoschedule [--seed 1] [--time-limit 8] [--json]
    (last line: {"employees", "places", "solve_s", "filled_ratio", "hard_violations",
    "objective_gap", ...})
"""

import argparse
import json
import os
import time

from services.planning.work_rules import hard_violations
from services.scheduling.solver import solve
from tests.support.scheduling import ChainSpec, random_chain


def measure(spec: ChainSpec, time_limit_s: float) -> dict[str, object]:
    problem = random_chain(spec)
    cpu_before = time.process_time()
    solution = solve(problem, time_limit_s=time_limit_s)
    cpu_s = time.process_time() - cpu_before
    return {
        "employees": spec.employees,
        "places": spec.places,
        "time_limit_s": time_limit_s,
        "solve_s": round(solution.solve_seconds, 2),
        # CPU time the process got (both workers): on a busy machine far below 2 × solve_s.
        "cpu_s": round(cpu_s, 2),
        "load_average": os.getloadavg()[0],
        "filled": solution.filled,
        "filled_ratio": round(solution.filled / spec.places, 4),
        "fill_proven_best": solution.fill_proven_best,
        # No schedule fills more (CP-SAT's bound): equal to `filled` when proven.
        "fill_bound": solution.fill_bound,
        "stages_optimal": list(solution.stages_optimal),
        "hard_violations": len(hard_violations(problem, solution.assignment)),
        "objective_gap": round(solution.fill_gap, 4),
        "overtime_h": round(solution.overtime_minutes / 60, 1),
        "cost": str(solution.cost),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--time-limit", type=float, default=8.0)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    small = measure(ChainSpec(objects=3, employees=30, places=120, seed=args.seed), 2.0)
    print(f"small organization: {small}")
    full = measure(ChainSpec(seed=args.seed), args.time_limit)
    full["small_solve_s"] = small["solve_s"]
    full["small_hard_violations"] = small["hard_violations"]
    if args.json:
        print(json.dumps(full))
    else:
        print(f"chain: {full}")


if __name__ == "__main__":
    main()
