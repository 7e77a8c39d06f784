"""User overrides for actors (``site_config/actors.yml``): canonical name, aliases, kind, country, role."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from briefgen.errors import ConfigError
from briefgen.extract.merge import ActorOverride

KEYS = ("name", "aliases", "kind", "country", "role")
KINDS = ("person", "organisation", "country")


def _line(node: yaml.Node | None) -> int:
    return node.start_mark.line + 1 if node is not None else 0


def load_overrides(path: Path) -> tuple[ActorOverride, ...]:
    """Parse the overrides file; a missing file means no overrides. Errors name file, line and key."""
    if not path.is_file():
        return ()
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read actor overrides: {exc}", str(path)) from exc
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ConfigError(f"invalid YAML: {exc.problem}", where, "correct the YAML syntax") from exc
    if root is None:
        return ()
    entries: Any = root
    if isinstance(root, yaml.MappingNode):
        found = [v for k, v in root.value if isinstance(k, yaml.ScalarNode) and k.value == "actors"]
        if not found:
            raise ConfigError(
                "expected a top-level key 'actors'",
                f"{path}:{_line(root)}",
                "write 'actors:' followed by a list of entries",
            )
        entries = found[0]
    if not isinstance(entries, yaml.SequenceNode):
        raise ConfigError("'actors' must be a list of entries", f"{path}:{_line(entries)}")
    problems: list[str] = []
    out: list[ActorOverride] = []
    for item in entries.value:
        if not isinstance(item, yaml.MappingNode):
            problems.append(f"{path}:{_line(item)}: each entry must be a mapping with at least 'name'")
            continue
        values: dict[str, Any] = {}
        for k, v in item.value:
            key = str(k.value)
            if key not in KEYS:
                problems.append(f"{path}:{_line(k)}: unknown key '{key}' (known keys: {', '.join(KEYS)})")
                continue
            values[key] = yaml.safe_load(yaml.serialize(v))
            if key == "aliases":
                if not isinstance(values[key], list) or not all(isinstance(a, str) for a in values[key]):
                    problems.append(f"{path}:{_line(v)}: key 'aliases' must be a list of names")
            elif values[key] is not None and not isinstance(values[key], str):
                problems.append(f"{path}:{_line(v)}: key '{key}' must be text")
            elif key == "kind" and values[key] not in KINDS:
                problems.append(f"{path}:{_line(v)}: key 'kind' must be one of {', '.join(KINDS)}")
        if not values.get("name"):
            problems.append(f"{path}:{_line(item)}: key 'name' is missing")
            continue
        aliases = values.get("aliases") if isinstance(values.get("aliases"), list) else []
        out.append(
            ActorOverride(
                values["name"],
                tuple(str(a) for a in aliases or ()),
                values.get("kind"),
                values.get("country"),
                values.get("role"),
            )
        )
    if problems:
        raise ConfigError(
            "invalid actor overrides:\n  " + "\n  ".join(problems), str(path), "fix the keys listed above"
        )
    return tuple(out)
