"""The speaker of one reporting cue: subject, inverted ("said X"), role holder, document, relative."""

from __future__ import annotations

import re

from briefgen.extract.lexicon import Lexicon
from briefgen.extract.quotes.cues import Attribution, CueSpeaker, _is_participle
from briefgen.extract.quotes.orgref import org_antecedent
from briefgen.extract.quotes.patterns import (
    _ABBREV_DOT,
    _AUXILIARIES,
    _COORDINATED_VERB,
    _NEXT_WORD,
    _PREPOSITIONS,
    _WORD,
)
from briefgen.extract.quotes.rules import alternation, words
from briefgen.extract.quotes.subjects import Attributor
from briefgen.records import Mention

_SUBORDINATOR_END = re.compile(r"\b" + alternation("participle_main_subject", "subordinators") + r"\s+$")
_OBJECT_LINK = re.compile(r"\b(?:that|to|about|with)\b")


def text_of(att: Attributor) -> str:
    """The article text an attributor works on."""
    return att.text


def _speaker_for_cue(
    att: Attributor, start: int, end: int, cue: str, sent: tuple[int, int], lex: Lexicon
) -> CueSpeaker:
    # a cue's text is text[start:end], so the offsets identify the call within an article
    key = (start, end, sent[0], sent[1])
    known = att.memo_cue_speaker.get(key)
    if known is None:
        known = _cue_speaker(att, start, end, cue, sent, lex)
        if known[1] is None and (org := org_antecedent(att, sent, start)) is not None:
            known = (True, org, "org_antecedent")  # "It urged the unions to “…”" after a named organisation
        att.memo_cue_speaker[key] = known
    return known


_ROLE_OFFICE = re.compile(
    r"[Tt](?<![\w’'][Tt])he\s+([a-z]+)[’']s\s+"
    + alternation("role_office", "offices")
    + r"(?:\s+(?:also|later|has|had|then))?\s*$"
)
_BARE_ROLE = re.compile(r"[Tt](?<![\w’'][Tt])he\s+([a-z]+)(?:\s+(?:also|later|then|has|had))?\s*$")
_DOC_NOUNS = alternation("document", "nouns")
# "The statement said ...", "The 300-page report, compiled by ..., concludes ...": a document as the subject
_DOCUMENT_SUBJECT = re.compile(r"(?:The|the)\s+(?:[\w,-]+\s+){0,2}?" + _DOC_NOUNS + r"\b[^.;:“”\"]{0,120}$")
_DOCUMENT_ORIGIN = re.compile(
    _DOC_NOUNS
    + r"\s+(?:"
    + alternation("document", "issued")
    + r"\s+)?by\s+(?:the\s+)?"
)


def _document_source(att: Attributor, sent: tuple[int, int]) -> tuple[bool, str | None]:
    """For a document subject: the body that issued the document mentioned just before, else unknown."""
    text = att.text
    lo = max(0, sent[0] - 1500)
    origins = list(_DOCUMENT_ORIGIN.finditer(text, lo, sent[0]))
    if not origins:
        return True, None
    ms = att.mentions_in(origins[-1].end(), origins[-1].end() + 1)
    if not ms or ms[0].kind == "person" or ms[0].rule == "pronoun":
        return True, None
    return True, att.speaker_of(ms[0], sent)


_WHO_CUE = re.compile(r",\s+who\s+(?:" + alternation("relative_who", "between") + r"\s+)?$")


def _cue_speaker(
    att: Attributor, start: int, end: int, cue: str, sent: tuple[int, int], lex: Lexicon
) -> CueSpeaker:
    """(found, speaker, how) for the cue text[start:end], trying its ways of naming a subject in turn."""
    text = att.text
    relative = _relative_subject(att, start, sent)
    if relative is not None:
        return relative
    before = text[max(sent[0], start - 3) : start]
    if _is_participle(cue) and (
        before.rstrip().endswith(",")
        or start == sent[0]
        or before.strip() == ""
        or _SUBORDINATOR_END.search(text[max(sent[0], start - 10) : start])
    ):
        return (*att.main_subject(sent, start), "participle_main_subject")
    lo = max(sent[0], start - 30)
    # "and"/"but" among the last two words needs "and" or "but" in the lower-cased stretch
    low = att.low[lo:start] if att.low_aligned else text[lo:start].lower()
    before_words = _WORD.findall(text[lo:start]) if "and" in low or "but" in low else []
    if (before_words and before_words[-1].lower() in ("and", "but")) or (
        len(before_words) >= 2
        and before_words[-2].lower() in ("and", "but")
        and before_words[-1].lower() in lex.adverbs
    ):
        return _coordinated_subject(att, start, sent)
    role = _role_speaker(att, start, sent)
    if role is not None:
        return role
    found, spk = att.subject_before(start, sent)
    if found:
        return found, spk, "subject"
    if _DOCUMENT_SUBJECT.match(text, sent[0], start):
        return (*_document_source(att, sent), "document")
    # inverted: "..., said Rutte", "” said European Union foreign policy chief Kaja Kallas"
    lead = text[max(sent[0], start - 3) : start].rstrip()
    if lead.endswith((",", "”", '"', "’")) or start == sent[0]:
        return (*_inverted(att, end, sent), "inverted")
    return False, None, "none"


def _relative_subject(att: Attributor, start: int, sent: tuple[int, int]) -> CueSpeaker | None:
    """"..., led by the writer X, who alleges that ...": the person the relative clause hangs on."""
    text = att.text
    lo = max(sent[0], start - 40)
    rel = _WHO_CUE.search(text, lo, start) if text.find("who", lo, start) >= 0 else None
    if rel is None:
        return None
    people = [m for m in att.mentions_in(max(sent[0], rel.start() - 80), rel.start()) if m.end == rel.start()]
    if people and people[-1].kind == "person" and people[-1].rule != "pronoun":
        return True, att.speaker_of(people[-1], sent), "relative_who"
    return None


# a clause with a subject of its own, open up to a coordinated verb: its verbs are not the main subject's
_OPEN_CLAUSE = re.compile(r"(?:,\s+|\b)(?:who|whom|whose|which|where|when|after|because|while|since|before)\b")


def _coordinated_subject(att: Attributor, start: int, sent: tuple[int, int]) -> CueSpeaker:
    """The subject of a verb after "and"/"but": "X said ... and added", "..., she said X, and added: ..."; none
    inside a relative or time clause still open ("met the fishermen, who protested and opposed the plan")."""
    openers = list(_OPEN_CLAUSE.finditer(att.text, sent[0], start))
    if openers and "," not in att.text[openers[-1].end() : start]:
        return False, None, "coordinated_none"
    found, spk = att.main_subject(sent, start)
    if found:
        return found, spk, "coordinated_main_subject"
    for c in reversed(att.cues(sent[0], max(sent[0], start - 1))):
        # "..., she said X, and added: ...": the subject of the first verb of the coordination
        if not att.in_quote(c.s) and c.s < start - 2:
            found, spk = att.subject_before(c.s, sent)
            if found and spk:
                return found, spk, "coordinated_first_verb"
    return False, None, "coordinated_none"


def _role_speaker(att: Attributor, start: int, sent: tuple[int, int]) -> CueSpeaker | None:
    """"The governor's office said", "The minister told reporters": the one holder of the role."""
    text = att.text
    lo = max(sent[0], start - 60)
    # both patterns need "he" ("[Tt]he"), the office one also "’s" or "'s": str.find is cheaper than a search
    if text.find("he", lo, start) < 0:
        return None
    office = (
        _ROLE_OFFICE.search(text, lo, start)
        if text.find("’s", lo, start) >= 0 or text.find("'s", lo, start) >= 0
        else None
    )
    bare = _BARE_ROLE.search(text, max(sent[0], start - 40), start)
    if office is not None and office.group(1) in att.lex.role_heads:
        # "The governor's office said": the office speaks for the one holder of the role
        return True, att._holder(office.group(1), None, office.start()), "role_office"
    if (
        bare is not None
        and bare.group(1) in att.lex.role_heads
        and (not text[sent[0] : bare.start()].strip() or text[sent[0] : bare.start()].rstrip().endswith(","))
    ):
        holder = att._holder(bare.group(1), None, bare.start())
        if holder is not None:
            return True, holder, "role_holder"  # "The minister told reporters ...": the holder named before
    return None


def _inverted(att: Attributor, end: int, sent: tuple[int, int]) -> tuple[bool, str | None]:
    text = att.text
    window_end = min(sent[1], end + 90)
    ms = att.mentions_in(end, window_end)
    if not ms:
        return False, None
    gap = text[end : ms[0].start].strip().lower()
    if gap and gap.split()[0] in ("that", "to", "it", "on", "in"):
        return False, None
    if text.startswith(("’s", "'s"), ms[0].end):
        return _possessor_role_name(att, ms, sent)
    person = next((m for m in ms if m.kind == "person" and m.rule != "pronoun"), None)
    first = ms[0]
    if first.rule == "pronoun" and not text[end : first.start].strip():
        if _opens_clause(text, first.end, sent[1]):
            return False, None  # "Mustapha, says he is tired": "he" is the reported clause's subject
        return True, att.speaker_of(first, sent)
    description = _described_speaker(att, end, ms, person)
    if description is not None:
        return description
    if person is not None and _opens_clause(text, person.end, sent[1]):
        return False, None  # "said Lisbon expected ...": the subject of the reported clause, not the speaker
    if first is not person and _opens_clause(text, first.end, sent[1]):
        return False, None
    if person is not None:
        person = _role_modified(text, person, ms)
        between = text[end : person.start]
        if "." in between:
            between = _ABBREV_DOT.sub("", between)  # "said Rep. Maria Lopez"
        if "." not in between and len(between) < 90 and not _OBJECT_LINK.search(between):
            return True, att.speaker_of(person, sent)
    if not text[end : first.start].strip(" ,").lower().removeprefix("the").strip():
        if att._is_collective(first):
            return True, None
        return True, att.speaker_of(first, sent)
    return False, None


# after a possessor: lower-case role words ending in a role head, maybe a comma ("’s deputy campaign manager, ")
_POSSESSED_ROLE = re.compile(r"[’']s\s+((?:[a-z][\w-]*\s+){0,4}[a-z][\w-]*),?\s+")


def _possessor_role_name(att: Attributor, ms: list[Mention], sent: tuple[int, int]) -> tuple[bool, str | None]:
    """For "said X's <role>, Name": the named holder of the role, not the possessor ("said Anna Weber's
    spokesman, Tom Brown"); no speaker when no name follows the role ("said Anna Weber's spokesman")."""
    text = att.text
    person = ms[1] if len(ms) > 1 else None
    if person is None or person.kind != "person" or person.rule == "pronoun":
        return False, None
    role = _POSSESSED_ROLE.fullmatch(text, ms[0].end, person.start)
    if role is None or role.group(1).split()[-1] not in att.lex.role_heads:
        return False, None
    return True, att.speaker_of(person, sent)


# "said a senior Cruz adviser", "said the former aide to ...": a description opens after the cue
_DESCRIPTION_LEAD = re.compile(r"[\s,]*(?:(a|an|one|another)|the)\s")
# words after a name that do not make it a modifier of a noun ("said Cruz who ...", "said Cruz, ...")
_AFTER_NAME_FUNCTION = frozenset({"who", "which", "that", "and", "or", "but", "when", "while", "as", "after"})
_RELATIVES = frozenset({"who", "whose", "which", "that"})
_AFTER_NAME_FUNCTION |= frozenset({"before", "because", "though", "although", "if", "himself", "herself"})


def _described_speaker(
    att: Attributor, end: int, ms: list[Mention], person: Mention | None
) -> tuple[bool, str | None] | None:
    """For "said a/the <description>": the person named in apposition ("said a spokesman, Jo Ray"), or
    nobody when the only name qualifies a noun ("said a senior Cruz adviser", "said an aide to Cruz")."""
    text = att.text
    lead = _DESCRIPTION_LEAD.match(text, end, ms[0].start)
    if lead is None:
        return None
    for m in ms:
        if m.kind != "person" or m.rule == "pronoun":
            continue
        between = _ABBREV_DOT.sub("", text[end : m.start])
        if between.rstrip().endswith(",") and "." not in between and len(between) < 90:
            return True, att.speaker_of(m, (end, m.end))  # "said a spokesman for the campaign, Jo Ray,"
        break
    if person is None:
        return (True, None) if lead.group(1) is not None else None  # "said a spokesman": nameless
    words = _WORD.findall(text[lead.end() : person.start])
    for i, w in enumerate(words):
        if w in ("of", "for") and i and words[i - 1].lower() in att.lex.role_heads:
            continue  # "said the former secretary of state X": a title
        if w in _PREPOSITIONS or w in _RELATIVES:
            return True, None  # "said the former top aide to President X", "said a member who backs X"
    nxt = _NEXT_WORD.match(text, person.end)
    if nxt is not None:
        word = nxt.group(1)
        if not (
            word in _PREPOSITIONS
            or word in _AUXILIARIES
            or word in _AFTER_NAME_FUNCTION
            or word in att.lex.cue_forms
            or word in att.lex.adverbs
            or word.endswith("ly")
        ):
            return True, None  # "said the senior Cruz adviser", "said the printed Cruz slate card"
    return None


# "Clinton ally", "Trump campaign manager": lower-case nouns between a name and the name they qualify
_QUALIFIER_GAP = re.compile(
    r"(?:\s+(?!(?:and|or|of|to|in|on|at|with|for|about|from|by|as|the|a|an|who|that)\b)[a-z][\w-]*){1,3}\s+"
)


def _role_modified(text: str, person: Mention, ms: list[Mention]) -> Mention:
    """The speaker of "said Clinton ally James Carville": the named person a first name's role words lead to."""
    later = next((m for m in ms if m.start > person.end and m.kind == "person" and m.rule != "pronoun"), None)
    gap = _QUALIFIER_GAP.fullmatch(text, person.end, later.start) if later is not None else None
    if later is not None and gap is not None and " " in later.text:
        last = gap.group(0).split()[-1]
        # "Clinton ally", "Trump campaign manager": the gap ends in a role noun, never "before meeting",
        # "after hugging" (another person the speaker met)
        if not last.endswith(("ing", "ed")) and last not in _PREPOSITIONS:
            return later
    return person


def _opens_clause(text: str, end: int, limit: int) -> bool:
    """Whether a mention is followed by a finite verb: the subject of a clause ("X would", "X hoped")."""
    m = _NEXT_WORD.match(text, end, limit)
    if m is None:
        return False
    word = m.group(1)
    return word in _AUXILIARIES or (word.endswith("ed") and word not in _PREPOSITIONS)


# (?:[;—–]|,\s+(?:and|but|while|whereas)\b|\b(?:while|whereas)\b)\s* with each branch opening with a character
_NEW_CLAUSE = re.compile(r"(?:;|—|–|,\s+(?:and|but|while|whereas)\b|w(?<=\bw)(?:hile|hereas)\b)\s*")
# after a cue: an object of at most four words, then "that" or "to <verb>"
_GOVERNS_CLAUSE = re.compile(r"\s+(?:[\w’'-]+\s+){0,4}?(?:that\s|to\s+[a-z])")


def _new_clause(att: Attributor, text: str, a: int, b: int, sent: tuple[int, int]) -> bool:
    """Whether a cue at b starts a new clause after [a, b): a clause break ("; ", ", while") and its own subject."""
    if not _NEW_CLAUSE.search(text, max(a, b - 300), b):
        return False
    return att.subject_before(b, sent)[0]


_WHO = re.compile(r"(?:^|\s)who\s(?:[^,;:“”\"]*)$")
_APPOSITION_TAIL = re.compile(r"(?:,\s+(?:a|an|the)\s[^,;]*)?\s*,?\s*$")


def _relative_antecedent(att: Attributor, text: str, sent: tuple[int, int], at: int) -> str | None:
    """For a reporting noun inside "X, a former officer who ran on a promise to ...": the person X."""
    lo = max(sent[0], at - 200)
    rel = _WHO.search(text, lo, at)
    if rel is None:
        return None
    who = rel.start() + (0 if text[rel.start()] == "w" else 1)
    people = [m for m in att.mentions_in(lo, who) if m.kind == "person" and m.rule != "pronoun" and m.end <= who]
    if not people or not _APPOSITION_TAIL.fullmatch(text, people[-1].end, who):
        return None
    return att.speaker_of(people[-1], sent)


def _may_coordinate(lead: str) -> bool:
    """A cheap necessary condition for ``_COORDINATED_VERB``: "and", "but" or a comma in the stretch."""
    return "and" in lead or "but" in lead or "," in lead


def _coordinated(lead: str) -> bool:
    """Whether a verb follows "and", "but" or a comma (``_COORDINATED_VERB`` on the stretch before it)."""
    return _may_coordinate(lead) and _COORDINATED_VERB.search(lead) is not None


def colon_subject(att: Attributor, sent: tuple[int, int], colon: int) -> Attribution | None:
    """"Kasich resisted: “...”", "As X put it: “...”": a quote after a colon, with no reporting verb
    before it, is the words of the person who is the subject of the clause the colon ends."""
    lead = att.text[sent[0] : colon]
    if len(lead) > 200 or any(ch in lead for ch in "“”\""):
        return None
    found, spk = att.main_subject(sent, colon)
    if not found or spk is None or att.kinds.get(spk) != "person":
        return None
    return spk, None, True, "quote.colon_subject"


def colon_intro_speaker(att: Attributor, sent: tuple[int, int]) -> str | None:
    """The speaker of a paragraph-long quote introduced by the sentence before, which ends in a colon:
    the subject of its last reporting verb ("Jared Potts, 17, echoed:"), else its clause subject."""
    text = att.text
    colon = text.rindex(":", sent[0], sent[1])
    for c in reversed(att.cues(sent[0], colon)):
        if att.in_quote(c.s):
            continue
        found, spk, _how = _speaker_for_cue(att, c.s, c.e, c.surface, sent, att.lex)
        if found:
            return spk
        break
    intro = colon_subject(att, sent, colon)
    return intro[0] if intro is not None else None


# a sentence break inside a paragraph: end punctuation, maybe a closing mark, space, then a capital or a mark
_SENTENCE_BREAK = re.compile(r"[.!?][”\"’]?\s+(?=[“\"A-Z])")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|is|are|been|be|being)\s+(?:\w+ly\s+)?$")


_AGAINST = words("quote.continues.narrated_sentence", "against")
_ADDRESSED = words("quote.continues.narrated_sentence", "addressed")
_ANNOUNCED = words("quote.continues.narrated_sentence", "announced")
_PRESS = re.compile(r"\s*(?:" + alternation("quote.continues.narrated_sentence", "press") + r")\b", re.IGNORECASE)
# verbs whose listener follows a preposition ("appealed to residents", "pleaded with the strikers")
_LISTENER_PREPOSITION = re.compile(r"\s*(?:to|with|on|upon)\s+\w")
_PREPOSITION_VERBS = frozenset({"appealed", "appeals", "pleaded", "pleads", "called", "calls"})
# a time phrase right after a verb ("announced on Monday that"): skipped to see what the verb governs
_TIME_AFTER = re.compile(r"(?:\s*,?\s*(?:(?:on|last|this|late|early)\s+\w+|yesterday|today|tonight|earlier)\b)*")
_WE = re.compile(r"\b(?:[Ww]e|[Oo]ur|[Oo]urs|us)\b")
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)


def _reply_like(text: str, at: int) -> bool:
    """Whether the quote opening at ``at`` reads as said to someone: an exclamation or second-person words."""
    close = text.find("”", at + 1, at + 2000)
    if close < 0:
        close = text.find('"', at + 1, at + 2000)
    if close < 0:
        return False
    words_ = text[at + 1 : close].rstrip()
    return words_.endswith("!") or _SECOND_PERSON.search(words_) is not None


def _may_be_reply(text: str, verb: str, after: int, end: int, at: int) -> bool:
    """Whether the quote at ``at`` may answer the sentence whose cue ``verb`` ends at ``after``: the verb addresses
    listeners other than the press ("X warned residents to leave. “We stay.”"), or announces something to others
    and the quote speaks for a "we" ("X announced 300 job cuts. “We gave our lives to this company.”")."""
    if verb in _PREPOSITION_VERBS:
        return _LISTENER_PREPOSITION.match(text, after, end) is not None
    governed = _TIME_AFTER.match(text, after, end)
    rest = text[governed.end() if governed else after : end].strip(" ,.")
    if not rest or rest.startswith("that "):
        return False
    if verb in _ADDRESSED and _PRESS.match(text, after, end) is None:
        return True
    return verb in _ANNOUNCED and _WE.search(text, at, min(len(text), at + 200)) is not None


# "X puts it bluntly.", "As Y put it simply.": a sentence announcing the words that follow
_PUT_IT = re.compile(r"\b(?:puts|put)\s+it\s+(?:[a-z]+ly|this way|simply|plainly|best|more starkly)\s*\.$")


def _puts_it(att: Attributor, start: int, end: int) -> str | None:
    """The person who "puts it bluntly" in the sentence [start, end), as its subject; else nobody."""
    m = _PUT_IT.search(att.text, start, end)
    if m is None:
        return None
    found, spk = att.subject_before(m.start(), (start, end))
    return spk if found and spk is not None and att.kinds.get(spk) == "person" else None


def narrated_speaker(att: Attributor, lo: int, hi: int) -> str | None:
    """The speaker of a quote that opens a sentence after a narrative sentence of its own paragraph: the named
    person who is the subject of that sentence's last reporting verb ("Iowa State's Ann Roe agreed. “...”",
    "Or maybe Bush, consultant Phil Musser says. “...”"); nobody when a person is named after the verb
    ("Roe asked Jones. “...”": the answer may be Jones's), when the verb is passive or the sentence holds a quote,
    when the verb criticises someone ("X criticised the council. “...”": the reply may be the council's), when
    the sentence also reports others' words ("Residents complained, X said. “...”"), or when the quote is an
    exclamation or speaks to someone ("X announced the closure. “Shame on you!”": a crowd's words)."""
    text = att.text
    if _reply_like(text, hi + len(text[hi:]) - len(text[hi:].lstrip())):
        return None
    stretch = text[lo:hi].rstrip()
    end = lo + len(stretch)
    if not stretch.endswith((".", "!", "?")):
        return None
    start = lo
    for m in _SENTENCE_BREAK.finditer(text, lo, end - 1):
        word = _WORD.findall(text[max(lo, m.start() - 12) : m.start()])
        if word and _ABBREV_DOT.fullmatch(word[-1] + "."):
            continue  # "Sen. Ray": an abbreviation, not a sentence end
        start = m.end()
    if any(ch in text[start:end] for ch in "“”\"") or end - start > 300:
        return None
    cues = [c for c in att.cues(start, end) if not att.in_quote(c.s)]
    if not cues:
        return _puts_it(att, start, end)
    cue = cues[-1]
    if _PASSIVE_BEFORE.search(text, max(start, cue.s - 20), cue.s):
        return None
    if any(m.kind == "person" and m.rule != "pronoun" for m in att.mentions_in(cue.e, end)):
        return None
    if cue.surface.lower() in _AGAINST and _WORD.search(text, cue.e, end) is not None:
        return None  # "X criticised the council's cuts. “We are doing all we can.”": the reply may be the council's
    if _may_be_reply(text, cue.surface.lower(), cue.e, end, hi):
        return None  # "X urged the strikers to return. “Not until we are paid.”": the strikers' reply
    found, spk, _how = _speaker_for_cue(att, cue.s, cue.e, cue.surface, (start, end), att.lex)
    if not found or spk is None or att.kinds.get(spk) != "person":
        return None
    for other in cues[:-1]:
        # "Residents complained about the noise, X said.": the sentence reports others' words too
        if _speaker_for_cue(att, other.s, other.e, other.surface, (start, end), att.lex)[1] != spk:
            return None
    return spk
