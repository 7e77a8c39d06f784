"""Regex alternations of word lists as prefix trees: same matches, tried in the same order, but faster.

``abc|ab|a`` (longest first) is how the extractors write "any of these words". Python's regex engine tries
such an alternation branch by branch, so a list of hundreds of place names costs hundreds of tests at every
position where the regex is tried. A prefix tree (``a(?:b(?:c)?)?``) tests one character at a time. At
one position the words of the list that match are prefixes of one another, and the tree, greedy, tries them
longest first, as the sorted alternation does; so the first match, and every step of backtracking, is the
same.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

_Node = dict[str, "_Node"]
_END = ""  # key of the end-of-word mark (never a character)


def trie_alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """A group matching exactly the words, longest first. With ``ignore_case`` (for a case-insensitive
    pattern) ASCII words are lower-cased; a list with other words falls back to the sorted alternation."""
    unique = sorted(set(words), key=len, reverse=True)
    if ignore_case and not all(w.isascii() for w in unique):
        return "(?:" + "|".join(re.escape(w) for w in unique) + ")"
    root: _Node = {}
    for word in unique:
        node = root
        for ch in word.lower() if ignore_case else word:
            node = node.setdefault(ch, {})
        node[_END] = {}
    if not root:
        return "(?!)"
    return "(?:" + _emit(root) + ")"


def _emit(node: _Node) -> str:
    branches = [re.escape(ch) + _emit(child) for ch, child in sorted(node.items()) if ch != _END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if _END in node:
        return f"(?:{body})?"  # a word may end here: first try a longer one, then stop
    return body


# The scans of the text analysed last: (text, {(pattern, pos, endpos): match ends}). One article at a time,
# so a scan asked again for the same article (every quote of a paragraph asks for its sentence) runs once.
_SCANS: tuple[str, dict[tuple[re.Pattern[str], int, int], list[int]]] = ("", {})


def match_ends(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> list[int]:
    """``[m.end() for m in pattern.finditer(text, pos, endpos)]``, scanned once per text (the last text's scans
    are kept; the caller must not change the list)."""
    global _SCANS
    held, scans = _SCANS
    if held is not text:
        scans = {}
        _SCANS = (text, scans)  # one assignment: another thread sees the old pair or the new one
    key = (pattern, pos, endpos)
    ends = scans.get(key)
    if ends is None:
        ends = scans[key] = [m.end() for m in pattern.finditer(text, pos, endpos)]
    return ends
