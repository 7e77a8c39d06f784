"""Real-browser fixtures: system Chromium through Playwright, the built site served on 127.0.0.1."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn
from urllib.parse import urlsplit

import pytest

from briefgen.build import build
from briefgen.config import load_settings
from tests.conftest import REPO, copy_sample

ARTIFACTS = REPO / "test-artifacts"
LAUNCH_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
_SKIPPED: list[str] = []


def chromium_path() -> str | None:
    """The system Chromium (BRIEFGEN_CHROMIUM overrides); None when there is none."""
    for candidate in (os.environ.get("BRIEFGEN_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium"),
                      shutil.which("chromium-browser"), shutil.which("google-chrome")):
        if candidate and Path(candidate).is_file() and os.access(candidate, os.X_OK):
            return candidate
    return None


def _skip_loudly(reason: str) -> NoReturn:
    message = f"BROWSER TESTS SKIPPED: {reason}"
    if message not in _SKIPPED:
        _SKIPPED.append(message)
        warnings.warn(message, stacklevel=2)
    pytest.skip(message)


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Say loudly, at the end of the run, that the real-browser tests did not run."""
    for message in _SKIPPED:
        terminalreporter.write_sep("!", message, red=True, bold=True)


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """A headless system Chromium; the tests skip (loudly) only when none can be had."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _skip_loudly(f"playwright is not importable ({exc}); pip install '.[test]'")
    executable = chromium_path()
    if executable is None:
        _skip_loudly("no chromium executable (apt-get install chromium, or set BRIEFGEN_CHROMIUM)")
    with sync_playwright() as pw:
        chromium = pw.chromium.launch(executable_path=executable, headless=True, args=LAUNCH_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass




@pytest.fixture(scope="session")
def serve_dir() -> Iterator[Any]:
    """A factory: serve a folder over http on 127.0.0.1 with an ephemeral port; returns the base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(_QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus built once for the browser tests."""
    root = copy_sample(tmp_path_factory.mktemp("browser-sample"))
    build(load_settings(project_dir=root))
    return root / "site"


@dataclass
class Watched:
    """A browser page with everything that went wrong on it recorded."""

    page: Any
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def off_host(self) -> list[str]:
        """Requests that left 127.0.0.1 (file:, data: and blob: URLs stay on the machine)."""
        bad = []
        for url in self.requests:
            parts = urlsplit(url)
            if parts.scheme in ("file", "data", "blob", "about"):
                continue
            if parts.hostname != "127.0.0.1":
                bad.append(url)
        return bad


@pytest.fixture
def watched(browser: Any) -> Iterator[Watched]:
    """A fresh page (own context) recording console errors, page errors, requests and dialogs."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    record = Watched(page)
    page.on("console", lambda msg: record.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: record.page_errors.append(str(exc)))
    page.on("request", lambda req: record.requests.append(req.url))

    def on_dialog(dialog: Any) -> None:
        record.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    try:
        yield record
    finally:
        context.close()


def search(page: Any, query: str, timeout: float = 20_000) -> list[str]:
    """Type into Material's search box and return the hrefs of the results."""
    page.click("input.md-search__input")
    page.keyboard.type(query, delay=20)
    page.wait_for_selector(".md-search-result__item", timeout=timeout)
    # the box renders as results arrive (a query typed halfway may show first): read once the list stops changing
    hrefs: list[str] = []
    for _ in range(int(timeout // 250)):
        now: list[str] = page.eval_on_selector_all(
            ".md-search-result__item a.md-search-result__link", "els => els.map(e => e.href)"
        )
        if now and now == hrefs:
            break
        hrefs = now
        page.wait_for_timeout(250)
    return hrefs


def screenshot(page: Any, name: str) -> None:
    """Save a full-page screenshot as a test artefact (test-artifacts/ is git-ignored)."""
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
