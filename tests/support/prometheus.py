"""What our processes export to Prometheus, and which series a PromQL expression names:
for the checks that the dashboard and the alert rules use only metrics that exist."""

import re

from prometheus_client import REGISTRY

import services.platform.observability.metrics  # noqa: F401 - registers every metric of ours

# Series Prometheus itself adds to every scrape target.
PROMETHEUS_SERIES = {"up"}
PROMQL_WORDS = {
    "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset",
    "and", "or", "unless",
}  # fmt: skip


def exported_metric_names() -> set[str]:
    """Every series name our metrics (and the client's process metrics) are scraped as."""
    suffixes = {
        "counter": ("_total", "_created"),
        "histogram": ("_bucket", "_count", "_sum", "_created"),
        "summary": ("", "_count", "_sum", "_created"),
        "gauge": ("",),
    }
    names = set()
    for family in REGISTRY.collect():
        names |= {family.name + suffix for suffix in suffixes.get(family.type, ("",))}
    return names


def metric_names(expression: str) -> set[str]:
    """Series names of a PromQL expression: what is left without strings, label
    matchers, grouping clauses, ranges, Grafana variables, numbers and functions."""
    text = re.sub(r'"[^"]*"', "", expression)
    text = re.sub(r"\{[^}]*\}", "", text)
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", "", text)
    text = re.sub(r"\[[^\]]*\]", "", text)
    text = re.sub(r"\$\w+", "", text)
    text = re.sub(r"\b\d[\w.]*", "", text)  # numbers and durations
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        followed_by = text[match.end() :].lstrip()[:1]
        if followed_by != "(" and match.group() not in PROMQL_WORDS:
            names.add(match.group())
    return names
