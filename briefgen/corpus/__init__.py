"""Finding, reading and cleaning the articles of a corpus."""

from briefgen.corpus.reader import CorpusResult, read_corpus

__all__ = ["CorpusResult", "read_corpus"]
