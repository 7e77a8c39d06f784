"""Safe, stable file names: every output path comes from a slug, never from raw text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping

from slugify import slugify

_RESERVED = {
    "index",  # each page family's folder has an index.md listing it
    "con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)), *(f"lpt{i}" for i in range(1, 10))
}
MAX_SLUG = 60


def slug(text: str, fallback: str = "item") -> str:
    """A lowercase ASCII slug of at most MAX_SLUG characters, never empty, '.', '..' or a reserved name."""
    value = slugify(text.replace("\x00", " "), max_length=MAX_SLUG, word_boundary=True, save_order=True)
    if not value:
        value = f"{fallback}-{hashlib.sha1(text.encode('utf-8', 'replace')).hexdigest()[:8]}"
    if value in _RESERVED:
        value = f"{value}-{fallback}"
    return value


def unique_slugs(keys: Iterable[str], fallback: str = "item") -> dict[str, str]:
    """Distinct slugs for distinct keys; collisions get a stable hash suffix, whatever the input order."""
    ordered = sorted(set(keys))
    base = {key: slug(key, fallback) for key in ordered}
    seen: dict[str, list[str]] = {}
    for key in ordered:
        seen.setdefault(base[key], []).append(key)
    result: dict[str, str] = {}
    for value, owners in seen.items():
        if len(owners) == 1:
            result[owners[0]] = value
            continue
        for key in owners:
            digest = hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:6]
            result[key] = f"{value[: MAX_SLUG - 7]}-{digest}"
    return result


def unique_slugs_for(names: Mapping[str, str], fallback: str = "item") -> dict[str, str]:
    """Distinct slugs for keys from their display names; equal names get a stable hash of the key."""
    base = {key: slug(name, fallback) for key, name in names.items()}
    owners: dict[str, list[str]] = {}
    for key in sorted(base):
        owners.setdefault(base[key], []).append(key)
    taken = {value for value, keys in owners.items() if len(keys) == 1}
    result: dict[str, str] = {}
    for value, keys in owners.items():
        if len(keys) == 1:
            result[keys[0]] = value
            continue
        for key in keys:
            digest = hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()
            candidate = f"{value[: MAX_SLUG - 7]}-{digest[:6]}"
            n = 6
            while candidate in taken:  # a suffixed slug that equals another key's plain slug
                n += 1
                candidate = f"{value[: MAX_SLUG - n - 1]}-{digest[:n]}"
            taken.add(candidate)
            result[key] = candidate
    return result
