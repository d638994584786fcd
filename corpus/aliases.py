"""Alias table: spelling variants of one actor map to one canonical name.

Aliases change how names are counted and attributed, never the text itself.
"""

from __future__ import annotations

import csv
import hashlib
import json
import warnings
from importlib import resources
from pathlib import Path

from .errors import CorpusError


def _warn_of_rows_counts_skip(path: Path, mapping: dict[str, str]) -> None:
    """A warning for rows that map one word to several or several to one ("USSR" to
    "Soviet Union"): they name speakers, but word counts fold one-word rows only, so a
    table written to merge a term's spellings would be left out of every count unsaid.
    A surname to a full name ("Gorbachev" to "Mikhail Gorbachev") is a speaker's row."""
    mixed = [
        f"{variant!r} -> {canonical!r}"
        for variant, canonical in mapping.items()
        if _one_word_to_several(variant, canonical)
    ]
    if mixed:  # (a list, not a loop of warnings: one line on the command line)
        shown = ", ".join(mixed[:3]) + (f" and {len(mixed) - 3} more" if len(mixed) > 3 else "")
        warnings.warn(
            f"{path.name}: {len(mixed)} alias rows map one word to several words or several to "
            f"one ({shown}); they name speakers, but word counts fold only rows of one word "
            "on each side (count a phrase with stat_dispersion, kwic or stat_frequency(ngram=2))",
            stacklevel=4,
        )


ALIASES_VERSION = "communique-aliases/2"


def _one_word_to_several(variant: str, canonical: str) -> bool:
    one, several = sorted((variant.split(), canonical.split()), key=len)
    if len(one) != 1 or len(several) < 2:
        return False
    return one[0].casefold() != several[-1].casefold()  # not a surname and its full name


class Aliases:
    """Case-insensitive mapping from name variants to canonical names.

    Example:
        >>> a = Aliases({"Sergei Lavrov": "Sergey Lavrov"})
        >>> a.canonical("sergei lavrov"), a.canonical("Someone Else")
        ('Sergey Lavrov', 'Someone Else')
    """

    def __init__(self, mapping: dict[str, str], version: str = "custom") -> None:
        self._map = {variant.casefold(): canonical for variant, canonical in mapping.items()}
        # A table of one's own is named by its contents, so that two different tables
        # never give results the same provenance ("custom@1a2b...", "file:x.tsv@...");
        # only the shipped table goes by its published version (see default()).
        self.version = f"{version}@{self.digest()}"

    def digest(self) -> str:
        """The first 16 hex digits of the sha256 of the table's (variant, canonical) pairs."""
        pairs = json.dumps(self.items(), ensure_ascii=False).encode("utf-8")
        return hashlib.sha256(pairs).hexdigest()[:16]

    def canonical(self, name: str) -> str:
        """The canonical form of ``name`` (``name`` itself when it has no alias)."""
        return self._map.get(name.casefold(), name)

    def token_map(self) -> dict[str, str]:
        """Single-word variants, lower-cased, to their lower-cased canonical single word.

        Used for word counts: "zelensky" and "zelenskiy" both count as "zelenskyy".
        """
        return {
            variant: canonical.lower()
            for variant, canonical in self._map.items()
            if " " not in variant and " " not in canonical
        }

    def items(self) -> list[tuple[str, str]]:
        return sorted(self._map.items())

    @classmethod
    def read(cls, path: str | Path) -> Aliases:
        """Read a two-column TSV/CSV (``variant``, ``canonical``); ``#`` lines are comments."""
        path = Path(path)
        delimiter = "\t" if path.suffix.lower() in {".tsv", ".txt"} else ","
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise CorpusError(f"{path}: cannot read alias table ({exc.strerror})") from exc
        # (line number, line) of the header and the rows: blank lines and comments left out
        kept = [
            (number, line)
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip() and not line.startswith("#")
        ]
        reader = csv.DictReader([line for _, line in kept], delimiter=delimiter)
        if not {"variant", "canonical"} <= set(reader.fieldnames or ()):
            raise CorpusError(f"{path}: an alias table needs the columns 'variant' and 'canonical'")
        rows = list(reader)  # a header alone is an empty table: no name is merged
        mapping: dict[str, str] = {}
        first: dict[str, tuple[int, str]] = {}  # casefolded variant -> (line, canonical)
        for (line, _), row in zip(kept[1:], rows, strict=False):
            variant, canonical = row["variant"], row["canonical"]
            earlier, named = first.setdefault(variant.casefold(), (line, canonical))
            if named != canonical:
                raise CorpusError(
                    f"{path}: lines {earlier} and {line} map {variant!r} to two names "
                    f"({named!r} and {canonical!r}); keep one"
                )
            mapping[variant] = canonical
        _warn_of_rows_counts_skip(path, mapping)
        return cls(mapping, version=f"file:{path.name}")

    @classmethod
    def none(cls) -> Aliases:
        """An empty table: every spelling counts on its own (``read_corpus(...,
        aliases=False)``, ``--no-aliases``).

        Example:
            >>> Aliases.none().canonical("Sergei Lavrov"), Aliases.none().version
            ('Sergei Lavrov', 'none@4f53cda18c2baa0c')
        """
        return cls({}, version="none")

    @classmethod
    def default(cls) -> Aliases:
        """The alias table shipped with communique."""
        ref = resources.files("corpus") / "data" / "aliases.tsv"
        with resources.as_file(ref) as path:
            table = cls.read(path)
        table.version = ALIASES_VERSION
        return table
