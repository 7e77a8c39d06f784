"""``briefgen serve``: regenerates on a content change, serves the new quote, and does not loop."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefgen.cli import main
from briefgen.config import load_settings
from briefgen.serve import BriefingServer, parse_addr, watched_paths
from tests.conftest import NEW_QUOTE, serving


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=5) as response:
        return str(response.read().decode("utf-8"))


def _wait_for(check: Callable[[], bool], timeout: float = 45) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if check():
                return True
        except (urllib.error.URLError, ConnectionError, OSError):
            pass
        time.sleep(0.2)
    return False


@pytest.fixture
def served(project: Path) -> Iterator[tuple[BriefingServer, Path]]:
    with serving(project) as server:
        assert _wait_for(lambda: "Ingrid Solberg" in _get(server.url)), server.errors
        yield server, project


def test_serve_regenerates_on_a_content_edit_and_serves_the_new_quote(
    served: tuple[BriefingServer, Path],
) -> None:
    server, project = served
    page = _get(server.url)
    assert "livereload" in page  # MkDocs' own live-reload script is injected
    builds_before = server.builds
    with (project / "content" / "oslo.txt").open("a", encoding="utf-8") as fh:
        fh.write(f'\n"{NEW_QUOTE}," said Ingrid Solberg.\n')
    assert _wait_for(lambda: NEW_QUOTE in _get(server.url + "briefing.json"))
    assert NEW_QUOTE in _get(server.url + "actors/ingrid-solberg.html")
    # The regeneration writes into build/docs, which is not watched: no rebuild loop.
    time.sleep(3)
    settled = server.builds
    time.sleep(3)
    assert server.builds == settled
    assert 1 <= settled - builds_before <= 2
    assert server.errors == []


def test_serve_serves_full_text_search_and_indexes_only_the_changed_buckets(project: Path) -> None:
    for place, name in (("Bergen", "Lars Dahl"), ("Tromso", "Kari Nilsen"), ("Bodo", "Per Lund"),
                        ("Narvik", "Eva Moe")):
        (project / "content" / f"{place.lower()}.txt").write_text(
            f'Fishermen met in {place} on Monday.\n\n"We need the quota back," said {name}, a skipper.\n',
            encoding="utf-8",
        )
    with serving(project) as server:
        assert _wait_for(lambda: "Ingrid Solberg" in _get(server.url)), server.errors
        names = json.loads(_get(server.url + "pagefind/bundles.json"))
        assert len(names) > 2 and _get(server.url + f"pagefind/{names[0]}/pagefind-entry.json")
        with (project / "content" / "oslo.txt").open("a", encoding="utf-8") as fh:
            fh.write(f'\n"{NEW_QUOTE}," said Ingrid Solberg.\n')
        assert _wait_for(lambda: NEW_QUOTE in _get(server.url + "briefing.json"))
        indexed, total, _ = server.last_index
        assert 1 <= indexed < total  # the other articles' buckets were linked, not indexed again
        assert json.loads(_get(server.url + "pagefind/bundles.json")) == names
        assert server.errors == []


def test_serve_reports_a_broken_template_and_keeps_serving(served: tuple[BriefingServer, Path]) -> None:
    server, project = served
    (project / "templates").mkdir(exist_ok=True)
    server.server.watch(str(project / "templates"))
    (project / "templates" / "index.md.j2").write_text("# {{ no_such_name }}\n", encoding="utf-8")
    assert _wait_for(lambda: bool(server.errors))
    assert "index.md.j2" in server.errors[-1]
    assert "Ingrid Solberg" in _get(server.url)


def test_watched_paths_are_the_inputs_never_the_build_folder(project: Path) -> None:
    (project / "templates").mkdir()
    (project / "overrides").mkdir()
    (project / "mkdocs.yml").write_text("site_name: x\n")
    paths = watched_paths(load_settings(project_dir=project))
    names = {p.name for p in paths}
    assert names == {"content", "templates", "overrides", "mkdocs.yml"}
    assert all("build" not in p.parts for p in paths)


@pytest.mark.parametrize("addr", ["8000", "localhost", "127.0.0.1:http", ":8000", "127.0.0.1:70000"])
def test_bad_dev_addr_is_a_clear_error(addr: str, project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(Exception, match="dev-addr"):
        parse_addr(addr)
    monkeypatch.chdir(project)
    result = CliRunner().invoke(main, ["serve", "--dev-addr", addr])
    assert result.exit_code == 1 and "HOST:PORT" in result.output and "Traceback" not in result.output
