"""A deterministic corpus generator: N realistic articles made from the sample articles.

Each generated article takes one sample article, keeps its lead paragraph, shuffles the others, sometimes
borrows a paragraph from another sample, renames the people in it (names from the lists below, drawn with a
skewed distribution so that some actors recur across many articles, as in real news), and gets an outlet
and a date (in a dateline and in the file name). The same seed always gives the same bytes.

    python -m benchmarks.generate --count 1000 --out /tmp/briefgen-bench/n1000/content
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "content"

FIRST_NAMES = tuple(
    [
        "Anna",
        "Ben",
        "Carla",
        "David",
        "Elena",
        "Farid",
        "Greta",
        "Hugo",
        "Ines",
        "Jonas",
        "Karin",
        "Luca",
        "Maria",
        "Nils",
        "Olga",
        "Pavel",
        "Rosa",
        "Samir",
        "Tomas",
        "Ulla",
        "Vera",
        "Wim",
        "Xenia",
        "Yusuf",
        "Zofia",
        "Adele",
        "Bruno",
        "Chiara",
        "Dmitri",
        "Eva",
        "Felix",
        "Hanna",
        "Igor",
        "Julia",
        "Kofi",
        "Lena",
        "Marek",
        "Nora",
        "Oskar",
        "Petra",
        "Rafael",
        "Sofia",
        "Teodor",
        "Ursula",
        "Viktor",
        "Wanda",
        "Amir",
        "Beatriz",
        "Colm",
        "Dagny",
        "Emil",
        "Fatima",
        "Goran",
        "Helga",
        "Ismael",
        "Jana",
        "Klaus",
        "Leila",
        "Mateo",
        "Nadia",
    ]
)
LAST_NAMES = tuple(
    [
        "Albers",
        "Brandt",
        "Costa",
        "Dahl",
        "Eriksen",
        "Fischer",
        "Garcia",
        "Horvat",
        "Iversen",
        "Jansen",
        "Kowalski",
        "Lindqvist",
        "Moreau",
        "Novak",
        "Olsen",
        "Petrov",
        "Quist",
        "Rossi",
        "Schmidt",
        "Tanaka",
        "Urban",
        "Varga",
        "Weber",
        "Xavier",
        "Yilmaz",
        "Zeller",
        "Andersen",
        "Bauer",
        "Cerny",
        "Dumont",
        "Esposito",
        "Fabre",
        "Gallo",
        "Hansen",
        "Ivanova",
        "Jovanovic",
        "Keller",
        "Laine",
        "Meier",
        "Nieminen",
        "Ortega",
        "Pavlova",
        "Renard",
        "Santos",
        "Toth",
        "Ulrich",
        "Vidal",
        "Wagner",
        "Young",
        "Zimmer",
        "Aalto",
        "Berger",
        "Conti",
        "Duval",
        "Eklund",
        "Ferrari",
        "Gruber",
        "Holm",
        "Ilves",
        "Juhasz",
        "Kask",
        "Lopes",
        "Marin",
        "Nagy",
        "Oliveira",
        "Popescu",
        "Ricci",
        "Silva",
        "Tamm",
        "Unger",
        "Vogel",
        "Winter",
    ]
)
OUTLETS = (
    "The Morning Ledger",
    "Baltic Wire",
    "Continental Times",
    "Harbour Post",
    "Daily Meridian",
    "Northern Courier",
    "Capital Observer",
    "Eastern Gazette",
    "Policy Review Online",
    "The Evening Standard Bearer",
    "Atlantic Dispatch",
    "Rhine Monitor",
)
CITIES = ("BRUSSELS", "BERLIN", "WARSAW", "PARIS", "VILNIUS", "LONDON", "ROME", "TALLINN", "MADRID", "VIENNA")
# Words that start a capitalised pair but are titles or function words, not first names.
_NOT_FIRST = {
    "The",
    "On",
    "In",
    "At",
    "From",
    "But",
    "And",
    "As",
    "For",
    "Mr",
    "Ms",
    "Mrs",
    "Dr",
    "President",
    "Minister",
    "Secretary",
    "General",
    "Prime",
    "Defense",
    "Defence",
    "Foreign",
    "King",
    "Queen",
    "Commander",
    "Chancellor",
    "Commissioner",
    "Senator",
    "Supreme",
    "Deputy",
    "Chief",
    "Ambassador",
}
# Last words of capitalised pairs that name places and institutions, not people.
_NOT_LAST = {
    "Office",
    "House",
    "States",
    "Union",
    "Day",
    "Images",
    "Social",
    "Council",
    "Conference",
    "Europe",
}
_TITLES = r"(?:[Mm]inister|[Pp]resident|[Ss]ecretary|[Cc]hancellor|[Cc]ommissioner|[Cc]hief|[Gg]eneral)"
_PAIR = re.compile(r"(?=\b([A-Z][a-z]+) ([A-Z][a-z]+)\b)")  # overlapping pairs
_WORD = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Sample:
    """A sample article split into lines (paragraphs), with the people named in it."""

    name: str
    title: str | None
    paragraphs: tuple[str, ...]
    people: tuple[tuple[str, str], ...]  # (first name, surname)


def _people(texts: list[str]) -> set[tuple[str, str]]:
    """Full names in the samples: a capitalised pair whose surname also stands alone in running text."""
    joined = "\n".join(texts)
    followed_by_lower = set(re.findall(r"\b([A-Z][a-z]+) [a-z]", joined))
    found: set[tuple[str, str]] = set()
    for first, last in _PAIR.findall(joined):
        if first in _NOT_FIRST or first in followed_by_lower or last in _NOT_FIRST or last in _NOT_LAST:
            continue
        alone = rf"(?:^|\b[a-z]+[,;:]? |[.,;:] |\b(?:Mr|Ms|Mrs|Dr) ){last}\b(?! [A-Z])"
        titled = rf"\b{_TITLES} {first} {last}\b"
        if re.search(alone, joined, re.MULTILINE) or re.search(titled, joined):
            found.add((first, last))
    return found


def load_samples(folder: Path = SAMPLES) -> list[Sample]:
    """The sample articles with their paragraphs and people."""
    texts = {p.name: p.read_text("utf-8") for p in sorted(folder.glob("*.txt"))}
    people = _people(list(texts.values()))
    samples = []
    for name, text in texts.items():
        lines = [" ".join(line.split()) for line in text.splitlines()]
        lines = [line for line in lines if line]
        title = lines[0] if lines and len(lines[0]) < 120 and not lines[0].endswith(".") else None
        body = lines[1:] if title else lines
        named = tuple(sorted(p for p in people if f"{p[0]} {p[1]}" in text or p[1] in text))
        samples.append(Sample(name, title, tuple(body), named))
    return samples


def _cast(rng: random.Random, pool: int) -> list[tuple[str, str]]:
    """``pool`` distinct invented people."""
    everyone = [(f, last) for f in FIRST_NAMES for last in LAST_NAMES]
    rng.shuffle(everyone)
    return everyone[: min(pool, len(everyone))]


def _pick(rng: random.Random, cast: list[tuple[str, str]]) -> tuple[str, str]:
    """A skewed pick: a few actors appear in many articles, most in few (like real news)."""
    index = min(len(cast) - 1, int(rng.paretovariate(1.2)) - 1 + int(rng.random() * len(cast) * rng.random() ** 3))
    return cast[index]


def _rename(text: str, mapping: dict[tuple[str, str], tuple[str, str]]) -> str:
    """Replace full names and lone surnames in one pass."""
    table: dict[str, str] = {}
    for (first, last), (new_first, new_last) in mapping.items():
        table[f"{first} {last}"] = f"{new_first} {new_last}"
        table.setdefault(last, new_last)
    pattern = _rename_pattern(tuple(sorted(table, key=len, reverse=True)))
    return pattern.sub(lambda m: table[m.group(0)], text)


@functools.cache
def _rename_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def make_article(
    rng: random.Random, samples: list[Sample], cast: list[tuple[str, str]], number: int
) -> tuple[str, str]:
    """One generated article: (file name, text)."""
    base = samples[rng.randrange(len(samples))]
    lead, rest = base.paragraphs[0], list(base.paragraphs[1:])
    rng.shuffle(rest)
    if rng.random() < 0.5:
        other = samples[rng.randrange(len(samples))]
        if other is not base and len(other.paragraphs) > 1:
            rest.insert(rng.randrange(len(rest) + 1), other.paragraphs[rng.randrange(1, len(other.paragraphs))])
    people = {p for s in samples for p in s.people}
    mapping: dict[tuple[str, str], tuple[str, str]] = {}
    used: set[tuple[str, str]] = set()
    for person in sorted(people):
        new = _pick(rng, cast)
        while new in used:
            new = cast[rng.randrange(len(cast))]
        used.add(new)
        mapping[person] = new
    outlet = OUTLETS[rng.randrange(len(OUTLETS))]
    day = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(730))
    city = CITIES[rng.randrange(len(CITIES))]
    dateline = f"{city}, {day.day} {day:%B %Y} ({outlet}) —"
    paragraphs = [f"{dateline} {lead}", *rest]
    body = _rename("\n\n".join(paragraphs), mapping)
    title = _rename(base.title, mapping) if base.title else None
    text = (f"{title}\n\n" if title else "") + body + "\n"
    slug = re.sub(r"[^a-z0-9]+", "-", outlet.lower()).strip("-")
    return f"{day.isoformat()}_{slug}_{number:06d}.txt", text


def generate(count: int, out: Path, seed: int = 20251123, samples: list[Sample] | None = None) -> list[Path]:
    """Write ``count`` articles into ``out`` (emptied first); the same seed gives the same files."""
    samples = samples or load_samples()
    rng = random.Random(seed)
    cast = _cast(rng, max(20, count // 4))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    written = []
    for number in range(count):
        name, text = make_article(rng, samples, cast, number)
        path = out / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    """Command line: generate one corpus."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=20251123)
    args = parser.parse_args()
    files = generate(args.count, args.out, args.seed)
    print(f"wrote {len(files)} articles to {args.out}")


if __name__ == "__main__":
    main()
