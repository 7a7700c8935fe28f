"""The import graph of marsad runs one way: no cycle, and the lower layers (text, lexicon,
recognisers, store) never import the layers that drive them (orchestration, CLI, web,
watcher). Parsed with ``ast``, so every import counts, also one inside a function; only
those under ``if TYPE_CHECKING:`` (for annotations, never run) are left out."""
import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "marsad"
LOWER = ("marsad.store", "marsad.text", "marsad.recognize", "marsad.lexicon")
UPPER = ("marsad.ingest", "marsad.parallel", "marsad.batch", "marsad.pipeline", "marsad.cli", "marsad.web",
         "marsad.watch", "marsad.__main__")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def runtime_nodes(tree: ast.AST):
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:``."""
    for node in ast.iter_child_nodes(tree):
        test = getattr(node, "test", None) if isinstance(node, ast.If) else None
        if test is not None and "TYPE_CHECKING" in ast.unparse(test):
            yield from (n for child in node.orelse for n in [child, *runtime_nodes(child)])
            continue
        yield node
        yield from runtime_nodes(node)


def import_graph() -> dict[str, set[str]]:
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets = set()
        for node in runtime_nodes(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1] + ([base] if base else []))
                # `from package import module` imports the module; anything else, the module named
                targets.update(f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base for a in node.names)
        graph[name] = {t for t in targets if t in modules and t != name}
    return graph


def within(name: str, layers: tuple[str, ...]) -> bool:
    return any(name == layer or name.startswith(layer + ".") for layer in layers)


def find_cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    path: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        path.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return path[path.index(nxt):] + [nxt]
            if nxt not in state and (cycle := visit(nxt)):
                return cycle
        path.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state and (cycle := visit(node)):
            return cycle
    return None


def test_the_graph_is_parsed():
    graph = import_graph()
    assert "marsad.store.ingest" in graph["marsad.ingest"]
    assert "marsad.parallel" in graph["marsad.ingest"]


def test_no_import_cycle():
    assert find_cycle(import_graph()) is None


def test_a_cycle_is_found():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


def test_lower_layers_never_import_the_layers_above():
    upward = sorted(f"{name} → {target}" for name, targets in import_graph().items() if within(name, LOWER)
                    for target in targets if within(target, UPPER))
    assert upward == []


def test_the_store_only_writes_and_reads():
    graph = import_graph()
    assert not graph["marsad.store.ingest"] & {"marsad.pipeline", "marsad.parallel", "marsad.store.query"}
    assert not within("marsad.batch", tuple(graph["marsad.io.readers"]))
