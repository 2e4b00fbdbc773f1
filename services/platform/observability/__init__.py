"""Structured JSON logs and Prometheus metrics for every process."""
