"""communique.corpus: read, normalize and segment diplomatic statements.

Public API::

    corpus.read_corpus(path, **options) -> Corpus
    corpus.from_texts(texts, docvars=None) -> Corpus
    corpus.normalize_text(text) -> str
    corpus.tokenize(text), corpus.split_sentences(text) -> list of (start, end)
"""

from .aliases import ALIASES_VERSION, Aliases
from .corpus import Corpus
from .document import AUTHORIAL, QUOTED, Document
from .droplines import lines_dropped
from .errors import (
    BadDatesError,
    CorpusError,
    DuplicateIdError,
    NoDocumentError,
    StrictModeError,
)
from .normalize import NORMALIZER_VERSION, normalize, normalize_text
from .quotes import QUOTER_VERSION, Quote, classify_quote, find_quote_spans
from .readers import (
    dates_left_missing,
    decode_bytes,
    decoded_by_guessing,
    default_seed_path,
    from_texts,
    read_corpus,
)
from .segment import SENTENCIZER_VERSION, TOKENIZER_VERSION, is_word, split_sentences, tokenize

__all__ = [
    "ALIASES_VERSION",
    "AUTHORIAL",
    "Aliases",
    "BadDatesError",
    "Corpus",
    "CorpusError",
    "Document",
    "DuplicateIdError",
    "NORMALIZER_VERSION",
    "QUOTED",
    "QUOTER_VERSION",
    "Quote",
    "SENTENCIZER_VERSION",
    "NoDocumentError",
    "StrictModeError",
    "TOKENIZER_VERSION",
    "classify_quote",
    "dates_left_missing",
    "decode_bytes",
    "decoded_by_guessing",
    "default_seed_path",
    "find_quote_spans",
    "from_texts",
    "is_word",
    "lines_dropped",
    "normalize",
    "normalize_text",
    "read_corpus",
    "split_sentences",
    "tokenize",
]
