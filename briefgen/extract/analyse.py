"""The per-article map: Article -> Analysis. Pure, so it can be cached and run in parallel."""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from briefgen.extract.actors import local_actors_of
from briefgen.extract.display import predicate, sentence_bounds, without_joiner
from briefgen.extract.quotes import find_quotes
from briefgen.extract.stance import fragment_span, fragment_start, frame_stance, gate, own_side, stance_of
from briefgen.records import Analysis, Article, LocalActor, LocalQuote

ARTICLE_SECONDS = 60.0  # time budget of one article's analysis (a 5 MB article takes a few seconds)


class OverBudget(Exception):
    """An article's analysis ran out of its time budget."""


@contextmanager
def time_budget(seconds: float) -> Iterator[None]:
    """Raise OverBudget in the block after ``seconds`` (SIGALRM: main thread of a POSIX process only)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return
    if signal.getitimer(signal.ITIMER_REAL)[0] > 0:  # someone else's alarm is set: leave it alone
        yield
        return

    def expire(signum: int, frame: object) -> None:
        raise OverBudget(f"analysis took more than its time budget of {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def analyse_article(article: Article) -> Analysis:
    """Actors and quotes of one article, from its text and paragraph spans."""
    spans = [(p.start, p.end) for p in article.paragraphs] or [(0, len(article.text))]
    numbered = [(p.number, p.start, p.end) for p in article.paragraphs] or [(1, 0, len(article.text))]
    actors = local_actors_of(article.text, spans)
    quotes = shown_and_read(tuple(find_quotes(article.text, numbered, actors)), article, actors.actors)
    return Analysis(article=article, actors=actors.actors, quotes=tuple(gate(q) for q in held_stances(quotes)))


def held_stances(quotes: tuple[LocalQuote, ...]) -> tuple[LocalQuote, ...]:
    """A statement with no stance of its own takes the stance of a partial quote it holds (pages show the
    statement in the quote's place: "said the plan was “reckless” and would fail"); a nameless source's
    statement ("U.S. officials said ...") takes none: stances are actors'."""
    if any(q.speaker_text for q in quotes):
        quotes = tuple(replace(q, stance=None, target=None, stance_rule="") if q.speaker_text else q for q in quotes)
    if not any(q.contains for q in quotes):
        return quotes
    labelled = {q.start: q for q in quotes if q.kind == "partial" and q.stance and q.target}
    out = []
    for q in quotes:
        held = next((labelled[c] for c in q.contains if c in labelled), None) if q.stance is None else None
        if held is not None:
            q = replace(q, stance=held.stance, target=held.target, stance_rule=held.stance_rule)
        out.append(q)
    return tuple(out)


def shown_and_read(
    quotes: tuple[LocalQuote, ...], article: Article, actors: tuple[LocalActor, ...] = ()
) -> tuple[LocalQuote, ...]:
    """Quotes with how they are shown (reporting verb kept) and the stance they state, with its target
    (a stance verb after a name of the speaker's own side counts as the speaker's: ``own_side``)."""
    out = []
    by_key = {a.key: a for a in actors}
    for q in quotes:
        shown, verb = predicate(q, article)
        said = q.text if q.kind == "direct" else without_joiner(shown or q.text, q.kind)  # as stance_text
        a = by_key.get(q.speaker or "")
        own = own_side(a.country, a.affiliation, a.roles, a.kind, a.name) if a else ()
        found = stance_of(said, q.cue, q.kind != "direct", own, fragment_start(said, q.text, q.kind))
        if q.kind == "partial":  # shown with the rest of its clause; the stance is read from the fragment
            shown = predicate(q, article, whole=True)[0]
            whole = without_joiner(shown, q.kind)
            span = fragment_span(whole, q.text)
            if found is None and whole != said and span is not None:  # "would \u201cno longer tolerate\u201d X"
                found = stance_of(whole, q.cue, True, own, 0, span)
        if found is None and a is not None and 0 <= q.start <= len(article.text):
            lead = article.text[sentence_bounds(article.text, q.start, q.end)[0] : q.start]
            found = frame_stance(lead, q.cue, _name_words(a))
        out.append(replace(q, display=shown, verb=verb, stance=found.stance if found else None,
                           target=found.target if found else None, stance_rule=found.rule if found else ""))
    return tuple(out)


def _name_words(actor: LocalActor) -> tuple[str, ...]:
    """Lower-case words of an actor's name and aliases (the subject of a frame verb must hold one)."""
    return tuple(sorted({w.lower() for n in (actor.name, *actor.aliases) for w in n.split() if len(w) > 2}))


def analyse_doc(doc: Doc, article: Article) -> Analysis:
    """Actors and quotes of one article (the rules work on the text; the Doc is kept for the contract)."""
    del doc
    return analyse_article(article)


def analyse(nlp: Language, article: Article) -> Analysis:
    """Analyse one article."""
    return analyse_doc(nlp.make_doc(article.text), article)


def analyse_many(nlp: Language, articles: Iterable[Article], batch_size: int = 32) -> Iterator[Analysis]:
    """Analyse articles in order, streaming."""
    del nlp, batch_size
    for article in articles:
        yield analyse_isolated(article)


def analyse_isolated(article: Article, seconds: float | None = None) -> Analysis:
    """``analyse_article`` within a time budget; a failure or overrun gives an empty analysis with a warning."""
    try:
        with time_budget(ARTICLE_SECONDS if seconds is None else seconds):
            return analyse_article(article)
    except OverBudget as exc:
        why = f"not analysed: {exc}; no quotes taken from it"
    except Exception as exc:
        why = f"cannot analyse article ({type(exc).__name__}: {exc}); no quotes taken from it"
    return Analysis(article=article, actors=(), quotes=(), warnings=(why,))
