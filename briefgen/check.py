"""`briefgen check`: validate settings, boilerplate rules and corpus without building; every problem at once."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefgen.config import Settings, load_settings
from briefgen.corpus import read_corpus
from briefgen.corpus.boilerplate import PROJECT_FILE, Rules, load_rules
from briefgen.corpus.formats import HTML_MISSING
from briefgen.corpus.language import languages_of
from briefgen.errors import ConfigError
from briefgen.extract.overrides import load_overrides
from briefgen.extract.userdata import load_user_data
from briefgen.records import Article, Skipped

# How to fix a skipped file or a warning, by a phrase of its reason.
FIXES = (
    ("file name is not valid UTF-8", "rename the file (its name has bytes that are not UTF-8)"),
    ("not a regular file", "remove it from content/ (only regular files are read)"),
    ("nested more than", "move the articles to a shallower folder"),
    ("nested too deep", "correct or delete that line of the .jsonl file"),
    ("lone surrogates", "correct the \\ud800-style escape in the source data"),
    ("more bad lines", "correct the .jsonl file; run briefgen check after fixing the lines listed"),
    ("cannot read article", "report this file to briefgen's maintainers; the rest of the build is fine"),
    ("cannot clean article", "report this file to briefgen's maintainers; the rest of the build is fine"),
    ("cannot analyse", "report this file to briefgen's maintainers; the rest of the build is fine"),
    ("time budget", "split the article or check it for repeated text"),
    ("empty", "remove the file or add the article text"),
    ("whitespace", "remove the file or add the article text"),
    ("not a text file", "remove it from content/ or convert it to .txt, .md, .html or .jsonl"),
    ("never closed", "add a '---' line after the front matter"),
    ("invalid YAML", "correct the front matter YAML at that line"),
    ("front matter is not a mapping", "write the front matter as 'key: value' lines"),
    ("not valid JSON", "correct or delete that line of the .jsonl file"),
    ("not a JSON object", "write each .jsonl line as one JSON object"),
    ("'text' field", "give every .jsonl line a \"text\" field with the article text"),
    ("symlink", "copy the file into content/ instead of linking to it"),
    ("cannot read", "check the file's permissions"),
    ("max_article_bytes", "raise max_article_bytes in site_config/briefgen.yml or split the file"),
    ("same text as", "delete one of the copies"),
    ("near-duplicate", "keep both if both outlets matter; otherwise delete one"),
    ("damaged characters", "re-save the article as UTF-8 from its original source"),
    ("UTF-8", "re-save the file as UTF-8"),
    ("decoded as", "re-save the file as UTF-8"),
    ("no article text", "check that the file holds the article and not only page furniture"),
    ("is not a date", "write dates as YYYY-MM-DD"),
    ("must be", "correct the type of that metadata value"),
    ("not analysed", "if it is in fact English, say so: 'language: en' in its front matter or .jsonl line, "
                     "or a first line 'Language: en' in a text file"),
    ("not a language code", "write an ISO 639 code such as en or fr, or an English name such as French"),
)


def skip_notes(skipped: Iterable[Skipped]) -> list[tuple[str, str]]:
    """(where, reason) of each skipped input; the files skipped because HTML support is missing share one note."""
    notes: list[tuple[str, str]] = []
    no_html = [s.path for s in skipped if s.reason.startswith(HTML_MISSING)]
    reason = next((s.reason for s in skipped if s.reason.startswith(HTML_MISSING)), "")
    for s in skipped:
        if not s.reason.startswith(HTML_MISSING):
            notes.append((f"{s.path}:{s.line}" if s.line else s.path, s.reason))
        elif s.path == no_html[0]:
            shown = ", ".join(no_html[:3]) + (f" and {len(no_html) - 3} more" if len(no_html) > 3 else "")
            notes.append((shown, reason))
    return notes


def fix_for(reason: str) -> str | None:
    """The suggested fix for a skip reason or an article warning."""
    return next((fix for phrase, fix in FIXES if phrase in reason), None)


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing the user should fix: what, where (file:line) and how."""

    where: str
    what: str
    fix: str | None = None
    error: bool = False


@dataclass
class CheckReport:
    """Everything `check` found: problems, and the articles as cleaning sees them."""

    problems: list[Problem] = field(default_factory=list)
    articles: tuple[Article, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    ignored: tuple[str, ...] = ()
    settings: Settings | None = None

    @property
    def errors(self) -> int:
        """Problems that stop a build (invalid settings, missing content folder)."""
        return sum(1 for p in self.problems if p.error)


def _config_problem(exc: ConfigError) -> Problem:
    return Problem(exc.where or "settings", exc.what, exc.fix, error=True)


def check(project_dir: Path | None = None, config_file: Path | None = None, **overrides: Any) -> CheckReport:
    """Validate settings, the project's boilerplate rules and every article; never raises for bad input."""
    report = CheckReport()
    try:
        settings = load_settings(project_dir, config_file, **overrides)
    except ConfigError as exc:
        report.problems.append(_config_problem(exc))
        # go on with the defaults, so the corpus is checked in the same run
        settings = Settings(
            project_dir=(project_dir or Path.cwd()).resolve(),
            **{k: v for k, v in overrides.items() if v is not None and k in Settings.model_fields},
        )
    report.settings = settings
    rules: Rules
    try:
        rules = load_rules(settings.site_config / PROJECT_FILE)
    except ConfigError as exc:
        report.problems.append(_config_problem(exc))
        rules = load_rules(None)
    folder = settings.site_config
    for read_words in (lambda: load_user_data(folder), lambda: load_overrides(folder / "actors.yml")):
        try:
            read_words()  # the project's word lists and actor overrides
        except ConfigError as exc:
            report.problems.append(_config_problem(exc))
    if not settings.content.is_dir():
        report.problems.append(
            Problem(str(settings.content), "content folder not found", "create it or pass --content DIR", True)
        )
        return report
    corpus = read_corpus(settings, rules=rules)
    report.articles, report.skipped, report.ignored = corpus.articles, corpus.skipped, corpus.ignored
    for where, reason in skip_notes(corpus.skipped):
        report.problems.append(Problem(where, f"skipped: {reason}", fix_for(reason)))
    for article in corpus.articles:
        for warning in article.warnings:
            report.problems.append(Problem(article.path, warning, fix_for(warning)))
    if not corpus.articles:
        from briefgen.build import no_articles

        report.problems.append(Problem(str(settings.content), no_articles(settings, corpus), "add articles"))
    for note in languages_of(corpus.articles).warnings:
        path, _, what = note.partition(": ")
        report.problems.append(Problem(path, what, fix_for(what)))
    return report


@dataclass(frozen=True, slots=True)
class Finding:
    """Something the analysis could not settle: an unattributed quote or an alias shared by actors."""

    where: str
    what: str


def analysis_findings(settings: Settings) -> list[Finding]:
    """Run the extractor (no site) and list what analysis warned about, unattributed quotes and aliases that
    name several actors."""
    from briefgen.build import extract

    briefing, articles, report = extract(settings)
    paths = {source.id: source.path for source in briefing.sources}
    reading = {f"{a.path}: {w}" for a in articles for w in a.warnings}  # check lists these already
    findings = [  # analysis failures, time budgets, look-alike names
        Finding(*w.split(": ", 1)) for w in report.warnings if w not in reading and ": " in w
    ]
    findings += [
        Finding(f"{paths.get(q.source, q.source)} ¶{q.paragraph}", f"unattributed {q.kind} quote: “{q.text}”")
        for q in briefing.quotes
        if q.speaker is None and not q.speaker_text  # a nameless source as written ("U.S. officials") is no gap
    ]
    owners: dict[str, list[str]] = {}
    for actor in briefing.actors:
        for alias in {actor.name, *actor.aliases}:
            owners.setdefault(alias, []).append(actor.name)
    findings += [
        Finding("actors", f"ambiguous name '{alias}' is used for: {', '.join(sorted(names))}")
        for alias, names in sorted(owners.items())
        if len(names) > 1
    ]
    return findings
