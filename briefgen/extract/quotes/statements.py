"""Reported statements (indirect speech) of one sentence: cues, sources, views, stances."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import islice

from briefgen.extract.lexicon import Lexicon, lexicon, load_data
from briefgen.extract.quotes.around import around_partial, next_report
from briefgen.extract.quotes.cues import Cue, _clause_only_cues, _noun_use, _quote_only_cues, _view_cores
from briefgen.extract.quotes.findings import finding_statements
from briefgen.extract.quotes.marks import MAX_QUOTE_CHARS, QSpan, _trim
from briefgen.extract.quotes.nameless import nameless_source
from briefgen.extract.quotes.orgref import org_antecedent
from briefgen.extract.quotes.patterns import _ABBREV_DOT, _AUXILIARIES, _NEXT_WORD, _STOP_MARK, _WORD
from briefgen.extract.quotes.rules import alternation, words
from briefgen.extract.quotes.sources import _source_statements
from briefgen.extract.quotes.speakers import _GOVERNS_CLAUSE, _coordinated, _new_clause, _speaker_for_cue
from briefgen.extract.quotes.subjects import Attributor
from briefgen.records import LocalQuote, Mention

# two [\w’'-]+ runs: a word character, a separator, a word character
_TWO_WORDS = re.compile(r"[\w’'-][^\w’'-]+[\w’'-]")
_PAIR = re.compile(r"\b(?:[Tt]he two|[Bb]oth)(?: " + alternation("statement.pair", "pair_nouns") + r")?\s+$")
_THAT = re.compile(r"\bthat\b")
_THAT_SOON = re.compile(r"(?:\s+[\w’'.-]+){0,4}?\s+that\b")
_ASIDE_PREPOSITION = re.compile(r"\s+" + alternation("statement.cue", "aside_after") + r"\b")
_NO_REPLY_LEMMAS = words("statement.cue", "no_reply")
_BY = re.compile(r"\s+by\s+")
_PASSIVE_AUX = re.compile(r"\b(?:was|were|is|are|been|being)\s+$")
# an initial inside a name: "J." of "Donald J. Trump"
_INITIAL_DOT = re.compile(r"(?<=\s[A-Z])\.(?=\s)")
_FINDING_HINT = re.compile(
    r"\b(?:[Ss]how|[Ff]ound\b|[Ff]ind|[Ss]uggest|[Ii]ndicat|[Rr]eveal|[Cc]onclud)|^\s*In\s+(?:an?|the|another)\s"
)
# a sentence opening with a passive participle clause: "Accused of corruption, ...", "Criticised by unions, ..."
_PASSIVE_OPENER = re.compile(r"[A-Z][a-z]+ed\s+(?:of|by|over|about|for|with|at|in|on)\b[^.;:“”\"]{0,80},")
_STATEMENT_BREAK = re.compile(r",\s+(?:and|but|while|whereas)\s+|;\s+")


def _tidy_statements(text: str, found: list[LocalQuote]) -> list[LocalQuote]:
    """Keep reported statements of one sentence from swallowing each other.

    A statement nested inside another one ("said it would be better if X had not given what he called
    concessions") is part of the outer report, not a report of its own; a statement whose clause runs on
    into someone else's quote or statement ("criticised X, and French minister Y warned against “…”")
    ends at the last clause break before it.
    """
    indirect = [q for q in found if q.kind == "indirect"]
    if not indirect:
        return found  # only quotes: nothing to tidy
    kept: list[LocalQuote] = []
    for q in found:
        if q.kind == "indirect" and any(
            o is not q and o.start <= q.start and q.end <= o.end and (o.start, o.end) != (q.start, q.end)
            for o in indirect
        ):
            continue
        if q.kind == "indirect":
            later = [o.start for o in found if o.speaker != q.speaker and q.start < o.start < q.end]
            if later:
                breaks = [m.start() for m in _STATEMENT_BREAK.finditer(text, q.start, min(later))]
                if breaks:
                    a, b = _trim(text, q.start, breaks[-1])
                    if b - a >= 3:
                        q = replace(q, text=text[a:b], start=a, end=b, contains=tuple(c for c in q.contains if c < b))
        kept.append(q)
    return kept


_TITLE_WORD = re.compile(r"\s+[A-Z][\w’'-]*")
_FIRST_WORD = re.compile(r"[\s,]*([\w’'-]+)")
_CLAUSE_OPENERS = frozenset({"the", "a", "an", "this", "these", "those", "his", "her", "their", "its", "our", "my"})


@lru_cache(maxsize=1)
def _trailing_adjuncts() -> frozenset[str]:
    """Words that may follow a trailing cue ("..., X said on Monday."): prepositions, times (cues.yml)."""
    return frozenset(str(w) for w in load_data("cues.yml").get("trailing_adjuncts", []))


_TELL = frozenset({"told", "tell", "tells", "telling"})
# after a trailing cue: ", adding, “…”" / ", adding: “…”" (the speaker's next words in marks)
_ADDING_QUOTE = re.compile(r"[^,“”\"]{0,40}?(,\s+(?:adding|noting|explaining)[,:]?\s+[“\"])")
# a sentence opening with a participle or "when": "Asked about it, X said, adding …" has no clause before X
_OPENING_PARTICIPLE = re.compile(r"\s*(?:[A-Z][a-z]+(?:ed|ing)|When|While)\b")
# verbs whose listener comes before the reported clause: "told reporters ...", "reminded voters ..."
_LISTENER_VERBS = frozenset({"tell", "remind", "assure", "inform"})
# a preposition right after a cue that needs a clause: "hinted at that", "bragged about it"
_PREPOSITION_NEXT = re.compile(r"\s+(?:at|about|on|of|over|with|for)\b")


def _clause_follows(lex: Lexicon, rest: str, cue: str = "") -> bool:
    """Whether the words after a cue are its reported clause ("said he would not") rather than an adjunct."""
    m = _FIRST_WORD.match(rest)
    if m is None:
        return False
    word = m.group(1)
    low = word.lower()
    if cue.lower() in _TELL and low in _CLAUSE_OPENERS:
        return False  # "..., she told a news conference", "told his supporters at a rally": the listener
    if word[:1].isupper() and low not in _CLAUSE_OPENERS:
        return False  # "..., said Mark Jones", "..., X said Monday", "..., X told CNN"
    if low in _CLAUSE_OPENERS:
        later = rest[m.end() :].split()
        if later and all(w[:1].isupper() or w.lower() in lex.listeners for w in later):
            return False  # "..., she told the BBC", "..., he told the Associated Press"
    if low in _trailing_adjuncts() or low in lex.adverbs:
        return False
    return not (low in lex.listeners and low not in _CLAUSE_OPENERS)  # "..., she told reporters."


# after a trailing cue, a question word: "did not say when" reports no clause, neither before nor after it
_WH_NEXT = re.compile(r"\s+(?:when|whether|why|how|what|who|where|if)\b")
_NOT_BEFORE = re.compile(r"(?:\b(?:not|never)|n[’']t|\b(?:declined|refused|declining|refusing)\s+to)\s+$")
_CLOSING_MARKS = frozenset("”\"’")


def _trailing_attribution(att: Attributor, text: str, sent: tuple[int, int], start: int, end: int) -> int | None:
    """For "CLAUSE, X said (in ...)." the end of CLAUSE; None when the cue starts the report."""
    rest = text[end : sent[1]]
    adding = _ADDING_QUOTE.match(rest)
    if adding is not None and not _OPENING_PARTICIPLE.match(text, sent[0]):
        rest = rest[: adding.start(1)]  # "CLAUSE, X said, adding, “…”": the quote is X's next words
    if ("that" in rest and _THAT.search(rest)) or len(rest.split()) > 6 or '"' in rest or "“" in rest:
        return None
    if _clause_follows(att.lex, rest, text[start:end]):
        return None  # "Asked about X, Reid said he would not.": the cue's own clause follows it
    if _WH_NEXT.match(rest) or _NOT_BEFORE.search(text, max(sent[0], start - 24), start):
        return None  # "..., but Brown did not say when": no report, nor of the clause before
    comma = text.rfind(",", sent[0], start)
    closing = comma != -1 and text[comma + 1 : comma + 2] in _CLOSING_MARKS
    if comma != -1 and not text[comma + 1 : start].strip():
        return None  # "The body, Bawaslu, said it ...": the comma closes an apposition of the subject
    while comma > sent[0]:
        prev = text.rfind(",", sent[0], comma)
        if prev == -1 or not _TITLE_WORD.fullmatch(text, prev + 1, comma):
            break
        comma = prev  # "..., Trade, Industry and Energy Minister X said": the list belongs to the title
    if comma == -1 or len(text[sent[0] : comma].split()) < 3:
        return None
    between = text[comma + 2 if closing else comma + 1 : start]
    # the dots of an honorific or an initial are no sentence end: "..., Mr. Lou said.", "..., Donald J. Trump said."
    bare = _INITIAL_DOT.sub("", _ABBREV_DOT.sub("", between)) if "." in between else between
    if (
        all(w.lower() in att.lex.adverbs for w in between.split())
        or len(between.split()) > 8
        or _STOP_MARK.search(bare)
    ):
        return None  # "X, the bloc's largest donor, welcomed ...": the comma closes an apposition, not a clause
    return comma + 2 if closing else comma  # 'The plan will “fail miserably,” X said.': the quote is in the clause


def _clause_after(text: str, cue_end: int, sent_end: int, lex: Lexicon) -> tuple[int, int]:
    """The reported clause after a cue: skip listeners up to "that", stop at the sentence end."""
    start = cue_end
    for w in islice(_WORD.finditer(text, cue_end, sent_end), 14):
        word = w.group()
        low = word.lower()
        if low == "that":
            nxt = _NEXT_WORD.match(text, w.end(), sent_end)
            if nxt is not None and nxt.group(1) in _AUXILIARIES:
                break  # "the states that had ...": a relative "that", the report starts at the cue
            start = w.end()
            break
        if low not in lex.listeners and not word[:1].isupper():
            break
    end = sent_end
    while end > start and text[end - 1] in " \n.!?;:,":
        end -= 1
    while start < end and text[start] in " ,:":
        start += 1
    return start, end


@lru_cache(maxsize=1)
def _next_verb_re() -> re.Pattern[str]:
    """Where a reported clause ends because its speaker's next reporting verb begins.

    ", adding/saying/noting ..." (a participle after a comma) and "and/but (also) said/called/asked ..."
    (an inflected verb after the conjunction; never the bare form, which mostly goes on inside the clause:
    "said they would meet and ask for talks"); a spaced dash ends it too (the writer's aside follows).
    """
    lemmas = words("statement.next_verb", "verbs")
    forms = [f for f, lemma in lexicon().cue_forms.items() if lemma in lemmas and f != lemma and " " not in f]
    ing = sorted((f for f in forms if f.endswith("ing")), key=len, reverse=True)
    past = sorted((f for f in forms if not f.endswith(("ing", "s"))), key=len, reverse=True)
    return re.compile(
        # a spaced dash: the writer's aside ("said he would run – a move that ..."), not a condition or
        # contrast of the speaker's own ("said she would resign – if the court ruled against her")
        r"\s+(?:[—–]|--?)\s+(?!(?:if|unless|but|only|provided|when|once|until|not|and|or|as)\b)"
        r"|,\s+(?:(?:while|before|then|also)\s+)?(?:" + "|".join(ing) + r")\b"
        r"|,?\s+(?:and|but)\s+(?:(?:also|then|later|has|had|have)\s+){0,2}(?:" + "|".join(past) + r")\b"
    )


def _clause_end(text: str, a: int, b: int) -> int:
    """The end of the reported clause text[a:b]: before the speaker's next reporting verb, if any, or before
    someone else's report joined by a conjunction ("said A, but Brown did not say when")."""
    for m in _next_verb_re().finditer(text, a, b):
        if len(text[a : m.start()].split()) >= 2:
            return m.start()
    for m in _other_report_re().finditer(text, a, b):
        if len(text[a : m.start()].split()) >= 2:
            return m.start()
    return b


@lru_cache(maxsize=1)
def _other_report_re() -> re.Pattern[str]:
    """A conjunction (or a semicolon), a subject of up to five words and an inflected reporting verb."""
    forms = sorted(
        (f for f, lemma in lexicon().cue_forms.items() if " " not in f and f != lemma and f[-1:] in "sd"),
        key=len, reverse=True,
    )
    bases = sorted({lemma for lemma in lexicon().cue_forms.values() if " " not in lemma}, key=len, reverse=True)
    return re.compile(
        r"(?:,?\s+(?:but|and|while|whereas)|;)\s+"
        # a subject first: "and would not reject X" goes on with the speaker's own clause
        r"(?!(?:would|will|could|should|can|may|might|must|did|does|do|had|has|have|is|are|was|were|be|also|"
        r"then|not|never|to)\b)(?:[\w’'.-]+\s+){1,5}?"
        r"(?:" + "|".join(forms) + r"|(?:not|n[’']t)\s+(?:" + "|".join(bases) + r"))\b"
    )


@lru_cache(maxsize=1)
def _main_verb_re() -> re.Pattern[str]:
    """A comma and the main clause's verb after a relative clause ("X, who said A, is now ...")."""
    cues = sorted((f for f in lexicon().cue_forms if " " not in f and f[-1:] in "sd"), key=len, reverse=True)
    return re.compile(
        r",\s+(?:[a-z]+ly\s+)?(?:is|was|are|were|has|have|had|will|would|could|can|may|might|should|must|did|"
        r"does|plans|remains|(?:is|was|does|did|has|had|wo)n[’']t|[a-z]+ed|" + "|".join(cues) + r")\b"
    )


def _relative_clause_end(text: str, a: int, b: int) -> int:
    """For "X, who said A, is now B": the end of A, where the main clause's verb follows a comma."""
    m = _main_verb_re().search(text, a, b)
    return m.start() if m is not None else b


_CLAUSE_START = re.compile(
    r"(?:he|she|they|we|i|it|there|the|a|an|his|her|their|its|this|these|those|no|to)\b|[\w’'-]+[’']s\b", re.I
)


def _after_listener(text: str, a: int, b: int, lex: Lexicon) -> int:
    """For "told reporters she would ...", "told the BBC the plan ...": the clause after the listener."""
    pos = a
    words = list(islice(_WORD.finditer(text, a, b), 6))
    for i, w in enumerate(words):
        word = w.group()
        if i == 0 and word.lower() in _CLAUSE_OPENERS:
            continue  # "the" of "the BBC"
        if not (word[:1].isupper() or word.lower() in lex.listeners) or word.lower() in _CLAUSE_OPENERS:
            break
        pos = w.end()
    if pos == a or not _CLAUSE_START.match(text, pos + 1):
        return a  # no listener, or no clause right after it ("told Congress about ...")
    return pos + 1


# "the decision", "its plan": a determiner and one word, an object rather than reported content
_BARE_OBJECT = re.compile(r"(?:the|a|an|its|their|his|her|this|that)\s+[\w’'-]+", re.IGNORECASE)
_NEGATED = re.compile(r"\b(?:not|never|n[’']t)\s+(?:\w+\s+)?$")
_REQUEST_FOR = re.compile(r"\s+(?:[\w’'.-]+\s+){1,6}?for\s")
_AUX_BEFORE = re.compile(r"\b(?:is|are|was|were|be|been|being)\s+(?:\w+\s+)?$")


def _no_report(text: str, lemma: str | None, cs: int, ce: int, s0: int, s1: int) -> bool:
    """Cues that report nothing: "did not respond to a request", "is expected to", "asked X for help"."""
    before = text[max(s0, cs - 20) : cs]
    if lemma in _NO_REPLY_LEMMAS and (
        _NEGATED.search(before) or text.startswith((" to a request", " to requests"), ce)
    ):
        return True  # "did not respond to a request for comment"
    if lemma == "expect" and _AUX_BEFORE.search(before) and not text.startswith(" by ", ce):
        return True  # "the bank is expected to cut": a forecast by nobody named
    if lemma == "ask":
        m = _REQUEST_FOR.match(text, ce, s1)
        if m is not None and not re.search(r"\b(?:whether|if|why|how|what|that)\b", text[ce : m.end()]):
            return True  # "asked the government for aid": a request, not speech
    return False


@dataclass(slots=True)
class _Sentence:
    """One sentence being read for reported statements, and the statements found in it so far."""

    att: Attributor
    text: str
    sent: tuple[int, int]
    number: int
    quoted: dict[str, list[QSpan]]  # speaker -> their quotes in this sentence
    marks: list[QSpan]  # every quote in this sentence, whoever's
    emitted: dict[str | None, int] = field(default_factory=dict)  # speaker -> end of their last statement
    out: list[LocalQuote] = field(default_factory=list)

    def emit(
        self, speaker: str | None, cue: str, a: int, b: int, rule: str, around: Cue | None = None,
        source: str | None = None,
    ) -> None:
        """Add the statement text[a:b] of a speaker, unless the speaker is unknown or already reported there.

        A speaker's second statement in the sentence is kept when it follows the first one's clause
        ("X said A, adding B"): the first ends where the next reporting verb begins (``_clause_end``).
        With ``around`` (the cue, when it is a partial quote's), the clause may hold the speaker's partial
        quotes ("said the plan was “dead on arrival” and would fail"): it is a statement of its own, which
        names the partial quotes it contains (``around.around_partial``). A nameless source ("U.S. officials")
        has no speaker: its statement keeps the ``source`` as written.
        """
        text = self.text
        if speaker is None and source is None:
            return
        a, b = _trim(text, a, b)
        b = _clause_end(text, a, b)
        while b > a and text[b - 1] in ".;:, ":
            b -= 1
        held = self._holding(speaker, a, b, around)
        if held is None:
            return
        b, contains = held
        if contains and rule.startswith(("statement.cue.", "statement.trailing_cue.")):
            rule = "statement.around_partial." + rule.rsplit(".", 1)[1]
        # around the speaker's partial quote: a later clause of theirs is no next statement
        key = (speaker if speaker is not None else "\x00" + str(source)) + ("\x01" if contains else "")
        if key in self.emitted:
            if a < self.emitted[key] or not rule.startswith(("statement.cue.", "statement.around_partial.")):
                return
            if not contains:
                rule = "statement.next_verb"
        if b - a > MAX_QUOTE_CHARS or not _TWO_WORDS.search(text, a, b):
            return  # fewer than two words
        if _BARE_OBJECT.fullmatch(text, a, b):
            return  # "welcomed the agreement": an object, no reported content
        self.emitted[key] = b
        self.out.append(
            LocalQuote(
                text[a:b], a, b, "indirect", speaker, cue, self.number, self.sent[0], self.sent[1], rule=rule,
                contains=contains, speaker_text=source,
            )
        )


    def _holding(
        self, speaker: str | None, a: int, b: int, around: Cue | None
    ) -> tuple[int, tuple[int, ...]] | None:
        """The end of the statement text[a:b] and the speaker's partial quotes it holds; None when a quote of
        theirs says it. The clause ends where the speaker's next report begins (", telling X that “…”")."""
        mine = self.quoted.get(speaker, ()) if speaker is not None else [q for q in self.marks if q.speaker is None]
        own = [q for q in mine if q.ms < b and a < q.me]
        if own and speaker is not None:
            cut = next_report(self.att, self.sent, a, min(q.ms for q in own), speaker)
            if cut is not None and _TWO_WORDS.search(self.text, a, cut):
                b = cut
                own = [q for q in own if q.ms < b]
        if not own:
            return b, ()
        if around is None:
            return None  # the speaker's own quote says it
        return around_partial(self.att, self.marks, around, self.sent, a, b, own)


def _statements(
    att: Attributor,
    text: str,
    sent: tuple[int, int],
    number: int,
    quotes: list[QSpan],
    used: set[int],
    source_re: re.Pattern[str],
    view_re: re.Pattern[str],
    stance_re: re.Pattern[str],
) -> list[LocalQuote]:
    """The reported statements of one sentence, in the order the rules find them."""
    sent_cues = att.cues(sent[0], sent[1])
    sent_text = text[sent[0] : sent[1]]
    flags = att.frame_flags
    finding = _FINDING_HINT.search(sent_text) is not None  # "a poll shows", "the study found"
    if not sent_cues and not any(flags) and not finding and "’s " not in sent_text and "'s " not in sent_text:
        return []  # nothing in this sentence can report speech
    has_source, has_view, has_stance = _frames_in(att, sent, sent_text)
    possessors = att.possessors_in(sent[0], sent[1])
    if not (sent_cues or has_source or has_view or has_stance or possessors or finding):
        return []  # no cue, no source, view or stance frame, no "X's statement": nothing to report
    quoted: dict[str, list[QSpan]] = {}
    marks = [q for q in quotes if sent[0] <= q.ms < sent[1]]
    for q in marks:
        if q.speaker:
            quoted.setdefault(q.speaker, []).append(q)
    st = _Sentence(att, text, sent, number, quoted, marks)
    if has_source:
        _source_statements(st, source_re)
    if has_view:
        _view_statements(st, view_re)
    if has_stance:
        _stance_statements(st, stance_re)
    _possessor_statements(st, possessors)
    _cue_statements(st, sent_cues, used)
    if finding:
        finding_statements(st)
    return st.out


def _frames_in(att: Attributor, sent: tuple[int, int], sent_text: str) -> tuple[bool, bool, bool]:
    """Whether a sentence may hold a source ("according to"), view ("in X's view") or stance frame."""
    flags = att.frame_flags
    sent_low = att.low[sent[0] : sent[1]] if att.low_aligned else sent_text.lower()
    # the source cores first: mostly none occurs in the article, and rarely one in a sentence
    has_source = (
        att.source_frames
        and any(core in sent_low for core in att.source_cores)
        and any(w in sent_low for w in att.source_words)
    )
    # a view frame ends in a comma, and its words leave pieces in the lower-cased sentence
    has_view = (
        flags[1]
        and ("’s" in sent_text or "'s" in sent_text)
        and "," in sent_text
        and any(all(p in sent_low for p in pieces) for pieces in _view_cores(att.lex))
    )
    has_stance = flags[2] and any(adj in sent_low for adj in att.stance_words)
    return bool(has_source), bool(has_view), bool(has_stance)


def _view_statements(st: _Sentence, view_re: re.Pattern[str]) -> None:
    """"In X's view, ..."."""
    att, sent = st.att, st.sent
    for m in view_re.finditer(st.text, sent[0], sent[1]):
        ms = att.mentions_in(m.start(), m.end())
        if ms and not att.in_quote(m.start()):
            st.emit(att.speaker_of(ms[0], sent), "view", m.end(), sent[1], "statement.view_frame")


def _stance_statements(st: _Sentence, stance_re: re.Pattern[str]) -> None:
    """"X is opposed to ...", "X is in favour of ..."."""
    att, sent = st.att, st.sent
    for m in stance_re.finditer(st.text, sent[0], sent[1]):
        found, spk = att.subject_before(m.start() + 1, sent)
        if found and not att.in_quote(m.start()):
            st.emit(spk, m.group().strip().lower(), m.end(), sent[1], "statement.stance_frame")


# reporting nouns after a possessor that name a stance or a phrase rather than report what was said
_NOT_REPORTING_AFTER_POSSESSOR = words("statement.possessor_noun", "not_reporting")


def _possessor_statements(st: _Sentence, possessors: list[Mention]) -> None:
    """A possessor and a reporting noun: "Trump's announcement that ..."."""
    att, text, sent = st.att, st.text, st.sent
    lex = att.lex
    for mention in possessors:
        words = text[mention.end + 3 : mention.end + 40].split()[:2]
        for w in words:
            w = w.strip(",.;:")
            if w.lower() in lex.cue_nouns and w.lower() not in _NOT_REPORTING_AFTER_POSSESSOR:
                cue_pos = text.find(w, mention.end)
                tail = text[cue_pos + len(w) : cue_pos + len(w) + 6].lstrip()
                if not tail.startswith(("of ", "that ", "to ")):
                    break  # "X's comments came after ...": no reported content follows
                a, b = _clause_after(text, cue_pos + len(w), sent[1], lex)
                if tail.startswith("of "):
                    a = cue_pos + len(w) + text[cue_pos + len(w) :].index("of ") + 3
                st.emit(att.speaker_of(mention, sent), w.lower(), a, b, "statement.possessor_noun")
                break


def _cue_statements(st: _Sentence, sent_cues: list[Cue], used: set[int]) -> None:
    """Reporting verbs: "X said (that) ...", "..., X said.", "the two agreed ...", "was told by X"."""
    att, text = st.att, st.text
    s0 = st.sent[0]
    clause_from = -1  # inside the "that" clause of an earlier cue, a verb reports nothing new
    for c in sent_cues:
        cs, ce = c.s, c.e
        if att.in_quote(cs):
            continue
        if (
            clause_from >= 0
            and cs > clause_from
            and not _coordinated(text[s0 if cs - 20 < s0 else cs - 20 : cs])
            and not _new_clause(att, text, clause_from, cs, st.sent)
        ):
            continue
        if clause_from < 0:
            window = text[ce : ce + 50]
            that = _THAT_SOON.match(window) if "that" in window else None
            if that:
                clause_from = ce + that.end()
        if cs in used:
            if clause_from < 0:
                clause_from = ce  # the cue of a quote: its reported clause follows
            if any(q.kind == "partial" for qs in st.quoted.values() for q in qs):
                _cue_statement(st, c, around=True)  # "said the plan was “dead on arrival” and would fail"
            continue
        if _cue_statement(st, c) and clause_from < 0:
            clause_from = ce  # "X said Y expected ...": later verbs belong to X's reported clause


def _reports_nothing(st: _Sentence, c: Cue) -> bool:
    """Cue uses that report no statement: nouns, possessives, verbs without a clause or only for quotes."""
    text, (s0, s1) = st.text, st.sent
    cs, ce = c.s, c.e
    if text.startswith(("’s", "'s"), ce):
        return True
    if _noun_use(text, cs, s0):
        return True  # a noun ("the report", "her post"), not a verb
    lemma = st.att.lex.cue_forms.get(c.surface.lower())
    if lemma in _clause_only_cues() and (
        not _GOVERNS_CLAUSE.match(text, ce, s1) or _PREPOSITION_NEXT.match(text, ce, s1)
    ):
        return True  # "appealed to the court", "hinted at that": an object, no reported clause
    if lemma in _quote_only_cues():
        return True  # "X continued to rise": only a quote's cue
    if _particle_without_clause(text, ce, s1):
        return True  # "joked around with reporters": a particle verb, no reported clause
    if (
        lemma in _open_question_verbs()
        and _WH_NEXT.match(text, ce, s1)
        and _NOT_BEFORE.search(text, max(s0, cs - 24), cs)
    ):
        return True  # "She did not say whether the motion had support": an open question, nothing stated
    return _no_report(text, lemma, cs, ce, s0, s1)

@lru_cache(maxsize=1)
def _open_question_verbs() -> frozenset[str]:
    """Cue lemmas whose negation before a wh-word leaves a question open ("did not say whether"): cues.yml."""
    return frozenset(str(w) for w in load_data("cues.yml").get("open_question_verbs", []))


@lru_cache(maxsize=1)
def _particle_re() -> re.Pattern[str]:
    """An adverbial particle right after a cue ("joked around", "writes back"), and a "that" soon after it."""
    particles = "|".join(re.escape(str(w)) for w in load_data("cues.yml").get("particles", []))
    # not before a number or a preposition: "said up to ten", "said around 200 people", "said out of caution"
    return re.compile(
        r"\s+(?:" + particles + r")(?![\w’'-])(?!\s+(?:\d|to\b|of\b|from\b|than\b|\$))"
        r"(?P<that>(?:\s+[\w’'.-]+){0,4}?\s+that\b)?",
        re.IGNORECASE,
    )


def _particle_without_clause(text: str, ce: int, s1: int) -> bool:
    """Whether a cue is followed by a particle that no "that" clause follows ("joked around with them")."""
    m = _particle_re().match(text, ce, s1)
    return m is not None and m.group("that") is None


def _after_particle(text: str, ce: int, s1: int) -> int:
    """For "writes back that CLAUSE": the offset after "that"; the cue's end when no particle follows it."""
    m = _particle_re().match(text, ce, s1)
    return m.end() if m is not None and m.group("that") is not None else ce


def _cue_statement(st: _Sentence, c: Cue, around: bool = False) -> bool:
    """The statement one reporting verb makes; whether the verb's subject was found (``around``: see emit)."""
    att, text, sent = st.att, st.text, st.sent
    s0, s1 = sent
    cs, ce = c.s, c.e
    cue = c  # the clause may hold the speaker's partial quote (around.around_partial)
    if _PASSIVE_OPENER.match(text, cs) and not text[s0:cs].strip():
        return False  # "Accused of corruption, Mayor X said ...": a passive participle, X's own cue follows
    if (
        text[s0 if cs - 2 < s0 else cs - 2 : cs].strip() == ","
        and _ASIDE_PREPOSITION.match(text[ce : ce + 10])
        and (_aside_closes(att, ce, s1) or not _THAT_SOON.match(text, ce, s1))
    ):
        return False  # "Rutte, asked about the dispute, said ...": an aside, not a statement
    passive = (
        text[ce : ce + 1].isspace()
        and _BY.match(text[ce : ce + 5])
        and _PASSIVE_AUX.search(text[s0 if cs - 8 < s0 else cs - 8 : cs])
    )
    if passive:  # "was told by X": the agent speaks
        ms = att.mentions_in(ce, min(s1, ce + 90))
        if ms and ms[0].kind == "person":
            st.emit(att.speaker_of(ms[0], sent), c.surface.lower(), s0, ce, "statement.passive_by", cue)
        return False
    if _reports_nothing(st, c) or _passive_subject(att.lex, text, s0, c):
        return False
    found, spk, how = _speaker_for_cue(att, cs, ce, c.surface, sent, att.lex)
    if not found and not around and (pair := _PAIR.search(text, max(s0, cs - 30), cs)):
        _pair_statements(st, c, pair.start())
        return False
    if spk is None:
        org = org_antecedent(att, sent, cs)
        if org is not None:  # "Brussels Airport confirmed it. It advised travellers ...": the organisation
            a, b, rule = _reported_clause(st, c)
            st.emit(org, c.surface.lower(), a, b, rule + "org_antecedent", cue)
            return True
        source = None if around else nameless_source(att, text, s0, cs, ce)
        if source is not None:
            a, b, rule = _reported_clause(st, c)
            st.emit(None, c.surface.lower(), a, b, rule.rsplit(".", 1)[0] + ".nameless_source", c, source)
        return found
    if not found:
        return found
    if how == "inverted":
        # "No one has been arrested, said X, the police chief.": the clause before the cue is the report
        comma = text.rfind(",", s0, cs)
        if comma != -1 and not text[comma + 1 : cs].strip() and len(text[s0:comma].split()) >= 3:
            st.emit(spk, c.surface.lower(), s0, comma, "statement.trailing_cue.inverted", cue)
        return found
    a, b, rule = _reported_clause(st, c)
    rule += how
    if how == "relative_who" and rule.startswith("statement.cue."):
        b = _relative_clause_end(text, a, b)
    st.emit(spk, c.surface.lower(), a, b, rule, cue)
    return found


def _aside_closes(att: Attributor, ce: int, s1: int) -> bool:
    """Whether a comma after a cue closes an aside before the subject's own verb ("X, asked about it, said");
    "X, the institute's researcher, said on Thursday that …" has none: its cue is the main verb (and only a
    "that" clause after the preposition is its report: "X, the minister, posted on X: …" has none)."""
    comma = att.text.find(",", ce, s1)
    return comma != -1 and bool(att.cues(comma, min(s1, comma + 40)))


_BE_GET = frozenset({"am", "is", "are", "was", "were", "be", "been", "being", "get", "gets", "got", "gotten",
                     "getting", "’s", "'s"})
_WORD_BEFORE = re.compile(r"([\w’'-]+)\s+$")


@lru_cache(maxsize=1)
def _passive_states() -> frozenset[str]:
    """Cue lemmas whose participle after "is/was" is a state of the subject ("was worried that"): cues.yml."""
    return frozenset(str(w) for w in load_data("cues.yml").get("passive_states", []))


def _passive_subject(lex: Lexicon, text: str, s0: int, c: Cue) -> bool:
    """Whether a cue is a passive participle without its agent: "Ministers were told that ...", "Officials
    were quietly warned ...": the subject is the listener or what is said, no speaker ("was told by X" is read
    before); not a progressive ("were saying") nor a state ("was worried that")."""
    surface = c.surface.lower()
    lemma = lex.cue_forms.get(surface)
    if surface.endswith("ing") or surface == lemma or " " in surface or lemma in _passive_states():
        return False
    end = c.s
    for _ in range(4):
        m = _WORD_BEFORE.search(text, max(s0, end - 30), end)
        if m is None:
            return False
        word = m.group(1).lower()
        if word in _BE_GET:
            return True
        if word not in lex.adverbs and not word.endswith("ly"):
            return False
        end = m.start()
    return False


def _reported_clause(st: _Sentence, c: Cue) -> tuple[int, int, str]:
    """The clause a cue reports (after it, or before it for a trailing cue) and the frame of its rule id."""
    att, text, (s0, s1) = st.att, st.text, st.sent
    a, b = _clause_after(text, _after_particle(text, c.e, s1), s1, att.lex)
    if a == c.e + 1 and att.lex.cue_forms.get(c.surface.lower()) in _LISTENER_VERBS:
        a = _after_listener(text, a, b, att.lex)
    trailing = _trailing_attribution(att, text, st.sent, c.s, c.e)
    if trailing is not None:
        return s0, trailing, "statement.trailing_cue."  # "Russian troops advanced, the institute said in its update."
    return a, b, "statement.cue."



def _pair_statements(st: _Sentence, c: Cue, pair_start: int) -> None:
    """"The two agreed", "both leaders said": one statement for each of the last two people named before."""
    att, sent = st.att, st.sent
    people = [m.name for m in att.mentions_in(sent[0], pair_start) if m.kind == "person" and m.name]
    people = [p for p in people if not p.startswith("\x00")]
    pair_names = list(dict.fromkeys(reversed(people)))[:2]
    if len(pair_names) == 2:
        a, b = _clause_after(st.text, c.e, sent[1], att.lex)
        for name in pair_names:
            st.emit(name, c.surface.lower(), a, b, "statement.pair")
