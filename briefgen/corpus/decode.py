"""Bytes to clean Unicode: BOMs, UTF-8, legacy encodings, mojibake repair, whitespace."""

from __future__ import annotations

import codecs
import contextlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"\xd0\xcf\x11\xe0", "Office document"),
    (b"RIFF", "RIFF media file"),
    (b"\x7fELF", "executable"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class NotText(ValueError):
    """The bytes are not text (a binary file or an undecodable encoding)."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded text and what the decoder had to guess or repair."""

    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


_TEXT_BYTES = bytes([9, 10, 12, 13, 27, *range(32, 256)])  # deleting these leaves the control bytes


def binary_kind(raw: bytes) -> str | None:
    """A name for the kind of binary file these bytes start, or None when they may be text."""
    head = raw[:16]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return name
    if any(raw.startswith(bom) for bom, _ in _BOMS):
        return None
    sample = raw[:8192]
    if b"\x00" in sample:
        return "binary data (NUL bytes)"
    controls = len(sample.translate(None, _TEXT_BYTES))
    if sample and controls / len(sample) > 0.05:
        return "binary data (control bytes)"
    return None


def _cp1252_fallback(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: read each invalid byte as Windows-1252 (latin-1 for its 5 holes)."""
    assert isinstance(error, UnicodeDecodeError)
    bad = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), error.end


codecs.register_error("briefgen-cp1252", _cp1252_fallback)

_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def decode_bytes(raw: bytes) -> Decoded:
    """Decode bytes: BOM first, then strict UTF-8, then a mixed UTF-8 repair or a detected legacy encoding."""
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            try:
                return Decoded(raw.decode(codec), codec.replace("-sig", ""))
            except UnicodeDecodeError as exc:
                text = raw.decode(codec, errors="replace")
                return Decoded(text, codec, (f"invalid {codec} bytes at byte {exc.start}; replaced",))
    try:
        return Decoded(raw.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _UTF8_MULTIBYTE.search(raw):
        # Mostly UTF-8 with a few stray legacy bytes (text pasted from two sources): keep the UTF-8.
        text = raw.decode("utf-8", errors="briefgen-cp1252")
        line = raw.count(b"\n", 0, first_bad) + 1
        where = f"line {line} (byte {first_bad})"
        return Decoded(text, "utf-8", (f"invalid UTF-8 at {where}; stray bytes read as Windows-1252",))
    encoding = _detect_legacy(raw)
    if encoding is None:
        raise NotText(f"not valid UTF-8 (byte {first_bad}) and no other encoding fits")
    return Decoded(raw.decode(encoding, errors="replace"), encoding, (f"not UTF-8; decoded as {encoding}",))


def _detect_legacy(raw: bytes) -> str | None:
    import charset_normalizer

    matches = list(charset_normalizer.from_bytes(raw))
    if not matches:
        return None
    best = matches[0]
    for match in matches:
        # Windows-1252 is by far the most common legacy encoding of English and Western European news;
        # prefer it over an equally plausible Baltic or Central European code page.
        if match.encoding == "cp1252" and match.chaos <= best.chaos + 0.1:
            return "cp1252"
    return str(best.encoding)


# --- mojibake -------------------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _ftfy() -> tuple[Any, Any]:
    """ftfy's fixer and our settings for it (imported on first use: it is slow to import)."""
    import ftfy

    config = ftfy.TextFixerConfig(
        uncurl_quotes=False,  # curly quotes are evidence of quotation
        fix_character_width=False,
        fix_latin_ligatures=True,
        normalization="NFC",
        explain=False,
    )
    return ftfy.fix_text, config


@lru_cache(maxsize=1)
def _continuation_chars() -> str:
    """Characters that bytes 0x80-0xBF become when UTF-8 is misread as Windows-1252 or Latin-1."""
    chars = set()
    for b in range(0x80, 0xC0):
        chars.add(bytes([b]).decode("latin-1"))
        with contextlib.suppress(UnicodeDecodeError):
            chars.add(bytes([b]).decode("cp1252"))
    return "".join(sorted(chars))


@lru_cache(maxsize=1)
def _mojibake_re() -> re.Pattern[str]:
    cont = "[" + re.escape(_continuation_chars()) + "]"
    return re.compile(rf"(?:[\u00c2-\u00df]{cont}|[\u00e0-\u00ef]{cont}{{2}}|[\u00f0-\u00f4]{cont}{{3}})+")


_MOJIBAKE_LEAD = re.compile("[\u00c2-\u00f4]")  # a quick test before the full (slower) regex


def _to_bytes(run: str) -> bytes | None:
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            try:
                out += ch.encode("latin-1")
            except UnicodeEncodeError:
                return None
    return bytes(out)


def _markers(text: str) -> int:
    return len(_mojibake_re().findall(text))


def _in_word(match: re.Match[str]) -> bool:
    """Only word-internal or word-final runs are suspects: "DovilÄ— Sakaliene", not "Ä — " between words."""
    text = match.string
    before = text[match.start() - 1] if match.start() else ""
    after = text[match.end()] if match.end() < len(text) else ""
    return before.isalpha() or after.isalpha()


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    if not _in_word(match):
        return run
    raw = _to_bytes(run)
    if raw is None:
        return run
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return run
    if any(unicodedata.category(ch).startswith("C") for ch in fixed):
        return run
    return fixed if _markers(fixed) < _markers(run) else run


# What ftfy can fix: Latin-1/C1 range (mojibake), ligatures, surrogates, control characters, HTML entities.
# Lines without any of these (plain ASCII, curly quotes, most letters outside Latin-1) are left as they are,
# which keeps ftfy off the hot path of clean text.
_FTFY_SUSPECT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\xff\ufb00-\ufb06\ud800-\udfff\ufffd&\x1b]")


def _ftfy_suspect_lines(text: str) -> str:
    """ftfy applied to the lines that hold a suspect character, the other lines copied as they are."""
    fix_text, config = _ftfy()
    out: list[str] = []
    pos = 0
    for match in _FTFY_SUSPECT.finditer(text):
        if match.start() < pos:
            continue
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        end = len(text) if end == -1 else end
        out.append(text[pos:start])
        out.append(fix_text(text[start:end], config))
        pos = end
    out.append(text[pos:])
    return "".join(out)


# UTF-8 read as GBK (Simplified Chinese): every curly quote and dash starts with "鈥" (bytes E2 80); runs of
# Han characters (and U+FFFD where GBK could not pair a byte) in otherwise Latin text
_GBK_RUN = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\ufffd]+")
_GBK_LEAD = "鈥"


def _gbk_lost_byte(before: str, after: str, line: str) -> bytes:
    """The third byte of a punctuation mark GBK swallowed: a dash between spaces, else a closing double
    quote when one is open on the line, else an apostrophe."""
    if before in " \n" and after in " \n":
        return b"\x94"  # —
    if line.count("“") > line.count("”"):
        return b"\x9d"  # ”
    return b"\x99"  # ’


def repair_gbk_mojibake(text: str) -> str:
    """Undo UTF-8 read as GBK ("It鈥檚", "鈥淭here"): the Han runs go back to GBK bytes, read as UTF-8.

    Only for Latin-script text holding the tell-tale lead at least twice; a mark whose last byte was lost
    ("鈥�") is guessed from its neighbours."""
    if text.count(_GBK_LEAD) < 2:
        return text
    han = sum(len(m.group()) for m in _GBK_RUN.finditer(text))
    if han > sum(1 for c in text if c.isascii() and c.isalpha()):
        return text  # real Chinese (or a mostly non-Latin text): leave it
    out: list[str] = []
    pos = 0
    for m in _GBK_RUN.finditer(text):
        out.append(text[pos : m.start()])
        line = "".join(out)
        line = line[line.rfind("\n") + 1 :]
        before = text[m.start() - 1] if m.start() else " "
        after = text[m.end()] if m.end() < len(text) else " "
        raw = bytearray()
        for ch in m.group():
            if ch == "\ufffd":
                raw += _gbk_lost_byte(before, after, line)
                continue
            try:
                raw += ch.encode("gbk")
            except UnicodeEncodeError:
                raw += ch.encode("utf-8")
        if raw.endswith(b"\xe2\x80"):
            raw += _gbk_lost_byte(before, after, line)  # the lost byte dropped, not replaced
        out.append(raw.decode("utf-8", errors="replace"))
        pos = m.end()
    out.append(text[pos:])
    return "".join(out)


def repair_mojibake(text: str) -> tuple[str, bool]:
    """Fix mis-decoded text with ftfy, then the word-internal runs ftfy leaves; also say if damage remains."""
    if text.isascii():
        return text, False
    if _GBK_LEAD in text:
        text = repair_gbk_mojibake(text)
    if _FTFY_SUSPECT.search(text):
        text = _ftfy_suspect_lines(text)
        if _MOJIBAKE_LEAD.search(text) and _mojibake_re().search(text):
            text = _mojibake_re().sub(_repair_run, text)
    text = unicodedata.normalize("NFC", text)
    return text, is_damaged(text)


def is_damaged(text: str) -> bool:
    """True when a text still holds replacement marks or word-internal mojibake."""
    return "\ufffd" in text or (
        _MOJIBAKE_LEAD.search(text) is not None and any(_in_word(m) for m in _mojibake_re().finditer(text))
    )


# --- whitespace ------------------------------------------------------------------------------------

_INVISIBLE = re.compile("[\u200b\u200e\u200f\u2060\ufeff\u00ad]")


def normalise_line(line: str) -> str:
    """One line with invisible characters dropped and every run of spaces (incl. NBSP) made one space."""
    if not line.isascii() and _INVISIBLE.search(line):
        line = _INVISIBLE.sub("", line)
    return " ".join(line.split())


def split_lines(text: str) -> list[str]:
    """Lines of a text; Unicode line and paragraph separators count as line ends."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n").split(
        "\n"
    )
