"""Build a site from the gold annotations of the sample corpus (for looking at pages, not for CI)."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from briefgen.export import briefing_json
from briefgen.render import build_context, make_env, render_pages
from briefgen.site import NAV, mkdocs_settings, publish, write_build_dir
from tests.conftest import GOLD, REPO
from tests.goldbriefing import gold_briefing

out = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/gold-site")
out.mkdir(parents=True, exist_ok=True)
if not (out / "content").exists():
    shutil.copytree(REPO / "content", out / "content")
briefing, articles = gold_briefing(out, GOLD)
ctx = build_context(briefing, "Briefing: Trump–Putin call and NATO defence ministers", articles)
pages = render_pages(ctx, make_env(REPO / "templates"))
write_build_dir(out / "build", pages, mkdocs_settings(REPO / "mkdocs.yml", "Briefing", NAV, None))
for w in publish(out / "build", out / "site", {"briefing.json": briefing_json(briefing).encode()}, strict=False):
    print("warning:", w)
print(out / "site")
