"""Per-article analysis cache: records stored by content hash, never trusted when stale or corrupt."""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import pickle
import tempfile
import types
import typing
from collections.abc import Mapping
from dataclasses import dataclass, fields
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from briefgen import __version__
from briefgen.config import Settings
from briefgen.records import Analysis, Article, Skipped

# Rule files read only after the per-article map (positions, topics, actor overrides) or not about analysis
# (briefgen.yml): editing them, e.g. renaming a topic, must not re-analyse the corpus.
REDUCE_ONLY = frozenset({"briefgen.yml", "topics.yml", "actors.yml", "languages.yml"})
# Bump when the stored layout changes; old entries then miss instead of loading wrongly.
# 2: entries carry the hash of the text they were made from; 3: quotes carry display and stance; 4: and their rule.
# 5: actors carry the rules that made their mentions.
# 6: statements name the partial quotes they contain and a nameless source as written.
# 7: quotes keep a withheld stance label (stances.yml shown).
CACHE_FORMAT = 7
_TAG = "briefgen-analysis"
# Analysis fields other than the article: what a worker sends back and what the cache stores.
PAYLOAD_FIELDS = tuple(f.name for f in fields(Analysis) if f.name != "article")

Payload = dict[str, Any]


def payload_of(analysis: Analysis) -> Payload:
    """An Analysis without its article (the caller already holds the article's text)."""
    return {name: getattr(analysis, name) for name in PAYLOAD_FIELDS}


def analysis_from(article: Article, payload: Payload) -> Analysis:
    """Re-attach an article to a payload."""
    return Analysis(article=article, **payload)


# --- JSON of frozen records, decoded by their type hints (no pickle: a cache file never runs code) ---


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def to_data(value: Any) -> Any:
    """A record (frozen dataclass, tuples, scalars) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_data(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, tuple | list):
        return [to_data(v) for v in value]
    if isinstance(value, dict):
        return {str(k): to_data(v) for k, v in value.items()}
    if value is None or isinstance(value, str | int | float | bool):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in the cache")


def from_data(tp: Any, data: Any) -> Any:
    """Rebuild a value of type ``tp`` from ``to_data`` output; ValueError when it does not fit the type."""
    return _decoder(tp)(data)


Decoder = typing.Callable[[Any], Any]


def _fail(message: str) -> typing.NoReturn:
    raise ValueError(message)


@functools.cache
def _decoder(tp: Any) -> Decoder:
    """A checking decoder for one type, built once (the cache decodes ~10⁵ records per build)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return lambda data: data
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _record_decoder(tp)
    if origin is tuple and len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])
        return lambda data: tuple(map(item, data)) if type(data) is list else _fail("expected a list")
    if origin is tuple:
        items = tuple(_decoder(a) for a in args)

        def fixed(data: Any) -> Any:
            if type(data) is not list or len(data) != len(items):
                _fail("expected a list of the right length")
            return tuple(d(v) for d, v in zip(items, data, strict=True))

        return fixed
    if origin is list:
        item = _decoder(args[0])
        return lambda data: list(map(item, data)) if type(data) is list else _fail("expected a list")
    if origin is dict:
        value = _decoder(args[1])
        return lambda data: (
            {k: value(v) for k, v in data.items()} if type(data) is dict else _fail("expected an object")
        )
    if origin is typing.Union or origin is types.UnionType:
        optional = type(None) in args
        choices = tuple(_decoder(a) for a in args if a is not type(None))

        def union(data: Any) -> Any:
            if data is None and optional:
                return None
            for choice in choices:
                try:
                    return choice(data)
                except ValueError:
                    continue
            _fail(f"{data!r} fits none of {tp}")

        return union
    if origin is typing.Literal:
        allowed = frozenset(args)
        return lambda data: (
            data if type(data) is str and data in allowed else _fail(f"{data!r} not in {args}")
        )
    if tp is float:
        return lambda data: float(data) if type(data) in (int, float) else _fail("expected a number")
    if tp in (str, int, bool):
        return lambda data: data if type(data) is tp else _fail(f"expected {tp.__name__}")
    raise ValueError(f"unsupported type {tp}")


def _record_decoder(cls: type) -> Decoder:
    hints = _hints(cls)
    known = frozenset(f.name for f in fields(cls) if f.init)
    decoders: dict[str, Decoder] = {}  # filled on first use, so that records may refer to each other

    def record(data: Any) -> Any:
        if type(data) is not dict:
            _fail(f"{cls.__name__}: expected an object")
        if not known.issuperset(data):
            _fail(f"{cls.__name__}: unknown fields {sorted(set(data) - known)}")
        if not decoders:
            decoders.update((name, _decoder(hints[name])) for name in known)
        try:
            return cls(**{k: decoders[k](v) for k, v in data.items()})
        except TypeError as exc:  # a missing required field
            raise ValueError(f"{cls.__name__}: {exc}") from None

    return record


# --- keys ---


def _hash_tree(digest: Any, root: Any, label: str, skip: frozenset[str] = frozenset()) -> None:
    """Feed every rule or code file below an importlib resource folder into ``digest``, in a stable order."""
    if not root.is_dir():
        return
    for entry in sorted(root.iterdir(), key=lambda e: e.name):
        if entry.name.startswith((".", "__pycache__")) or entry.name in skip:
            continue
        if entry.is_dir():
            _hash_tree(digest, entry, f"{label}/{entry.name}", skip)
        elif entry.name.endswith((".py", ".yml", ".yaml", ".json", ".jsonl", ".txt", ".csv", ".tsv")):
            digest.update(f"{label}/{entry.name}\0".encode())
            digest.update(entry.read_bytes())
            digest.update(b"\0")


def fingerprint(settings: Settings) -> str:
    """Hash of everything besides the article that decides its analysis.

    The briefgen version, the cache format, the package's rule data files, the
    extraction code and record types (so an edited rule never serves stale results during development)
    and the project's rule files in site_config/, except the files only the corpus-wide reduce reads.
    """
    digest = hashlib.sha256()
    digest.update(f"briefgen {__version__}\0format {CACHE_FORMAT}\0".encode())
    # stances and displays are read with spaCy's tokenizer and lemma table: a new version may read otherwise
    digest.update(f"spacy {_version('spacy')}\0lookups {_version('spacy-lookups-data')}\0".encode())
    package = resources.files("briefgen")
    for name in ("data", "extract"):
        _hash_tree(digest, package.joinpath(name), name, skip=REDUCE_ONLY | {"positions.py"})
    for name in ("nlp.py", "records.py"):
        item = package.joinpath(name)
        if item.is_file():
            digest.update(item.read_bytes())
    site_config = settings.site_config
    if site_config.is_dir():
        for path in sorted(p for p in site_config.rglob("*") if p.is_file()):
            parts = path.relative_to(site_config).parts
            if (len(parts) == 1 and parts[0] in REDUCE_ONLY) or any(part.startswith(".") for part in parts):
                continue
            digest.update(f"site_config/{'/'.join(parts)}\0".encode())
            digest.update(path.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()


def article_key(article: Article, settings_hash: str) -> str:
    """The cache key of one article: its content and metadata plus the settings fingerprint."""
    digest = hashlib.sha256()
    digest.update(settings_hash.encode())
    digest.update(b"\0")
    # The cleaned article (text, paragraphs, metadata, raw content hash) is what extraction sees; hash
    # it whole so that a change in cleaning or metadata reading also misses.
    digest.update(repr(article).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def write_atomically(path: Path, blob: bytes) -> None:
    """Write ``blob`` to ``path`` through a temporary file and a rename: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = path.stat().st_mode & 0o777  # keep a replaced file's permissions
    except OSError:
        mask = os.umask(0o022)
        os.umask(mask)
        mode = 0o666 & ~mask  # what open() would give a new file (mkstemp's are private)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    try:
        os.chmod(tmp, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(blob)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def text_hash(article: Article) -> str:
    """Hash of the cleaned text an analysis was made from (its offsets point into this text)."""
    return hashlib.sha256(article.text.encode("utf-8", "surrogatepass")).hexdigest()


def inconsistency(analysis: Analysis) -> str | None:
    """Why a decoded analysis cannot be this article's (offsets outside the text, a quote that is not the
    text at its offsets, a speaker who is not one of its actors), or None when it fits."""
    text = analysis.article.text
    keys = {actor.key for actor in analysis.actors}
    numbers = {p.number for p in analysis.article.paragraphs} or {1}
    if any(actor.mentions < 0 for actor in analysis.actors):
        return "a negative mention count"
    for q in analysis.quotes:
        if not 0 <= q.start <= q.end <= len(text) or not 0 <= q.sentence_start <= q.sentence_end <= len(text):
            return f"offsets {q.start}-{q.end} outside the text"
        if text[q.start : q.end] != q.text:
            return f"quote {q.text[:40]!r} is not the text at its offsets"
        if q.speaker is not None and q.speaker not in keys:
            return f"speaker {q.speaker!r} is not one of the article's actors"
        if q.paragraph not in numbers:
            return f"paragraph {q.paragraph} does not exist"
    return None


@dataclass
class CacheStats:
    """Lookups of one build: hits, misses, entries dropped as corrupt or stale, entries written."""

    hits: int = 0
    misses: int = 0
    rejected: int = 0
    written: int = 0


class AnalysisCache:
    """A folder of JSON Analysis payloads, one file per key, written atomically."""

    def __init__(self, root: Path, settings_hash: str) -> None:
        self.root = root
        self.settings_hash = settings_hash
        self.stats = CacheStats()
        self.warnings: list[str] = []
        self._write_failed = False

    @classmethod
    def for_settings(cls, settings: Settings) -> AnalysisCache:
        """The cache of a project, under ``settings.cache_dir``."""
        return cls(settings.path(settings.cache_dir) / "analysis", fingerprint(settings))

    def key(self, article: Article) -> str:
        """The key an article is stored under."""
        return article_key(article, self.settings_hash)

    def path(self, key: str) -> Path:
        """File of one key (a two-level fan-out keeps folders small at 10⁵ entries)."""
        return self.root / key[:2] / f"{key}.json"

    def get(self, article: Article) -> Analysis | None:
        """The cached analysis of an article, or None (a bad entry is reported, removed and missed)."""
        key = self.key(article)
        path = self.path(key)
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            self.stats.misses += 1
            return None
        except OSError as exc:
            return self._reject(article, path, f"cannot be read ({exc.strerror or exc})")
        try:
            entry = json.loads(blob)
            if not isinstance(entry, dict) or entry.get("tag") != _TAG or entry.get("format") != CACHE_FORMAT:
                raise ValueError("not a briefgen analysis entry of this format")
            if entry.get("key") != key:
                return self._reject(article, path, "belongs to another article or version")
            data = entry.get("analysis")
            if not isinstance(data, dict) or set(data) != set(PAYLOAD_FIELDS):
                raise ValueError("fields do not match this briefgen's Analysis")
            if entry.get("text") != text_hash(article):
                return self._reject(article, path, "was written for another text of this article")
            hints = _hints(Analysis)
            payload = {name: from_data(hints[name], data[name]) for name in PAYLOAD_FIELDS}
            analysis = analysis_from(article, payload)
        except (ValueError, UnicodeDecodeError, RecursionError) as exc:
            return self._reject(article, path, f"is corrupt ({exc})")
        wrong = inconsistency(analysis)
        if wrong is not None:
            return self._reject(article, path, f"does not fit the article ({wrong})")
        self.stats.hits += 1
        return analysis

    def _reject(self, article: Article, path: Path, why: str) -> Analysis | None:
        self.stats.rejected += 1
        self.stats.misses += 1
        self.warnings.append(f"{article.path}: cache entry {path.name} {why}; re-analysed")
        with contextlib.suppress(OSError):
            path.unlink()
        return None

    def put(self, article: Article, analysis: Analysis, key: str | None = None) -> None:
        """Store an analysis atomically (temporary file, then rename); a failure warns once and goes on.

        ``key`` is the key a worker computed and looked up (by default the article's own key)."""
        if analysis.warnings:  # a failed or timed-out analysis: try again next build
            return
        key = key or self.key(article)
        path = self.path(key)
        entry = {
            "tag": _TAG,
            "format": CACHE_FORMAT,
            "key": key,
            "text": text_hash(article),
            "analysis": {name: to_data(getattr(analysis, name)) for name in PAYLOAD_FIELDS},
        }
        blob = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            write_atomically(path, blob)
        except OSError as exc:
            if not self._write_failed:
                self._write_failed = True
                self.warnings.append(f"cannot write the analysis cache in {self.root}: {exc.strerror or exc}")
            return
        self.stats.written += 1


# --- partitions read on Dask workers: their cleaned articles, keyed by the files' stat ---

_PARTITION_TAG = "briefgen-partition"


def reader_fingerprint(settings: Settings) -> str:
    """Hash of what turns a file into cleaned articles: the analysis fingerprint (it covers the package's
    data files and the project's boilerplate rules), the corpus reading code and the size limit."""
    digest = hashlib.sha256()
    digest.update(f"{fingerprint(settings)}\0max {settings.max_article_bytes}\0".encode())
    _hash_tree(digest, resources.files("briefgen").joinpath("corpus"), "corpus")
    return digest.hexdigest()


class PartitionCache:
    """What reading a partition gave (cleaned Articles and Skipped inputs, in order), keyed by its files.

    The key is the reader fingerprint plus each file's path, byte range, size, mtime and ctime (the quick
    check of git's index), so the client can tell that a partition is unchanged without opening a file.
    Analyses are not stored here: they stay in the AnalysisCache, keyed by content.
    """

    def __init__(self, root: Path, reader_hash: str) -> None:
        self.root = root
        self.reader_hash = reader_hash
        self.warnings: list[str] = []
        self._write_failed = False

    @classmethod
    def for_settings(cls, settings: Settings) -> PartitionCache:
        """The partition cache of a project, under ``settings.cache_dir``."""
        return cls(settings.path(settings.cache_dir) / "partitions", reader_fingerprint(settings))

    def key(self, parts: typing.Sequence[tuple[str, str, int, int | None, int, int, int]]) -> str:
        """The key of a partition from its parts' (path, rel, start, end, size, mtime_ns, ctime_ns)."""
        digest = hashlib.sha256(self.reader_hash.encode())
        digest.update(repr(list(parts)).encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        """File of one key."""
        return self.root / key[:2] / f"{key}.json"

    def get(self, key: str) -> list[Article | Skipped] | None:
        """The stored reading of a partition, or None (a bad entry is removed and missed)."""
        path = self.path(key)
        try:
            entry = json.loads(path.read_bytes())
            if not isinstance(entry, dict) or entry.get("tag") != _PARTITION_TAG or entry.get("key") != key:
                raise ValueError("not this partition's entry")
            records = entry.get("records")
            if not isinstance(records, list):
                raise ValueError("no records")
            return [
                from_data(Skipped, r["skipped"]) if "skipped" in r else from_data(Article, r["article"])
                for r in records
            ]
        except FileNotFoundError:
            return None
        except (OSError, ValueError, TypeError, KeyError, RecursionError):
            with contextlib.suppress(OSError):
                path.unlink()
            return None

    def put(self, key: str, records: typing.Sequence[Article | Skipped]) -> None:
        """Store the reading of a partition atomically; a failure warns once and goes on."""
        data = [{"skipped": to_data(r)} if isinstance(r, Skipped) else {"article": to_data(r)} for r in records]
        entry = {"tag": _PARTITION_TAG, "key": key, "records": data}
        blob = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        try:
            write_atomically(self.path(key), blob)
        except OSError as exc:
            if not self._write_failed:
                self._write_failed = True
                self.warnings.append(f"cannot write the partition cache in {self.root}: {exc.strerror or exc}")


# --- the site: skip MkDocs when its inputs are byte-identical to the last build's ---

SITE_STAMP = ".briefgen-stamp.json"


def _version(dist: str) -> str:
    """An installed distribution's version, or "-"."""
    from importlib import metadata

    try:
        return metadata.version(dist)
    except metadata.PackageNotFoundError:
        return "-"


def site_stamp(build: Path, extra: Mapping[str, bytes], epoch: int | None = None, indexer: str = "") -> str:
    """Hash of everything MkDocs reads (build/docs, build/mkdocs.yml, a theme custom_dir) and the extras,
    with the versions of the tools that write the site (``indexer``: the search indexer's, e.g. Pagefind's)."""
    digest = hashlib.sha256()
    versions = [__version__, _version("mkdocs"), _version("mkdocs-material"),
                os.environ.get("SOURCE_DATE_EPOCH"), epoch, indexer]
    digest.update(repr(versions).encode())
    roots = [build / "docs"]
    yml = build / "mkdocs.yml"
    if yml.is_file():
        data = yml.read_bytes()
        digest.update(data)
        with contextlib.suppress(yaml.YAMLError):
            cfg = yaml.safe_load(data)
            theme = cfg.get("theme") if isinstance(cfg, dict) else None
            if isinstance(theme, dict) and isinstance(theme.get("custom_dir"), str):
                roots.append(build / theme["custom_dir"])
    for root in roots:
        if root.is_dir():
            for path in sorted(p for p in root.rglob("*") if p.is_file()):
                digest.update(f"{root.name}/{path.relative_to(root).as_posix()}\0".encode())
                digest.update(path.read_bytes())
                digest.update(b"\0")
    for name in sorted(extra):
        digest.update(f"extra/{name}\0".encode())
        digest.update(extra[name])
    return digest.hexdigest()


def current_site_warnings(site: Path, stamp: str) -> list[str] | None:
    """The MkDocs warnings of a site built from exactly these inputs; None when it must be built."""
    try:
        data = json.loads((site / SITE_STAMP).read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("stamp") != stamp or not (site / "index.html").is_file():
        return None
    warnings = data.get("warnings")
    if not isinstance(warnings, list) or not all(isinstance(w, str) for w in warnings):
        return None
    return warnings


def record_site(site: Path, stamp: str, warnings: list[str]) -> None:
    """Remember which inputs the site was built from (a missing stamp only means a full build next time)."""
    with contextlib.suppress(OSError):
        write_atomically(site / SITE_STAMP, json.dumps({"stamp": stamp, "warnings": warnings}).encode("utf-8"))


# --- the summary's per-article digests, kept between builds ---

_SUMMARY_CODE = ("summary.py", "bibliography.py", "records.py")


def summary_fingerprint(settings: Settings) -> str:
    """Hash of what decides an article's summary digest besides its text: the analysis fingerprint (package
    data, extraction code, project rule files), the corpus reading code and the summary's own modules."""
    digest = hashlib.sha256()
    digest.update(f"{fingerprint(settings)}\0".encode())
    package = resources.files("briefgen")
    _hash_tree(digest, package.joinpath("corpus"), "corpus")
    for name in _SUMMARY_CODE:
        item = package.joinpath(name)
        if item.is_file():
            digest.update(f"{name}\0".encode())
            digest.update(item.read_bytes())
    return digest.hexdigest()


def summary_cache_path(settings: Settings) -> Path:
    """The file of the summary digests for this code and these settings (others in its folder are stale)."""
    return settings.path(settings.cache_dir) / "summary" / f"{summary_fingerprint(settings)[:32]}.pickle"


def drop_stale(path: Path) -> None:
    """Remove the other digest files next to ``path`` (left by another code version)."""
    try:
        for other in path.parent.glob("*.pickle"):
            if other != path:
                other.unlink(missing_ok=True)
    except OSError:
        pass


def read_pickle(path: Path) -> object | None:
    """What an earlier build pickled at ``path``, or None when it is missing, unreadable or from other code."""
    try:
        with path.open("rb") as f:
            loaded: object = pickle.load(f)
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        return None
    return loaded
