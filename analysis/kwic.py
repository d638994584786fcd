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


def compile_query(query: str, regex: bool = False) -> tuple[str, object]:
    """``("regex", pattern)`` or ``("tokens", [lower-cased token patterns])``.

    A plain query is split on spaces; each part is a glob (``peacekeep*``, ``?``) or
    literal text, which is tokenized like documents ("Russia's" -> "russia", "'s").
    """
    if not query or not query.strip():
        raise ValueError(f"query={query!r} is empty; give a word, glob, phrase or regex")
    if regex:
        try:
            return "regex", re.compile(query, re.IGNORECASE)
        except re.error as exc:
            raise ValueError(f"query={query!r} is not a valid regular expression ({exc})") from exc
    patterns: list[str] = []
    for part in query.split():
        if any(ch in part for ch in "*?["):
            patterns.append(part.lower())
        else:
            patterns.extend(part[s:e].lower() for s, e in tokenize(part))
    return "tokens", patterns


def query_prefilter(kind: str, pattern) -> re.Pattern | None:
    """A cheap test that a document can match at all (skips tokenizing the rest)."""
    if kind == "regex":
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
        # Context is for reading: line breaks and runs of spaces become one space.
        left = " ".join(text[left_words[0][0] : start].split()) if left_words else ""
        right = " ".join(text[end : right_words[-1][1]].split()) if right_words else ""
        row = {"doc_id": doc.doc_id, "start": start, "end": end, "left": left}
        row.update({"match": text[start:end], "right": right})
        # Sort keys: context words nearest first, lower-cased.
        row["_left"] = tuple(text[a:b].lower() for a, b in reversed(left_words))
        row["_right"] = tuple(text[a:b].lower() for a, b in right_words)
        rows.append(row)
    return rows


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
    workers: int | None = None,
) -> Concordance:
    """Every match of ``query`` with ``window`` words of context either side.

    Parameters:
        c: a Corpus or a text.
        query: a word ("sovereignty"), a glob ("peacekeep*"), a phrase ("united
            nations", parts may be globs) - all case-insensitive and matched on
            tokens - or, with ``regex=True``, a regular expression over the text.
        window: context words each side.
        sort: "right1" (first word after the match, then the next ones), "right2",
            ..., "left1" (the word just before), ..., or "none" (corpus order).
        voice: "authorial", "quoted" or None/"all" (the voice at the match start).
        regex: treat ``query`` as a regular expression (case-insensitive).

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
    kind, pattern = compile_query(query, regex)
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
    return attach(Concordance(table), "kwic", params, c)
