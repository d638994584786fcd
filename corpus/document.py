"""One normalized document and the spans found in it."""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from .aliases import Aliases
from .quotes import Quote, find_quotes
from .segment import PackedSpans, split_sentences, tokenize, word_spans, words_of_tokens

AUTHORIAL = "authorial"
QUOTED = "quoted"


def sentence_index(starts: Sequence[int], offset: int) -> int:
    """Index of the sentence holding ``offset``, given the sentences' ``starts`` (the
    first sentence for an offset before it, as :meth:`Document.sentence_id` gives)."""
    return max(bisect.bisect_right(starts, offset) - 1, 0)


@dataclass(frozen=True, eq=False)
class Document:
    """A normalized text with its metadata.

    Spans (sentences, tokens, quotes) are ``(start, end)`` offsets into ``text`` and
    are computed on first use, so a corpus that is only counted never pays for quotes.

    Attributes:
        doc_id: stable, unique id (relative path or id column).
        text: the normalized text.
        meta: read-only metadata (the document's row of the corpus docvars).
        raw_sha256: sha256 of the raw input bytes (or of the raw text given in memory).
    """

    doc_id: str
    text: str
    meta: Mapping = field(default_factory=dict)
    raw_sha256: str = ""
    aliases: Aliases | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "meta", MappingProxyType(dict(self.meta)))

    @property
    def docvars(self) -> Mapping:
        """The document's docvars (the same read-only mapping as :attr:`meta`), named as
        :attr:`Corpus.docvars <corpus.Corpus.docvars>` names them for the corpus."""
        return self.meta

    def __reduce__(self):
        # Pickled for worker processes: send the text and metadata, not cached spans,
        # which are cheaper to recompute than to serialise.
        return (Document, (self.doc_id, self.text, dict(self.meta), self.raw_sha256, self.aliases))

    @cached_property
    def sentences(self) -> Sequence[tuple[int, int]]:
        """Sentence spans, in order."""
        return split_sentences(self.text)

    @cached_property
    def tokens(self) -> Sequence[tuple[int, int]]:
        """Token spans, in order (words, numbers and punctuation)."""
        return tokenize(self.text)

    @cached_property
    def words(self) -> Sequence[tuple[int, int]]:
        """Spans of tokens that are words or numbers (no punctuation)."""
        text = self.text
        if "tokens" not in self.__dict__:
            return word_spans(text)  # same spans, without building punctuation tokens
        return words_of_tokens(text, self.tokens)

    @cached_property
    def quotes(self) -> list[Quote]:
        """Quoted spans with kind and speaker (see :mod:`corpus.quotes`)."""
        canonical = self.aliases.canonical if self.aliases else (lambda n: n)
        return find_quotes(self.text, self.sentences, canonical)

    @cached_property
    def sentence_starts(self) -> list[int]:
        """The start offset of each sentence, in order (for bisecting many offsets)."""
        sentences = self.sentences
        if type(sentences) is PackedSpans:  # (see PackedSpans.__eq__)
            return sentences.starts()  # one slice of the packed array, not a loop
        return [s for s, _ in sentences]

    def sentence_id(self, offset: int) -> int:
        """Index of the sentence containing character ``offset`` (0-based)."""
        return sentence_index(self.sentence_starts, offset)

    def voice(self, offset: int) -> tuple[str, str]:
        """``(voice, speaker)`` at character ``offset``.

        Inside a quote: ``("quoted", quote speaker)``; elsewhere ``("authorial", the
        document's speaker docvar, or "")``.
        """
        quotes = self.quotes
        if quotes:
            i = bisect.bisect_right([q.start for q in quotes], offset) - 1
            if i >= 0 and quotes[i].start < offset < quotes[i].end:
                return QUOTED, quotes[i].speaker
        return AUTHORIAL, str(self.meta.get("speaker", "") or "")

    def sentence_text(self, sent_id: int) -> str:
        start, end = self.sentences[sent_id]
        return self.text[start:end]
