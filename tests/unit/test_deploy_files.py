"""The production files are consistent, checked statically (there is no Docker engine
in CI): every compose variant (development, own proxy, shared proxy) names only services,
volumes, networks and settings that exist; Nginx accepts its configuration (`nginx -t`
with Debian's nginx); Prometheus scrapes every process where it listens; the Grafana
dashboard shows only metrics our processes export."""

import importlib.util
import json
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from starlette.routing import Mount

from services.platform.config import Settings
from tests.support.compose import (
    BASE,
    OVERLAYS,
    compose_variant,
    compose_variants,
    load_yaml,
    service_environment,
)
from tests.support.nginx import (
    DOCKER_MEDIA_STORAGE,
    MEDIA_LOCATION,
    NGINX_TEMPLATE,
    main_config,
    nginx_command,
    nginx_locations,
    public_locations,
    rendered_server_blocks,
)
from tests.support.prometheus import PROMETHEUS_SERIES, exported_metric_names, metric_names

PROJECT_ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = ("own-proxy", "shared-proxy")
# Our processes and the compose setting that says where each one serves its metrics.
METRICS_PORT_SETTING = {
    "webapp": "WEBAPP_PORT",
    "worker": "WORKER_METRICS_PORT",
    "bot": "BOT_METRICS_PORT",
}
WEBAPP_ALIAS = "staffprobot-webapp"
DRAIN_SECONDS = 20  # bot.runtime / services.worker wait this long for work in progress


def _documented_variables() -> set[str]:
    lines = (PROJECT_ROOT / ".env.example").read_text().splitlines()
    return {line.split("=", 1)[0] for line in lines if "=" in line and not line.startswith("#")}


def _our_services(compose: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        name: service
        for name, service in compose["services"].items()
        if str(service.get("image", "")).startswith("staffprobot:")
    }


# ----------------------------------------------------------------------------- compose


@pytest.mark.parametrize("variant", OVERLAYS)
def test_every_variant_runs_the_whole_stack(variant: str) -> None:
    services = set(compose_variant(variant)["services"])
    stack = {"postgres", "redis", "rabbitmq", "minio", "minio-bucket", "migrate", "webapp"}
    assert stack | {"worker", "prometheus", "grafana"} <= services


@pytest.mark.parametrize("variant", OVERLAYS)
def test_dependencies_volumes_and_networks_are_declared(variant: str) -> None:
    compose = compose_variant(variant)
    services = compose["services"]
    volumes = set(compose.get("volumes") or {})
    networks = set(compose.get("networks") or {}) | {"default"}
    for name, service in services.items():
        for dependency in service.get("depends_on") or {}:
            assert dependency in services, f"{name} depends on unknown {dependency}"
        for mount in service.get("volumes") or []:
            source = mount.split(":", 1)[0]
            if source.startswith("./"):
                assert (PROJECT_ROOT / source).exists(), f"{name} mounts missing {source}"
            elif not source.startswith("/"):
                assert source in volumes, f"{name} mounts undeclared volume {source}"
        for network in service.get("networks") or {}:
            assert network in networks, f"{name} joins undeclared network {network}"


def test_our_processes_read_only_settings_that_exist() -> None:
    documented = _documented_variables()
    setting_fields = set(Settings.model_fields)
    for variant, compose in compose_variants():
        for name, service in _our_services(compose).items():
            assert service.get("env_file") == ".env", f"{variant}/{name} does not read .env"
            for variable in service_environment(service):
                assert variable in documented, f"{variant}/{name}: {variable} not in .env.example"
                group = variable.split("_", 1)[0].lower()
                assert variable.lower() in setting_fields or group in setting_fields, (
                    f"{variant}/{name}: {variable} is no setting"
                )


def test_every_compose_variable_is_documented_in_env_example() -> None:
    documented = _documented_variables()
    for relative in (BASE, *OVERLAYS.values()):
        text = (PROJECT_ROOT / relative).read_text()
        used = set(re.findall(r"(?<!\$)\$\{([A-Z][A-Z0-9_]*)", text))
        assert used - documented == set(), f"{relative} uses undocumented variables"


def test_every_image_has_a_version_of_its_own() -> None:
    """`latest` (or no tag) changes under a running installation at its next pull; only
    our own images carry the tag the deploy sets (STAFFPROBOT_VERSION)."""
    version = re.compile(r"^(v?\d+(\.\d+)*(-[a-z0-9.-]+)?|RELEASE\.[0-9TZ-]+)$")
    images = {}
    for variant, compose in compose_variants():
        for name, service in compose["services"].items():
            images[f"{variant}/{name}"] = service["image"]
    for path in PROJECT_ROOT.glob("**/Dockerfile"):
        if ".venv" not in path.parts:
            for line in path.read_text().splitlines():
                if line.startswith("FROM "):
                    images[str(path.relative_to(PROJECT_ROOT))] = line.split()[1]
    for where, image in images.items():
        repository, _, tag = image.partition(":")
        if repository.startswith("staffprobot"):
            assert tag == "${STAFFPROBOT_VERSION:-latest}", where
        else:
            assert version.match(tag), f"{where}: {image} has no fixed version"


def test_every_container_log_is_rotated() -> None:
    for variant, compose in compose_variants():
        for name, service in compose["services"].items():
            logging = service.get("logging") or {}
            assert logging.get("driver") == "json-file", f"{variant}/{name}"
            assert set(logging["options"]) == {"max-size", "max-file"}, f"{variant}/{name}"


def test_every_python_module_started_by_compose_exists() -> None:
    for variant, compose in compose_variants():
        for name, service in compose["services"].items():
            command = service.get("command") or []
            if command[:2] == ["python", "-m"]:
                module = command[2]
                assert importlib.util.find_spec(module), f"{variant}/{name}: no module {module}"


def test_migrations_run_once_before_our_processes() -> None:
    compose = compose_variant("own-proxy")
    assert compose["services"]["migrate"]["command"] == ["alembic", "upgrade", "heads"]
    assert compose["services"]["migrate"]["restart"] == "no"
    for name, service in _our_services(compose).items():
        if name != "migrate":
            condition = service["depends_on"]["migrate"]["condition"]
            assert condition == "service_completed_successfully", name
            assert service["depends_on"]["minio-bucket"]["condition"] == condition, name


def test_the_media_bucket_is_created_at_start() -> None:
    bucket = load_yaml(BASE)["services"]["minio-bucket"]
    script = " ".join(bucket["entrypoint"])
    assert 'mc mb --ignore-existing "stack/$$MINIO_BUCKET"' in script
    assert bucket["depends_on"]["minio"]["condition"] == "service_healthy"


def test_processes_get_longer_than_their_drain_to_stop() -> None:
    for variant, compose in compose_variants():
        for name, service in _our_services(compose).items():
            grace = int(service["stop_grace_period"].removesuffix("s"))
            assert grace > DRAIN_SECONDS, f"{variant}/{name} is killed before it drains"


@pytest.mark.parametrize("variant", PRODUCTION)
def test_production_hosts_the_bot_in_two_webapp_replicas_in_webhook_mode(variant: str) -> None:
    services = compose_variant(variant)["services"]
    webapp = services["webapp"]
    assert service_environment(webapp)["BOT_MODE"] == "webhook"
    assert webapp["deploy"]["replicas"] == "${WEBAPP_REPLICAS:-2}"
    assert "polling" in services["bot"]["profiles"]
    published = {name for name, service in services.items() if service.get("ports")}
    assert published <= {"nginx", "grafana"}
    assert all(port.startswith("127.0.0.1:") for port in services["grafana"]["ports"])


def test_development_polls_publishes_on_loopback_and_mounts_the_code() -> None:
    services = compose_variant("development")["services"]
    assert service_environment(services["bot"])["BOT_MODE"] == "polling"
    assert service_environment(services["webapp"])["BOT_MODE"] == "polling"
    for name, service in services.items():
        for port in service.get("ports") or []:
            assert port.startswith("127.0.0.1:"), f"{name} publishes {port} beyond loopback"
    for name in ("bot", "webapp", "worker"):
        assert "./services:/app/services:ro" in services[name]["volumes"], name


def test_own_proxy_runs_nginx_and_certbot_on_shared_certificates() -> None:
    services = compose_variant("own-proxy")["services"]
    assert services["nginx"]["ports"] == ["80:80", "443:443"]
    nginx_mounts = services["nginx"]["volumes"]
    assert "letsencrypt:/etc/letsencrypt:ro" in nginx_mounts
    assert "certbot-webroot:/var/www/certbot:ro" in nginx_mounts
    assert "letsencrypt:/etc/letsencrypt" in services["certbot"]["volumes"]
    template_mount = f"./{NGINX_TEMPLATE.relative_to(PROJECT_ROOT)}"
    assert any(mount.startswith(template_mount) for mount in nginx_mounts)


def test_shared_proxy_joins_the_external_network_without_an_nginx_of_its_own() -> None:
    compose = compose_variant("shared-proxy")
    assert "nginx" not in compose["services"] and "certbot" not in compose["services"]
    assert compose["networks"]["proxy"]["external"] is True
    webapp_networks = compose["services"]["webapp"]["networks"]
    assert set(webapp_networks) == {"default", "proxy"}
    assert WEBAPP_ALIAS in webapp_networks["proxy"]["aliases"]
    assert WEBAPP_ALIAS in webapp_networks["default"]["aliases"]


# ----------------------------------------------------------------------------- nginx


def test_nginx_accepts_the_configuration(tmp_path: Path) -> None:
    config = main_config(tmp_path, rendered_server_blocks(tmp_path))
    result = subprocess.run(
        nginx_command(tmp_path, config, "-t", "-e", str(tmp_path / "error.log")),
        capture_output=True,
        text=True,
        timeout=30,
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


def test_nginx_routes_the_webhooks_mini_app_and_unbuffered_media_to_the_webapp() -> None:
    config = NGINX_TEMPLATE.read_text()
    locations = nginx_locations(config)
    for path in ("/webhooks/telegram", "/webhooks/yookassa", "/app/", "/api/", "/api/media/"):
        assert "proxy_pass $staffprobot_webapp;" in locations[path], path
    assert "proxy_buffering off;" in locations["/api/media/"]
    assert "root /var/www/certbot;" in locations["/.well-known/acme-challenge/"]
    assert "return 404;" in locations["/"]  # /metrics and /readyz stay inside
    assert f"set $staffprobot_webapp http://{WEBAPP_ALIAS}:8080;" in config
    assert "/etc/letsencrypt/live/${STAFFPROBOT_DOMAIN}/fullchain.pem" in config
    assert "X-Forwarded-For $proxy_add_x_forwarded_for" in config


def test_only_the_webapp_can_send_nginx_to_the_media_storage() -> None:
    """The location that fetches media from MinIO is internal (reached by the webapp's
    X-Accel-Redirect only), and the own-proxy stack tells the webapp its path; other
    variants have no Nginx that reaches MinIO, so their webapp streams the files."""
    config = NGINX_TEMPLATE.read_text()
    storage = nginx_locations(config)[MEDIA_LOCATION]
    assert re.search(r"^\s*internal;", storage, re.MULTILINE)
    assert MEDIA_LOCATION not in public_locations(config)
    assert "proxy_pass $staffprobot_media_storage;" in storage
    assert f"set $staffprobot_media_storage {DOCKER_MEDIA_STORAGE};" in config
    for header in ("Authorization", "Cookie"):
        assert f'proxy_set_header {header} "";' in storage  # not sent on to storage
    for variant, compose in compose_variants():
        configured = service_environment(compose["services"]["webapp"]).get(
            "MEDIA_ACCEL_REDIRECT", ""
        )
        assert configured == (MEDIA_LOCATION if variant == "own-proxy" else ""), variant
    assert "minio" in compose_variant("own-proxy")["services"]


def test_the_routes_nginx_forwards_are_served_by_the_webapp() -> None:
    from webapp.app import create_app
    from webapp.miniapp import pages, payslip
    from webapp.routes import health, media, telegram_webhook, yookassa_webhook

    routers = (payslip, pages, health, media, telegram_webhook, yookassa_webhook)
    paths = {route.path for module in routers for route in module.router.routes}
    app = create_app(Settings(_env_file=None))  # type: ignore[call-arg]
    paths |= {f"{route.path}/" for route in app.routes if isinstance(route, Mount)}
    locations = set(public_locations(NGINX_TEMPLATE.read_text())) - {
        "/.well-known/acme-challenge/",
        "/",
    }
    for location in locations:
        assert any(path.startswith(location) for path in paths), f"nothing serves {location}"


# ----------------------------------------------------------------------------- prometheus


def _prometheus() -> dict[str, Any]:
    return load_yaml("deploy/prometheus/prometheus.yml")


def _targets(job: dict[str, Any]) -> list[tuple[str, int]]:
    targets = []
    for static in job.get("static_configs") or []:
        for target in static["targets"]:
            host, port = target.rsplit(":", 1)
            targets.append((host, int(port)))
    for dns in job.get("dns_sd_configs") or []:
        assert dns["type"] == "A"
        targets += [(name, int(dns["port"])) for name in dns["names"]]
    return targets


def test_prometheus_config_is_well_formed() -> None:
    config = _prometheus()
    duration = re.compile(r"^\d+[smhd]$")
    assert duration.match(config["global"]["scrape_interval"])
    names = [job["job_name"] for job in config["scrape_configs"]]
    assert len(names) == len(set(names))
    for job in config["scrape_configs"]:
        assert set(job) <= {"job_name", "static_configs", "dns_sd_configs", "metrics_path"}
        assert _targets(job), job["job_name"]


def test_prometheus_scrapes_every_process_where_it_serves_metrics() -> None:
    jobs = {job["job_name"]: _targets(job) for job in _prometheus()["scrape_configs"]}
    defaults = Settings(_env_file=None)  # type: ignore[call-arg]
    for service, setting in METRICS_PORT_SETTING.items():
        assert service in jobs, f"no scrape job for {service}"
        for variant, compose in compose_variants():
            if service not in compose["services"]:
                continue
            configured = service_environment(compose["services"][service]).get(setting)
            port = int(configured or getattr(defaults, setting.lower()))
            assert jobs[service] == [(service, port)], f"{variant}: {service} listens on {port}"


def test_prometheus_targets_are_services_of_the_stack() -> None:
    every_service = set().union(*(set(compose["services"]) for _, compose in compose_variants()))
    for job in _prometheus()["scrape_configs"]:
        for host, _ in _targets(job):
            assert host in every_service | {"localhost"}, f"{job['job_name']}: unknown {host}"
    plugins = (PROJECT_ROOT / "deploy/rabbitmq/enabled_plugins").read_text()
    assert "rabbitmq_prometheus" in plugins  # serves :15692


# ----------------------------------------------------------------------------- grafana


def _dashboard() -> dict[str, Any]:
    return json.loads((PROJECT_ROOT / "deploy/grafana/dashboards/staffprobot.json").read_text())


def _dashboard_panels() -> list[dict[str, Any]]:
    return [panel for panel in _dashboard()["panels"] if panel["type"] != "row"]


def test_the_metric_name_reader_finds_series_and_skips_functions() -> None:
    expression = (
        'histogram_quantile(0.95, sum by (le, route) (rate(a_bucket{x="y"}[$__rate_interval])))'
        " / on (job) max(b_total offset 5m) or up"
    )
    assert metric_names(expression) == {"a_bucket", "b_total", "up"}


def test_the_dashboard_shows_only_metrics_our_processes_export() -> None:
    exported = exported_metric_names() | PROMETHEUS_SERIES
    used = set()
    for panel in _dashboard_panels():
        for target in panel["targets"]:
            names = metric_names(target["expr"])
            assert names, f"{panel['title']}: no metric in {target['expr']}"
            assert names <= exported, f"{panel['title']}: unknown {names - exported}"
            used |= names
    # Every capability the operations guide promises a panel for.
    for metric in (
        "staffprobot_updates_total",
        "staffprobot_handler_seconds_bucket",
        "staffprobot_clock_in_attempts_total",
        "staffprobot_open_shifts",
        "staffprobot_notifications_sent_total",
        "staffprobot_notifications_throttled_total",
        "staffprobot_notifications_dead_lettered_total",
        "staffprobot_outbox_lag_seconds_bucket",
        "staffprobot_payments_total",
        "staffprobot_http_requests_total",
    ):
        assert metric in used, f"no panel shows {metric}"


def test_grafana_provisions_the_datasource_and_dashboard_it_refers_to() -> None:
    datasource = load_yaml("deploy/grafana/provisioning/datasources/prometheus.yml")["datasources"][
        0
    ]
    assert datasource["url"] == "http://prometheus:9090"
    for panel in _dashboard_panels():
        assert panel["datasource"]["uid"] == datasource["uid"], panel["title"]
    provider = load_yaml("deploy/grafana/provisioning/dashboards/staffprobot.yml")["providers"][0]
    grafana_mounts = load_yaml(BASE)["services"]["grafana"]["volumes"]
    assert f"./deploy/grafana/dashboards:{provider['options']['path']}:ro" in grafana_mounts
    panel_ids = [panel["id"] for panel in _dashboard()["panels"]]
    assert len(panel_ids) == len(set(panel_ids))
