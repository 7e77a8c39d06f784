"""A generated corpus of invented news: eight stories of 3 to 9 articles each, 40 articles in all.

Every story has a main event told in varied words by several outlets, a secondary detail some of them
carry, and quoted speakers; sizes differ so that a summary's share per story can be checked.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Story:
    """One invented story: how outlets tell its main event, a later detail, and who said what."""

    key: str
    place: str
    day: int
    leads: tuple[str, ...]
    details: tuple[str, ...]
    quotes: tuple[tuple[str, str], ...]
    size: int


MONTH = "Mar"
STORIES = (
    Story(
        "dam", "ADDIS ABABA", 3,
        (
            "Ethiopia and Sudan signed an agreement on Monday to share water from the new Blue Valley dam, ending "
            "two years of dispute over the river.",
            "Sudan and Ethiopia agreed on Monday to share the water of the Blue Valley dam under a deal that ends a "
            "two-year dispute.",
            "A water-sharing agreement for the Blue Valley dam was signed by Ethiopia and Sudan on Monday after two "
            "years of talks.",
            "Ethiopia and Sudan ended their dispute over the Blue Valley dam on Monday, signing a deal to share its "
            "water.",
        ),
        (
            "Egypt said it had not been consulted and asked for the text of the dam agreement.",
            "Cairo asked to see the text of the dam deal, saying Egypt had not been consulted.",
        ),
        (
            ("Ethiopian Water Minister Abebe Tadesse",
             "The river now feeds both our peoples instead of dividing them."),
            ("Egyptian Foreign Minister Samir Halim", "Egypt cannot accept a deal on the river made without Egypt."),
        ),
        9,
    ),
    Story(
        "strike", "SANTIAGO", 4,
        (
            "Copper miners in northern Chile began an indefinite strike on Tuesday, halting output at the country's "
            "largest copper mine.",
            "Workers at Chile's largest copper mine walked out on Tuesday in an indefinite strike over pay.",
            "An indefinite strike by copper miners stopped production on Tuesday at the largest copper mine in Chile.",
            "Chilean copper miners went on an indefinite strike on Tuesday, stopping the country's largest mine.",
        ),
        (
            "Copper prices rose four percent in London after the strike began.",
            "The price of copper climbed four percent on the London exchange as the strike started.",
        ),
        (
            ("union leader Rosa Medina", "We will stay out until wages keep up with prices."),
            ("Chilean Mining Minister Pablo Ortega", "The government urges both sides to return to the table."),
        ),
        7,
    ),
    Story(
        "election", "OSLO", 5,
        (
            "Norway's Labour party won the most seats in Wednesday's snap election but fell short of a majority.",
            "Labour came first in Norway's snap election on Wednesday without winning a majority of seats.",
            "Norwegian voters made Labour the largest party in a snap election on Wednesday, though short of a "
            "majority.",
            "The Labour party topped Norway's snap election on Wednesday but will need partners to govern.",
        ),
        (
            "Turnout was the highest in thirty years, the election board said.",
            "The election board said turnout reached its highest level in thirty years.",
        ),
        (
            ("Labour leader Ingrid Solberg", "Voters have asked us to lead, and we will look for partners."),
            ("Centre party leader Lars Haugen", "We will not join a government that raises fuel taxes."),
        ),
        5,
    ),
    Story(
        "quake", "MANILA", 6,
        (
            "A magnitude 6.8 earthquake struck the southern Philippines on Thursday, killing at least 40 people and "
            "destroying hundreds of homes.",
            "At least 40 people died when a 6.8 magnitude earthquake hit the southern Philippines on Thursday.",
            "An earthquake of magnitude 6.8 shook the southern Philippines on Thursday, leaving at least 40 dead.",
            "The southern Philippines was hit by a strong earthquake on Thursday that killed at least 40 people.",
        ),
        (
            "Rescue teams from Japan and Australia arrived to search collapsed buildings.",
            "Japan and Australia sent rescue teams to help search the collapsed buildings.",
        ),
        (
            ("Philippine disaster agency chief Maria Santos", "Our teams are working through the night to reach "
                                                              "families under the rubble."),
        ),
        5,
    ),
    Story(
        "rates", "FRANKFURT", 7,
        (
            "The European Central Bank cut its main interest rate by a quarter point on Friday, its first cut in a "
            "year.",
            "On Friday the European Central Bank lowered interest rates by a quarter point for the first time in a "
            "year.",
            "The ECB cut interest rates by a quarter point on Friday, the first reduction in a year.",
        ),
        (
            "The bank said inflation had fallen close to its two percent target.",
        ),
        (
            ("ECB President Elena Varga", "Inflation is close to target and the economy needs support."),
            ("German Finance Minister Jonas Keller", "The cut comes too early while prices are still rising."),
        ),
        4,
    ),
    Story(
        "satellite", "BANGALORE", 8,
        (
            "India launched its first weather satellite built entirely at home on Saturday from the Sriharikota "
            "space centre.",
            "A weather satellite built entirely in India was launched on Saturday from Sriharikota.",
            "India put its first home-built weather satellite into orbit on Saturday.",
        ),
        (
            "The satellite will track monsoon rains for farmers.",
        ),
        (
            ("space agency chairman Ravi Menon", "This satellite will give every farmer a better forecast."),
        ),
        4,
    ),
    Story(
        "ferry", "VALLETTA", 9,
        (
            "A ferry carrying 300 passengers ran aground off Malta on Sunday; all passengers were rescued.",
            "All 300 passengers were rescued on Sunday after their ferry ran aground near Malta.",
            "Rescuers brought all 300 passengers to safety after a ferry ran aground off the Maltese coast on "
            "Sunday.",
        ),
        (
            "Investigators said the ferry's navigation system had failed.",
        ),
        (
            ("Maltese Transport Minister Carmen Vella", "Every passenger is safe, and we will find out why."),
        ),
        3,
    ),
    Story(
        "wheat", "NAIROBI", 10,
        (
            "Kenya lifted its import duty on wheat on Monday to bring down the price of bread.",
            "The Kenyan government removed the import duty on wheat on Monday in a bid to lower bread prices.",
            "Kenya scrapped its wheat import duty on Monday, hoping to cut bread prices.",
        ),
        (
            "Bakers said bread prices could fall by a tenth within a month.",
        ),
        (
            ("Kenyan Trade Minister Grace Wanjiru", "Families should not pay more for bread than they must."),
            ("farmers' union head Peter Otieno", "Cheap imports will ruin our wheat farmers."),
        ),
        3,
    ),
)
WIRES = ("Reuters", "AP", "AFP")
OUTLETS = ("Daily Ledger", "Evening Courier", "Harbour Post", "Metro Herald", "Coastal Times")


def article(story: Story, n: int) -> tuple[str, str]:
    """(file name, text) of the ``n``-th article on a story: a wire copy or an outlet's Markdown page."""
    lead = story.leads[n % len(story.leads)]
    paras = [lead]
    if n % 2 == 0 or len(story.details) > 1:
        paras.append(story.details[n % len(story.details)])
    speaker, words = story.quotes[n % len(story.quotes)]
    paras.append(f"“{words[:-1]},” said {speaker}.")
    if len(story.quotes) > 1 and n % 3 == 1:
        other, said = story.quotes[(n + 1) % len(story.quotes)]
        paras.append(f"{other[0].upper() + other[1:]} said: “{said}”")
    name = f"{story.key}-{n:02d}"
    if n % 2 == 0:
        wire = WIRES[n // 2 % len(WIRES)]
        paras[0] = f"{story.place}, {MONTH} {story.day} ({wire}) - {paras[0]}"
        return f"{name}.txt", "\n\n".join(paras) + "\n"
    outlet = OUTLETS[(n + story.day) % len(OUTLETS)]
    front = f"---\noutlet: {outlet}\npublished: 2025-03-{story.day + n % 2:02d}\n---\n"
    return f"{name}.md", front + "\n\n".join(paras) + "\n"


def write_corpus(folder: Path) -> dict[str, str]:
    """Write the 40 articles into ``folder``; returns each file name's story key."""
    folder.mkdir(parents=True, exist_ok=True)
    stories: dict[str, str] = {}
    for story in STORIES:
        for n in range(story.size):
            name, text = article(story, n)
            (folder / name).write_text(text, encoding="utf-8")
            stories[name] = story.key
    return stories
