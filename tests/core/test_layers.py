"""The shape of the code, read from its imports and its literals: arrows point inward, no circles, no
library package imports the UI, and the state table is the only place that lists states."""
from __future__ import annotations

import ast
from pathlib import Path

from kiosk.core.states import State

KIOSK = Path(__file__).resolve().parents[2] / "kiosk"
TABLE = {KIOSK / "core" / "states.py", KIOSK / "core" / "machine.py"}
STATE_VALUES = {s.value for s in State}


def _modules() -> dict[str, Path]:
    out = {}
    for path in KIOSK.rglob("*.py"):
        parts = path.relative_to(KIOSK.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        out[name] = path
    return out


def _imports(path: Path, top_level_only: bool) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if top_level_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if top_level_only and isinstance(node, ast.If):  # `if TYPE_CHECKING:` imports do not run
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
    return {n for n in found if n.split(".")[0] == "kiosk"} if top_level_only else found


def test_core_imports_no_adapter_no_ui_and_no_heavy_library():
    forbidden = {"PySide6", "shiboken6", "smartcard", "cv2", "dlib", "face_recognition", "sqlite_utils", "sqlite3",
                 "numpy", "PIL", "onnxruntime"}
    for path in (KIOSK / "core").glob("*.py"):
        for name in _imports(path, top_level_only=False):
            top = name.split(".")[0]
            assert top not in forbidden, f"{path.name} imports {name}"
            if top == "kiosk":
                assert name.startswith("kiosk.core"), f"{path.name} imports the adapter {name}"


def test_no_import_circles():
    modules = _modules()
    # A module's own packages are imported before it anyway: an edge to them is not a circle.
    graph = {name: {m for m in _imports(path, top_level_only=True)
                    if m in modules and m != name and not name.startswith(m + ".")}
             for name, path in modules.items()}
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for nxt in sorted(graph[name]):
            if state.get(nxt) == 1:
                raise AssertionError("import circle: " + " → ".join([*path[path.index(nxt):], nxt]))
            if nxt not in state:
                visit(nxt, [*path, nxt])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])


def test_no_library_package_imports_the_ui():
    for name, path in _modules().items():
        if name.startswith(("kiosk.ui", "kiosk.commands")) or path.name == "__main__.py":
            continue
        for imported in _imports(path, top_level_only=False):
            assert not imported.startswith("kiosk.ui") and not imported.startswith("kiosk.commands"), \
                f"{name} imports {imported}"


def _is_member(e: ast.expr | None) -> bool:
    return isinstance(e, ast.Attribute) and isinstance(e.value, ast.Name) and e.value.id == "State"


def _state_literals(path: Path) -> list[str]:
    """Collections of two or more states (a dict keyed by them too), comparisons of a state with a string,
    and a state compared with one member (a rule about that state belongs in its spec)."""
    found = []
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict) and sum(_is_member(k) for k in node.keys) >= 2:
            found.append(f"{path.name}:{node.lineno}")
        if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
            members = [e for e in node.elts if _is_member(e)]
            strings = [e for e in node.elts if isinstance(e, ast.Constant) and e.value in STATE_VALUES
                       and e.value not in ("face", "pin", "consent")]  # also the names of patient actions
            if len(members) >= 2 or len(strings) >= 2:
                found.append(f"{path.name}:{node.lineno}")
        elif isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            state_side = any(isinstance(s, ast.Attribute) and s.attr in ("state", "value") for s in sides)
            string_side = any(isinstance(s, ast.Constant) and s.value in STATE_VALUES for s in sides)
            member_side = any(_is_member(s) for s in sides)
            if state_side and (string_side or member_side):
                found.append(f"{path.name}:{node.lineno}")
    return found


def test_no_state_set_or_state_string_outside_the_table():
    offenders = [hit for path in KIOSK.rglob("*.py") if path not in TABLE for hit in _state_literals(path)]
    assert offenders == []
