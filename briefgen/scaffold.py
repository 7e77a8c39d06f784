"""``briefgen init``: a new project folder from the files shipped inside the package."""

from __future__ import annotations

import json
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from briefgen.errors import BriefgenError
from briefgen.render import template_dirs

TEMPLATE = "project_template"
# Files whose names tools would treat specially inside the package are stored under another name.
RENAMES = {"gitignore": ".gitignore"}


class InitError(BriefgenError):
    """The target folder of ``briefgen init`` cannot be used."""


def _walk(node: Traversable, prefix: str = "") -> list[tuple[str, Traversable]]:
    found: list[tuple[str, Traversable]] = []
    for child in sorted(node.iterdir(), key=lambda c: c.name):
        if child.name == "__pycache__":
            continue
        rel = f"{prefix}{RENAMES.get(child.name, child.name)}"
        if child.is_dir():
            found.extend(_walk(child, rel + "/"))
        else:
            found.append((rel, child))
    return found


def default_templates() -> tuple[Path, list[str]]:
    """The folder of briefgen's default page templates and their names."""
    folder = Path(template_dirs(None)[-1])
    return folder, sorted(p.name for p in folder.glob("*.j2"))


def init_project(target: Path, title: str | None = None) -> list[str]:
    """Create a new project in ``target`` (new or empty); return the files written, relative to it."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise InitError(
            "the folder exists and is not empty", str(target), "choose a new folder: `briefgen init demo`"
        )
    folder, names = default_templates()
    listing = "\n".join(f"- `{name}`" for name in names) or "- (none found)"
    written: list[str] = []
    for rel, source in _walk(resources.files("briefgen").joinpath(TEMPLATE)):
        data = source.read_bytes()
        if rel == "templates/README.md":
            text = data.decode("utf-8")
            text = text.replace("{template_dir}", folder.as_posix()).replace("{template_list}", listing)
            data = text.encode("utf-8")
        if title and rel in ("site_config/briefgen.yml", "mkdocs.yml"):
            quoted = json.dumps(title, ensure_ascii=False).encode("utf-8")
            data = data.replace(b'"My briefing"', quoted)
        path = target / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written.append(rel)
    return written

