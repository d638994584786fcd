"""Keyword in context: every match of a word, glob, phrase or regular expression.

Contexts are ``window`` words either side, cut from the document text, so the
punctuation between words is shown as written. The returned table renders as an
escaped HTML concordance in notebooks.
"""

from __future__ import annotations

import bisect
import fnmatch
import html
import re

import pandas as pd

from corpus import Corpus, Document, tokenize

from ._input import as_corpus, check_voice, voice_allows
from .engine import map_documents
from .provenance import attach

KWIC_COLUMNS = ["doc_id", "start", "end", "left", "match", "right"]


class Concordance(pd.DataFrame):
    """A KWIC table (a DataFrame) that shows itself as a concordance in notebooks."""

    @property
    def _constructor(self):
        return Concordance

    def _repr_html_(self) -> str:  # noqa: D401 - notebook hook
        rows = []
        for row in self.head(500).itertuples(index=False):
            rows.append(
                "<tr>"
                f"<td>{html.escape(str(row.doc_id))}</td>"
                f'<td style="text-align:right">{html.escape(str(row.left))}</td>'
                f'<td style="text-align:center"><b>{html.escape(str(row.match))}</b></td>'
                f'<td style="text-align:left">{html.escape(str(row.right))}</td>'
                "</tr>"
            )
        more = f"<p>{len(self)} matches; first 500 shown.</p>" if len(self) > 500 else ""
        return (
            '<table class="communique-kwic"><thead><tr><th>doc_id</th><th>left</th>'
            "<th>match</th><th>right</th></tr></thead><tbody>"
            + "".join(rows)
            + "</tbody></table>"
            + more
        )


def compile_query(query: str, regex: bool = False, whole_words: bool = False) -> tuple[str, object]:
    """``("regex", pattern)``, ``("regex_words", pattern)`` (``whole_words``) or
    ``("tokens", [lower-cased token patterns])``.

    A plain query is split on spaces; each part is a glob (``peacekeep*``, ``?``) or
    literal text, which is tokenized like documents ("Russia's" -> "russia", "'s").
    """
    if not query or not query.strip():
        raise ValueError(f"query={query!r} is empty; give a word, glob, phrase or regex")
    if regex:
        try:
            pattern = re.compile(query, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"query={query!r} is not a valid regular expression ({exc})") from exc
        if whole_words:
            return "regex_words", (_possible_starts(query, pattern), pattern)
        return "regex", pattern
    patterns: list[str] = []
    for part in query.split():
        if any(ch in part for ch in "*?["):
            patterns.append(part.lower())
        else:
            patterns.extend(part[s:e].lower() for s, e in tokenize(part))
    return "tokens", patterns


def _possible_starts(query: str, pattern: re.Pattern) -> re.Pattern:
    """``query`` as a lookahead that finds every place where a match can start, so
    that each token start is tried (:func:`_whole_token_matches`)."""
    flags = _GLOBAL_FLAGS.match(query)
    head = flags.group() if flags else ""  # "(?x)" must stay at the very start
    body = query[len(head) :]
    close = "\n)" if pattern.flags & re.VERBOSE else ")"  # a trailing "# comment" ends
    return re.compile(f"{head}(?=(?:{body}{close})", re.IGNORECASE)


_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
# The most tokens one whole-word match may span.
_MAX_TOKENS_PER_MATCH = 12


def _whole_token_matches(
    doc: Document, starts_at: re.Pattern, whole: re.Pattern
) -> list[tuple[int, int]]:
    """Matches that start where a token starts and end where one ends: the whole tokens
    a plain query matches ("peace" is not in "peace-keeping"). At each token start
    where the query can match, the longest run of up to 12 whole tokens that the
    query matches entirely is taken, whatever the order of its alternatives
    (``war|war-torn`` and ``war-torn|war`` both find "war-torn"); matches do not
    overlap."""
    tokens = doc.tokens
    index_of = {start: k for k, (start, _) in enumerate(tokens)}
    text = doc.text
    out: list[tuple[int, int]] = []
    taken = 0
    for candidate in starts_at.finditer(text):
        start = candidate.start()
        k = index_of.get(start)
        if k is None or start < taken:
            continue
        last = min(k + _MAX_TOKENS_PER_MATCH, len(tokens)) - 1
        for j in range(last, k - 1, -1):
            end = tokens[j][1]
            if end > start and whole.fullmatch(text, start, end):
                out.append((start, end))
                taken = end
                break
    return out


def query_prefilter(kind: str, pattern) -> re.Pattern | None:
    """A cheap test that a document can match at all (skips tokenizing the rest)."""
    if kind in ("regex", "regex_words"):
        return None
    literals = [re.split(r"[*?\[]", p)[0] for p in pattern]
    longest = max(literals, key=len)
    return re.compile(re.escape(longest), re.IGNORECASE) if longest else None


def _token_matches(doc: Document, patterns: list[str]) -> list[tuple[int, int]]:
    text = doc.text
    tokens = doc.tokens
    lowered = [text[s:e].lower() for s, e in tokens]
    n = len(patterns)
    globs = [any(ch in p for ch in "*?[") for p in patterns]
    out = []
    for i in range(len(tokens) - n + 1):
        for j, p in enumerate(patterns):
            token = lowered[i + j]
            if not (fnmatch.fnmatchcase(token, p) if globs[j] else token == p):
                break
        else:
            out.append((tokens[i][0], tokens[i + n - 1][1]))
    return out


def match_spans(doc: Document, kind: str, pattern, prefilter, voice: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every match in ``doc`` whose start is in ``voice``: what
    :func:`kwic` lists, and what a phrase's rate counts (:func:`analysis.term_by_document`)."""
    if prefilter is not None and not prefilter.search(doc.text):
        return []
    if kind == "regex":
        spans = [m.span() for m in pattern.finditer(doc.text) if m.end() > m.start()]
    elif kind == "regex_words":
        spans = _whole_token_matches(doc, *pattern)
    else:
        spans = _token_matches(doc, pattern)
    if voice != "all":
        spans = [(s, e) for s, e in spans if voice_allows(voice, doc.voice(s)[0])]
    return spans


def document_kwic(
    doc: Document, kind: str, pattern, prefilter, window: int, voice: str
) -> list[dict]:
    """Per-document work unit: one row per match with contexts and sort keys."""
    spans = match_spans(doc, kind, pattern, prefilter, voice)
    if not spans:
        return []
    text = doc.text
    words = doc.words
    starts = [s for s, _ in words]
    ends = [e for _, e in words]
    rows = []
    for start, end in spans:
        before = bisect.bisect_right(ends, start)  # words ending at or before the match
        after = bisect.bisect_left(starts, end)  # first word starting at or after its end
        left_words = words[max(before - window, 0) : before]
        right_words = words[after : after + window]
        # A match inside a word (a regex) keeps the rest of that word in its context,
        # also where no whole context word lies beyond it (the end of the text).
        left_from = left_words[0][0] if left_words else _word_start(words, before, start)
        right_to = right_words[-1][1] if right_words else _word_end(words, after, end)
        # Context is for reading: line breaks and runs of spaces become one space.
        left = " ".join(text[left_from:start].split())
        right = " ".join(text[end:right_to].split())
        row = {"doc_id": doc.doc_id, "start": start, "end": end, "left": left}
        row.update({"match": text[start:end], "right": right})
        # Sort keys: context words nearest first, lower-cased.
        row["_left"] = tuple(text[a:b].lower() for a, b in reversed(left_words))
        row["_right"] = tuple(text[a:b].lower() for a, b in right_words)
        rows.append(row)
    return rows


def _word_start(words, before: int, start: int) -> int:
    """Where the word holding ``start`` begins (``start`` itself if it is in none):
    ``words[before]`` is the first word ending after ``start``."""
    if before < len(words) and words[before][0] < start:
        return words[before][0]
    return start


def _word_end(words, after: int, end: int) -> int:
    """Where the word holding ``end`` ends (``end`` itself if it is in none):
    ``words[after - 1]`` is the last word starting before ``end``."""
    if after > 0 and words[after - 1][1] > end:
        return words[after - 1][1]
    return end


def sort_choices(window: int) -> list[str]:
    return ["none"] + [f"{side}{k}" for side in ("left", "right") for k in range(1, window + 1)]


def kwic(
    c: Corpus | str,
    query: str,
    *,
    window: int = 7,
    sort: str = "right1",
    voice: str | None = None,
    regex: bool = False,
    whole_words: bool = False,
    workers: int | None = None,
) -> Concordance:
    r"""Every match of ``query`` with ``window`` words of context either side.

    Parameters:
        c: a Corpus or a text.
        query: a word ("sovereignty"), a glob ("peacekeep*"), a phrase ("united
            nations", parts may be globs) - all case-insensitive and matched on
            whole tokens - or, with ``regex=True``, a regular expression over the text.
        window: context words each side.
        sort: "right1" (first word after the match, then the next ones), "right2",
            ..., "left1" (the word just before), ..., or "none" (corpus order).
        voice: "authorial", "quoted" or None/"all" (the voice at the match start).
        regex: treat ``query`` as a regular expression (case-insensitive). It matches
            anywhere in the text, inside words too: "war" finds the "war" of
            "towards", and ``match`` then holds only "war" (the rest of the word ends
            ``left`` and starts ``right``). For whole words write the boundaries
            (``r"\bwar\b"``) or pass ``whole_words=True``.
        whole_words: with ``regex=True``, keep only matches that start and end on
            token edges, the whole tokens a plain query matches: ``"war"`` then finds
            "war" and "War" but not "towards" or "war-torn" (a hyphenated word is one
            token, where ``\b`` would stop at the hyphen). At each token start the
            longest run of whole tokens (up to 12) the regex matches entirely is
            taken. Plain queries always match whole tokens.

    A phrase matches whole tokens, and a hyphenated word is one token: "arms race"
    does not find "nuclear-arms race" ("nuclear-arms" is not "arms"), and
    ``stat_frequency(ngram=2)`` counts that bigram as "nuclear-arms race". A glob
    reaches into hyphenated words: "*arms race" finds both (and "disarms race").

    Returns:
        A :class:`Concordance` (DataFrame) with ``doc_id, start, end, left, match,
        right`` plus the corpus docvars; ``doc.text[start:end] == match``; in ``left``
        and ``right`` every run of whitespace (line breaks too) is one space.

    Example:
        >>> kwic("Peacekeeping works. We fund peacekeepers.", "peacekeep*", sort="none")["match"].tolist()
        ['Peacekeeping', 'peacekeepers']
        >>> text = "A war-torn land moved towards war."
        >>> len(kwic(text, "war", regex=True)), len(kwic(text, "war", regex=True, whole_words=True))
        (3, 1)
    """
    c = as_corpus(c)
    voice = check_voice(voice)
    if not isinstance(window, int) or window < 0:
        raise ValueError(f"window={window!r} is not valid; use a whole number >= 0")
    if sort not in sort_choices(max(window, 1)):
        raise ValueError(
            f"sort={sort!r} is not valid; choose one of: 'none', 'left1'..'left{max(window, 1)}', "
            f"'right1'..'right{max(window, 1)}'"
        )
    kind, pattern = compile_query(query, regex, whole_words)
    prefilter = query_prefilter(kind, pattern)
    results = map_documents(
        c, document_kwic, kind, pattern, prefilter, window, voice, workers=workers
    )
    rows = [row for doc_rows in results for row in doc_rows]
    if sort != "none":
        side, first = sort.rstrip("0123456789"), int(sort.lstrip("leftrigh"))
        rows.sort(key=lambda r: (r["_" + side][first - 1 :], r["doc_id"], r["start"]))
    table = pd.DataFrame(rows, columns=[*KWIC_COLUMNS, "_left", "_right"])
    table = table.drop(columns=["_left", "_right"])
    docvars = c.docvars
    docvars = docvars[[col for col in docvars.columns if col not in KWIC_COLUMNS]]
    table = table.join(docvars, on="doc_id").reset_index(drop=True)
    params = {"query": query, "window": window, "sort": sort, "voice": voice, "regex": regex}
    params["whole_words"] = whole_words
    return attach(Concordance(table), "kwic", params, c)
