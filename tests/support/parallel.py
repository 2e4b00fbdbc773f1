"""The order of `pytest -n 3 --dist loadfile` (pytest-xdist): each test file on one
worker, as loadfile does, except that the tests which start the app's own processes
(`python -m bot`, `-m webapp`, the worker, `make run`, private servers) run in two
lanes, each lane's files on one worker one after another.

Those files are most of the suite's time (about 530 of 935 test-seconds measured on a
2-core machine) but mostly wait on the processes they start. In one lane they were the
suite's long path (9 min while the in-process tests were done after 7); more at once
would put several cold starts (importing aiogram and the dialogs: all CPU) on the same
two cores. Two lanes of about equal measured time, and a third worker taking the
in-process files meanwhile, keep both cores busy."""

from typing import Any

import pytest

# Paths (relative to the project) of the test files that start processes.
STARTING_PROCESSES = (
    "tests/chaos/",
    "tests/e2e/",
    "tests/integration/test_notifications_worker.py",
)
# The second lane: about half of the group's time as measured under `-n 3` (the chaos
# tests, `make run`, the webapp's trust and the webhook behind Nginx, in a burst and
# across replicas, about 350 s, against about 345 s for the others).
SECOND_LANE = (
    "tests/chaos/",
    "tests/e2e/test_make_run.py",
    "tests/e2e/test_webapp_trust.py",
    "tests/e2e/test_behind_nginx.py",
    "tests/e2e/test_webhook_burst.py",
    "tests/e2e/test_webhook_replicas.py",
)


def starting_processes_first(items: list[pytest.Item]) -> None:
    """The lanes are the longest scopes: handed out first (xdist hands scopes out in the
    order of their first test), they do not end the run alone on one worker."""
    items.sort(key=lambda item: not item.nodeid.startswith(STARTING_PROCESSES))


def make_scheduler(config: pytest.Config, log: Any) -> Any:
    """The loadfile scheduler with the files starting processes as two scopes, handed
    out in the order of the tests (`starting_processes_first`), not by their number;
    None (the default scheduler) under any other `--dist`."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    config.option.loadscopereorder = False

    class ProcessesInTwoLanes(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            if not path.startswith(STARTING_PROCESSES):
                return path
            return "processes, lane 2" if path.startswith(SECOND_LANE) else "processes, lane 1"

    return ProcessesInTwoLanes(config, log)
