"""Check every internal link of a built site: the file exists and its #fragment is an id in that file."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)
            if value and ((name == "href" and tag in ("a", "link")) or (name == "data" and tag == "object")):
                self.links.append(value)


def _parse(path: Path) -> _Collect:
    parser = _Collect()
    parser.feed(path.read_text("utf-8", errors="replace"))
    return parser


def broken_links(site: Path, pages: str = "**/*.html") -> list[str]:
    """Every internal href (pages and SVG files) whose target file or fragment does not exist."""
    cache: dict[Path, _Collect] = {}
    broken: list[str] = []
    files = [p for p in site.glob(pages) if "assets" not in p.parts and p.name != "404.html"]
    files += list(site.glob("**/*.svg"))
    for page in sorted(files):
        cache.setdefault(page, _parse(page))
        for link in cache[page].links:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "javascript:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                broken.append(f"{page.relative_to(site)}: {link} (no file)")
                continue
            if parts.fragment and target.suffix == ".html":
                cache.setdefault(target, _parse(target))
                if unquote(parts.fragment) not in cache[target].ids:
                    broken.append(f"{page.relative_to(site)}: {link} (no #{parts.fragment})")
    return broken


def hrefs(html: str) -> list[str]:
    """All href values in an HTML text."""
    return re.findall(r'href="([^"]*)"', html)
