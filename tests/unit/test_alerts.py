"""Alerts: Prometheus loads the rules (`promtool check config`), each alert fires on the
series that mean trouble and stays quiet on a healthy stack (`promtool test rules` with
tests/unit/alerts_test.yml), Alertmanager accepts its Telegram configuration (`amtool
check-config`), and every metric the rules name is one our processes export. promtool
and amtool come from Debian's prometheus and prometheus-alertmanager (.ci/run installs
them)."""

import os
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.support.prometheus import PROMETHEUS_SERIES, exported_metric_names, metric_names
from tests.support.services import PROJECT_ROOT

PROMETHEUS_CONFIG = PROJECT_ROOT / "deploy/prometheus/prometheus.yml"
ALERT_RULES = PROJECT_ROOT / "deploy/prometheus/alerts.yml"
ALERT_CASES = PROJECT_ROOT / "tests/unit/alerts_test.yml"
ALERTMANAGER = PROJECT_ROOT / "deploy/alertmanager"
# What the operators are told about (issue 26): the processes, the webhook, handling
# time, the notifications' backlog, Telegram's 429s, scheduled jobs, database connections.
REQUIRED_ALERTS = {
    "ProcessDown",
    "NoWebappRunning",
    "NoWorkerRunning",
    "TelegramWebhookErrors",
    "SlowUpdateHandling",
    "NotificationsStuck",
    "TelegramRateLimiting",
    "ScheduledJobFailing",
    "ScheduledJobOverdue",
    "DatabasePoolExhausted",
}

promtool = pytest.mark.skipif(not shutil.which("promtool"), reason="apt-get install prometheus")
amtool = pytest.mark.skipif(
    not shutil.which("amtool"), reason="apt-get install prometheus-alertmanager"
)


def _run(*command: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def _rules() -> list[dict[str, Any]]:
    groups = yaml.safe_load(ALERT_RULES.read_text())["groups"]
    return [rule for group in groups for rule in group["rules"]]


@promtool
def test_prometheus_loads_its_configuration_and_the_alert_rules() -> None:
    output = _run("promtool", "check", "config", str(PROMETHEUS_CONFIG))
    assert f"SUCCESS: {len(_rules())} rules found" in output


@promtool
def test_each_alert_fires_on_trouble_and_stays_quiet_on_a_healthy_stack() -> None:
    _run("promtool", "test", "rules", str(ALERT_CASES))
    cases = yaml.safe_load(ALERT_CASES.read_text())["tests"]
    tested = {check["alertname"] for case in cases for check in case["alert_rule_test"]}
    assert tested == {rule["alert"] for rule in _rules()}


def _alertmanager_config(tmp_path: Path, **telegram: str) -> dict[str, Any]:
    """The configuration render-config.sh gives, once amtool accepted it."""
    rendered = _run(
        "sh", str(ALERTMANAGER / "render-config.sh"), env={"PATH": os.environ["PATH"], **telegram}
    )
    (tmp_path / "alertmanager.yml").write_text(rendered)
    _run("amtool", "check-config", str(tmp_path / "alertmanager.yml"))
    return yaml.safe_load(rendered)


@amtool
def test_alertmanager_sends_to_the_operators_telegram_chat(tmp_path: Path) -> None:
    config = _alertmanager_config(
        tmp_path, ALERT_TELEGRAM_BOT_TOKEN="123456:ALERTS", ALERT_TELEGRAM_CHAT_ID="-100123456789"
    )
    [receiver] = config["receivers"]
    [telegram] = receiver["telegram_configs"]
    assert (telegram["bot_token"], telegram["chat_id"]) == ("123456:ALERTS", -100123456789)
    assert telegram["send_resolved"] is True


@amtool
def test_without_a_telegram_chat_alertmanager_still_starts(tmp_path: Path) -> None:
    [receiver] = _alertmanager_config(tmp_path)["receivers"]
    assert receiver == {"name": "operators"}


def test_the_rules_cover_what_the_operators_need_and_name_only_exported_metrics() -> None:
    rules = _rules()
    assert {rule["alert"] for rule in rules} == REQUIRED_ALERTS
    exported = exported_metric_names() | PROMETHEUS_SERIES
    for rule in rules:
        names = metric_names(rule["expr"])
        assert names, f"{rule['alert']}: no metric in {rule['expr']}"
        assert names <= exported, f"{rule['alert']}: not exported: {names - exported}"
        assert rule["labels"]["severity"] in {"critical", "warning"}
        assert rule["annotations"]["summary"], rule["alert"]
