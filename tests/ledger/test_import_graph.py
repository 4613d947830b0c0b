"""The import graph of core/: the schema history sits in no import circle.

Every import counts, those inside functions too: a circle closed by a function-local
import is still a circle (it only fails later, at a call)."""
from __future__ import annotations

import ast
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent.parent / "core"


def module_name(path: Path) -> str:
    parts = path.relative_to(CORE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _known(name: str, modules: set[str]) -> str | None:
    """`name`, or the nearest package above it, if it is a module of core."""
    while name and name not in modules:
        name = name.rpartition(".")[0]
    return name or None


def _targets(node: ast.AST, package: str, modules: set[str], submodules_only: bool) -> list[str]:
    """The modules an import statement names; with `submodules_only`, `from . import x` of
    a submodule x names x alone, not the package it is imported from."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    base = node.module or ""
    if node.level:
        anchor = package.split(".")
        anchor = anchor[:len(anchor) - node.level + 1]
        base = ".".join(anchor + ([base] if base else []))
    named = [f"{base}.{alias.name}" for alias in node.names]
    if not submodules_only:
        return named + [base]
    subs = [name for name in named if name in modules]
    return subs + ([base] if len(subs) < len(named) else [])


def _graph(submodules_only: bool, skip=lambda tree: set()) -> dict[str, set[str]]:
    files = {module_name(p): p for p in CORE.rglob("*.py")}
    modules = set(files)
    graph: dict[str, set[str]] = {name: set() for name in modules}
    for name, path in files.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skipped = skip(tree)
        for node in ast.walk(tree):
            if id(node) in skipped:
                continue
            for target in _targets(node, package, modules, submodules_only):
                found = _known(target, modules)
                if found and found != name:
                    graph[name].add(found)
    return graph


def import_graph() -> dict[str, set[str]]:
    """Module of core → the modules of core it imports, anywhere in its text."""
    return _graph(submodules_only=False)


def cycles_through(graph: dict[str, set[str]], start: str) -> list[list[str]]:
    """Import paths from `start` that lead back to it."""
    found, stack = [], [(start, [start])]
    seen = set()
    while stack:
        node, path = stack.pop()
        for nxt in graph[node]:
            if nxt == start:
                found.append(path + [start])
            elif nxt not in seen:
                seen.add(nxt)
                stack.append((nxt, path + [nxt]))
    return found


def history_modules(graph: dict[str, set[str]]) -> list[str]:
    return ["core.schema"] + sorted(m for m in graph if m.startswith("core.migrations"))


def test_the_graph_sees_function_local_imports():
    graph = import_graph()
    # core.db imports the audit module inside migrate() only
    assert "core.audit" in graph["core.db"]
    assert "core.schema" in graph["core.db"]


def test_no_import_circle_passes_through_the_schema_history():
    graph = import_graph()
    for module in history_modules(graph):
        assert cycles_through(graph, module) == [], (
            f"{module} is in an import circle: a migration that runs SQL takes execute_script "
            "from core.migrations (core.schema imports it already), never from core.db")


def test_the_schema_history_imports_nothing_of_today_s_features():
    graph = import_graph()
    for module in history_modules(graph):
        assert all(m == "core" or m.startswith("core.migrations") for m in graph[module]), (
            module, graph[module])


def _guarded(tree: ast.AST) -> set[int]:
    """ids of the nodes under `if TYPE_CHECKING:` (imports for annotations only)."""
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            inside.update(id(child) for stmt in node.body for child in ast.walk(stmt))
    return inside


def runtime_graph() -> dict[str, set[str]]:
    """Module of core → the modules of core it imports when it runs, function-local imports
    included. `from . import stages` is an edge to the submodule only (the package is
    being imported already); names for annotations under TYPE_CHECKING are no edge."""
    return _graph(submodules_only=True, skip=_guarded)


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round and round (strongly connected
    components of more than one module)."""
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        order[node] = low[node] = len(order)
        stack.append(node)
        on_stack.add(node)
        for nxt in sorted(graph[node]):
            if nxt not in order:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], order[nxt])
        if low[node] == order[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in order:
            visit(node)
    return found


def test_circles_are_found_when_a_function_local_import_closes_one():
    graph = {"core.a": {"core.b"}, "core.b": {"core.c"}, "core.c": {"core.a"}, "core.d": set()}
    assert circles(graph) == [["core.a", "core.b", "core.c"]]
    assert "core.backup" in runtime_graph()["core.ledger"]  # Ledger.open backs up first


def test_no_import_circle_in_core():
    assert circles(runtime_graph()) == [], (
        "modules of core import each other in a circle: move what both need into a module "
        "below them, or the annotation-only import under TYPE_CHECKING")
