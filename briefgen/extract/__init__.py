"""Per-article analysis (actors, quotes) and the corpus-wide reduce."""

from briefgen.extract.analyse import analyse, analyse_many
from briefgen.extract.merge import reduce_corpus

__all__ = ["analyse", "analyse_many", "reduce_corpus"]
