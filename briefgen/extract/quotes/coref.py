"""Coreference for attribution: pronouns, "the minister" and genders resolved to actors."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from briefgen.extract.lexicon import fold, load_data
from briefgen.extract.quotes.index import ArticleIndex
from briefgen.extract.quotes.patterns import _AUXILIARIES, _DETERMINERS, _PREPOSITION_BREAK, _PREPOSITIONS, _WORD
from briefgen.records import Mention


@lru_cache(maxsize=1)
def _gender_words() -> tuple[dict[str, str], dict[str, str]]:
    """(first name -> gender, gendered role word or title -> gender), lower-cased, from first_names.yml."""
    data = load_data("first_names.yml")
    names = {fold(str(n)): "female" for n in data["female"]} | {fold(str(n)): "male" for n in data["male"]}
    words = {str(w).lower(): "female" for w in data["female_words"]}
    words |= {str(w).lower(): "male" for w in data["male_words"]}
    return names, words


@lru_cache(maxsize=4096)
def _word_gender(word: str) -> str | None:
    """The gender of a capitalised word used as a first name ("Sofía", "Jan-Willem"), or None."""
    names = _gender_words()[0]
    first = fold(word)  # without diacritics: "Sofía" and "Sofia" alike
    return names.get(first) or names.get(first.split("-")[0])


def _gender_of(name: str, texts: Sequence[str]) -> str | None:
    """A person's gender from a gendered role word or title in its mentions, else from the first name."""
    words = _gender_words()[1]
    found = {words[w] for t in texts if t for w in _WORD.findall(t.lower().replace(".", "")) if w in words}
    if len(found) == 1:
        return found.pop()
    if found:
        return None  # contradictory words: unknown
    for text in (name, *texts):  # the name, then its mentions ("Mayor Ana Ruiz" when the name is "Ruiz")
        for word in text.split():
            if not word[:1].isupper():
                continue
            gender = _word_gender(word)
            if gender:
                return gender
            if text is name:
                break  # only the first word of the name itself
    return None


# "X is the country's minister of ...", "X, who is a senior adviser": a role given by a copula
_COPULAR_ROLE = re.compile(
    r"\s+(?:is|was|has been|had been|became|serves as|, who is|, who was)\s+(?:the|a|an)\s+([^,;.]{1,80})"
)
_COPULAS = (" is ", " was ", " has been ", " had been ", " became ", " serves as ", ", who is ", ", who was ")
# "the minister", "the energy minister": a role named without a name (its head is checked against the roles)
# "[Tt](?<![\w’'][Tt])he" here and in the role patterns below matches what "(?<![\w’'])[Tt]he" matches, but
# opening with a character class lets the regex engine skip ahead to the next "T" or "t"
_THE_ROLE = re.compile(r"[Tt](?<![\w’'][Tt])he\s+(?:[a-z][\w-]*\s+){0,2}?([a-z][\w-]*)\b")


class Coreference(ArticleIndex):
    """Resolution of pronouns and bare roles to actors, on top of the article index."""

    def _gender(self, key: str) -> str | None:
        """A person's known gender: from the actor stage or pronouns, else from role words, titles, first names."""
        known = self.state.genders.get(key)
        if known is not None or key in self.guessed:
            return known
        self.guessed.add(key)
        actor = self.actor_of.get(key)
        if actor is None or actor.kind != "person":
            return None
        gender = _gender_of(actor.name, (*actor.aliases, *actor.roles))
        if gender:
            self.state.genders[key] = gender
        return gender

    def _role_holders(self) -> dict[str, set[str]]:
        """Role head words -> the person actors holding them (from titles, roles and "X is the <role>")."""
        if self.holders_of is not None:
            return self.holders_of
        heads = self.lex.role_heads
        holders: dict[str, set[str]] = {}

        def add(words: str, key: str) -> None:
            for w in _WORD.findall(words.lower()):
                if w in heads:
                    holders.setdefault(w, set()).add(key)

        for a in self.actor_of.values():
            if a.kind == "person":
                for role in a.roles:
                    add(role, a.key)
        for m in self.mentions:
            if m.kind != "person" or m.rule in ("pronoun", "role-ref") or not m.name:
                continue
            add(m.role or "", m.name)
            if self.text.startswith(_COPULAS, m.end):
                cop = _COPULAR_ROLE.match(self.text, m.end, m.end + 120)
                if cop is not None:
                    add(cop.group(1), m.name)
        self.holders_of = holders
        return holders

    def _holder(self, head: str, gender: str | None, at: int = -1) -> str | None:
        """The person a bare "the <role>" stands for: the most mentioned holder of the role of that gender."""
        holders = self._role_holders().get(head, ())
        just = self._just_named(sorted(k for k in holders if self._compatible(k, gender)), at)
        if just is not None:
            return just  # "X struck a harder tone. The minister said ...": the holder named just before
        cands = [k for k in holders if gender is None or self._gender(k) == gender]
        if not cands:
            return None
        cands.sort(key=lambda k: self.salience.get(k, 0), reverse=True)
        if len(cands) > 1 and self.salience.get(cands[0], 0) == self.salience.get(cands[1], 0):
            return None  # two equally prominent holders: unsure
        return cands[0]

    def _just_named(self, cands: list[str], at: int) -> str | None:
        """Among role holders, the one named in the sentence right before ``at`` when only one of them is."""
        if at < 0:
            return None
        chunk = self.text[max(0, at - 300) : at].rstrip()
        cut = max(chunk.rfind(". ", 0, len(chunk) - 1), chunk.rfind("\n"))
        lo = at - len(self.text[max(0, at - 300) : at]) + cut + 1 if cut >= 0 else max(0, at - 300)
        named = {m.name for m in self.mentions_in(lo, at) if m.rule not in ("pronoun", "role-ref") and m.name in cands}
        return next(iter(named)) if len(named) == 1 else None

    def _role_subject(self, a: int, b: int, gender: str | None) -> str | None:
        """A "the <role>" subject in [a, b) (at the start or after a comma), resolved to its holder."""
        for rm in _THE_ROLE.finditer(self.text, a, b):
            if rm.group(1) not in self.lex.role_heads or self.in_quote(rm.start()):
                continue
            lead = self.text[a : rm.start()].rstrip()
            if lead and not lead.endswith(","):
                continue
            return self._holder(rm.group(1), gender, rm.start())
        return None

    # --- speakers -------------------------------------------------------------------------------
    def speaker_of(self, m: Mention, sent: tuple[int, int]) -> str | None:
        """The actor key a mention stands for (pronouns resolved), or None."""
        if m.rule == "role-ref" and not m.name:
            words = m.text.split()
            if len(words) == 2 and words[0] in ("The", "the") and words[1] in self.lex.role_heads:
                return self._holder(words[1], None, m.start)  # "The minister told ...": its holder, if one is clear
            return None
        if m.rule != "pronoun":
            return m.name or None
        if m.start in self.resolved_pronouns:
            return self.resolved_pronouns[m.start]
        gender = self.lex.pronouns.get(m.text.lower())
        result: str | None = None
        head = self.text[sent[0] : m.start]
        if _NARRATOR_CLAUSE.match(head) and head.rstrip().endswith(","):
            # "When I met X in May, she told me": the one person the narrator met
            met = {
                c.name
                for c in self.mentions_in(sent[0], m.start)
                if c.rule not in ("pronoun", "role-ref") and self.kinds.get(c.name) == "person"
            }
            if len(met) == 1 and self._compatible(next(iter(met)), gender):
                result = next(iter(met))
                self.resolved_pronouns[m.start] = result
                return result
        # a pronoun later in a sentence refers to the sentence's first compatible person
        for cand in self.mentions_in(sent[0], m.start):
            if cand.rule in ("pronoun", "role-ref") or self.kinds.get(cand.name) != "person":
                continue
            if self._is_modifier(cand) or self._preceded_by_preposition(cand, sent):
                continue  # "Speaking in <place>, he ...", "Asked about Y's plan, she ...": not the antecedent
            if self._compatible(cand.name, gender):
                result = cand.name
                break
        if result is None and "he " in self.text[sent[0] : m.start]:  # "the"/"The" occurs before the pronoun
            result = self._role_subject(sent[0], m.start, gender)  # "the minister is asked whether she ..."
        if result is None and self.depth < 4:
            self.depth += 1
            try:
                result = self._previous_subject(sent, gender)
            finally:
                self.depth -= 1
        if result is None and (self._nameless_opening(sent[0], m.start) or self._nameless_opening(*self._before(sent))):
            self.resolved_pronouns[m.start] = None
            return None  # "A senior official, who asked not to be named, said ... “...,” he said": nobody named
        if result is None:
            for name in reversed(self.state.history[-6:]):
                if self.kinds.get(name) == "person" and self._compatible(name, gender):
                    result = name
                    break
        if result is None and gender:
            result = self._recent_person(sent[0], gender)
        if result and gender:
            self.state.genders.setdefault(result, gender)
        self.resolved_pronouns[m.start] = result
        return result

    def _before(self, sent: tuple[int, int]) -> tuple[int, int]:
        """The span of the sentence before ``sent`` (back to a sentence end or a line break, at most 400 chars)."""
        lo = max(0, sent[0] - 400)
        chunk = self.text[lo : sent[0]].rstrip()
        cut = max(chunk.rfind(". ", 0, len(chunk) - 1), chunk.rfind("\n"), chunk.rfind("? "), chunk.rfind("! "))
        return (lo + cut + 1 if cut >= 0 else lo), sent[0]

    def _nameless_opening(self, a: int, b: int) -> bool:
        """Whether the sentence [a, b) opens with an indefinite description as its subject and names nobody in
        apposition to it before its first cue ("A senior official, who asked not to be named, said",
        "One 15-year-old in Geelong said"; not "A lawyer for the family, Anna Weber, said")."""
        opening = _INDEFINITE_OPENING.match(self.text, a, b)
        if opening is None:
            return False
        cue = self.first_cue(opening.end(), b)
        if cue is None:
            return False
        return not any(
            c.kind == "person" and c.rule not in ("pronoun", "role-ref") for c in self.mentions_in(a, cue.s)
        )

    def _previous_subject(self, sent: tuple[int, int], gender: str | None) -> str | None:
        """The person opening the previous sentence ("The secretary, X, struck a tone. He said ...")."""
        lo = max(0, sent[0] - 400)
        chunk = self.text[lo : sent[0]].rstrip()
        cut = max(chunk.rfind(". ", 0, len(chunk) - 1), chunk.rfind("\n"), chunk.rfind("? "), chunk.rfind("! "))
        p_start = lo + cut + 1 if cut >= 0 else lo
        ms = self.mentions_in(p_start, sent[0])
        first = next(iter(ms), None)
        lead = self.text[p_start : first.start if first else sent[0]]
        if "he " in lead.lower() and _THE_ROLE.search(lead):
            # "The minister is unrepentant. ... she explains": the role stands for its holder
            role = self._role_subject(p_start + len(lead) - len(lead.lstrip()), p_start + len(lead), gender)
            if role is not None:
                return role
        if first is not None and self.text.startswith(("’s ", "'s "), first.end) and len(ms) > 1:
            second = ms[1]
            chain = self.text[first.end + 3 : second.start].split()
            if all(w.lower() in self.roles or w in self.lex.honorifics for w in chain):
                first = second  # "Y's analyst X was cautious.": X opens the sentence, not the possessor Y
        if first is None or first.rule == "role-ref" or self._is_modifier(first):
            return None
        if first.rule == "pronoun":
            name = self.resolved_pronouns.get(first.start, "")
            if name == "":
                name = self.speaker_of(first, (p_start, sent[0]))
        elif self.kinds.get(first.name) == "person" and not self._preceded_by_preposition(first, (p_start, sent[0])):
            name = first.name
        else:
            return None
        return name if name and self._compatible(name, gender) else None

    def _recent_person(self, before: int, gender: str) -> str | None:
        """The nearest person named in the preceding text (~two paragraphs) known to be of this gender."""
        lo = bisect.bisect_left(self.m_starts, max(0, before - 800))
        hi = bisect.bisect_left(self.m_starts, before)
        unknown: str | None = None  # the nearest person of unknown gender, if nobody of this gender is named
        for cand in reversed(self.mentions[lo:hi]):
            if cand.rule in ("pronoun", "role-ref") or self.kinds.get(cand.name) != "person":
                continue
            if self._is_modifier(cand) or self._preposition_before(cand, max(0, cand.start - 40)):
                continue
            known = self._gender(cand.name)
            if known == gender:
                return cand.name
            if known is None and unknown is None:
                unknown = cand.name
        return unknown

    def _compatible(self, name: str, gender: str | None) -> bool:
        if gender is None:
            return True
        known = self._gender(name)
        return known is None or known == gender

    def _is_modifier(self, m: Mention) -> bool:
        key = (m.start, m.end, m.kind)
        known = self.memo_modifier.get(key)
        if known is None:
            known = self.memo_modifier[key] = self._modifier(m)
        return known

    def _modifier(self, m: Mention) -> bool:
        if self.text.startswith(("’s", "'s"), m.end):
            return True
        if m.kind == "country":
            return False
        before = self.text[max(0, m.start - 5) : m.start].lower().split()
        if not before or before[-1] not in _DETERMINERS:
            return False
        after = self.text[m.end : m.end + 20].split(None, 1)
        if after and after[0][:1].islower():
            word = after[0].lower().strip(",.")
            # "the NATO summit" is a modifier; "the Bank of Japan raised ...", "the Bank has said ...",
            # "the Bank also warned ..." are a subject and its verb
            return (
                word not in self.lex.cue_forms
                and not word.endswith("ed")
                and word not in _AUXILIARIES
                and word not in self.lex.adverbs
            )
        return False

    def _preceded_by_preposition(self, m: Mention, sent: tuple[int, int]) -> bool:
        key = (m.start, sent[0])
        known = self.memo_preposition.get(key)
        if known is None:
            known = self.memo_preposition[key] = self._preposition_before(m, sent[0])
        return known

    def _preposition_before(self, m: Mention, floor: int) -> bool:
        before = self.text[max(floor, m.start - 40) : m.start]
        before = _PREPOSITION_BREAK.split(before)[-1]
        by = self.text.rfind(" by ", max(floor, m.start - 90), m.start)
        if by >= 0:
            wide = _PREPOSITION_BREAK.split(self.text[max(floor, m.start - 90) : m.start])[-1]
            by = wide.rfind(" by ")
        if by >= 0:
            # "led by former NASA engineer X", "a report by the bank's chief economist X": an agent, not a subject
            rest = _WORD.findall(wide, by + 4)
            loose = [w for w in rest if not (w[:1].isupper() or w.lower() in self.roles or w.lower() in _DETERMINERS)]
            if len(rest) <= 8 and len(loose) <= 1:
                return True
        words = _WORD.findall(before)
        lex_org = self.lex.org_heads
        # skip role words and determiners between a preposition and a name ("with the new US Secretary")
        for k in range(len(words) - 1, -1, -1):
            w = words[k]
            low = w.lower()
            if (
                low == "of"
                and k
                and m.kind == "person"
                and (words[k - 1].lower() in self.lex.role_heads or words[k - 1] in lex_org)
            ):
                continue  # "Secretary of State X", "Bank of Japan Governor X": "of" inside a title or a body's name
            if low in _PREPOSITIONS:
                return True
            if (
                low in _DETERMINERS
                or low in self.lex.role_heads
                or low in self.lex.role_modifiers
                or w in self.lex.places
                or w in self.lex.demonyms
                or low in ("s",)
            ):
                continue
            return False
        return False


# a sentence opening with an indefinite description ("A senior official ...", "One 15-year-old ...")
_INDEFINITE_OPENING = re.compile(r"\s*[“\"‘]?(?:A|An|One|Another)\s+(?=[a-z0-9])")
_NARRATOR_CLAUSE = re.compile(r"(?:When|After|As|Before|Once|Since)\s+(?:I|we)\s")
