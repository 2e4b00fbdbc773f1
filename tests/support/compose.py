"""The compose files as Docker Compose merges them: the base file with each variant's
overlay (development, own proxy, shared proxy), for the static checks of the stack."""

import copy
from collections.abc import Iterator
from typing import Any

import yaml

from tests.support.services import PROJECT_ROOT

BASE = "docker-compose.yml"
OVERLAYS = {
    "development": "docker-compose.override.yml",
    "own-proxy": "deploy/compose.own-proxy.yml",
    "shared-proxy": "deploy/compose.shared-proxy.yml",
}


def load_yaml(relative: str) -> dict[str, Any]:
    return yaml.safe_load((PROJECT_ROOT / relative).read_text())


def merge(base: Any, overlay: Any, key: str = "") -> Any:
    """Compose's merge: mappings key by key; ports are added; volumes are merged by target."""
    if isinstance(base, dict) and isinstance(overlay, dict):
        merged = dict(base)
        for name, value in overlay.items():
            merged[name] = merge(base[name], value, name) if name in base else value
        return merged
    if key == "ports" and isinstance(base, list):
        return base + overlay
    if key == "volumes" and isinstance(base, list):
        by_target = {mount.split(":")[1]: mount for mount in base + overlay}
        return list(by_target.values())
    return copy.deepcopy(overlay)


def compose_variant(name: str) -> dict[str, Any]:
    return merge(load_yaml(BASE), load_yaml(OVERLAYS[name]))


def compose_variants() -> Iterator[tuple[str, dict[str, Any]]]:
    for name in OVERLAYS:
        yield name, compose_variant(name)


def service_environment(service: dict[str, Any]) -> dict[str, str]:
    return {key: str(value) for key, value in (service.get("environment") or {}).items()}
