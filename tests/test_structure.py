"""The structure of the code, read from its imports (every `import`, in functions too): no module
imports itself back through others, the changes to Rasa and the stores do not loop, and the
account service and the readers of words stay Rasa-free."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from account.settings import PROJECT_ROOT

PACKAGES = (
    "account",
    "reading",
    "languages",
    "actions",
    "pipeline",
    "transcripts",
    "web",
    "rasa_patches",
    "benchmarks",
    "harness",
)


def modules() -> dict[str, Path]:
    found = {}
    for package in PACKAGES:
        for path in (PROJECT_ROOT / package).rglob("*.py"):
            parts = path.relative_to(PROJECT_ROOT).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The project's modules that `name` imports (a name resolved to its longest known prefix)."""

    def resolve(target: str) -> str | None:
        while target and target not in known:
            target = target.rpartition(".")[0]
        return target or None

    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            targets.update(resolve(alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parts, base] if base else parts)
            for alias in node.names:
                full = f"{base}.{alias.name}"
                targets.add(full if full in known else resolve(base))
    return {target for target in targets if target and target != name}


def import_graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imported(name, path, known) for name, path in known.items()}


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in graph[node]:
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in graph:
        if node not in index:
            visit(node)
    return found


def test_no_module_imports_itself_back():
    assert cycles(import_graph()) == []


def test_a_cycle_is_seen():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_the_stores_do_not_import_the_changes_to_rasa():
    """rasa_patches uses transcripts (the session expiry); never the other way round."""
    graph = import_graph()
    assert not [
        (name, target)
        for name, targets in graph.items()
        if name.startswith("transcripts")
        for target in targets
        if target.startswith("rasa_patches")
    ]


@pytest.mark.parametrize("package", ["account", "reading", "languages"])
def test_the_account_service_and_readers_import_no_rasa(package):
    offenders = []
    for path in (PROJECT_ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            names = (
                [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else []
            )
            offenders += [
                f"{path.name}: {n}" for n in names if n.split(".")[0] in ("rasa", "rasa_sdk")
            ]
    assert offenders == []


def test_the_account_service_does_not_read_words():
    """The readers of words use the service's fields and rules, never the other way round."""
    graph = import_graph()
    assert not [
        (name, target)
        for name, targets in graph.items()
        if name.startswith("account")
        for target in targets
        if target.startswith("reading")
    ]


def test_the_benchmarks_and_the_server_harness_import_no_test():
    offenders = [
        f"{path.relative_to(PROJECT_ROOT)}"
        for package in ("benchmarks", "harness")
        for path in (PROJECT_ROOT / package).rglob("*.py")
        if "from tests" in path.read_text() or "import tests" in path.read_text()
    ]
    assert offenders == []


def test_no_module_is_over_500_lines():
    long = {
        name: lines
        for name, path in modules().items()
        if (lines := len(path.read_text().splitlines())) > 500
    }
    assert long == {}
