"""deploy/k8s/ is consistent, checked statically (there is no cluster in CI): every
manifest parses and is listed by the kustomization, every environment variable the
manifests set is a field of `Settings`, each process gets every setting the compose
stack gives it, the probes and the Ingress use routes the webapp serves, and a stopping
pod has time to drain."""

from pathlib import Path
from typing import Any

import pytest
import yaml
from pydantic_settings import BaseSettings

from services.platform.config import Settings
from tests.support.compose import compose_variant, service_environment
from tests.support.nginx import NGINX_TEMPLATE, public_locations
from tests.support.services import PROJECT_ROOT

K8S = PROJECT_ROOT / "deploy/k8s"
DRAIN_SECONDS = 20  # the webapp's and the worker's own drain on SIGTERM
# Settings compose reads from .env for every process (the rest it sets itself).
FROM_ENV_FILE = {"BOT_TOKEN", "WEBHOOK_SECRET", "WEBAPP_BASE_URL"}
# Compose service → Deployment or Job of deploy/k8s.
WORKLOADS = {
    "webapp": "staffprobot-webapp",
    "worker": "staffprobot-worker",
    "migrate": "staffprobot-migrate",
}


def _documents() -> list[dict[str, Any]]:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    documents = []
    for resource in kustomization["resources"]:
        documents += [doc for doc in yaml.safe_load_all((K8S / resource).read_text()) if doc]
    return documents


def _kind(kind: str) -> dict[str, dict[str, Any]]:
    return {doc["metadata"]["name"]: doc for doc in _documents() if doc["kind"] == kind}


def _env_file(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    pairs = (line.split("=", 1) for line in lines if line and not line.startswith("#"))
    return dict(pairs)  # type: ignore[arg-type]


def _generated() -> dict[str, dict[str, str]]:
    """The ConfigMap and the Secret the kustomization generates, by name."""
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    generated = {}
    for generator in kustomization["configMapGenerator"] + kustomization["secretGenerator"]:
        values: dict[str, str] = {}
        for env_file in generator["envs"]:
            path = K8S / env_file
            # secrets.env is the operator's copy of the example (never committed).
            values |= _env_file(path if path.exists() else K8S / f"{env_file}.example")
        generated[generator["name"]] = values
    return generated


def _container(workload: dict[str, Any]) -> dict[str, Any]:
    [container] = workload["spec"]["template"]["spec"]["containers"]
    return container


def _container_env(container: dict[str, Any]) -> dict[str, str]:
    """Every variable the container sees: its own env over its envFrom sources."""
    generated = _generated()
    env: dict[str, str] = {}
    for source in container.get("envFrom", []):
        reference = source.get("configMapRef") or source.get("secretRef")
        env |= generated[reference["name"]]
    env |= {item["name"]: str(item["value"]) for item in container.get("env", [])}
    return env


def _workloads() -> dict[str, dict[str, Any]]:
    return _kind("Deployment") | _kind("Job")


def is_setting(variable: str) -> bool:
    for name, field in Settings.model_fields.items():
        group = field.annotation
        if isinstance(group, type) and issubclass(group, BaseSettings):
            prefix = group.model_config.get("env_prefix", "")
            if (
                variable.startswith(prefix)
                and variable[len(prefix) :].lower() in group.model_fields
            ):
                return True
        elif variable.lower() == name:
            return True
    return False


def test_every_manifest_is_listed_and_parses() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    manifests = {path.name for path in K8S.glob("*.yaml")} - {"kustomization.yaml"}
    assert set(kustomization["resources"]) == manifests
    assert {doc["kind"] for doc in _documents()} >= {"Deployment", "Job", "Service", "Ingress"}


def test_the_setting_names_are_read_exactly() -> None:
    assert is_setting("MINIO_SECRET_KEY") and is_setting("NOTIFY_CONCURRENCY")
    assert not is_setting("MINIO_SECRET") and not is_setting("MINIO") and not is_setting("X")


def test_every_variable_the_manifests_set_is_a_setting() -> None:
    for name, workload in _workloads().items():
        for variable in _container_env(_container(workload)):
            assert is_setting(variable), f"{name}: {variable} is no field of Settings"


@pytest.mark.parametrize("service", WORKLOADS)
def test_each_process_gets_every_setting_compose_gives_it(service: str) -> None:
    compose_service = compose_variant("own-proxy")["services"][service]
    needed = set(service_environment(compose_service)) | FROM_ENV_FILE
    given = set(_container_env(_container(_workloads()[WORKLOADS[service]])))
    assert needed - given == set(), f"{service} lacks settings"


def test_the_webapp_hosts_the_bot_in_webhook_mode_and_drains_before_it_stops() -> None:
    webapp = _kind("Deployment")["staffprobot-webapp"]
    container = _container(webapp)
    env = _container_env(container)
    assert (env["BOT_MODE"], env["WEBAPP_HOST"]) == ("webhook", "0.0.0.0")
    assert {"name": "http", "containerPort": int(env["WEBAPP_PORT"])} in container["ports"]
    assert env["WEBAPP_BASE_URL"].startswith("https://")
    assert webapp["spec"]["replicas"] >= 2
    assert webapp["spec"]["strategy"]["rollingUpdate"]["maxUnavailable"] == 0
    pause = int(container["lifecycle"]["preStop"]["exec"]["command"][-1])
    grace = webapp["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    assert grace > pause + DRAIN_SECONDS


def test_the_probes_and_the_ingress_use_routes_the_webapp_serves() -> None:
    from webapp.routes import health

    container = _container(_kind("Deployment")["staffprobot-webapp"])
    health_paths = {route.path for route in health.router.routes}
    for probe in ("startupProbe", "readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"]["path"] in health_paths, probe
    [ingress] = _kind("Ingress").values()
    paths = {path["path"] for rule in ingress["spec"]["rules"] for path in rule["http"]["paths"]}
    nginx_routes = set(public_locations(NGINX_TEMPLATE.read_text())) - {
        "/.well-known/acme-challenge/"
    }
    assert paths == nginx_routes - {"/", "/app/static/", "/api/media/"}


def test_two_workers_share_the_work_with_one_scheduler_per_job() -> None:
    worker = _kind("Deployment")["staffprobot-worker"]
    container = _container(worker)
    assert worker["spec"]["replicas"] == 2
    port = int(_container_env(container)["WORKER_METRICS_PORT"])
    assert {"name": "metrics", "containerPort": port} in container["ports"]
    grace = worker["spec"]["template"]["spec"]["terminationGracePeriodSeconds"]
    assert grace > DRAIN_SECONDS


def test_every_workload_runs_the_released_image() -> None:
    kustomization = yaml.safe_load((K8S / "kustomization.yaml").read_text())
    [image] = kustomization["images"]
    assert image["name"] == "staffprobot" and image["newTag"] not in {"", "latest"}
    for name, workload in _workloads().items():
        assert _container(workload)["image"] == "staffprobot", name
