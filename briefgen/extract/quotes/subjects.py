"""The subject of a reporting verb: who, if anyone, a cue's sentence names as the speaker."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.extract.quotes.coref import Coreference
from briefgen.extract.quotes.cues import _is_participle
from briefgen.extract.quotes.patterns import (
    _DETERMINERS,
    _PORTFOLIO_LEAD,
    _PREPOSITION_BREAK,
    _QUOTE_MARK,
    _STOP_MARK,
    _WORD,
)
from briefgen.extract.quotes.rules import alternation, words
from briefgen.records import Mention

_OPENING_SPAN = 300  # chars: a sentence-opening subject ("Some economists, however,") is far shorter
# at least nine [\w’'-]+ runs (each run is matched whole: a separator must follow it)
_NINE_WORDS = re.compile(r"[^\w’'-]*[\w’'-]+(?:[^\w’'-]+[\w’'-]+){8}")
_COMMA_STOP_MARK = re.compile('[,.;:“”"]')
# lower-case words that qualify a title before a name ("state Sen.", "former deputy minister")
_TITLE_QUALIFIERS = frozenset(
    {"state", "federal", "former", "acting", "interim", "deputy", "senior", "junior", "local", "regional", "county"}
)
# a place after a preposition and a capitalised place name and comma: "in Salem, New Hampshire"
_PLACE_PAIR = re.compile(
    r"\b(?:[Ii]n|[Aa]t|[Ff]rom|[Nn]ear|[Tt]o|[Oo]utside|[Oo]f)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?,\s*$"
)
# after a possessor: its role words (lower case, at most four) and the comma before an apposed name
_POSSESSOR_ROLE = re.compile(r"[’']s?\s+((?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*),\s+")
# one opening word that governs the name after it: a participle or a preposition of place
_OPENING_GOVERNOR = re.compile(r"\s*(?:[A-Z][a-z]+ing|In|At|From|Near|Outside|Inside|Across|Throughout|Around)\s+")
_PARTY_WORDS = frozenset({"Democrat", "Republican", "Democratic", "GOP", "Independent", "Libertarian", "Conservative"})
_CLAUSE_START = re.compile(
    r"(?:^|\s)(?:and|but|as|while|though|although|because|that|when|after|before|since|however)\s*$",
    re.IGNORECASE,
)
# where a clause's subject may start: the sentence start or a clause break before a new subject
_CLAUSE_OPENING = re.compile(r"(?:[;:—–]|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b)\s*")
_APPOSITIVE_OPENER = re.compile(r",\s+(?:a|an|the|who|whose|one of)\s")
_COORDINATED_SUBJECT = re.compile(r"[^,]\s(?:and|or|&)\s+$")
_LIST_INTRO = re.compile(r"\b(?:including|such as|like|from)\b")
_LIST_NEXT = re.compile(r"(?:,\s*[A-Z][\w’'-]*(?:,|\s+and\s)|\s+(?:and|or)\s+[A-Z])")
_ACRONYM_ASIDE = re.compile(r"\([A-Z][A-Za-z&.-]{1,9}\)")
_SPOKESMAN_OF = re.compile(r"[’']s " + alternation("role_office", "offices") + r"\s*")
_AFFILIATION_LINK = frozenset({"of", "at", "from"})
_GROUP_NOUNS = words("subject", "group_nouns")
_BRANCH_OF = re.compile(r"[’']s (?:[A-Za-z-]+ ){0,2}" + alternation("subject", "branches") + r"\s*")


@lru_cache(maxsize=4)
def _group_nouns(collectives: frozenset[str]) -> frozenset[str]:
    """The lexicon's collective subjects and the bare group nouns that open a sentence ("The opposition")."""
    return collectives | _GROUP_NOUNS


# "X gingerly said", "X flatly denied": a lower-case -ly word (not a noun such as "family" or "ally")
_MANNER_ADVERB = re.compile(r"(?!(?:family|ally|rally|assembly|supply|anomaly|monopoly)\b)[a-z]{3,}ly")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whose)\s")
_WITH_BEFORE = re.compile(r"\b[Ww]ith\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,4}$")
_LOCATION_GAP = re.compile(r"in (?:the )?[A-Z][\w’'-]*(?: [A-Z][\w’'-]*){0,2}")
# "in her speech", "in an interview with the local paper", "at a rally in Ohio on Friday": an occasion phrase
_OCCASION_GAP = re.compile(
    r"(?:in|at|during|on|via|over|after)\s+(?:(?:a|an|the|his|her|their|its|this|that|[A-Z]\w+[’']s)\s+)?"
    r"(?:[\w-]+\s+){0,2}?"
    + alternation("subject", "occasions")
    + r"s?(?:\s+(?:with|to|on|at|in|for|from|before)\s+(?:[\w’'.-]+\s*){1,4}?)?"
)
# "It said", "But it also warned", "In a post on X, it said": "it" as the whole subject before a cue
_IT_SUBJECT = re.compile(
    r"\s*(?:(?:But|And|Yet|However,|In an? [\w ]{1,30}(?: on [A-Z][\w]*)?,|On [A-Z][\w]*,)\s+)?"
    r"[Ii]t\s+(?:(?:also|later|then|has|had|further)\s+){0,2}"
)
# "His office said", "In a statement, her spokeswoman said": a person's office or spokesperson as the subject
_PRONOUN_OFFICE = re.compile(
    r"\s*(?:In an? [\w ]{1,30},\s+)?([Hh]is|[Hh]er)\s+(?:" + alternation("role_office", "offices") + r")\s+"
    r"(?:(?:also|later|has|had)\s+)?"
)
# what may open a sentence before its subject ("The", "In a statement, the")
_OPENING_ONLY = re.compile(r"\s*(?:(?:In|On) [\w ]{1,30},\s+)?(?:[Tt]he\s+)?(?:[a-z][\w-]*\s+){0,3}")
_IT_DOCUMENT = re.compile(
    r"\b(?:report|study|survey|poll|letter|document|filing|ruling|paper|analysis|review|memo|book|judgment|"
    r"plan|proposal|bill|law|decision|order|video|ad|advert|advertisement|website|app)\b"
)
_MEMBER_OF = re.compile(r"\s+(?:of|from|at)\s+(?:the\s+)?")


class Attributor(Coreference):
    """Attribution for one article: mentions, pronouns and the reading-order speaker history."""

    def _is_collective(self, m: Mention) -> bool:
        key = (m.start, m.end)
        known = self.memo_collective.get(key)
        if known is None:
            known = self.memo_collective[key] = self._collective(m)
        return known

    def _collective(self, m: Mention) -> bool:
        words = m.text.split()
        if (
            m.rule != "pronoun"
            and len(words) <= 2
            and words[-1].lower() in self.lex.collective_nouns
            and (len(words) == 1 or words[0].lower() in _DETERMINERS)
        ):
            return True  # "Officials said", "Others warned": an unnamed group, not a speaker
        after = self.text[m.end : m.end + 40].split(None, 1)
        nxt = after[0].strip(",.;:’'").lower() if after else ""
        if nxt in self.lex.collective_nouns:
            return True
        before = self.text[max(0, m.start - 8) : m.start].lower()
        # "X and Y said": a coordinated subject is a group, not one speaker (", and X said" is a new clause)
        if not _COORDINATED_SUBJECT.search(before):
            return False
        if (
            m.kind == "person"
            and ("’s " in m.text or "'s " in m.text)
            and _NAME_AND.search(self.text, max(0, m.start - 30), m.start)
        ):
            return False  # "the Energy and Water Authority's deputy chair, X": the "and" sits inside the body's name
        lead = self.text[max(0, m.start - 60) : m.start].rstrip()
        titled = any(w.lower() in self.lex.role_heads for w in m.text.split()[:-1])
        if titled and _PORTFOLIO_WORD_AND.search(lead) and not self.mentions_in(max(0, m.start - 60), m.start):
            return False  # "Plantation and Commodities Minister X": a portfolio word, not a second person
        return not (titled and _PORTFOLIO_LEAD.search(lead))  # "Trade, Industry and Energy Minister X"

    def subject_before(self, cue_start: int, sent: tuple[int, int]) -> tuple[bool, str | None]:
        """(found, speaker) for the subject of a verb at cue_start; found=False when none is visible."""
        key = (cue_start, sent[0], sent[1])
        known = self.memo_subject.get(key)
        if known is None:
            known = self.memo_subject[key] = self._subject_before(cue_start, sent)
        return known

    def _subject_before(self, cue_start: int, sent: tuple[int, int]) -> tuple[bool, str | None]:
        cands = self.mentions_in(sent[0], cue_start)
        gap_text = ""
        for m in reversed(cands):
            if m.end > cue_start:
                continue
            gap_text = self.text[m.end : cue_start]
            person = m.kind == "person"
            pronoun = m.rule == "pronoun"  # (a pronoun is always a person)
            if person and not pronoun and gap_text[:1] in ("’", "'") and _SPOKESMAN_OF.fullmatch(gap_text):
                return True, self.speaker_of(m, sent)  # "Yoon's office said": the office speaks for him
            if m.kind == "organisation" and gap_text[:1] in ("’", "'") and _BRANCH_OF.fullmatch(gap_text):
                return True, self.speaker_of(m, sent)  # "Amnesty International's Finnish section said"
            if not self._gap_ok(gap_text, person or m.rule == "org-apposed"):
                continue
            if gap_text.strip() == "," and self._inside_relative(m, sent[0]):
                continue  # "X, the company that operates Las Bambas, said": the object of a relative clause
            if self._is_modifier(m) and not (
                m.kind == "organisation" and _LOCATION_GAP.fullmatch(gap_text.strip()) is not None
            ):
                continue  # "the NATO summit said"; but "The French Embassy in Paris said": where it is
            if self._preceded_by_preposition(m, sent):
                if m.kind == "organisation" and self._members_of(m, sent[0]):
                    return True, self.speaker_of(m, sent)  # "Analysts at X said", "Observers from X said"
                if (
                    m.rule != "pronoun"
                    and not gap_text.strip()
                    and _WITH_BEFORE.search(self.text, max(sent[0], m.start - 60), m.start)
                    and _is_participle(self.text[cue_start : cue_start + 30])
                ):
                    return True, self.speaker_of(m, sent)  # "..., with X calling it “a disgrace”"
                owner = self._member_before(m, cands)
                if owner is not None and self._gap_ok(gap_text, True):
                    return True, self.speaker_of(owner, sent)  # "X of the Sierra Club, a lawyer, said"
                continue
            if not pronoun and self._is_collective(m):
                return True, None
            return True, self.speaker_of(m, sent)
        if self._role_only_before(cue_start, sent) or self._collective_only_before(cue_start, sent):
            return True, None  # "a senior Israeli official said", "Critics said": nobody named
        if _IT_SUBJECT.fullmatch(self.text, sent[0], cue_start):
            return self._organisation_it(sent)
        office = _PRONOUN_OFFICE.fullmatch(self.text, sent[0], cue_start)
        if office is not None:
            # "His office said ...": the office speaks for the person "his" stands for
            gender = "male" if office.group(1).lower() == "his" else "female"
            spk = self._previous_subject(sent, gender) or self._recent_person(sent[0], gender)
            return True, spk
        return False, None

    def _organisation_it(self, sent: tuple[int, int]) -> tuple[bool, str | None]:
        """For "It said" opening a sentence: the organisation opening the sentence before ("The Harbour Group
        issued a statement. It said ..."); nobody when that sentence opens otherwise or names a document after
        it ("The bank published a report. It said ...": the report may be what says it)."""
        a, b = self._before(sent)
        ms = self.mentions_in(a, b)
        if not ms or ms[0].kind != "organisation" or not _OPENING_ONLY.fullmatch(self.text, a, ms[0].start):
            return True, None
        if _IT_DOCUMENT.search(self.text, ms[0].end, b):
            return True, None
        return True, self.speaker_of(ms[0], (a, b))

    def _member_before(self, m: Mention, cands: list[Mention]) -> Mention | None:
        """The named person right before "of/from/at (the)" and an organisation mention ``m``."""
        i = cands.index(m)
        if i == 0 or m.kind != "organisation":
            return None
        p = cands[i - 1]
        if p.kind != "person" or p.rule == "pronoun" or not _MEMBER_OF.fullmatch(self.text, p.end, m.start):
            return None
        return p

    def _collective_only_before(self, cue_start: int, sent: tuple[int, int]) -> bool:
        """Whether the subject before a cue is a bare group noun opening the sentence ("Critics said",
        "Some economists warned", "The opposition called ...")."""
        if cue_start - sent[0] > _OPENING_SPAN:
            return False  # not an opening subject; and scanning every cue's whole sentence is quadratic
        words = _WORD.findall(self.text, sent[0], cue_start)
        while words and words[-1].lower() in self.lex.adverbs:
            words.pop()
        if not words or len(words) > 3 or words[-1].lower() not in _group_nouns(self.lex.collectives):
            return False
        return all(w.lower() in _DETERMINERS or w.lower() in ("some", "many", "most", "other") for w in words[:-1])

    def _inside_relative(self, m: Mention, floor: int) -> bool:
        """Whether a mention ends a comma-bounded relative clause ("..., the firm that runs X,")."""
        comma = self.text.rfind(",", floor, m.start)
        return comma >= 0 and _RELATIVE_WORD.search(self.text, comma, m.start) is not None

    def _members_of(self, m: Mention, floor: int) -> bool:
        """Whether an organisation is named after "<collective> at/from" ("analysts at X", "observers from the X")."""
        words = _WORD.findall(self.text, max(floor, m.start - 40), m.start)
        if words and words[-1].lower() == "the":
            words.pop()
        return (
            len(words) >= 2
            and words[-1].lower() in ("at", "from")
            and words[-2].lower() in self.lex.collective_nouns
            and not _PREPOSITION_BREAK.search(self.text, max(floor, m.start - 40), m.start)
        )

    def _role_only_before(self, cue_start: int, sent: tuple[int, int]) -> bool:
        """Whether the subject before a cue is a role with no name ("a senior official", "X's envoy, ..., ")."""
        last = self.text[max(sent[0], cue_start - 24) : cue_start].rsplit(None, 1)[-1:]
        word = last[0].lower() if last else ""
        if word[-1:].isalpha() and word not in self.lex.adverbs and word not in self.lex.role_heads:
            return False  # the cheapest test: "<role> said" needs a role word right before the cue
        stretch = self.text[max(sent[0], cue_start - 300) : cue_start].rstrip()
        if stretch.endswith(","):
            aside = stretch.rfind(",", 0, len(stretch) - 1)
            if aside < 0 or _QUOTE_MARK.search(stretch, aside):
                return False
            stretch = stretch[:aside]  # "X, speaking on condition of anonymity, said": skip the aside
        near = _WORD.findall(stretch, max(0, len(stretch) - 40))
        while near and near[-1].lower() in self.lex.adverbs:
            near.pop()
        if not near or near[-1].lower() not in self.lex.role_heads:
            return False  # the cheap test first: a role word must end the subject
        breaks = [m.end() for m in _CLAUSE_OPENING.finditer(stretch)]
        if breaks:
            stretch = stretch[breaks[-1] :]
        words = _WORD.findall(stretch)
        while words and words[-1].lower() in self.lex.adverbs:
            words.pop()
        if not words or words[-1].lower() not in self.lex.role_heads or len(words) > 7:
            return False
        if words[0].lower() not in ("a", "an", "the") and not words[0].endswith(("’s", "'s")):
            return False  # a determiner or a possessor opens a role-only subject
        loose = 0
        for w in words[:-1]:
            low = w.lower()
            if low in _DETERMINERS or low in self.roles or w[:1].isupper() or low.endswith(("’s", "'s")):
                continue
            loose += 1
        return loose <= 1

    def _gap_ok(self, gap: str, person: bool = True) -> bool:
        """Between subject and verb: nothing, adverbs, time phrases, or one comma-bounded aside."""
        g = gap.strip()
        if not g or (g[0] == "(" and _ACRONYM_ASIDE.fullmatch(g)):
            return True  # nothing, or "(UKHSA)" after the full name
        if g[0] == "(":
            aside = _ACRONYM_ASIDE.match(g)
            if aside is not None and g[aside.end() : aside.end() + 1] == ",":
                g = g[aside.end() :]  # "X (NGA), which represents estates, said": the acronym, then an apposition
        if _LOCATION_GAP.fullmatch(g):
            return True  # "Japan's embassy in Manila said": where the subject is, not a new subject
        if person and g[0] in "iadov" and _OCCASION_GAP.fullmatch(g):
            return True  # "X in her speech called", "X in an interview with Y said": when and where X spoke
        if g == ",":
            # "The chancellor, Olaf Scholz, told": a name closing an apposition is the subject;
            # "X, deputy head of the Council, warned": an organisation closing one is not
            return person
        if g.startswith(",") and g.endswith(",") and len(g) <= 220:
            if "“" not in g and '"' not in g:
                return True
            if _APPOSITIVE_OPENER.match(g) and g.count('"') % 2 == 0 and g.count("“") == g.count("”"):
                return True  # "X, a former officer who promised to “put order”, told ...": an apposition
        if g.startswith(",") and g.rfind(",") > 1 and len(g) <= 220 and not _QUOTE_MARK.search(g):
            tail = g[g.rfind(",") + 1 :].split()
            if tail and len(tail) <= 3 and all(
                w.lower() in self.lex.adverbs or _MANNER_ADVERB.fullmatch(w) is not None for w in tail
            ):
                return True  # "X, which must approve the plan, has said", "X, exasperated, famously replied"
        if _NINE_WORDS.match(g):
            return False  # more than eight words: neither an affiliation nor a short adverbial gap
        words = _WORD.findall(g)
        if (
            person
            and len(words) <= 8
            and words
            and words[0].lower() in _AFFILIATION_LINK
            and not _COMMA_STOP_MARK.search(self._affiliation_part(g))
        ):
            return True  # "X of the DIW institute in Berlin told": an affiliation, not a new subject
        if len(words) > 5 or _STOP_MARK.search(g):
            return False
        return all(
            w.lower() in self.lex.adverbs
            or _MANNER_ADVERB.fullmatch(w) is not None
            or w in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
            for w in words
        )

    def _affiliation_part(self, gap: str) -> str:
        """A gap without the comma closing an apposition ("of Mills Stone, had" -> "of Mills Stone")."""
        head, comma, tail = gap.rpartition(",")
        if comma and all(w.lower() in self.lex.adverbs for w in tail.split()):
            return head
        return gap

    def main_subject(self, sent: tuple[int, int], before: int) -> tuple[bool, str | None]:
        """The subject of a sentence's main clause: the first subject-like mention."""
        for m in self.mentions_in(sent[0], before):
            if self._is_modifier(m) or self._preceded_by_preposition(m, sent):
                continue
            near = self.text[max(sent[0], m.start - 60) : m.start].lower()
            if _LIST_INTRO.search(near) or _LIST_NEXT.match(self.text[m.end : m.end + 30]):
                continue  # an element of a list, not the subject
            if m.kind != "person" and _PLACE_PAIR.search(self.text, max(sent[0], m.start - 60), m.start):
                continue  # "Speaking in Salem, New Hampshire, Trump said": the state of a place named before
            if self._is_collective(m):
                return True, None
            head = self.text[sent[0] : m.start]
            if _OPENING_GOVERNOR.fullmatch(head):
                continue  # "Visiting Salem, X said", "In Concord, the governor said": the object of the opening word
            if m.kind == "person" and head.strip() in _PARTY_WORDS:
                head = ""  # "Democrat Hillary Clinton has taken a swipe at X, saying": a party label opens the subject
            if head.strip() in ("The", "the", "A", "An") or self._title_chain(head) or self._qualified_title(head):
                head = ""  # "The Bank of X raised rates and signalled ...": the determiner opens the subject
            elif "," in head and m.kind == "person" and m.rule != "pronoun":
                comma = head.rindex(",") + 1
                if self._qualified_title(head[comma:]):
                    head = head[:comma]  # "In a statement Thursday, Rep. X reacted, saying": a title after the comma
            if (
                head.strip()
                and not head.rstrip().endswith((",", "—", "–", "”", '"'))
                and not _CLAUSE_START.search(head)
            ):
                continue  # a mention in the middle of a clause (object, apposition) is not the subject
            named = self._possessor_apposition(m, before)
            return True, self.speaker_of(named or m, sent)
        return False, None

    def _possessor_apposition(self, m: Mention, limit: int) -> Mention | None:
        """The person named in apposition after a possessor's role: "The X Party’s education spokesman, Jo Ray,
        said" is Jo Ray's (not when the words after the possessive are no role: "X’s plan, Jo Ray said")."""
        tail = _POSSESSOR_ROLE.match(self.text, m.end, min(limit, m.end + 80))
        if tail is None or tail.group(1).split()[-1].lower() not in self.lex.role_heads:
            return None
        after = [x for x in self.mentions_in(tail.end(), min(limit, tail.end() + 60)) if x.start == tail.end()]
        if not after or after[0].kind != "person" or after[0].rule == "pronoun":
            return None
        return after[0] if self.text.startswith(",", after[0].end) else None

    def _qualified_title(self, head: str) -> bool:
        """Whether text before a name is a qualified title: "Republican state Sen.", "former Deputy Governor"."""
        words = head.split()
        if not words or len(words) > 6 or _COMMA_STOP_MARK.search(head.replace(".", "")):
            return False
        last = words[-1]
        if not (last in self.lex.honorifics or last.lower() in self.roles):
            return False
        return all(
            w[:1].isupper() or w.lower() in self.roles or w.lower() in _TITLE_QUALIFIERS or w.lower() in _DETERMINERS
            for w in words[:-1]
        )

    def _title_chain(self, head: str) -> bool:
        """Whether text before a name only qualifies it: "Y's spokeswoman", "the bank's chief economist"."""
        if "’s" not in head and "'s" not in head:
            return False
        words = _WORD.findall(head)
        if not words or len(words) > 8 or _COMMA_STOP_MARK.search(head):
            return False
        for w in words:
            low = w.lower().removesuffix("’s").removesuffix("'s")
            if not (w[:1].isupper() or low in self.roles or low in _DETERMINERS):
                return False
        last = words[-1]
        return last.lower() in self.roles or last in self.lex.honorifics or last.endswith(("’s", "'s"))


_NAME_AND = re.compile(r"[A-Z][\w’'-]*\s+and\s+$")
_PORTFOLIO_WORD_AND = re.compile(r"(?:^|[.;:]\s+|\n)[A-Z][a-z]+\s+and$")
