"""The language of each article: the one it states, else py3langid's; only the analysed language is analysed."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from briefgen.records import Analysis, Article

Identify = Callable[[str], tuple[str, float]]

_WORD = re.compile(r"[^\W\d_]+")
_SUBTAG = re.compile(r"[-_]")


@dataclass(frozen=True, slots=True)
class LanguageRules:
    """Settings of language detection, from ``briefgen/data/languages.yml``."""

    analysed: str
    english_words: frozenset[str]
    english_share: float
    english_chars: int
    min_words: int
    min_confidence: float
    sample_chars: int


@dataclass(frozen=True, slots=True)
class Languages:
    """The language of every article of a corpus, the ones not analysed, and what to tell the user."""

    codes: Mapping[str, str | None]  # article path -> language code; None: unknown, analysed
    foreign: frozenset[str]  # paths of the articles in another language than the analysed one
    warnings: tuple[str, ...] = ()

    def to_analyse(self, articles: Sequence[Article]) -> list[Article]:
        """The articles in the analysed language (or of unknown language), in order."""
        return [a for a in articles if a.path not in self.foreign]

    def fill(self, analyses: Sequence[Analysis], articles: Sequence[Article]) -> list[Analysis]:
        """One analysis per article, in order: an empty one for each article that was not analysed."""
        done = {a.article.path: a for a in analyses if a.article.path not in self.foreign}
        return [done.get(a.path) or Analysis(article=a, actors=(), quotes=()) for a in articles]


@lru_cache(maxsize=1)
def load_language_rules() -> LanguageRules:
    """The packaged detection settings."""
    data: dict[str, Any] = yaml.load(
        resources.files("briefgen.data").joinpath("languages.yml").read_text(encoding="utf-8"),
        Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader),  # libyaml when PyYAML has it: the same data
    )
    english = data["english"]
    if not all(isinstance(word, str) for word in english["words"]):
        raise ValueError("languages.yml: every english word must be a string (quote on, no and yes)")
    return LanguageRules(
        analysed=str(data["analysed"]),
        english_words=frozenset(w.casefold() for w in english["words"]),
        english_share=float(english["share"]),
        english_chars=int(english["chars"]),
        min_words=int(data["min_words"]),
        min_confidence=float(data["min_confidence"]),
        sample_chars=int(data["sample_chars"]),
    )


@lru_cache(maxsize=1)
def identifier() -> Identify:
    """py3langid's classifier with probabilities (its model is loaded once per process, on first use)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)

    def classify(text: str) -> tuple[str, float]:
        code, probability = model.classify(text)
        return str(code), float(probability)

    return classify


@lru_cache(maxsize=256)
def normalise(value: str) -> str | None:
    """The ISO 639-1 code (639-3 when there is none) of a stated language: 'en-GB' -> 'en', 'French' -> 'fr'."""
    import pycountry

    text = value.strip()
    head = _SUBTAG.split(text, maxsplit=1)[0].casefold()
    found: Any = None
    if len(head) == 2:
        found = pycountry.languages.get(alpha_2=head)
    elif len(head) == 3:
        found = pycountry.languages.get(alpha_3=head) or pycountry.languages.get(bibliographic=head)
    if found is None:
        try:
            found = pycountry.languages.lookup(text)
        except LookupError:
            return None
    return str(getattr(found, "alpha_2", None) or found.alpha_3)


@lru_cache(maxsize=256)
def language_name(code: str) -> str:
    """The English name of a language code ('fr' -> 'French'); the code itself when unknown."""
    import pycountry

    found = pycountry.languages.get(alpha_2=code) if len(code) == 2 else pycountry.languages.get(alpha_3=code)
    name = str(found.name) if found is not None else code
    return name.split(" (", 1)[0]  # "Modern Greek (1453-)" -> "Modern Greek"


def foreign_language(code: str | None) -> str:
    """The name of a source's language when it is not the analysed one (a template filter); '' otherwise."""
    return language_name(code) if code and code != load_language_rules().analysed else ""


def detect(text: str, rules: LanguageRules, identify: Identify | None = None) -> str | None:
    """The language of a text, or None when unsure (too short, or the identifier below its confidence)."""
    words = _WORD.findall(text[: rules.english_chars].casefold())
    english = sum(1 for w in words if w in rules.english_words)
    if words and english >= rules.english_share * len(words):
        return "en"  # plainly English: no need to load the identifier
    sample = text[: rules.sample_chars]
    if len(words) < rules.min_words and len(_WORD.findall(sample)) < rules.min_words:
        return None
    code, probability = (identify or identifier())(sample)
    return code if probability >= rules.min_confidence else None


def not_analysed(path: str, code: str) -> str:
    """The warning for an article that is listed but not analysed."""
    return f"{path}: written in {language_name(code)} ({code}); listed as a source, not analysed"


def languages_of(
    articles: Sequence[Article], rules: LanguageRules | None = None, identify: Identify | None = None
) -> Languages:
    """Each article's language (stated, else detected) and the articles not analysed, with a warning each."""
    rules = rules or load_language_rules()
    codes: dict[str, str | None] = {}
    warnings: list[str] = []
    for article in articles:
        code = normalise(article.language) if article.language else None
        if article.language and code is None:
            warnings.append(
                f"{article.path}: language {article.language!r} is not a language code or English name; "
                "detected from the text instead"
            )
        if code is None:
            code = detect(article.text, rules, identify)
        codes[article.path] = code
        if code is not None and code != rules.analysed:
            warnings.append(not_analysed(article.path, code))
    foreign = frozenset(path for path, code in codes.items() if code is not None and code != rules.analysed)
    return Languages(codes, foreign, tuple(warnings))
