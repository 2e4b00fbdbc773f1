"""The production files are consistent: every compose service that runs our code
starts a module that exists, dependencies name real services, volumes are declared."""

import importlib.util
from pathlib import Path

import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def _compose() -> dict:
    return yaml.safe_load((PROJECT_ROOT / "docker-compose.yml").read_text())


def test_compose_runs_bot_webapp_worker_and_the_infrastructure() -> None:
    services = _compose()["services"]
    expected = {"postgres", "redis", "rabbitmq", "minio", "migrate", "bot", "webapp", "worker"}
    assert expected | {"nginx"} <= set(services)


def test_every_python_module_started_by_compose_exists() -> None:
    for name, service in _compose()["services"].items():
        command = service.get("command") or []
        if command[:2] == ["python", "-m"]:
            module = command[2]
            assert importlib.util.find_spec(module) is not None, f"{name}: no module {module}"


def test_dependencies_and_volumes_are_declared() -> None:
    compose = _compose()
    services, volumes = compose["services"], set(compose.get("volumes") or {})
    for name, service in services.items():
        for dependency in service.get("depends_on") or {}:
            assert dependency in services, f"{name} depends on unknown {dependency}"
        for mount in service.get("volumes") or []:
            source = mount.split(":", 1)[0]
            if not source.startswith((".", "/")):
                assert source in volumes, f"{name} mounts undeclared volume {source}"
            elif source.startswith("./"):
                assert (PROJECT_ROOT / source).exists(), f"{name} mounts missing {source}"
    assert services["migrate"]["command"] == ["alembic", "upgrade", "heads"]


def test_prometheus_scrapes_every_process() -> None:
    config = yaml.safe_load((PROJECT_ROOT / "deploy/prometheus/prometheus.yml").read_text())
    assert {job["job_name"] for job in config["scrape_configs"]} == {"webapp", "worker", "bot"}
