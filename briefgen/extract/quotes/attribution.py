"""Attribution of quotes in marks: the cue before, after or governing each quote."""

from __future__ import annotations

import re
from functools import lru_cache

from briefgen.extract.lexicon import Lexicon, load_data
from briefgen.extract.quotes.cues import Attribution, Cue, _cue_noun_re, _noun_use, _quote_only_cues
from briefgen.extract.quotes.marks import QSpan, _only_quotes
from briefgen.extract.quotes.patterns import (
    _ABBREV_DOT,
    _AUXILIARIES,
    _COORDINATED_VERB,
    _NEXT_WORD,
    _PORTFOLIO_LEAD,
    _WORD,
)
from briefgen.extract.quotes.rules import words
from briefgen.extract.quotes.speakers import (
    _BARE_ROLE,
    _inverted,
    _may_coordinate,
    _new_clause,
    _relative_antecedent,
    _speaker_for_cue,
    colon_intro_speaker,
    colon_subject,
    text_of,
)
from briefgen.extract.quotes.subjects import Attributor
from briefgen.records import Mention, QuoteKind

_SENTENCE_STOP = re.compile("[.;!?]")
_DETERMINER_ONLY = re.compile(r"\s+(?:(?:the|this|that|his|her|its|their|our|a|an)\s+)?")
_ONLY_ABBREVIATIONS = re.compile(r"[^.;!?]*(?:[A-Z]\.)+[^.;!?]*")
_RELATIVE_VERB = re.compile(r"\b(?:who|which)\s+(?:\w+\s+)?$")
_POSSESSOR_END = re.compile(r"(?:[’']s?|\bthe|\bhis|\bher|\btheir|\bits)\s+(?:\w+\s+)?$")
_SCARE_BEFORE = re.compile(
    r"(?:\bso-called|(?<![\w’'])(?:the|a|an|its|their|his|her|our|this|that))\s+(?:[a-z][\w-]*\s+)?$"
)
_ACCORDING_AFTER = re.compile(r"[,;]?\s*according to\s+(?:the\s+)?", re.IGNORECASE)
# after a cue and before the comma that opens a quote: a listener or a short adjunct, maybe then "that"
_SHORT_ADJUNCT = re.compile(
    r"(?:(?:[A-Z][\w’'.&-]*(?:\s+[A-Z][\w’'.&-]*){0,2}|reporters|supporters|voters|lawmakers|students"
    r"|(?:the|a|an)\s+(?:[a-z]+\s+)?(?:crowd|audience|meeting|rally|gathering|conference|briefing|forum|hearing))"
    r"(?:\s+(?:via|in|on|at|during|after|before|from|over)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}){0,2}"
    r"|(?:via|in|on|at|during|to|with|after|before|from|over|through)\s+[\w’'-]+(?:\s+[\w’'-]+){0,3})"
    r"(?:,?\s+that)?"
)
# the paragraph after a quote paragraph: "- Sanders.", "— Hillary Clinton, Feb. 4 debate"
# a credit line under a quote ("- Sanders."), not a live blog's byline ("– Posted by Kemi Ade", "— By X")
_CREDIT_LINE = re.compile(
    r"\s*\n\s*[-—–]\s*(?!(?:Posted|Reported|Reporting|Written|Edited|Updated|Compiled|By)\b)"
    r"([A-Z][^\n“”\"—–]{1,80}?)\.?[ \t]*(?:\n|$)"
)
# after a partial quote that ends its sentence: a whole new sentence of six words or more, not a tag
# ("... attacked the bill as a “tax on pizza.” Its leader, Tom Brown, said the government ...")
_NEW_SENTENCE_AFTER = re.compile(r"\s+[A-Z][^\s“”\"]*(?:\s+[^\s“”\"]+){6}")
_PRONOUN_OPENING = re.compile(r"(?:He|She|They|It|I|We|His|Her|Their)\b")
# the start of the last sentence of a gap between two quotes
_LAST_SENTENCE = re.compile(r"[.!?][”\"’]?\s+(?=[A-Z])")
_RELATIVE_ASIDE = re.compile(r",\s+who\s[^,;.“”\"]*$")
# a US politician's party and state after the name: "R-Wis.", "(D-N.Y.)"
# a party-and-state tag set off after a name ("Sen. X, R-Wis., said", "Rep. X (D-N.Y.) said"); not "D-Day."
_PARTY_TAG = re.compile(r"(?<=[,(] )[RDI]-[A-Z][a-z]{0,3}\.(?:[A-Z][a-z]?\.)*(?=\)|,)|(?<=[(,])[RDI]-[A-Z][a-z]{0,3}\."
                        r"(?:[A-Z][a-z]?\.)*(?=\)|,)")
_ROLE_LEAD_WORD = re.compile(r"[A-Za-z][A-Za-z’'-]*[A-Za-z]")


def _kind_of(text: str, q: QSpan, para_start: int, intro_cue: bool) -> QuoteKind:
    before = text[para_start : q.ms].rstrip()
    content = text[q.qs : q.qe].lstrip("[(")
    if not before or before[-1] in '.!?:”"' or intro_cue:
        return "direct"
    if content[:1].isupper() and before.endswith(","):
        return "direct"
    return "partial"


def _scare_quote(text: str, q: QSpan, p_start: int, lex: Lexicon) -> bool:
    """A short quote inside the writer's own noun phrase, with no reporting verb right before it."""
    if len(_WORD.findall(text[q.qs : q.qe])) > 3:
        return False
    m = _SCARE_BEFORE.search(text, max(p_start, q.ms - 40), q.ms)
    if m is None:
        return False
    if m.group().startswith("so-called"):
        return True
    prev = _WORD.findall(text[max(p_start, m.start() - 20) : m.start()])
    return not (prev and prev[-1].lower() in lex.cue_forms)  # "what they called a “betrayal”"


@lru_cache(maxsize=1)
def _work_title_data() -> tuple[re.Pattern[str], frozenset[str], re.Pattern[str]]:
    """The words before a work's title (a regex ending at the opening mark), a title's small words and the
    people of a work right after its title (a regex from the closing mark)."""
    data = load_data("cues.yml")["work_titles"]

    def alt(key: str) -> str:
        return "|".join(re.escape(str(w)) for w in data[key])

    before = re.compile(
        rf"(?:\b(?:{alt('nouns')}),?|\b(?:{alt('prepositions')})\s+(?:[A-Z][\w.&-]*\s+)?[A-Z][\w.&-]*[’']s"
        rf"|\b(?:{alt('verbs_on')})\s+on(?:\s+(?:the|his|her|their))?)\s*$"
    )
    after = re.compile(rf"\s+(?:{alt('people_after')})\b")
    return before, frozenset(str(w) for w in data["small_words"]), after


def _work_title(text: str, q: QSpan, p_start: int) -> bool:
    """A title-cased quote right after a work noun or a broadcaster's possessive: a programme, not words."""
    content = text[q.qs : q.qe].strip().rstrip(".,;:").strip()
    words = content.split()
    if not 1 <= len(words) <= 8 or not words[0][:1].isupper() or content.endswith(("!", "?")):
        return False
    before, small, after = _work_title_data()
    if not all(w[:1].isupper() or not w[:1].isalpha() or w.lower() in small for w in words):
        return False
    if text[q.qe - 1 : q.qe] not in ",.;:" and after.match(text, q.me):
        return True  # "the “Jane the Virgin” actress": no punctuation inside the marks, a work's people after
    return before.search(text, max(p_start, q.ms - 60), q.ms) is not None


def _continue_speaker(
    att: Attributor,
    text: str,
    quotes: list[QSpan],
    qi: int,
    q: QSpan,
    p_start: int,
    p_end: int,
    prev_open: bool,
    narrator: tuple[int, int] | None = None,
) -> None:
    """A quote with no attribution continues the previous quote's (or paragraph's) speaker."""
    prev = qi - 1
    while prev >= 0 and quotes[prev].speaker is None and _work_title(text, quotes[prev], p_start):
        prev -= 1  # "..., X told NBC’s “Today” on Monday. “...”": the programme's title is nobody's quote
    before = text[quotes[prev].me if prev >= 0 else p_start : q.ms]
    if prev >= 0 and quotes[prev].speaker and not _has_other_subject(att, before, quotes[prev].speaker):
        if not before.strip() or before.rstrip()[-1:] in ".!?":
            q.speaker, q.attributed = quotes[prev].speaker, True
            q.rule = "quote.continues.previous_quote"
    elif qi == 0 and not before.strip() and (prev_open or _only_quotes(text, quotes, p_start, p_end)):
        credit = _CREDIT_LINE.match(text, p_end, min(len(text), p_end + 80))
        if credit is not None and qi == len(quotes) - 1:
            # "“...”  ¶ - Sanders.": a fact-check's credit line under the quote names its speaker
            ms = [m for m in att.mentions_in(credit.start(1), credit.end(1)) if m.kind == "person"]
            q.speaker = att.speaker_of(ms[0], (credit.start(1), credit.end(1))) if ms else None
            q.attributed = q.speaker is not None
            q.rule = "quote.continues.credit_line"
            return
        if (
            not prev_open
            and narrator is not None
            and text[narrator[0] : narrator[1]].rstrip().endswith(":")
            and (att.mentions_in(narrator[0], narrator[1]) or att.cues(narrator[0], narrator[1]))
        ):
            # "Jared Potts, 17, echoed:" closing the paragraph before: the quote is that sentence's ("More
            # came later:", with no name and no reporting verb, leaves the quote to the speaker before)
            q.speaker = colon_intro_speaker(att, narrator)
            q.attributed = q.speaker is not None
            q.rule = "quote.continues.colon_intro"
            return
        subject = None if prev_open or narrator is None else _last_subject(att, narrator)
        q.speaker = subject or att.state.last_para_speaker
        q.attributed = q.speaker is not None
        if q.speaker is not None:
            q.rule = "quote.continues.narrator_subject" if subject else "quote.continues.previous_paragraph"


def _last_subject(att: Attributor, sent: tuple[int, int]) -> str | None:
    """The person who is the subject of a narrative sentence ("She pauses.", "Rutte walked out."), or None."""
    if sent[1] - sent[0] > 200 or not att.mentions_in(sent[0], sent[1]):
        return None
    found, spk = att.main_subject(sent, sent[1])
    return spk if found and spk and att.kinds.get(spk) == "person" else None


def _has_other_subject(att: Attributor, gap: str, speaker: str | None) -> bool:
    """Whether narrative between two quotes names a different speaker with a cue."""
    if speaker and any(speaker.split()[-1] in word for word in gap.split()[:6]):
        return False  # the gap is the previous quote's own attribution ("Macron told reporters.")
    # the cheap tests first: the cue regex is a long alternation
    stripped = gap.strip()
    if len(stripped) > 40 and stripped[:1].isupper() and bool(att.lex.cue_re.search(gap[:200])):
        return True
    # "“...,” Anna said. Cafe owner Tom Brown said he was tired. “...”": a later sentence reports another
    breaks = list(_LAST_SENTENCE.finditer(gap))
    tail = gap[breaks[-1].end() :] if breaks else ""
    return (
        len(tail.strip()) > 20
        and not (speaker and speaker.split()[-1] in tail)
        and bool(att.lex.cue_re.search(tail[:200]))
        and _PRONOUN_OPENING.match(tail) is None
    )


def _next_sentence_cue(att: Attributor, q: QSpan, after: str, sent: tuple[int, int], speaker: str | None) -> bool:
    """Whether the cue after a partial quote that ends its sentence belongs to a whole new sentence about
    another speaker than the quote's sentence's subject ("... attacked the bill as a “tax.” Its leader, X, said")."""
    return _NEW_SENTENCE_AFTER.match(after) is not None and att.main_subject(sent, q.ms)[1] != speaker


def _attribute_quote(
    att: Attributor,
    text: str,
    quotes: list[QSpan],
    qi: int,
    q: QSpan,
    sent: tuple[int, int],
    p_start: int,
    p_end: int,
    used: set[int],
    lex: Lexicon,
) -> None:
    nxt_start = quotes[qi + 1].ms if qi + 1 < len(quotes) else p_end
    prev_end = quotes[qi - 1].me if qi else p_start
    content = text[q.qs : q.qe].rstrip()
    ends_sentence = content[-1:] in (".", "!", "?", "…") and q.me < p_end
    after = text[q.me : nxt_start]
    before = text[prev_end : q.ms]
    used_intro: set[int] = set()
    used_inline: set[int] = set()
    intro = _intro(att, before, prev_end, q.ms, sent, used_intro, lex)
    inline = _after_attribution(att, text, q, after, nxt_start, sent, used_inline, lex)
    q.kind = _kind_of(text, q, max(prev_end, sent[0]), intro is not None)
    if q.kind == "partial":
        source = _ACCORDING_AFTER.match(text, q.me, nxt_start)
        if source is not None:
            ms = att.mentions_in(source.end(), source.end() + 1)
            if ms and ms[0].kind != "country":
                spk = att.speaker_of(ms[0], sent)
                # "X's view is “too sanguine,” according to Y": the source after the quote speaks
                q.speaker, q.cue, q.attributed = spk, "according to", spk is not None
                q.rule = "quote.according_to_after"
                return
        governing = _governing_cue(att, text, q, sent, used, lex)
        if governing is not None and governing[0] is None and not ends_sentence and inline and inline[0] is not None:
            governing = None  # "... was “a racist comment,” Mr. Ryan said": the cue after names the speaker
        if governing is not None:
            q.speaker, q.cue, q.attributed = governing[0], governing[1], governing[2]
            q.unnamed, q.rule = governing[3], governing[4]
            return
        if inline is not None and ends_sentence and _next_sentence_cue(att, q, after, sent, inline[0]):
            q.cue, q.rule = inline[1], "quote.unattributed"  # the cue after is the next sentence's: nobody
        elif inline is not None:
            q.speaker, q.cue, q.attributed, q.rule = inline
            used |= used_inline
        return
    first, second = (intro, inline) if ends_sentence and not _lower_start(after) else (inline, intro)
    if first is not None and second is not None and not first[2] and second[2] and first[0] is None:
        first, second = second, first
    for choice in (first, second):
        if choice is not None:
            q.speaker, q.cue, q.attributed, q.rule = choice
            used |= used_intro if choice is intro else used_inline
            return
    if content[-1:] in (",", "?", "!"):
        tag = _speech_tag(att, text, q.me, nxt_start, sent)
        if tag is not None:
            q.speaker, q.cue, q.attributed, q.rule = tag, None, True, "quote.speech_tag"


# a tag verb after the name: "Hannity pressed.", "Bozell points out.", "Roe replied evenly,"
_TAG_VERB_AFTER = re.compile(r"\s+([a-z]+(?:ed|es|s))(?:\s+(?:out|back|on|up))?(?:\s+[a-z]+ly)?\s*[.,]")
# a tag verb before the name: "” beamed Donald Hartley of Madison", "” pressed Roe."
_TAG_VERB_BEFORE = re.compile(r"\s+([a-z]+ed)\s+")
_TAG_VERBS = words("quote.speech_tag", "verbs")


def _speech_tag(att: Attributor, text: str, me: int, limit: int, sent: tuple[int, int]) -> str | None:
    """ "“Would it be negotiable?” Hannity pressed.", "“This is fantastic!” beamed Jo Ray of Ohio.": a quote
    ending in a comma, ? or ! and closed by a name and a dialogue-tag verb (quote_rules.yml: of speaking or its
    manner) that ends the clause: the named person (or a pronoun's person) speaks."""
    limit = min(limit, me + 120)  # a quote ending in ? or ! may end its sentence: the tag lies after it
    ms = [m for m in att.mentions_in(me, limit) if m.kind in ("person", "surname") or m.rule == "pronoun"]
    if not ms:
        return None
    m = ms[0]
    if text.startswith(("’s", "'s"), m.end):
        return None  # "Roe's brother beamed", "exhorted Roe's introducer, X": the possessor does not speak
    gap = text[me : m.start]
    if not gap.strip():
        v = _TAG_VERB_AFTER.match(text, m.end, limit + 2)
        if v is None or v.group(1) not in _TAG_VERBS:
            return None
    else:
        v = _TAG_VERB_BEFORE.fullmatch(gap)
        if v is None or v.group(1) not in _TAG_VERBS or m.rule == "pronoun":
            return None
    if m.rule != "pronoun" and att.kinds.get(m.name or "") != "person":
        return None
    return att.speaker_of(m, (sent[0], max(sent[1], m.end)))


def _lower_start(after: str) -> bool:
    s = after.lstrip(" ,")
    return bool(s) and s[0].islower()


def _intro(
    att: Attributor, before: str, a: int, b: int, sent: tuple[int, int], used: set[int], lex: Lexicon
) -> Attribution | None:
    """A cue ending the text before a quote: "Hegseth said:", "..., saying,", "Rutte:"."""
    stripped = before.rstrip()
    if not stripped:
        return None
    end = a + len(stripped)
    tail = stripped.rstrip(",:")
    tail_end = a + len(tail)
    m = None
    colon = stripped.endswith(":")
    punctuated_comma = stripped.endswith(",")
    window = att.cues(max(a, tail_end - 40), tail_end)
    if window and window[-1].e == tail_end:
        window = window[-1:]  # "..., and added:": the verb right before the mark introduces the quote
    for cm in window:
        between = text_of(att)[cm.e : tail_end].strip()
        if cm.e == tail_end or between.lower() in ("that", "it", "this", "me", "us", "him", "her", "them"):
            m = cm
        elif colon and len(between.split()) <= 4 and not any(ch in between for ch in '.;!?”"'):
            m = cm  # "told MPs:", "said in a statement:"
            break  # the first verb: in "told state radio:" the later "state" is a noun
        elif punctuated_comma and _SHORT_ADJUNCT.fullmatch(between) and not _noun_use(text_of(att), cm.s, a):
            m = cm  # "told CBS,", "said via email that,", "said in a statement Monday,"
            break
    punctuated = stripped.endswith((",", ":"))
    if m is not None and not punctuated:
        word = m.surface.lower().split()[0]
        lemma = lex.cue_forms.get(word)
        if (not word.endswith("ing") and lemma not in lex.intro_verbs) or lemma in _quote_only_cues():
            m = None  # "would respond “within days”", "would continue “for as long as”": no quotation follows
    if m is None:
        if stripped.endswith(":"):
            ms = att.mentions_in(max(a, sent[0]), end)
            if ms and not text_of(att)[ms[-1].end : end - 1].strip():
                return att.speaker_of(ms[-1], sent), None, True, "quote.name_colon"
            return colon_subject(att, sent, end)
        return None
    used.add(m.s)
    cue = m.surface
    found, speaker, how = _speaker_for_cue(att, m.s, m.e, cue, sent, lex)
    return speaker, cue.lower(), found and speaker is not None, "quote.cue_before." + how


_NOUN_TO_QUOTE_BREAK = re.compile(r"\s(?:and|but|while|or)\s|[;—–]")


def _after_attribution(
    att: Attributor,
    text: str,
    q: QSpan,
    after: str,
    limit: int,
    sent: tuple[int, int],
    used: set[int],
    lex: Lexicon,
) -> Attribution | None:
    """Attribution right after a quote: ", she said", "said Kallas", "Mr Rutte told reporters"."""
    s = after.lstrip(" ,")
    if not s:
        return None
    start = q.me + (len(after) - len(s))
    stretch_end = min(limit, start + 120)
    m = att.first_cue(start, stretch_end)
    if m is None:
        return None
    if "who" in text[start : m.s] and _RELATIVE_ASIDE.search(text, start, m.s):
        # "“...,” Cruz, who has proposed a repeal, said": the cue inside the relative clause is not the report
        later = att.first_cue(m.e, stretch_end)
        if later is not None and "," in text[m.e : later.s]:
            m = later
    head = text[start : m.s]
    bare_head = _PARTY_TAG.sub("", _ABBREV_DOT.sub("", head)) if "." in head else head
    if _SENTENCE_STOP.search(bare_head) and not _ONLY_ABBREVIATIONS.fullmatch(bare_head):
        return None
    used.add(m.s)
    cue = m.surface.lower()
    wide = (sent[0], max(sent[1], min(limit, m.e + 120)))  # the speaker of "said X" may follow the sentence end
    if not head.strip():
        found, spk = _inverted(att, m.e, wide)
        return spk, cue, found and spk is not None, "quote.cue_after.inverted"
    ms = [x for x in att.mentions_in(start, m.s) if x.end <= m.s]
    if not ms:
        return _unnamed_after(att, text, start, m, cue, wide)
    if head[:1].islower() and head.rstrip().endswith(","):
        found, spk = _inverted(att, m.e, wide)  # "“...” for Clinton, said Kunin": the quote's clause ends first
        if found and spk is not None and att.kinds.get(spk) == "person":
            return spk, cue, True, "quote.cue_after.clause_inverted"
    subj = _apposition_head(att, text, start, m.s, ms)
    lead_raw = text[start : subj.start].strip()
    lead = lead_raw.lower()
    if lead not in ("", "the") and not lead.endswith(",") and not _role_lead(att, lead_raw):
        return None, cue, False, "quote.cue_after.noun_phrase"  # "the statement", "seven countries and the EU"
    if not att._gap_ok(text[subj.end : m.s], subj.kind == "person") or att._is_collective(subj):
        return None, cue, False, "quote.cue_after.collective"
    turn = _dialogue_turn(att, subj, cue) if subj.rule == "pronoun" and subj is ms[-1] else None
    spk = turn or att.speaker_of(subj, sent)
    return spk, cue, spk is not None, "quote.cue_after.dialogue_turn" if turn else "quote.cue_after.subject"


def _unnamed_after(
    att: Attributor, text: str, start: int, m: Cue, cue: str, wide: tuple[int, int]
) -> Attribution:
    """A cue after a quote with no mention before it: "the minister said", or "..., said X" after a clause."""
    bare = _BARE_ROLE.match(text, start, m.s)
    if bare is not None and bare.group(1) in att.lex.role_heads:
        holder = att._holder(bare.group(1), None, start)  # "“...,” the minister said": the role's holder
        return holder, cue, holder is not None, "quote.cue_after.role_holder"
    if text[start : m.s].rstrip().endswith(","):
        # "X “drew well” in 2008, said professor Ann Roe": the clause ends, the speaker follows the cue
        found, spk = _inverted(att, m.e, wide)
        if found and spk is not None:
            return spk, cue, True, "quote.cue_after.clause_inverted"
    return None, cue, False, "quote.cue_after.no_subject"


def _apposition_head(att: Attributor, text: str, start: int, cue_start: int, ms: list[Mention]) -> Mention:
    """The subject among the mentions before a cue: the last one, or a person opening an apposition."""
    subj = ms[-1]
    opener = ms[0]
    if (
        opener is not subj
        and opener.kind == "person"
        and opener.rule != "pronoun"
        and (not text[start : opener.start].strip() or text[start : opener.start].strip() in att.lex.honorifics)
        and (
            text.startswith(",", opener.end)
            or (text.startswith((" of ", " at ", " from "), opener.end) and all(m.kind != "person" for m in ms[1:]))
        )
        and att._gap_ok(text[opener.end : cue_start], True)
    ):
        return opener  # the later mentions sit inside the apposition or affiliation ("X of the Y Center said")
    return subj


def _role_lead(att: Attributor, lead_raw: str) -> bool:
    """Whether the words before a speaker's name are a title ("IG Metall negotiator", "the party leader")."""
    roles = att.roles
    lead_words = lead_raw.split()
    qualified_role = (
        bool(lead_words)
        and lead_words[-1].lower() in roles
        and all(w[:1].isupper() or w.lower() in roles for w in lead_words)
    )  # "IG Metall negotiator X", "Texas Gov. X"
    role_lead = qualified_role or all(
        w.lower() in roles
        or w.lower() in ("the", "a", "of")
        or w.title() in att.lex.demonyms
        or w in att.lex.honorifics
        or (w.isupper() and len(w) <= 5)  # an acronym qualifying the role: "RN president X"
        for w in lead_words
    )
    if _PORTFOLIO_LEAD.search(lead_raw):
        role_lead = True  # "..., Trade, Industry and Energy Minister X said": a portfolio list opens the title
    elif 1 < len(lead_words) <= 4 and lead_words[-1].lower() in att.lex.role_heads:
        role_lead = all(w.isalpha() for w in lead_words)  # "union president X told", "the party leader X said"
    if not role_lead and 1 < len(lead_words) <= 6 and lead_words[-1].lower() in att.lex.role_heads:
        # "CrowdStrike co-founder X told", "former State policy planning director X wrote": words only, no
        # verb or clause joint among them
        role_lead = all(
            _ROLE_LEAD_WORD.fullmatch(w)
            and w.lower() not in att.lex.cue_forms
            and w.lower() not in _AUXILIARIES
            and w.lower() not in ("and", "but", "while", "or", "that", "who", "which")
            for w in lead_words
        )
    if not role_lead and len(lead_words) <= 2 and lead_words and lead_words[-1].endswith(("’s", "'s")):
        role_lead = all(w[:1].isupper() for w in lead_words)  # "Gallup’s Jeffrey Jones wrote": the employer
    return bool(role_lead)


_REPLY_LEMMAS = words("quote.cue_after.dialogue_turn", "reply_verbs")


def _dialogue_turn(att: Attributor, subj: Mention, cue: str) -> str | None:
    """A pronoun answering a question is the person asked ("X asked Y whether ... “No,” he replied"); the next
    "she asked" goes back to the asker."""
    lemma = att.lex.cue_forms.get(cue.split()[0])
    gender = att.lex.pronouns.get(subj.text.lower())
    text = att.text
    if lemma in _REPLY_LEMMAS:
        for c in reversed(att.cues(max(0, subj.start - 400), subj.start)):
            if att.lex.cue_forms.get(c.surface.lower()) != "ask" or att.in_quote(c.s):
                continue
            after = att.mentions_in(c.e, c.e + 40)
            if not after or text[c.e : after[0].start].strip():
                return None
            if after[0].kind != "person" or after[0].rule == "pronoun":
                return None
            sent = (max(0, c.s - 200), c.e)
            found, asker = att.subject_before(c.s, sent)
            asked = att.speaker_of(after[0], sent)
            if not found or asker is None or asked is None or asker == asked or not att._compatible(asked, gender):
                return None
            att.state.exchange = (asker, asked)
            return asked
        return None
    if lemma == "ask" and att.state.exchange is not None:
        asker, asked = att.state.exchange
        if att.state.history[-1:] == [asked] and att._compatible(asker, gender):
            return asker
    return None


# a reporting noun, then words ending in "as" right before the quote: the noun is described, it does not speak
_AS_BEFORE_QUOTE = re.compile(r"\bas\s*$")
_BE_FORMS = frozenset({"be", "been", "being", "is", "are", "was", "were"})
_BY_AFTER = re.compile(r"[”\"’,]*\s+by\s")


def _noun_opens_clause(after_noun: str, lex: Lexicon, after_quote: str = "") -> bool:
    """Whether the words between a reporting noun and a quote make the noun the subject of a reported clause
    ("her tweet was “a joke”"), not the speaker of the quote: an auxiliary with no verb of saying after it
    ("the statement had described the plan as “...”" quotes the statement), or with a passive one ("X's
    statement had been called “a whitewash” by critics": the noun is what was called so, not who spoke)."""
    words_ = _WORD.findall(after_noun)
    aux = next((i for i, w in enumerate(words_) if w in _AUXILIARIES), None)
    if aux is None:
        return False
    cues = [i for i in range(aux + 1, len(words_)) if words_[i].lower() in lex.cue_forms]
    if not cues:
        return True
    return words_[cues[0] - 1].lower() in _BE_FORMS or _BY_AFTER.match(after_quote) is not None


def _noun_speaks(text: str, q: QSpan, noun: tuple[int, int, str], best: Cue, lex: Lexicon) -> bool:
    """Whether a reporting noun before a partial quote, after the verb ``best``, still owns the quote."""
    if _DETERMINER_ONLY.fullmatch(text, best.e, noun[0]):
        return False  # "called the proposal “a bad idea”": the noun is the verb's object, the verb reports
    if best.s >= noun[0]:
        return True
    if _AS_BEFORE_QUOTE.search(text, noun[1], q.ms) and not any(
        w.lower() in lex.cue_forms for w in _WORD.findall(text[noun[1] : q.ms])
    ):
        return False  # "accused ministers of treating the pledge as “a slogan”": what the noun is called
    if _NOUN_TO_QUOTE_BREAK.search(text, noun[1], q.ms):
        return False  # "said Beijing welcomes Seoul's position and opposes “...”": not the noun's content
    first = _NEXT_WORD.match(" " + text[q.qs : q.qs + 20].lower())
    if first is not None and (first.group(1) in _AUXILIARIES or first.group(1) == "not"):
        return False  # "said the minister's comments “do not help”": the noun is the subject the verb reports on
    # "told X that her tweet was “a joke”": the noun opens the reported clause (speakers19)
    return not (q.ms - noun[1] < 60 and _noun_opens_clause(text[noun[1] : q.ms], lex, text[q.me : q.me + 8]))


def _governing_cue(
    att: Attributor, text: str, q: QSpan, sent: tuple[int, int], used: set[int], lex: Lexicon
) -> tuple[str | None, str | None, bool, bool, str] | None:
    """For a partial quote: the nearest reporting verb or noun before it in the same sentence."""
    best = None
    outer = None
    for m in att.cues(sent[0], q.ms):
        if att.in_quote(m.s) or _noun_use(text, m.s, sent[0]):
            continue
        if lex.cue_forms.get(m.surface.lower().split()[0]) in _quote_only_cues():
            continue  # "prices continued to “soar”"
        lead = text[max(sent[0], m.s - 20) : m.s]
        coordinated = _may_coordinate(lead) and _COORDINATED_VERB.search(lead)
        relative = ("who" in lead or "which" in lead) and _RELATIVE_VERB.search(lead)
        if outer is not None and not coordinated and not relative and not _new_clause(att, text, outer.e, m.s, sent):
            continue  # a verb inside the reported clause ("said the bloc would respond") is not the cue
        best = m
        if outer is None and _speaker_for_cue(att, m.s, m.e, m.surface, sent, lex)[1] is not None:
            outer = m
    noun = None
    for nm in _cue_noun_re().finditer(text[sent[0] : q.ms]):
        noun = (sent[0] + nm.start(), sent[0] + nm.end(), nm.group())
    if noun and best is not None and not _noun_speaks(text, q, noun, best, lex):
        noun = None
    if noun and (best is None or noun[0] > best.s):
        # "X's mantra of ...": only the possessor speaks; otherwise nobody we know
        pos = text[max(sent[0], noun[0] - 60) : noun[0]]
        ms = [
            x
            for x in att.mentions_in(max(sent[0], noun[0] - 60), noun[0])
            if text.startswith(("’s ", "'s "), x.end) and x.end + 3 >= noun[0] - 20
        ]
        if ms and text[ms[-1].end : noun[0]].strip() in ("’s", "'s"):
            spk = att.speaker_of(ms[-1], sent)
            return spk, noun[2].lower(), spk is not None, False, "quote.reporting_noun.possessor"
        if _POSSESSOR_END.search(pos) or best is None:
            holder = _relative_antecedent(att, text, sent, noun[0])
            if holder is not None:
                return holder, noun[2].lower(), True, False, "quote.reporting_noun.relative_who"
            return None, noun[2].lower(), False, False, "quote.reporting_noun.unknown"
    if best is None:
        return None
    used.add(best.s)
    found, spk, how = _speaker_for_cue(att, best.s, best.e, best.surface, sent, lex)
    rule = "quote.governing_cue." + how
    return spk, best.surface.lower(), found and spk is not None, found and spk is None, rule
