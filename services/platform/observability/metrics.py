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
WEBHOOK_REPEATS = Counter(
    "staffprobot_webhook_repeats_total",
    "Webhook updates whose update_id was already received (Telegram's repeats), not handled",
)
CHAT_TURN_WAIT = Histogram(
    "staffprobot_chat_turn_wait_seconds",
    "Time a webhook update waited for the previous updates of its chat",
    buckets=(0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
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
PAYMENTS = Counter(
    "staffprobot_payments_total",
    "Subscription payments by status reached (pending = created at YooKassa)",
    ["status"],
)
YOOKASSA_NOTIFICATIONS = Counter(
    "staffprobot_yookassa_notifications_total",
    "YooKassa notifications and polls processed, by outcome",
    ["outcome"],
)

# Notifications (C9): outbox → relay → queue → notifier → Telegram.
NOTIFICATIONS_PUBLISHED = Counter(
    "staffprobot_notifications_published_total", "Outbox rows published to the queue", ["kind"]
)
OUTBOX_LAG = Histogram(
    "staffprobot_outbox_lag_seconds",
    "Time from a notification's due moment to its publication",
    ["kind"],
    buckets=(0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900),
)
OUTBOX_DUE = Gauge("staffprobot_outbox_due", "Due outbox rows not yet published")
OUTBOX_OLDEST_DUE = Gauge(
    "staffprobot_outbox_oldest_due_seconds",
    "Age of the oldest due notification not yet sent (in the outbox or in the queue)",
)
NOTIFICATIONS_SENT = Counter(
    "staffprobot_notifications_sent_total", "Notifications delivered to Telegram", ["kind"]
)
NOTIFICATIONS_THROTTLED = Counter(
    "staffprobot_notifications_throttled_total",
    "Sends refused by Telegram with 429 (the sender then waited retry_after)",
    ["kind"],
)
NOTIFICATIONS_RETRIED = Counter(
    "staffprobot_notifications_retried_total",
    "Sends that failed on the network or with 5xx and were scheduled again",
    ["kind"],
)
NOTIFICATIONS_DEAD_LETTERED = Counter(
    "staffprobot_notifications_dead_lettered_total",
    "Notifications given up on (attempts exhausted or refused as malformed)",
    ["kind"],
)
NOTIFICATIONS_SKIPPED = Counter(
    "staffprobot_notifications_skipped_total",
    "Notifications not sent: recipient unreachable or kind muted",
    ["kind", "reason"],
)
NOTIFICATIONS_DEFERRED = Counter(
    "staffprobot_notifications_deferred_total",
    "Notifications put back into the outbox for later (quiet hours, busy group chat)",
    ["kind", "reason"],
)
QUEUE_DEPTH = Gauge("staffprobot_queue_depth", "Messages waiting in a queue", ["queue"])
SCHEDULER_JOB_RUNS = Counter(
    "staffprobot_scheduler_job_runs_total",
    "Scheduled job runs by job and outcome",
    ["job", "outcome"],
)
SCHEDULER_JOB_LAST_SUCCESS = Gauge(
    "staffprobot_scheduler_job_last_success_timestamp_seconds",
    "When each scheduled job last ran without an error (Unix time; set by the leader)",
    ["job"],
)
DB_CONNECTIONS_IN_USE = Gauge(
    "staffprobot_db_connections_in_use", "Database connections taken from this process's pool"
)
DB_POOL_CAPACITY = Gauge(
    "staffprobot_db_pool_capacity",
    "Connections this process's pool may open; with all of them in use, a request waits",
)
DB_STATEMENTS = Counter(
    "staffprobot_db_statements_total", "SQL statements this process sent to the database"
)
DB_CONNECTIONS_OPENED = Counter(
    "staffprobot_db_connections_opened_total",
    "Database connections this process opened (a pool that churns opens many)",
)
CLOCK_IN_ATTEMPTS = Counter(
    "staffprobot_clock_in_attempts_total",
    "Locations sent to open or close a shift, by kind, result and refusal reason",
    ["kind", "result", "reason"],
)
OPEN_SHIFTS = Gauge(
    "staffprobot_open_shifts", "Shifts open right now (refreshed by the auto-close job)"
)
