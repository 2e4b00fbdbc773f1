"""The webapp of `python -m webapp` (settings from the environment), plus one route of
the bench's own, `GET /bench/memory`: this process's RSS and, when started with tracing,
its Python heap allocated since start-up and the source lines that grew most since the
baseline
(`?baseline_now=true` takes one; the first call always does). A full garbage collection
runs first. Started by `tests/bench/bench_webapp_memory.py`; it imports nothing of the
tests, so its memory is the webapp's.

    python -m tests.bench.webapp_memory_probe PORT [--no-trace]
"""

import gc
import os
import sys
import tracemalloc
from pathlib import Path
from typing import Any

MEMORY_PATH = "/bench/memory"
TOP_LINES = 15


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise RuntimeError(f"no RSS of {pid}")


def serve(port: int, trace: bool) -> None:
    import uvicorn

    from services.platform.config import get_settings
    from services.platform.observability.logging import configure_logging
    from webapp.app import create_app

    settings = get_settings()
    configure_logging(settings)
    app = create_app(settings)
    # After the imports: their millions of blocks would make every snapshot (and the
    # process) hundreds of megabytes bigger.
    if trace:
        tracemalloc.start()
    baseline: list[tracemalloc.Snapshot] = []

    async def memory(baseline_now: bool = False) -> dict[str, Any]:
        gc.collect()
        figures: dict[str, Any] = {"rss_kib": rss_kib(os.getpid())}
        if not tracemalloc.is_tracing():
            return figures
        figures["traced_bytes"] = tracemalloc.get_traced_memory()[0]
        snapshot = tracemalloc.take_snapshot().filter_traces(
            [tracemalloc.Filter(False, tracemalloc.__file__)]
        )
        if baseline_now or not baseline:
            baseline[:] = [snapshot]
        figures["top_growth"] = [
            {"line": str(stat.traceback[0]), "bytes": stat.size_diff, "blocks": stat.count_diff}
            for stat in snapshot.compare_to(baseline[0], "lineno")[:TOP_LINES]
        ]
        return figures

    app.add_api_route(MEMORY_PATH, memory, include_in_schema=False)
    uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_config=None)).run()


if __name__ == "__main__":
    serve(int(sys.argv[1]), trace="--no-trace" not in sys.argv[2:])
