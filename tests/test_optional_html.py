"""A missing or broken HTML extra (trafilatura, lxml_html_clean) skips .html files with one warning, never a crash."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.config import load_settings
from briefgen.corpus.formats import HTML_MISSING, html_support_missing
from briefgen.serve import BriefingServer
from tests.conftest import free_port, run_cli

PAGE = (
    "<html><body><article><p>Ministers met in Oslo on Tuesday to discuss shipping lanes in the Arctic.</p>"
    "</article></body></html>"
)
TEXT = 'Ministers met in Oslo on Tuesday.\n\n"We must act before the ice is gone," said Ingrid Solberg.\n'


@pytest.fixture
def no_trafilatura(monkeypatch: pytest.MonkeyPatch) -> None:
    """``import trafilatura`` raises ImportError, as in an install without the HTML extra."""
    monkeypatch.setitem(sys.modules, "trafilatura", None)


@pytest.fixture
def mixed(project: Path) -> Path:
    """A project with one text article and three saved pages."""
    (project / "content" / "oslo.txt").write_text(TEXT, "utf-8")
    for name in ("a.html", "b.htm", "sub/c.html"):
        path = project / "content" / name
        path.parent.mkdir(exist_ok=True)
        path.write_text(PAGE, "utf-8")
    return project


def test_reason_names_the_missing_package_and_the_fix() -> None:
    lxml_error = ImportError(
        "lxml.html.clean module is now a separate project lxml_html_clean.\n"
        "Install lxml[html_clean] or lxml_html_clean directly."
    )
    reason = html_support_missing(lxml_error)
    assert "lxml_html_clean cannot be imported" in reason and "pip install 'lxml_html_clean'" in reason
    reason = html_support_missing(ModuleNotFoundError("No module named 'trafilatura'", name="trafilatura"))
    assert "trafilatura cannot be imported" in reason and "pip install 'trafilatura>=2'" in reason


def test_build_skips_html_with_one_warning(mixed: Path, no_trafilatura: None) -> None:
    code, output = run_cli(["build", "--jobs", "1", "--no-cache"], mixed)
    assert code == 0, output
    assert "Traceback" not in output
    lines = [line for line in output.splitlines() if HTML_MISSING in line]
    assert len(lines) == 1, output
    assert "a.html" in lines[0] and "b.htm" in lines[0] and "sub/c.html" in lines[0]
    assert "pip install 'trafilatura>=2'" in lines[0]
    assert (mixed / "site" / "briefing.json").is_file()
    assert "Ingrid Solberg" in (mixed / "site" / "briefing.json").read_text("utf-8")


def test_check_reports_missing_html_support_once(mixed: Path, no_trafilatura: None) -> None:
    code, output = run_cli(["check"], mixed)
    assert code == 0, output
    assert sum(HTML_MISSING in line for line in output.splitlines()) == 1, output
    assert "oslo.txt" in output


def test_serve_rebuild_survives_missing_html_support(
    mixed: Path, no_trafilatura: None, caplog: pytest.LogCaptureFixture
) -> None:
    server = BriefingServer(lambda: load_settings(project_dir=mixed, jobs=1), f"127.0.0.1:{free_port()}")
    try:
        with caplog.at_level(logging.INFO):
            server.rebuild(raise_errors=True)
        assert (server.site_dir / "index.html").is_file()
        assert server.errors == []
        assert sum(HTML_MISSING in r.getMessage() for r in caplog.records) == 1
    finally:
        server.close()


def test_missing_lxml_html_clean_is_named() -> None:
    """The install the issue saw: trafilatura present, lxml_html_clean (which jusText needs) absent.

    Run in a fresh interpreter, so that the half-imported modules never reach the other tests."""
    script = (
        "import sys\n"
        "sys.modules['lxml_html_clean'] = None\n"
        "from briefgen.corpus.formats import read_html\n"
        f"print(read_html({PAGE!r}.encode(), 'a.html').reason)\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=True)
    assert run.stdout.startswith(HTML_MISSING), run.stdout + run.stderr
    assert "lxml_html_clean cannot be imported" in run.stdout
    assert "pip install 'lxml_html_clean'" in run.stdout
