"""Typed settings, validated once; every error names the file, line and key."""

from __future__ import annotations

import difflib
import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from briefgen.errors import ConfigError

CONFIG_NAME = "site_config/briefgen.yml"
Loc = tuple[str | int, ...]  # a path into a YAML document: keys and list indexes
M = TypeVar("M", bound=BaseModel)
# Settings that no longer exist, and what to do instead: an old project gets this, not "unknown key".
REMOVED = {
    "model": (
        "the 'model' setting was removed: briefgen's rules run on spaCy's blank English pipeline and never read "
        "a trained pipeline's tags, parse or entities",
        "delete the line; to teach briefgen words it misses, list them in site_config/cues.yml or roles.yml",
    ),
}


def available_cores() -> int:
    """The cores this process may run on (honours CPU affinity, e.g. in containers); --jobs default."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


class Settings(BaseModel):
    """Everything a build needs to know, resolved against the project folder."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    project_dir: Path = Field(default=Path("."), exclude=True)
    title: str = "Briefing"
    content_dir: Path = Path("content")
    site_dir: Path = Path("site")
    build_dir: Path = Path("build")
    templates_dir: Path = Path("templates")
    site_config_dir: Path = Path("site_config")
    mkdocs_config: Path = Path("mkdocs.yml")
    cache_dir: Path = Path(".briefgen/cache")
    site_url: str | None = None
    max_article_bytes: int = Field(default=5_000_000, gt=0)
    jobs: int = Field(default_factory=lambda: available_cores(), ge=1)
    executor: Literal["serial", "process", "dask"] = "process"
    scheduler: str | None = None
    dask_blocksize: int = Field(default=1_000_000, gt=0)
    cache: bool = True
    actor_pages: Literal["speakers", "all"] = "speakers"
    history_keep: int = Field(default=10, ge=0)
    search: Literal["pagefind", "material"] = "pagefind"  # pagefind: full text over http (briefgen.search)
    strict: bool = False
    quiet: bool = False

    def path(self, value: Path) -> Path:
        """A settings path resolved against the project folder."""
        value = value.expanduser()  # '~/www' from a settings file or a quoted option
        return value if value.is_absolute() else self.project_dir / value

    @property
    def content(self) -> Path:
        """The folder of articles."""
        return self.path(self.content_dir)

    @property
    def site(self) -> Path:
        """The output folder of the static site."""
        return self.path(self.site_dir)

    @property
    def build(self) -> Path:
        """The folder of generated Markdown and mkdocs.yml."""
        return self.path(self.build_dir)

    @property
    def templates(self) -> Path:
        """The project's template override folder."""
        return self.path(self.templates_dir)

    @property
    def site_config(self) -> Path:
        """The project's briefgen settings folder (topics, actors, boilerplate)."""
        return self.path(self.site_config_dir)

    @property
    def mkdocs_yml(self) -> Path:
        """The user's MkDocs settings for the generated site."""
        return self.path(self.mkdocs_config)


def _mark_line(node: yaml.Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _parse(path: Path) -> tuple[Any, yaml.Node | None]:
    """Parse a YAML file safely into data and its node tree; ConfigError names file, line and column."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"cannot read settings file: {exc}", str(path)) from exc
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        what = f"invalid YAML: {exc.problem or exc.context}"
        if exc.problem and exc.context and exc.context_mark is not None:
            start = exc.context_mark
            what += f" ({exc.context} at line {start.line + 1}, column {start.column + 1})"
        raise ConfigError(what, where, "correct the YAML syntax at that line") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid YAML: {exc}", str(path)) from exc
    return data, node


def load_yaml(path: Path) -> tuple[Any, dict[str, int]]:
    """Parse a YAML file safely; return the data and the line of each top-level key.

    Raises ConfigError naming the file, line and column of a syntax error.
    """
    data, node = _parse(path)
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, _ in node.value:
            line = _mark_line(key_node)
            if isinstance(key_node, yaml.ScalarNode) and line is not None:
                lines[str(key_node.value)] = line
    return data, lines


def node_lines(node: yaml.Node | None, loc: Loc = ()) -> dict[Loc, int]:
    """The line of every key and list item under ``node``, by its path (``("actors", 0, "name")``)."""
    lines: dict[Loc, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            key = (*loc, str(key_node.value))
            lines[key] = key_node.start_mark.line + 1
            lines.update(node_lines(value, key))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            lines[(*loc, i)] = item.start_mark.line + 1
            lines.update(node_lines(item, (*loc, i)))
    return lines


def _fields_of(schema: type[BaseModel]) -> list[str]:
    """Every key name a schema knows, nested models included (for 'did you mean')."""
    names: list[str] = []
    for name, info in schema.model_fields.items():
        names.append(name)
        for arg in (info.annotation, *getattr(info.annotation, "__args__", ())):
            for inner in (arg, *getattr(arg, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    names.extend(_fields_of(inner))
    return sorted(set(names))


def read_schema(path: Path, schema: type[M], what: str, wrap: str | None = None) -> M:
    """A YAML file validated by ``schema``; every bad entry is reported at once with its file and line.

    ``wrap`` names the key a bare top-level list stands for (``actors.yml`` may be just the list).
    """
    data, node = _parse(path)
    lines = node_lines(node)
    if data is None:
        data = {}
    if wrap is not None and isinstance(data, list):
        data = {wrap: data}
        lines = {(wrap, *loc): line for loc, line in lines.items()}
    if not isinstance(data, dict):
        raise ConfigError(f"{what} must be a mapping of keys to values", f"{path}:{_mark_line(node) or 1}")
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise _explain(exc, path, lines, _fields_of(schema), what) from None


def _line_of(loc: Loc, lines: dict[Loc, int]) -> int | None:
    for n in range(len(loc), 0, -1):
        if loc[:n] in lines:
            return lines[loc[:n]]
    return None


def _removed(path: Path, lines: dict[str, int], key: str) -> tuple[int, str]:
    where = f"{path}:{lines[key]}" if key in lines else str(path)
    what, fix = REMOVED[key]
    return lines.get(key, 0), f"{where}: {what}; {fix}"


def _removed_error(path: Path, lines: dict[str, int], keys: list[str]) -> ConfigError:
    if len(keys) == 1:
        what, fix = REMOVED[keys[0]]
        return ConfigError(what, f"{path}:{lines[keys[0]]}" if keys[0] in lines else str(path), fix)
    problems = sorted(_removed(path, lines, key) for key in keys)
    return ConfigError("invalid settings:\n  " + "\n  ".join(t for _, t in problems), str(path), "edit these keys")


def _explain(
    exc: ValidationError,
    path: Path,
    lines: dict[Loc, int],
    fields: list[str],
    what: str = "settings",
    removed: Sequence[str] = (),
) -> ConfigError:
    top = {str(loc[0]): line for loc, line in lines.items() if len(loc) == 1}
    problems: list[tuple[int, str]] = [_removed(path, top, key) for key in removed]
    for err in exc.errors():
        loc = tuple(err["loc"])
        key = ".".join(str(p) for p in loc) or "(top level)"
        name = str(loc[-1]) if loc else ""
        line = _line_of(loc, lines)
        where = f"{path}:{line}" if line is not None else str(path)
        if err["type"] == "extra_forbidden":
            close = difflib.get_close_matches(name, fields, n=1)
            hint = f" (did you mean '{close[0]}'?)" if close else f" (known keys: {', '.join(fields)})"
            problems.append((line or 0, f"{where}: unknown key '{key}'{hint}"))
        else:
            msg = str(err["msg"])
            for prefix in ("Input should be ", "Value should be "):
                if msg.startswith(prefix):
                    msg = "expected " + msg.removeprefix(prefix)
            if err["type"] == "path_type":
                msg = "expected a path (text)"
            elif err["type"] == "model_type":  # "a valid dictionary or instance of ActorEntry"
                msg = "expected a mapping of keys to values"
            given = err.get("input")
            problems.append((line or 0, f"{where}: key '{key}': {msg}, given {given!r}"))
    return ConfigError(
        f"invalid {what}:\n  " + "\n  ".join(text for _, text in sorted(problems)),
        str(path),
        "edit the keys listed above; `briefgen check` validates without building",
    )


def load_settings(
    project_dir: Path | None = None, config_file: Path | None = None, **overrides: Any
) -> Settings:
    """Read ``site_config/briefgen.yml`` (if any) and apply command-line overrides."""
    project = (project_dir or Path.cwd()).resolve()
    if config_file is not None:
        config_path = config_file if config_file.is_absolute() else Path.cwd() / config_file
        if not config_path.is_file():
            raise ConfigError("settings file not found", str(config_file), "check the --config path")
    else:
        config_path = project / CONFIG_NAME
    data: dict[str, Any] = {}
    lines: dict[str, int] = {}
    if config_path.is_file():
        raw, lines = load_yaml(config_path)
        if raw is None:
            raw = {}
        if not isinstance(raw, dict):
            raise ConfigError("settings must be a mapping of keys to values", str(config_path))
        data = dict(raw)
    data.update({k: v for k, v in overrides.items() if v is not None})
    removed = [key for key in REMOVED if data.get(key) is not None]  # an empty value changed nothing: fine
    for key in REMOVED:
        data.pop(key, None)
    fields = [name for name in Settings.model_fields if name != "project_dir"]
    try:
        settings = Settings(project_dir=project, **data)
    except ValidationError as exc:
        raise _explain(exc, config_path, {(k,): n for k, n in lines.items()}, fields, removed=removed) from None
    except TypeError as exc:  # e.g. a non-string key
        raise ConfigError(f"invalid settings: {exc}", str(config_path)) from None
    if removed:
        raise _removed_error(config_path, lines, removed)
    return settings
