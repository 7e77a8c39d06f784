"""Build a site from the gold annotations of the sample corpus (for looking at pages, not for CI).

Usage: python scripts/gold_site.py OUT_DIR [ARTICLE ...]   (default: every sample article)
Run it twice with a growing list of articles to see What's new and the feed change.
"""

from __future__ import annotations

import shutil
import sys
from dataclasses import replace
from pathlib import Path

from briefgen.export import briefing_json
from briefgen.history import FEED, history_files, read_previous
from briefgen.render import build_context, make_env, render_pages
from briefgen.site import NAV, mkdocs_settings, publish, write_build_dir
from tests.conftest import GOLD, REPO
from tests.goldbriefing import gold_briefing

TITLE = "Briefing: Trump–Putin call and NATO defence ministers"
out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gold-site")
wanted = sys.argv[2:]
out.mkdir(parents=True, exist_ok=True)
shutil.rmtree(out / "content", ignore_errors=True)
(out / "content").mkdir()
for path in sorted((REPO / "content").iterdir()):
    if not wanted or path.name in wanted:
        shutil.copy(path, out / "content" / path.name)
briefing, articles = gold_briefing(out, GOLD)
text = briefing_json(briefing)
slugs = {s.id: s.slug for s in briefing.sources}
links = {q.id: f"sources/{slugs[q.source]}.html#p{q.paragraph}" for q in briefing.quotes}
changes, history = history_files(read_previous(out / "site"), text, TITLE, None, 10, links)
ctx = replace(build_context(briefing, TITLE, articles), changes=changes, feed=FEED)
pages = render_pages(ctx, make_env(REPO / "templates"))
write_build_dir(out / "build", pages, mkdocs_settings(REPO / "mkdocs.yml", TITLE, NAV, None))
for w in publish(out / "build", out / "site", {"briefing.json": text.encode(), **history}, strict=False):
    print("warning:", w)
print(out / "site")
