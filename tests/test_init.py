"""``briefgen init``: a new project that builds at once, from files shipped inside the package."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.scaffold import TEMPLATE


def test_init_then_build_works_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    result = runner.invoke(main, ["init", "demo", "--title", 'Arctic "shipping" briefing'])
    assert result.exit_code == 0, result.output
    demo = tmp_path / "demo"
    for rel in ("site_config/briefgen.yml", "mkdocs.yml", "templates/README.md", ".gitignore"):
        assert (demo / rel).is_file(), rel
    assert list((demo / "content").glob("*.txt"))
    settings = yaml.safe_load((demo / "site_config" / "briefgen.yml").read_text("utf-8"))
    assert settings["title"] == 'Arctic "shipping" briefing'
    monkeypatch.chdir(demo)
    build = runner.invoke(main, ["build", "-q"])
    assert build.exit_code == 0, build.output
    data = json.loads((demo / "site" / "briefing.json").read_text("utf-8"))
    assert len(data["sources"]) == 1
    assert any(q["speaker"] for q in data["quotes"])
    index = (demo / "site" / "index.html").read_text("utf-8")
    assert 'Arctic "shipping" briefing' in index.replace("&quot;", '"')


def test_settings_file_is_commented_and_every_key_is_valid(tmp_path: Path) -> None:
    from briefgen.config import Settings, load_settings
    from briefgen.scaffold import init_project

    init_project(tmp_path / "p")
    text = (tmp_path / "p" / "site_config" / "briefgen.yml").read_text("utf-8")
    assert text.count("#") >= 10
    keys = set(re.findall(r"^#? ?([a-z_]+):", text, re.MULTILINE))
    assert keys >= {"title", "content_dir", "site_dir", "site_url", "actor_pages"}
    assert keys <= set(Settings.model_fields)  # every documented key, even commented out, is real
    load_settings(project_dir=tmp_path / "p")  # the shipped file validates


def test_templates_readme_lists_the_default_templates(tmp_path: Path) -> None:
    from briefgen.scaffold import default_templates, init_project

    init_project(tmp_path / "p")
    readme = (tmp_path / "p" / "templates" / "README.md").read_text("utf-8")
    folder, names = default_templates()
    assert names and all(f"`{name}`" in readme for name in names)
    assert folder.as_posix() in readme
    assert "{template_list}" not in readme and "| md" in readme


def test_init_refuses_a_non_empty_folder_and_changes_nothing(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    result = CliRunner().invoke(main, ["init", str(tmp_path)])
    assert result.exit_code == 1
    assert "not empty" in result.output and "Traceback" not in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["notes.txt"]


def test_scaffold_files_ship_inside_the_package() -> None:
    root = resources.files("briefgen").joinpath(TEMPLATE)
    assert root.joinpath("site_config", "briefgen.yml").is_file()
    assert root.joinpath("mkdocs.yml").is_file()
    assert root.joinpath("content").is_dir()
    import briefgen

    package = Path(briefgen.__file__).parent
    assert (package / TEMPLATE).is_dir()  # inside briefgen/, so `pip install .` carries it
