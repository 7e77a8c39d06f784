"""``briefgen serve``: build, serve on localhost, regenerate and reload on every change.

It reuses MkDocs' own ``LiveReloadServer``, the server behind ``mkdocs serve``, with a builder that first
regenerates the briefing into the build folder (writing only files whose bytes changed) and then runs the
MkDocs build. The generated ``docs/`` folder is deliberately not watched: the server watches the inputs
(content, templates, site_config, mkdocs.yml, overrides), so a regeneration can never trigger itself.
"""

from __future__ import annotations

import logging
import os
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2

from briefgen.build import generate
from briefgen.check import skip_notes
from briefgen.config import Settings
from briefgen.errors import BriefgenError, ConfigError, explain
from briefgen.incremental import build_site
from briefgen.lock import build_lock
from briefgen.plural import plural
from briefgen.search import engine, index_site
from briefgen.site import OVERRIDES_DIR

log = logging.getLogger("mkdocs.briefgen")


def _terminate(signum: int, frame: object) -> None:
    """SIGTERM ends ``serve`` like Ctrl-C does, through its clean-up."""
    raise KeyboardInterrupt


def parse_addr(dev_addr: str) -> tuple[str, int]:
    """``host:port`` -> (host, port), with a clear error for anything else."""
    host, sep, port = dev_addr.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) < 65536:
        raise ConfigError(f"invalid --dev-addr {dev_addr!r}", "--dev-addr", "use HOST:PORT (127.0.0.1:8000)")
    return host.strip("[]"), int(port)


def watched_paths(settings: Settings) -> list[Path]:
    """The inputs whose changes trigger a rebuild (never the generated build folder)."""
    candidates = [
        settings.content,
        settings.templates,
        settings.site_config,
        settings.mkdocs_yml,
        settings.project_dir / OVERRIDES_DIR,
    ]
    return [p for p in candidates if p.exists()]


class BriefingServer:
    """MkDocs' live-reload server around a regenerate-then-build step."""

    def __init__(self, load: Callable[[], Settings], dev_addr: str = "127.0.0.1:8000") -> None:
        os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
        from mkdocs.livereload import LiveReloadServer, _serve_url

        self.load = load
        self.host, self.port = parse_addr(dev_addr)
        self.settings = load()
        self.root = Path(tempfile.mkdtemp(prefix="briefgen-serve-"))
        self.site_dir = self.root / "site"
        self.site_dir.mkdir()
        self.state = self.root / "site-state.json"  # what each served page was built from
        self.mount_path = urlsplit(self.settings.site_url or "/").path
        self.url = _serve_url(self.host, self.port, self.mount_path)
        self.builds = 0
        self.errors: list[str] = []
        self.buckets: dict[str, Any] = {}  # the served site's Pagefind buckets (briefgen.search.index_site)
        self.pages: dict[str, list[Any]] = {}
        self.last_index: tuple[int, int, float] = (0, 0, 0.0)  # buckets indexed, of all, wall seconds
        self._lock = threading.Lock()
        self.server: Any = LiveReloadServer(
            builder=self.rebuild, host=self.host, port=self.port, root=str(self.site_dir),
            mount_path=self.mount_path,
        )
        self.server.error_handler = self._error_page
        self._serving = False

    def _error_page(self, code: int) -> bytes | None:
        page = self.site_dir / f"{code}.html"
        return page.read_bytes() if code in (404, 500) and page.is_file() else None

    def rebuild(self, raise_errors: bool = False) -> None:
        """Regenerate the briefing (write-if-changed) and rebuild the site; report errors, keep serving.

        The same incremental build as ``briefgen build``: only pages whose inputs changed are rendered,
        and only the Pagefind buckets whose pages changed are indexed, into a fresh folder that then
        replaces the served one.
        """
        with self._lock:
            try:
                self.settings = settings = self.load()
                fresh = self.root / "next"
                shutil.rmtree(fresh, ignore_errors=True)
                with build_lock(settings.project_dir, waiting=log.info):
                    _, report, extra = generate(settings)
                    build_site(
                        settings.build / "mkdocs.yml", fresh, previous=self.site_dir, state_path=self.state,
                        serve_url=self.url, adjust=lambda config: setattr(config, "site_url", self.url),
                    )
                for rel, data in sorted(extra.items()):
                    target = fresh / rel
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
                self._index(settings, fresh)
                old = self.root / "previous"
                shutil.rmtree(old, ignore_errors=True)
                os.replace(self.site_dir, old)
                os.replace(fresh, self.site_dir)
                shutil.rmtree(old, ignore_errors=True)
                for where, reason in skip_notes(report.skipped):
                    log.warning(f"skipped {where}: {reason}")
                for warning in report.warnings:
                    log.warning(warning)
                log.info(f"briefgen: {plural(report.articles, 'article')}, {plural(report.quotes, 'quote')}")
            except (BriefgenError, OSError, jinja2.TemplateError) as exc:  # e.g. a broken theme partial
                known = explain(exc)
                assert known is not None
                if raise_errors:
                    raise known from None
                self.errors.append(known.message())
                log.error(f"briefgen: {known.message()} (still serving the previous build)")
            finally:
                self.builds += 1

    def _index(self, settings: Settings, fresh: Path) -> None:
        """Pagefind's bundles for the fresh site, as ``briefgen build`` writes them: only the buckets whose
        pages changed are indexed again, the others are linked from the site being served."""
        if engine(settings.search)[0] != "pagefind":
            self.buckets, self.pages = {}, {}
            return
        t0 = time.perf_counter()
        stats = index_site(fresh, previous=self.site_dir, built=self.buckets, known=self.pages)
        self.buckets, self.pages = dict(stats.buckets), dict(stats.page_digests)
        self.last_index = (stats.indexed, stats.indexed + stats.reused, time.perf_counter() - t0)

    def serve(self) -> None:
        """Build once, watch the inputs and serve until interrupted (Ctrl-C or SIGTERM) or shut down."""
        previous = None
        if threading.current_thread() is threading.main_thread():
            previous = signal.signal(signal.SIGTERM, _terminate)  # so the temporary site is removed
        try:
            self.rebuild(raise_errors=True)
            for path in watched_paths(self.settings):
                self.server.watch(str(path))
            self._serving = True
            self.server.serve()
        except KeyboardInterrupt:
            log.info("Shutting down...")
        finally:
            self.close()
            if previous is not None:
                signal.signal(signal.SIGTERM, previous)

    def close(self) -> None:
        """Stop the server (if it ever started: shutting down one that never served waits forever) and
        remove its temporary site."""
        if self._serving:
            self._serving = False
            self.server.shutdown()
        else:
            self.server.server_close()
        shutil.rmtree(self.root, ignore_errors=True)
