"""The lock files pin what pyproject.toml asks for: every dependency at one exact version
that satisfies its range, each with the hashes pip checks, the same version in both files,
and `make install`, the Dockerfile and so CI install from them with `--require-hashes`.
A dependency added to pyproject.toml without `make lock` fails here."""

import re
import tomllib
from pathlib import Path

from packaging.markers import Marker, default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

from tests.support.services import PROJECT_ROOT

LOCK = PROJECT_ROOT / "requirements.lock"
DEV_LOCK = PROJECT_ROOT / "requirements-dev.lock"
_PIN = re.compile(
    r"^(?P<name>[A-Za-z0-9_.\-\[\]]+)==(?P<version>\S+)(?:\s*;\s*(?P<marker>[^\\]+))?"
)


def _pins(lock: Path) -> dict[str, tuple[Version, int]]:
    """Name → (version, number of hashes) of every pin that applies to this Python."""
    pins: dict[str, tuple[Version, int]] = {}
    entries = re.split(r"\n(?=[A-Za-z0-9])", lock.read_text())
    for entry in entries:
        if not (match := _PIN.match(entry)):
            continue
        if match["marker"] and not Marker(match["marker"].strip()).evaluate():
            continue
        name = canonicalize_name(match["name"].split("[")[0])
        pins[name] = (Version(match["version"]), entry.count("--hash=sha256:"))
    return pins


def _requirements(*extras: str) -> list[Requirement]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text())["project"]
    wanted = list(project["dependencies"])
    for extra in extras:
        wanted += project["optional-dependencies"][extra]
    return [Requirement(line) for line in wanted]


def _assert_locked(requirements: list[Requirement], lock: Path) -> dict[str, tuple[Version, int]]:
    pins = _pins(lock)
    for requirement in requirements:
        if requirement.marker and not requirement.marker.evaluate(default_environment()):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{requirement} is not in {lock.name}: run `make lock`"
        version = pins[name][0]
        assert requirement.specifier.contains(version, prereleases=True), (
            f"{lock.name} pins {name}=={version}, pyproject.toml asks {requirement}: `make lock`"
        )
    assert all(hashes for _, hashes in pins.values()), f"a pin of {lock.name} has no hash"
    return pins


def test_the_image_lock_pins_every_dependency_with_hashes() -> None:
    _assert_locked(_requirements(), LOCK)


def test_the_development_lock_pins_the_same_versions_and_the_tools() -> None:
    runtime = _assert_locked(_requirements(), LOCK)
    development = _assert_locked(_requirements("dev"), DEV_LOCK)
    assert {name: pin[0] for name, pin in runtime.items()} == {
        name: development[name][0] for name in runtime
    }


def test_installs_use_the_lock_files_with_their_hashes() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text()
    dockerfile = (PROJECT_ROOT / "Dockerfile").read_text()
    assert "pip install --quiet --require-hashes -r $(DEV_LOCK)" in makefile
    assert "pip install --quiet --no-deps -e ." in makefile
    assert "RUN pip install --require-hashes -r requirements.lock" in dockerfile
    assert "RUN pip install --no-deps ." in dockerfile
    assert "make install" in (PROJECT_ROOT / ".ci/run").read_text()
