"""The order of `pytest -n 2 --dist loadfile` (pytest-xdist): each test file on one
worker, as loadfile does, except that the tests which start the app's own processes
(`python -m bot`, `-m webapp`, the worker, `make run`, private servers) all run on the
same worker, one after another.

Two such tests at once double every cold start (importing aiogram and the dialogs is
most of a process's start-up, and all CPU): on a 2-core machine their processes then
missed the 60 s start-up waits, while the in-process tests beside them lose nothing."""

from typing import Any

import pytest

# Paths (relative to the project) of the test files that start processes.
STARTING_PROCESSES = (
    "tests/chaos/",
    "tests/e2e/",
    "tests/integration/test_notifications_worker.py",
)
_PROCESSES_SCOPE = "starting processes"


def make_scheduler(config: pytest.Config, log: Any) -> Any:
    """The loadfile scheduler with the files starting processes as one scope; None (the
    default scheduler) under any other `--dist`."""
    if config.getoption("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class ProcessesTogether(LoadFileScheduling):
        def _split_scope(self, nodeid: str) -> str:
            path = nodeid.split("::", 1)[0]
            return _PROCESSES_SCOPE if path.startswith(STARTING_PROCESSES) else path

    return ProcessesTogether(config, log)
