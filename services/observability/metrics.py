"""Prometheus metrics: defined once here, exported by `/metrics` of the webapp and by
the bot's and worker's own exporters."""

from prometheus_client import Counter, Gauge, Histogram

UPDATES = Counter(
    "staffprobot_updates_total",
    "Telegram updates handled, by update type and outcome",
    ["update_type", "outcome"],
)
HANDLER_LATENCY = Histogram(
    "staffprobot_handler_seconds",
    "Time to handle one update, by handler (dialog state or command)",
    ["handler"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10),
)
HANDLER_CALLS = Counter(
    "staffprobot_handler_calls_total",
    "Updates handled by handler (dialog state or command)",
    ["handler"],
)
HTTP_REQUESTS = Counter(
    "staffprobot_http_requests_total", "HTTP requests of the webapp", ["route", "method", "status"]
)
HTTP_LATENCY = Histogram(
    "staffprobot_http_request_seconds",
    "HTTP request latency of the webapp",
    ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
WORKER_UP = Gauge("staffprobot_worker_up", "1 while the worker is connected to its queue")
