"""The house rules of the layout, checked on the source so they stay true: arrows point
one way (`bot → dialogs → services`, `webapp → services`), no import circle between
modules or between the domain packages of `services`, the scheduler knows no domain, and
no file grows past 600 lines."""

import ast
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = ("bot", "dialogs", "webapp", "services")
MAX_LINES = 600
# What each top-level package may import of ours (besides itself).
MAY_IMPORT = {
    "bot": {"dialogs", "services"},
    "dialogs": {"services"},
    "webapp": {"services", "bot"},
    "services": set(),
}


def _module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _sources() -> dict[str, Path]:
    return {
        _module_name(path): path
        for package in PRODUCT
        for path in sorted((ROOT / package).rglob("*.py"))
    }


def _imported_names(path: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)


def _module_graph() -> dict[str, set[str]]:
    sources = _sources()
    graph: dict[str, set[str]] = defaultdict(set)
    for name, path in sources.items():
        for imported in _imported_names(path):
            if imported in sources and imported != name:
                graph[name].add(imported)
    return graph


def _domain_of(module: str) -> str | None:
    """`services.payroll.ledger` → `payroll`; top-level modules of `services` (the
    worker and the job list, which assemble every domain) are no domain."""
    parts = module.split(".")
    return parts[1] if parts[0] == "services" and len(parts) > 2 else None


def _domain_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, imports in _module_graph().items():
        source = _domain_of(module)
        for imported in imports:
            target = _domain_of(imported)
            if source and target and source != target:
                graph[source].add(target)
    return graph


def _find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    visiting: list[str] = []
    done: set[str] = set()

    def visit(node: str) -> list[str] | None:
        if node in visiting:
            return [*visiting[visiting.index(node) :], node]
        if node in done:
            return None
        visiting.append(node)
        for target in sorted(graph.get(node, ())):
            if cycle := visit(target):
                return cycle
        visiting.pop()
        done.add(node)
        return None

    for start in sorted(graph):
        if cycle := visit(start):
            return cycle
    return None


def test_no_module_imports_another_that_imports_it_back() -> None:
    assert _find_cycle(_module_graph()) is None


def test_domains_of_services_depend_on_each_other_in_one_direction() -> None:
    assert _find_cycle(_domain_graph()) is None


@pytest.mark.parametrize("layer", PRODUCT)
def test_a_layer_imports_only_the_layers_below_it(layer: str) -> None:
    upward = {
        f"{module} → {imported}"
        for module, imports in _module_graph().items()
        if module.split(".")[0] == layer
        for imported in imports
        if imported.split(".")[0] not in MAY_IMPORT[layer] | {layer}
    }
    assert not upward


def test_platform_knows_no_domain() -> None:
    graph = _domain_graph()
    assert graph.get("platform", set()) == set()


def test_a_scheduler_cycle_is_detected() -> None:
    cycle = _find_cycle({"platform": {"payroll"}, "payroll": {"platform"}})
    assert cycle == ["payroll", "platform", "payroll"]


@pytest.mark.parametrize("package", PRODUCT)
def test_no_file_is_longer_than_600_lines(package: str) -> None:
    too_long = {
        str(path.relative_to(ROOT)): length
        for path in (ROOT / package).rglob("*.py")
        if (length := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert not too_long


def test_every_domain_package_says_what_it_owns() -> None:
    silent = [
        str(init.relative_to(ROOT))
        for init in (ROOT / "services").glob("*/__init__.py")
        if not ast.get_docstring(ast.parse(init.read_text()))
    ]
    assert not silent
