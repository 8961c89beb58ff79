"""The extraction engine imports nothing of the web application."""

import ast
from pathlib import Path

import tracker.extraction

PACKAGE = Path(tracker.extraction.__file__).parent
FORBIDDEN_ROOTS = {"flask", "flask_sqlalchemy", "sqlalchemy", "flask_login", "flask_wtf", "wtforms"}


def imported_modules(path: Path) -> list[str]:
    names = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                names.append("tracker.extraction")  # relative: inside the package
            else:
                names.append(node.module or "")
    return names


def test_package_has_modules_to_check():
    assert len(list(PACKAGE.rglob("*.py"))) >= 5


def test_no_web_or_app_imports():
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for name in imported_modules(path):
            root = name.split(".")[0]
            inside = name == "tracker.extraction" or name.startswith("tracker.extraction.")
            if root in FORBIDDEN_ROOTS or (root == "tracker" and not inside):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
