"""The README's "Commands" table and `briefgen --help` agree: same commands, and every option listed exists."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner

from briefgen.cli import main
from tests.conftest import REPO

OPTION = re.compile(r"(?<![\w-])(--?[a-zA-Z][\w-]*)")


def _section(markdown: str, heading: str) -> str:
    """The text of one '## ' section of a Markdown document."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## )", markdown, re.MULTILINE | re.DOTALL)
    assert match is not None, f"README has no '## {heading}' section"
    return match.group(1)


def _table_commands() -> dict[str, set[str]]:
    """Command name -> the options its README table row shows (from the first column's code spans)."""
    section = _section((REPO / "README.md").read_text("utf-8"), "Commands")
    rows = [line for line in section.splitlines() if line.startswith("| `briefgen ")]
    assert rows, "the Commands section has no table of `briefgen ...` rows"
    commands: dict[str, set[str]] = {}
    for row in rows:
        first = row.split(" | ", 1)[0]
        for usage in re.findall(r"`briefgen ([^`]+)`", first):
            name = usage.split()[0]
            if name.startswith("-") or name.isupper():  # "briefgen --version", "briefgen COMMAND --help"
                continue
            commands.setdefault(name, set()).update(OPTION.findall(usage))
    return commands


def _help(*args: str) -> str:
    result = CliRunner().invoke(main, [*args, "--help"], terminal_width=200)
    assert result.exit_code == 0, result.output
    return result.output


def test_every_command_is_in_the_table_and_every_table_command_exists() -> None:
    table = set(_table_commands())
    assert isinstance(main, click.Group)
    cli = set(main.list_commands(click.Context(main)))
    assert table == cli
    for name in cli:
        assert name in _help()  # and `briefgen --help` lists it


@pytest.mark.parametrize("command", sorted(_table_commands()))
def test_every_option_in_the_table_exists_in_the_commands_help(command: str) -> None:
    listed = _table_commands()[command]
    offered = set(OPTION.findall(_help(command)))
    assert listed <= offered, f"README shows {sorted(listed - offered)} for `briefgen {command}`"


def test_options_named_for_build_and_extract_below_the_table_exist() -> None:
    section = _section((REPO / "README.md").read_text("utf-8"), "Commands")
    sentence = next(p for p in section.split("\n\n") if p.startswith("`build` and `extract` also take"))
    named = set(OPTION.findall(sentence))
    assert named, sentence
    for command in ("build", "extract"):
        assert named <= set(OPTION.findall(_help(command))), command


def test_version_and_help_options_exist() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "briefgen" in result.output
